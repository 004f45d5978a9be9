"""Two worlds, on the groups' terms: how a group relates to professionals, what it would welcome, and the
working arrangements between groups and professionals or agencies (offers, requests, bookings, talks)."""

from django.urls import path

from . import views

app_name = "relations"
urlpatterns = [
    path("groups/<slug:slug>/terms/", views.terms_edit, name="terms_edit"),
    path("groups/<slug:slug>/invite-to-talk/", views.invite, name="invite"),
    path("groups/<slug:slug>/offer/", views.offer_to_group, name="offer_to_group"),
    path("agencies/", views.agency_list, name="agencies"),
    path("agencies/<slug:slug>/", views.agency_detail, name="agency"),
    path("agencies/<slug:slug>/offers/new/", views.offer_edit, name="offer_new"),
    path("agencies/<slug:slug>/offers/<int:offer_id>/edit/", views.offer_edit, name="offer_edit"),
    path("agencies/<slug:slug>/offers/<int:offer_id>/ask/", views.ask, name="ask"),
    path("agencies/<slug:slug>/offers/<int:offer_id>/book/", views.book, name="book"),
    path("working-together/", views.dashboard, name="dashboard"),
    path("working-together/requests/<int:request_id>/", views.request_detail, name="request"),
    path("working-together/bookings/<int:booking_id>/", views.booking_detail, name="booking"),
    path("talks/<int:talk_id>/", views.talk_detail, name="talk"),
    path("survey/<str:token>/", views.survey_reply, name="survey_reply"),
]
