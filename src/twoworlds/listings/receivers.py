"""Every change to a listing, and every confirmation, whoever made it, becomes a row of its history."""

from .models import ConfirmationRequest, ListingChange


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


def record_listing_changes(sender, changes, actor=None, source="staff", reason="", **kwargs):
    """directory.signals.listings_saved (an import) -> one ListingChange per listing, written together."""
    person = actor if getattr(actor, "pk", None) else None
    ListingChange.objects.bulk_create(
        [
            ListingChange(
                group=group,
                actor=person,
                source=source or ListingChange.Source.STAFF,
                reason=reason or "",
                before=before,
                after=after,
            )
            for group, before, after in changes
        ],
        batch_size=500,
    )


def record_confirmation(sender, group, on, actor=None, reason="", **kwargs):
    """directory.signals.listing_confirmed -> open confirmation requests answered, and a history row."""
    from twoworlds.directory.snapshots import take_snapshot

    from .confirmation import CONFIRMED_REASON, _moment

    person = actor if getattr(actor, "pk", None) else None
    ConfirmationRequest.objects.filter(group=group, confirmed_at__isnull=True).update(
        confirmed_at=_moment(on), confirmed_by=person
    )
    snapshot = take_snapshot(group)
    ListingChange.objects.create(
        group=group,
        actor=person,
        source=ListingChange.Source.CONFIRMATION,
        reason=reason or CONFIRMED_REASON,
        before=snapshot,
        after=snapshot,
    )
