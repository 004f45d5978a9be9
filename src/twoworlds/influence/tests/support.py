"""Builders and fixtures shared by the influence tests (no tests here)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.core import testing as t
from twoworlds.involvement.tests.support import agency, professional
from twoworlds.listings.tests.support import looks_after, make_listing, person, staff

from .. import services
from ..models import Level

__all__ = ["agency", "looks_after", "make_listing", "person", "professional", "staff", "Level"]


def in_days(n):
    return timezone.localdate() + timedelta(days=n)


def issues():
    """Carers › Dementia and Mental health › Depression, and Specific conditions › Stroke (make_listing's)."""
    carers = t.category("Carers")
    mental = t.category("Mental health")
    return {
        "carers": carers,
        "dementia": t.category("Dementia", parent=carers),
        "mental_health": mental,
        "depression": t.category("Depression", parent=mental),
    }


def listing_with_contact(name, email, categories=()):
    group = make_listing(name)
    if categories:
        group.categories.set(categories)
    user = person(email)
    looks_after(group, user)
    return group, user


def opportunity_data(level, title="A forum", **changes):
    data = {
        "level": level,
        "title": title,
        "description": "Tell us how discharge from hospital feels.",
        "time_and_energy": "One two-hour meeting",
        "starts_on": in_days(30),
        "paid": True,
        "payment": "£40 and travel",
    }
    data.update(changes)
    return data


def post(by, level, categories, title="A forum", agency=None, **changes):
    return services.post_opportunity(by, opportunity_data(level, title, **changes), categories, agency=agency)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://twoworlds.example"
