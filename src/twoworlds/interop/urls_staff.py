"""Staff pages for imports, taxonomy mapping and subscriptions (federation)."""

from django.urls import path  # noqa: F401

app_name = "interop_staff"
urlpatterns = []
