from django.apps import AppConfig


class RelationsConfig(AppConfig):
    name = "twoworlds.relations"
    label = "relations"
    default_auto_field = "django.db.models.BigAutoField"
