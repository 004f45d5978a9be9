from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.home, name="home"),
    path("groups/<slug:slug>/", views.group_detail, name="group"),
    path("issues/", views.categories, name="categories"),
    path("issues/<slug:slug>/", views.category_detail, name="category"),
]
