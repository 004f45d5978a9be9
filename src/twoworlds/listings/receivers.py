"""Every change to a listing, whoever made it, becomes a row of its history."""

from .models import ListingChange


def record_listing_change(sender, group, before, after, actor=None, source="staff", reason="", **kwargs):
    """directory.signals.listing_saved -> ListingChange (who, when, what before and after, why)."""
    ListingChange.objects.create(
        group=group,
        actor=actor if getattr(actor, "pk", None) else None,
        source=source or ListingChange.Source.STAFF,
        reason=reason or "",
        before=before,
        after=after,
    )
