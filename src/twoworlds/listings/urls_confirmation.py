"""URLs of the re-confirmation cycle, in two lists mounted by the root urls.py:

    from twoworlds.listings import urls_confirmation
    path("staff/confirmation/", include(urls_confirmation.staff)),   # before path("staff/", admin…)
    path("confirm/", include("twoworlds.listings.urls_confirmation")),

`confirmation:confirm` is the one-click link in the emails; `confirmation_staff:dashboard` and
`confirmation_staff:mark_confirmed` are the staff pages."""

from django.urls import path

from . import views_confirmation as views

app_name = "confirmation"
urlpatterns = [
    path("<str:token>/", views.confirm_by_link, name="confirm"),
]

staff_urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<uuid:group_id>/confirmed/", views.mark_confirmed, name="mark_confirmed"),
]
staff = (staff_urlpatterns, "confirmation_staff")
