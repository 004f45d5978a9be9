from django.urls import path

from . import views_staff

app_name = "listings_staff"
urlpatterns = [
    path("", views_staff.queue, name="queue"),
    path("changes/<int:pk>/", views_staff.change, name="change"),
    path("claims/<int:pk>/", views_staff.claim, name="claim"),
    path("reports/<int:pk>/", views_staff.report, name="report"),
    path("groups/<slug:slug>/history/", views_staff.history, name="history"),
    path("groups/<slug:slug>/trusted/", views_staff.trusted, name="trusted"),
    path("groups/<slug:slug>/contacts/", views_staff.add_contact, name="add_contact"),
    path("contacts/<int:pk>/remove/", views_staff.remove_contact, name="remove_contact"),
    path("history/<int:pk>/revert/", views_staff.revert, name="revert"),
]
