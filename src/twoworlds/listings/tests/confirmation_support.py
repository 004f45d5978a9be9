"""Builders shared by the re-confirmation tests (no tests here)."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from twoworlds.core import testing as t
from twoworlds.directory.models import Group
from twoworlds.listings.models import GroupContact

TODAY = date(2026, 3, 2)  # the cycle's functions take `today`, so the tests need no clock tricks

DEFAULTS = {
    "RECONFIRM_INTERVAL_DAYS": 182,
    "REMINDER_EVERY_DAYS": 14,
    "REMINDERS": 2,
    "CONFIRMATION_WARNING_DAYS": 210,
    "LAPSE_AFTER_DAYS": 270,
    "SITE_URL": "https://groups.example.org",
}


def use_defaults(settings):
    for name, value in DEFAULTS.items():
        setattr(settings, name, value)


def listed(name, *, confirmed_days_ago, today=TODAY, categories=(), **fields):
    """A group whose details were last confirmed `confirmed_days_ago` days before `today`."""
    group = t.group(name, categories, **fields)
    Group.objects.filter(pk=group.pk).update(last_confirmed=today - timedelta(days=confirmed_days_ago))
    group.refresh_from_db()
    return group


def person(email, first_name="", **extra):
    return get_user_model().objects.create_user(
        username=email, email=email, first_name=first_name, password=None, **extra
    )


def looks_after(group, *people):
    for someone in people:
        GroupContact.objects.create(user=someone, group=group)
    return group
