from django.urls import path

from . import views

app_name = "contact_staff"
urlpatterns = [
    path("", views.staff_overview, name="overview"),
]
