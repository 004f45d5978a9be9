"""Staff pages for influence, under /staff/influence/."""

from django.urls import path  # noqa: F401

app_name = "influence_staff"
urlpatterns = []
