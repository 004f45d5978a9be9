from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "twoworlds.involvement"
    label = "involvement"
    default_auto_field = "django.db.models.BigAutoField"
