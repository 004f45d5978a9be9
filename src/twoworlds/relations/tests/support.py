"""Builders for this app's tests: groups with contacts, agencies with professionals, staff, terms."""

from itertools import count

from twoworlds.accounts.models import Agency, AgencyMember
from twoworlds.accounts.roles import EDITOR
from twoworlds.accounts.services import create_staff, get_or_create_user_for_email
from twoworlds.core import testing
from twoworlds.listings.services import add_contact

from ..models import AgencyOffer, GroupTerms, ResourceKind, Stance

_serial = count(1)


def person(email):
    return get_or_create_user_for_email(email)[0]


def group_with_contact(name, email=None, categories=()):
    """A group and the person who looks after it."""
    group = testing.group(name, categories)
    email = email or f"contact{next(_serial)}@example.org"
    add_contact(group, email, notify=False)
    return group, person(email)


def agency_with_member(name, email=None, kind="Hospital ward"):
    slug = name.lower().replace(" ", "-")
    agency = Agency.objects.create(name=name, slug=slug, kind=kind, description="A test agency.")
    email = email or f"pro{next(_serial)}@example.org"
    user = person(email)
    AgencyMember.objects.create(agency=agency, user=user, job_title="Nurse")
    return agency, user


def staff(username="staffer"):
    return create_staff(username, f"{username}@example.org", EDITOR)[0]


def terms(group, stance=Stance.SPEAKERS_BY_INVITATION, **fields):
    return GroupTerms.objects.create(group=group, stance=stance, **fields)


def room(agency, **fields):
    values = {
        "kind": ResourceKind.MEETING_ROOM,
        "title": "Seminar room",
        "times": "Weekday evenings",
        "capacity": 20,
        "access": "Step-free, hearing loop",
        "cost": "",
    }
    values.update(fields)
    return AgencyOffer.objects.create(agency=agency, **values)
