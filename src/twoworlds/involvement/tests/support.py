"""Builders and fixtures shared by the involvement tests (no tests here)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.accounts.models import Agency, AgencyMember
from twoworlds.listings.tests.support import looks_after, make_listing, person, staff
from twoworlds.relations.services import save_terms

from .. import services
from ..models import Side
from ..services import RoleTerms

__all__ = ["looks_after", "make_listing", "person", "staff", "Side"]


AGENCY_NAMES = {"qmc.example": "Queen's Medical Centre, Ward C3", "practice.example": "Sneinton GP Practice"}


def agency(name="Queen's Medical Centre, Ward C3"):
    slug = name.lower().replace(" ", "-").replace(",", "").replace("'", "")[:50]
    return Agency.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def professional(email="nurse@qmc.example", at=None, name=("Sam", "Okafor")):
    """A professional at `at`, or at an agency named after their address's domain (one per domain)."""
    user = person(email, first_name=name[0], last_name=name[1])
    domain = email.split("@", 1)[1]
    AgencyMember.objects.create(agency=at or agency(AGENCY_NAMES.get(domain, domain)), user=user)
    return user


def set_stance(group, stance, by):
    return save_terms(group, {"stance": stance}, by)


def in_days(n):
    return timezone.localdate() + timedelta(days=n)


def terms(kind="low_key", review_in=90, **changes):
    values = {
        "kind": kind,
        "description": "Drop in to answer questions about benefits after the meeting.",
        "time_commitment": "An hour a month",
        "review_on": in_days(review_in),
    }
    values.update(changes)
    return RoleTerms(**values)


def ask(group, pro, **changes):
    values = {
        "professional_name": "Sam Okafor",
        "about_you": "Stroke nurse on ward C3",
        "meetings": "Tuesdays 2pm",
        "reason": "To listen and learn what helps after discharge.",
    }
    values.update(changes)
    return services.ask_to_attend(group, pro, pro.agency_memberships.get().agency, **values)


def proposed_role(group, pro, side=Side.PROFESSIONAL, by=None, **changes):
    return services.propose_role(
        group, pro, pro.agency_memberships.get().agency, side, by or pro, terms(**changes)
    )


@pytest.fixture
def group(db):
    return make_listing("Sneinton Stroke Club")


@pytest.fixture
def contact(group):
    user = person("pat@example.org")
    looks_after(group, user)
    return user


@pytest.fixture
def guests_welcome(group, contact):
    set_stance(group, "invited_guests", contact)
    return group


@pytest.fixture
def pro(db):
    return professional()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://twoworlds.example"
