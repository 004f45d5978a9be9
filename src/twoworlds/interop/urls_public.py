"""Open feeds at the site root: the Meeting Guide feed and iCalendar files."""

from django.urls import path  # noqa: F401

app_name = "feeds"
urlpatterns = []
