from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "twoworlds.contact"
    label = "contact"
    default_auto_field = "django.db.models.BigAutoField"
