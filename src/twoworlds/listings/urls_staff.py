from django.urls import path  # noqa: F401

app_name = "listings_staff"
urlpatterns: list = []
