from django.urls import path  # noqa: F401

app_name = "contact_staff"
urlpatterns: list = []
