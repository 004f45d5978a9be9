from django.urls import path

from . import views

app_name = "influence"
urlpatterns = [
    # The group's side
    path("my-groups/<slug:slug>/influence/", views.group_page, name="group"),
    path(
        "my-groups/<slug:slug>/influence/<int:delivery_id>/",
        views.group_opportunity,
        name="group_opportunity",
    ),
    path(
        "my-groups/<slug:slug>/influence/<int:delivery_id>/answer/", views.group_answer, name="group_answer"
    ),
    path("my-groups/<slug:slug>/feedback/", views.group_feedback, name="group_feedback"),
    path("my-groups/<slug:slug>/feedback/new/", views.group_feedback_new, name="group_feedback_new"),
    path("my-groups/<slug:slug>/feedback/<int:thread_id>/", views.group_thread, name="group_thread"),
    # The poster's side (staff and agencies)
    path("influence/opportunities/", views.opportunities, name="opportunities"),
    path("influence/opportunities/new/", views.post_opportunity, name="post"),
    path("influence/opportunities/<int:opportunity_id>/", views.opportunity, name="opportunity"),
    path("influence/opportunities/<int:opportunity_id>/close/", views.close_opportunity, name="close"),
    # The service's side of feedback
    path("professional/feedback/", views.service_feedback, name="service_feedback"),
    path("professional/feedback/<int:thread_id>/", views.service_thread, name="service_thread"),
]
