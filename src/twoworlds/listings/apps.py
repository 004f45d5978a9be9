from django.apps import AppConfig


class ListingsConfig(AppConfig):
    name = "twoworlds.listings"
    label = "listings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from twoworlds.directory.models import Group
        from twoworlds.directory.signals import listing_confirmed, listing_saved, listings_saved

        from .receivers import record_confirmation, record_listing_change, record_listing_changes

        listing_saved.connect(
            record_listing_change, sender=Group, dispatch_uid="listings.record_listing_change"
        )
        listings_saved.connect(
            record_listing_changes, sender=Group, dispatch_uid="listings.record_listing_changes"
        )
        listing_confirmed.connect(
            record_confirmation, sender=Group, dispatch_uid="listings.record_confirmation"
        )
