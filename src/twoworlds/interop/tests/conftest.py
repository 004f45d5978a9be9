"""A small but realistic directory for the API tests, built through the directory's service functions."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from twoworlds.directory import services
from twoworlds.directory.models import (
    Category,
    ContactRoute,
    Group,
    Language,
    Meeting,
    Organisation,
    Venue,
)
from twoworlds.search.services import rebuild_index

A = Meeting.Attendance
F = Meeting.Frequency


def _category(name, slug, parent=None, **extra):
    # Slugs of our own: the migrations seed the real issue list, which stays alongside.
    category = Category(name=name, slug=f"api-{slug}", parent=parent, **extra)
    category.full_clean()
    category.save()
    return category


def _group(org, name, categories, *, meetings=(), routes=(), languages=(), **fields):
    fields.setdefault("description", f"{name}: we meet to support each other.")
    group = services.save_group(
        Group(organisation=org, name=name, **fields), categories=categories, languages=languages
    )
    for spec in meetings:
        services.save_meeting(Meeting(group=group, **spec))
    for position, spec in enumerate(routes):
        services.save_contact_route(ContactRoute(group=group, position=position, **spec))
    return group


def _weekly(weekday, start, end, **extra):
    return {
        "frequency": F.WEEKLY,
        "weekday": weekday,
        "start_time": time.fromisoformat(start),
        "end_time": time.fromisoformat(end),
        **extra,
    }


@pytest.fixture
def directory(db):
    """Ten groups run by three organisations, at three venues (one a member's home), with every kind of
    meeting and contact route. Returns a dict of what was made; the search index is built."""
    today = timezone.localdate()
    carers = _category("Carers", "carers", description="Looking after someone.")
    dementia = _category("Dementia", "dementia", parent=carers, lay_terms="memory loss")
    bereavement = _category("Bereavement", "bereavement")
    mental = _category("Mental health", "mental-health")
    anxiety = _category("Anxiety", "anxiety", parent=mental, description="Worry that will not stop.")
    polish, _ = Language.objects.get_or_create(code="pl", defaults={"name": "Polish"})
    bsl, _ = Language.objects.get_or_create(code="bfi", defaults={"name": "British Sign Language"})

    network = services.save_organisation(
        Organisation(
            name="Nottingham Carers Network",
            description="Carers supporting carers.",
            website="https://carers.example.org",
            email="hello@carers.example.org",
            charity_number="1234567",
        )
    )
    national = services.save_organisation(Organisation(name="Dementia Society UK", is_national=True))
    hospital = services.save_organisation(
        Organisation(
            name="City Hospital Social Work",
            description="The hospital's social work team.",
            charity_number="SC012345",
        )
    )

    city = services.save_venue(
        Venue(
            name="Friends Meeting House",
            address_1="30 Clarendon Street",
            town="Nottingham",
            county="Nottinghamshire",
            postcode="ng1 5fs",
            latitude=52.9562,
            longitude=-1.1561,
            step_free=True,
            hearing_loop=True,
            accessible_toilet=True,
            access_notes="Ramp at the side door.",
            directions="Opposite the church.",
        )
    )
    beeston = services.save_venue(
        Venue(
            name="Beeston Library",
            address_1="Foster Avenue",
            town="Beeston",
            postcode="NG9 1AE",
            latitude=52.9253,
            longitude=-1.2149,
            parking=True,
            near_public_transport=True,
        )
    )
    home = services.save_venue(
        Venue(
            name="Jo's house",
            address_1="12 Acacia Avenue",
            address_2="Daybrook",
            town="Arnold",
            county="Nottinghamshire",
            postcode="NG5 6AA",
            latitude=53.00512,
            longitude=-1.12734,
            is_members_home=True,
            step_free=True,
            access_notes="Ring the bell at number 12.",
            directions="The blue door by the post box.",
        )
    )

    made = {
        "categories": {
            c.slug.removeprefix("api-"): c for c in (carers, dementia, bereavement, mental, anxiety)
        },
        "languages": {"pl": polish, "bfi": bsl},
        "venues": {"city": city, "beeston": beeston, "home": home},
        "organisations": {"network": network, "national": national, "hospital": hospital},
    }
    made["groups"] = groups = {}
    groups["cafe"] = _group(
        network,
        "Memory Lane Carers Café",
        [dementia],
        for_carers=True,
        for_family_friends=True,
        cost=Group.Cost.DONATION,
        cost_note="Tea is 50p",
        website="https://memorylane.example.org",
        what_to_expect="Someone will meet you at the door.",
        eligibility_note="Bring the person you care for",
        meetings=[_weekly(1, "10:30", "12:00", venue=city, notes="Not in August")],
        routes=[
            {"kind": "phone", "value": "0115 496 0000", "contact_name": "Jo", "note": "weekday evenings"},
            {"kind": "email", "value": "cafe@example.org", "contact_name": "Sam"},
            {"kind": "text", "value": "07700 900111"},
            {"kind": "phone", "value": "07700 900999", "visibility": "on_request", "contact_name": "Private"},
            {"kind": "email", "value": "secret@example.org", "visibility": "hidden"},
            {"kind": "website", "value": "https://other.example.org"},
        ],
    )
    groups["polish"] = _group(
        network,
        "Polish Carers Circle",
        [dementia],
        languages=[polish],
        gender=Group.Gender.WOMEN,
        minimum_age=18,
        maximum_age=99,
        alternate_name="Krąg Opiekunów",
        meetings=[
            {
                "frequency": F.FORTNIGHTLY,
                "weekday": 3,
                "starts_on": date(2026, 1, 8),
                "start_time": time(18, 30),
                "end_time": time(20, 0),
                "venue": beeston,
            }
        ],
    )
    groups["kitchen"] = _group(
        network,
        "Arnold Kitchen Table",
        [dementia, bereavement],
        home_visits=True,
        meetings=[{"frequency": F.MONTHLY, "weekday": 4, "nth": 2, "start_time": time(11, 0), "venue": home}],
        routes=[{"kind": "email", "value": "kitchen@example.org"}],
    )
    groups["online"] = _group(
        network,
        "Bereavement Online",
        [bereavement],
        languages=[bsl],
        meetings=[
            _weekly(2, "19:00", "20:30", attendance=A.ONLINE, online_joining="Zoom link sent on request")
        ],
    )
    groups["phone"] = _group(
        network,
        "Telephone Friends",
        [bereavement],
        phone_support=True,
        meetings=[{"frequency": F.BY_ARRANGEMENT, "attendance": A.TELEPHONE}],
        routes=[{"kind": "phone", "value": "0115 496 0123", "note": "Mornings"}],
    )
    groups["anxiety"] = _group(
        hospital,
        "Anxiety Support at City Hospital",
        [anxiety],
        group_type=Group.Type.PROFESSIONALLY_LED,
        cost=Group.Cost.CHARGE,
        cost_note="£2 a session",
        meetings=[
            {
                "frequency": F.MONTHLY,
                "weekday": 0,
                "nth": -1,
                "start_time": time(14, 0),
                "end_time": time(15, 30),
                "attendance": A.HYBRID,
                "venue": city,
            }
        ],
    )
    groups["national"] = _group(
        national,
        "Dementia Society UK Helpline",
        [dementia],
        group_type=Group.Type.NATIONAL,
        phone_support=True,
        routes=[{"kind": "phone", "value": "0300 123 4567"}],
    )
    groups["paused"] = _group(
        network,
        "Beeston Carers Walk",
        [carers],
        status=Group.Status.PAUSED,
        paused_until=today + timedelta(days=30),
        status_note="Back when the weather improves",
        meetings=[_weekly(5, "10:00", "11:00", venue=beeston)],
    )
    groups["lapsed"] = _group(
        network,
        "Lapsed Coffee Morning",
        [carers],
        status=Group.Status.PAUSED,
        paused_until=today - timedelta(days=30),
        meetings=[_weekly(4, "10:00", "11:00", venue=city)],
    )
    groups["closed"] = _group(
        network,
        "Old Dementia Group",
        [dementia],
        status=Group.Status.CLOSED,
        meetings=[_weekly(1, "10:00", "11:00", venue=city)],
    )
    rebuild_index()
    return made


LISTED = ["cafe", "polish", "kitchen", "online", "phone", "anxiety", "paused", "lapsed", "national"]
"""Groups /api/services lists with no parameters: all but the closed one."""
MEETING = [key for key in LISTED if key != "national"]
"""Listed groups that meet somewhere (online and by telephone included); the national helpline does not."""


@pytest.fixture
def demo_directory(db):
    """The demo directory (`twoworlds demo_data`: 250 groups around Nottingham), search index built."""
    from io import StringIO

    from django.core.management import call_command

    call_command("demo_data", no_staff=True, stdout=StringIO())
