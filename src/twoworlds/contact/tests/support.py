"""Builders and fixtures shared by the contact tests (no tests here). Import what a module needs."""

import pytest
from cryptography.fernet import Fernet
from django.urls import reverse

from twoworlds.accounts.models import Agency, AgencyMember
from twoworlds.contact import services
from twoworlds.contact.models import ContactDetails
from twoworlds.listings.tests.support import looks_after, make_listing, person, staff

__all__ = ["looks_after", "make_listing", "person", "staff"]

# Distinctive values, so that finding them anywhere is meaningful.
PHONE = "07700 900461"
EMAIL = "juniper.quill.7731@example.net"
NAME = "Marigold Fennimore"
MESSAGE = "I lost my sister in March and would like to talk to people who understand zebrafinch."
GOOD_TIMES = "Weekday evenings after 6"

TEST_KEY = Fernet.generate_key().decode()


def form_data(**changes):
    data = {
        "name": NAME,
        "reach_kind": "phone",
        "reach_value": PHONE,
        "good_times": GOOD_TIMES,
        "message": MESSAGE,
        "consent": "on",
        "website_url": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def ask_url(group):
    return reverse("contact:ask", args=[group.slug])


def inbox_url(group):
    return reverse("contact:inbox", args=[group.slug])


def request_url(contact_request):
    return reverse("contact:request", args=[contact_request.group.slug, contact_request.pk])


def close_url(contact_request):
    return reverse("contact:close", args=[contact_request.group.slug, contact_request.pk])


def details(**changes):
    values = {
        "name": NAME,
        "reach_kind": "phone",
        "reach_value": PHONE,
        "good_times": GOOD_TIMES,
        "message": MESSAGE,
    }
    values.update(changes)
    return ContactDetails(**values)


def make_request(group, **changes):
    """A request made through the service, as the form makes it; returns (request, withdraw token)."""
    now = changes.pop("now", None)
    agency = changes.pop("agency", None)
    made_by = changes.pop("made_by", None)
    return services.make_request(group, details(**changes), agency=agency, made_by=made_by, now=now)


def agency(name="Queen's Medical Centre, Ward C3", slug=None):
    return Agency.objects.create(name=name, slug=slug or name.lower().replace(" ", "-").replace(",", "")[:50])


def professional(email="nurse@qmc.example", at=None):
    user = person(email)
    AgencyMember.objects.create(agency=at or agency(), user=user, job_title="Ward nurse")
    return user


@pytest.fixture(autouse=True)
def _contact_settings(settings):
    """A known key (so that no test writes var/contact_keys) and the default schedule."""
    settings.CONTACT_ENCRYPTION_KEYS = [TEST_KEY]
    settings.CONTACT_PURGE_CLOSED_DAYS = 30
    settings.CONTACT_PURGE_UNOPENED_DAYS = 60
    settings.CONTACT_REMINDER_BEFORE_DAYS = 7
    settings.SITE_URL = "https://twoworlds.example"


@pytest.fixture
def group(db):
    return make_listing("Sneinton Bereavement Circle")


@pytest.fixture
def contact(group):
    user = person("pat@example.org")
    looks_after(group, user)
    return user


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit(): ...` runs what would run after the transaction commits (the group's emails)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
