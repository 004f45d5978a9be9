"""How a listing reads to the public: derived wording that templates show, kept out of templates."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone


@dataclass
class Freshness:
    last_confirmed: object
    stale: bool


def listing_freshness(group, today=None):
    """When the details were last confirmed, and whether that is long enough ago to warn people."""
    today = today or timezone.localdate()
    stale = group.last_confirmed < today - timedelta(days=settings.CONFIRMATION_WARNING_DAYS)
    return Freshness(group.last_confirmed, stale)


def who_can_come(group):
    parts = []
    if group.for_people_affected:
        parts.append("people affected")
    if group.for_family_friends:
        parts.append("family and friends")
    if group.for_carers:
        parts.append("carers")
    return parts
