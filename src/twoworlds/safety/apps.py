from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "twoworlds.safety"
    label = "safety"
    default_auto_field = "django.db.models.BigAutoField"
