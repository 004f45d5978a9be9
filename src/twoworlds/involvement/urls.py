from django.urls import path

from . import views

app_name = "involvement"
urlpatterns = [
    # The professional's side
    path("groups/<slug:slug>/ask-to-attend/", views.ask_to_attend, name="ask_to_attend"),
    path("groups/<slug:slug>/propose-a-role/", views.propose_as_professional, name="propose_as_professional"),
    path("professional/involvement/", views.professional, name="professional"),
    path(
        "professional/involvement/invitations/<int:invitation_id>/take-back/",
        views.cancel_invitation,
        name="cancel_invitation",
    ),
    path("professional/involvement/roles/<int:role_id>/", views.professional_role, name="professional_role"),
    path(
        "professional/involvement/roles/<int:role_id>/review/",
        views.professional_review,
        name="professional_review",
    ),
    path(
        "professional/involvement/roles/<int:role_id>/<slug:action>/",
        views.professional_role_action,
        name="professional_role_action",
    ),
    # The group's side
    path("my-groups/<slug:slug>/involvement/", views.group_page, name="group"),
    path(
        "my-groups/<slug:slug>/involvement/invitations/<int:invitation_id>/",
        views.group_invitation,
        name="group_invitation",
    ),
    path(
        "my-groups/<slug:slug>/involvement/invitations/<int:invitation_id>/withdraw/",
        views.withdraw_invitation,
        name="withdraw_invitation",
    ),
    path(
        "my-groups/<slug:slug>/involvement/roles/propose/",
        views.group_propose_role,
        name="group_propose_role",
    ),
    path("my-groups/<slug:slug>/involvement/roles/<int:role_id>/", views.group_role, name="group_role"),
    path(
        "my-groups/<slug:slug>/involvement/roles/<int:role_id>/review/",
        views.group_review,
        name="group_review",
    ),
    path(
        "my-groups/<slug:slug>/involvement/roles/<int:role_id>/<slug:action>/",
        views.group_role_action,
        name="group_role_action",
    ),
]
