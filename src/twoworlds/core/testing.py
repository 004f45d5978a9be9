"""Builders for tests: small, explicit directories made through the same service functions as the product."""

from datetime import date, time
from itertools import count

from twoworlds.directory import services
from twoworlds.directory.models import Category, ContactRoute, Group, Language, Meeting, Organisation, Venue

_serial = count(1)


def category(name, parent=None, lay_terms=""):
    slug = f"t-{name.lower().replace(' ', '-')}"
    found, _ = Category.objects.update_or_create(
        slug=slug, defaults={"name": name, "parent": parent, "lay_terms": lay_terms}
    )
    return found


def language(code, name):
    found, _ = Language.objects.get_or_create(code=code, defaults={"name": name})
    return found


def organisation(name=None, national=False):
    return services.save_organisation(
        Organisation(name=name or f"Organisation {next(_serial)}", description="Test", is_national=national)
    )


def venue(name="Community Centre", town="Nottingham", postcode="NG7 2UH", lat=52.9536, lon=-1.1850, **flags):
    return services.save_venue(
        Venue(
            name=name,
            address_1="1 High Street",
            town=town,
            postcode=postcode,
            latitude=lat,
            longitude=lon,
            **flags,
        )
    )


def group(
    name,
    categories=(),
    *,
    description="We are a friendly group.",
    group_type=Group.Type.SELF_HELP,
    meetings=(),
    routes=(),
    languages=(),
    org=None,
    **fields,
):
    """A group with meetings given as dicts of Meeting fields (weekday, start_time as 'HH:MM', venue…)."""
    built = services.save_group(
        Group(
            organisation=org or organisation(national=group_type == Group.Type.NATIONAL),
            name=name,
            description=description,
            group_type=group_type,
            **fields,
        ),
        categories=list(categories),
        languages=list(languages),
    )
    for spec in meetings:
        spec = dict(spec)
        for key in ("start_time", "end_time"):
            if isinstance(spec.get(key), str):
                spec[key] = time.fromisoformat(spec[key])
        spec.setdefault("frequency", Meeting.Frequency.WEEKLY)
        if spec["frequency"] == Meeting.Frequency.FORTNIGHTLY:
            spec.setdefault("starts_on", date(2026, 1, 6))
        in_person = spec.get("attendance", Meeting.Attendance.IN_PERSON) in ("in_person", "hybrid")
        if in_person and "venue" not in spec:
            spec["venue"] = venue()
        services.save_meeting(Meeting(group=built, **spec))
    for position, spec in enumerate(routes):
        services.save_contact_route(ContactRoute(group=built, position=position, **spec))
    return built


def weekly(weekday, start="19:00", end="21:00", **extra):
    return {"weekday": weekday, "start_time": start, "end_time": end, **extra}


# Three places around Nottingham, a few miles apart.
CITY = {"postcode": "NG1 5FS", "town": "Nottingham", "lat": 52.9540, "lon": -1.1500}
BEESTON = {"postcode": "NG9 2JR", "town": "Beeston", "lat": 52.9260, "lon": -1.2150}
MANSFIELD = {"postcode": "NG18 1AB", "town": "Mansfield", "lat": 53.1440, "lon": -1.1980}


def small_directory():
    """A small directory that exercises every filter: returns its groups by nickname, indexed."""
    from twoworlds.search.services import rebuild_index

    carers = category("Carers")
    dementia = category("Dementia", parent=carers, lay_terms="memory loss, forgetting things")
    health = category("Specific conditions")
    tinnitus = category("Tinnitus", parent=health, lay_terms="ringing in my ears, buzzing in ears")
    cfs = category("Chronic fatigue", parent=health, lay_terms="ME, CFS, always exhausted")
    polish = language("pl", "Polish")
    city = venue("Friends Meeting House", **CITY)
    beeston = venue("Beeston Library", **BEESTON, step_free=True)
    mansfield = venue("Mansfield Church Hall", **MANSFIELD)
    home = venue("Home", town="Arnold", postcode="NG5 6AA", lat=53.0050, lon=-1.1270, is_members_home=True)
    built = {
        "dementia_cafe": group(
            "Memory Lane Carers Café",
            [dementia],
            description="A cuppa and a chat for people caring for someone with dementia.",
            meetings=[weekly(1, "10:30", "12:00", venue=city)],
            for_carers=True,
        ),
        "dementia_polish": group(
            "Polish Carers Circle",
            [dementia],
            description="Wspieramy opiekunów. Carers supporting each other in Polish.",
            meetings=[weekly(3, "18:30", "20:00", venue=beeston)],
            languages=[polish],
        ),
        "tinnitus": group(
            "Tinnitus Self Help Nottingham",
            [tinnitus],
            description="Living with noises in the head together.",
            meetings=[
                {
                    "frequency": Meeting.Frequency.MONTHLY,
                    "weekday": 1,
                    "nth": 2,
                    "start_time": "19:00",
                    "end_time": "21:00",
                    "venue": mansfield,
                }
            ],
        ),
        "cfs_online": group(
            "ME Connect Online",
            [cfs],
            description="An online group for people with long-term exhaustion.",
            meetings=[weekly(4, "14:00", "15:30", attendance=Meeting.Attendance.ONLINE)],
        ),
        "home_group": group(
            "Arnold Kitchen Table",
            [dementia],
            description="Carers meeting round a kitchen table.",
            meetings=[weekly(5, "11:00", "12:30", venue=home)],
            home_visits=True,
        ),
        "phone": group(
            "Telephone Friends",
            [tinnitus],
            description="We ring each other every week.",
            phone_support=True,
            meetings=[
                {"frequency": Meeting.Frequency.BY_ARRANGEMENT, "attendance": Meeting.Attendance.TELEPHONE}
            ],
        ),
        "national_dementia": group(
            "Dementia Society UK",
            [dementia],
            description="The national charity for everyone affected by dementia.",
            group_type=Group.Type.NATIONAL,
        ),
        "closed": group(
            "Old Dementia Group",
            [dementia],
            description="Closed now.",
            status=Group.Status.CLOSED,
            meetings=[weekly(1, "10:00", "11:00", venue=city)],
        ),
    }
    rebuild_index()
    return built
