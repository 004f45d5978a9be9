"""Staff pages for relations, under /staff/relations/."""

from django.urls import path  # noqa: F401

app_name = "relations_staff"
urlpatterns = []
