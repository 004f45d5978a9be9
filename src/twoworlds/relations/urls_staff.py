"""Staff pages for relations, under /staff/relations/."""

from django.urls import path

from . import views_staff

app_name = "relations_staff"
urlpatterns = [
    path("", views_staff.overview, name="overview"),
    path("surveys/new/", views_staff.survey_new, name="survey_new"),
    path("surveys/<int:survey_id>/", views_staff.survey_detail, name="survey"),
    path("surveys/<int:survey_id>/send/", views_staff.survey_send, name="survey_send"),
]
