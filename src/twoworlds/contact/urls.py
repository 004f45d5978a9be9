from django.urls import path

from . import views

app_name = "contact"
urlpatterns = [
    path("groups/<slug:slug>/ask-to-be-contacted/", views.ask, name="ask"),
    path("groups/<slug:slug>/put-in-touch/", views.on_behalf, name="on_behalf"),
    path("contact/withdraw/<str:token>/", views.withdraw, name="withdraw"),
    path("my-groups/<slug:slug>/requests/", views.inbox, name="inbox"),
    path("my-groups/<slug:slug>/requests/<int:request_id>/", views.request_detail, name="request"),
    path("my-groups/<slug:slug>/requests/<int:request_id>/close/", views.close, name="close"),
    path("professional/", views.professional, name="professional"),
]
