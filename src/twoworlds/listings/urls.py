from django.urls import path

from . import views

app_name = "listings"
urlpatterns = [
    path("my-groups/", views.my_groups, name="my_groups"),
    path("my-groups/<slug:slug>/edit/", views.edit, name="edit"),
    path("my-groups/<slug:slug>/confirm/", views.confirm, name="confirm"),
    path("my-groups/<slug:slug>/changes/<int:change_id>/", views.change_detail, name="change"),
    path("my-groups/<slug:slug>/changes/<int:change_id>/withdraw/", views.withdraw, name="withdraw"),
    path("my-groups/<slug:slug>/contacts/", views.contacts, name="contacts"),
    path(
        "my-groups/<slug:slug>/contacts/<int:contact_id>/remove/", views.remove_contact, name="remove_contact"
    ),
    path("groups/<slug:slug>/claim/", views.claim, name="claim"),
    path("groups/<slug:slug>/report-a-change/", views.report, name="report"),
    path("groups/<slug:slug>/report-a-change/thanks/", views.reported, name="reported"),
    path("list-a-group/", views.submit, name="submit"),
    path("list-a-group/thanks/", views.submitted, name="submitted"),
    path("media/groups/<str:name>", views.logo, name="logo"),
]
