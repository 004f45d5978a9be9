"""Staff pages for involvement, under /staff/involvement/."""

from django.urls import path

from . import views

app_name = "involvement_staff"
urlpatterns = [
    path("", views.staff_overview, name="overview"),
]
