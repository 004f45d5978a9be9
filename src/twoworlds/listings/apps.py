from django.apps import AppConfig


class ListingsConfig(AppConfig):
    name = "twoworlds.listings"
    label = "listings"
    default_auto_field = "django.db.models.BigAutoField"
