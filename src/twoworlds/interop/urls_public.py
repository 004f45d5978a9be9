"""Open feeds at the site root: the Meeting Guide feed and iCalendar files."""

from django.urls import path

from . import views_public

app_name = "feeds"
urlpatterns = [
    path("meetings.json", views_public.meetings_json, name="meeting_guide"),
    path("groups/<slug:slug>/meetings.ics", views_public.group_calendar, name="group_calendar"),
    path("issues/<slug:slug>/meetings.ics", views_public.category_calendar, name="category_calendar"),
    path("search/meetings.ics", views_public.search_calendar, name="search_calendar"),
]
