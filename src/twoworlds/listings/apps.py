from django.apps import AppConfig


class ListingsConfig(AppConfig):
    name = "twoworlds.listings"
    label = "listings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from twoworlds.directory.models import Group
        from twoworlds.directory.signals import listing_confirmed, listing_saved

        from .receivers import record_confirmation, record_listing_change

        listing_saved.connect(
            record_listing_change, sender=Group, dispatch_uid="listings.record_listing_change"
        )
        listing_confirmed.connect(
            record_confirmation, sender=Group, dispatch_uid="listings.record_confirmation"
        )
