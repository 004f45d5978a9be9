from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/<str:token>/", views.use_link, name="use_link"),
    path("password-sign-in/", views.password_sign_in, name="password_sign_in"),
    path("password/", views.set_password, name="set_password"),
    path("sign-out/", views.sign_out, name="sign_out"),
]
