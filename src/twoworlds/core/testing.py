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
        Venue(name=name, address_1="1 High Street", town=town, postcode=postcode, latitude=lat, longitude=lon, **flags)
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
