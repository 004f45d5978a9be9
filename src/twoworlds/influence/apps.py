from django.apps import AppConfig


class InfluenceConfig(AppConfig):
    name = "twoworlds.influence"
    label = "influence"
    default_auto_field = "django.db.models.BigAutoField"
