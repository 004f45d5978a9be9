"""Staff pages for influence, under /staff/influence/."""

from django.urls import path

from . import views

app_name = "influence_staff"
urlpatterns = [
    path("", views.staff_overview, name="overview"),
]
