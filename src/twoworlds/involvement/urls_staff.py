"""Staff pages for involvement, under /staff/involvement/."""

from django.urls import path  # noqa: F401

app_name = "involvement_staff"
urlpatterns = []
