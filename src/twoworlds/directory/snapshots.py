"""A whole listing as plain data (a snapshot), and the one way to write one back.

Snapshots carry proposed changes (a group's edit waiting for moderation), history (before and after every
change) and reverts. `apply_snapshot` writes through the service functions, so the search index follows."""

from datetime import date, time

from django.db import transaction

from . import services
from .models import Category, ContactRoute, Group, Language, Meeting, Organisation, Venue
from .signals import listing_saved

GROUP_FIELDS = """name alternate_name group_type description what_to_expect for_people_affected
    for_family_friends for_carers gender minimum_age maximum_age eligibility_note home_visits phone_support
    cost cost_note website status paused_until status_note""".split()
VENUE_FIELDS = """name address_1 address_2 town county postcode latitude longitude is_members_home
    address_disclosure step_free hearing_loop accessible_toilet parking near_public_transport access_notes
    directions""".split()
MEETING_FIELDS = "attendance frequency weekday nth starts_on start_time end_time online_joining notes".split()
ROUTE_FIELDS = ["kind", "contact_name", "value", "note", "visibility", "position"]
DATE_FIELDS = {"paused_until", "starts_on"}
TIME_FIELDS = {"start_time", "end_time"}


def _plain(value):
    if isinstance(value, date | time):
        return value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
    return value


def _fields(instance, names):
    return {name: _plain(getattr(instance, name)) for name in names}


def _typed(name, value):
    if value in (None, ""):
        return None if name in DATE_FIELDS | TIME_FIELDS else value
    if name in DATE_FIELDS and isinstance(value, str):
        return date.fromisoformat(value)
    if name in TIME_FIELDS and isinstance(value, str):
        return time.fromisoformat(value)
    return value


def _snapshot(group, meetings, routes):
    data = _fields(group, GROUP_FIELDS)
    data["organisation"] = {"id": str(group.organisation_id), "name": group.organisation.name}
    data["categories"] = sorted(c.slug for c in group.categories.all())
    data["languages"] = sorted(lang.code for lang in group.languages.all())
    data["logo"] = group.logo.name if group.logo else ""
    data["meetings"] = [
        {
            "id": str(m.pk),
            **_fields(m, MEETING_FIELDS),
            "venue": {"id": str(m.venue_id), **_fields(m.venue, VENUE_FIELDS)} if m.venue_id else None,
        }
        for m in meetings
    ]
    data["contact_routes"] = [{"id": str(r.pk), **_fields(r, ROUTE_FIELDS)} for r in routes]
    return data


MEETING_ORDER = ("weekday", "start_time", "pk")
ROUTE_ORDER = ("position", "pk")


def take_snapshot(group):
    """Everything a group's listing says, as JSON-ready data."""
    meetings = Meeting.objects.filter(group=group).select_related("venue").order_by(*MEETING_ORDER)
    routes = ContactRoute.objects.filter(group=group).order_by(*ROUTE_ORDER)
    return _snapshot(group, meetings, routes)


def take_snapshots(group_ids):
    """{group id: `take_snapshot(group)`} for many groups in a handful of queries (importers, at scale)."""
    group_ids = list(group_ids)
    meetings, routes = {}, {}
    for meeting in (
        Meeting.objects.filter(group_id__in=group_ids).select_related("venue").order_by(*MEETING_ORDER)
    ):
        meetings.setdefault(meeting.group_id, []).append(meeting)
    for route in ContactRoute.objects.filter(group_id__in=group_ids).order_by(*ROUTE_ORDER):
        routes.setdefault(route.group_id, []).append(route)
    groups = (
        Group.objects.filter(pk__in=group_ids)
        .select_related("organisation")
        .prefetch_related("categories", "languages")
    )
    return {g.pk: _snapshot(g, meetings.get(g.pk, []), routes.get(g.pk, [])) for g in groups}


def _venue_for(group, spec):
    """The venue a meeting in a snapshot meets at: updated in place when only this group uses it, or a new
    venue when the group changed details of a venue other groups share (their listings must not change)."""
    if not spec:
        return None
    values = {name: _typed(name, spec.get(name)) for name in VENUE_FIELDS if name in spec}
    venue = Venue.objects.filter(pk=spec.get("id")).first() if spec.get("id") else None
    if venue is not None:
        changed = any(getattr(venue, name) != value for name, value in values.items())
        if not changed:
            return venue
        shared = Meeting.objects.filter(venue=venue).exclude(group=group).exists()
        if shared:
            venue = Venue(**{**_fields_raw(venue), **values})
        else:
            for name, value in values.items():
                setattr(venue, name, value)
    else:
        venue = Venue(**values)
    return services.save_venue(venue)


def _fields_raw(venue):
    return {name: getattr(venue, name) for name in VENUE_FIELDS}


@transaction.atomic
def apply_snapshot(snapshot, group=None, *, organisation=None, actor=None, source="staff", reason=""):
    """Write a snapshot as the group's listing (or create a new group when `group` is None). Returns the
    group. Validation errors (django ValidationError) leave nothing half-written."""
    before = take_snapshot(group) if group is not None else None
    if group is None:
        group = Group(organisation=organisation or _organisation_for(snapshot))
    for name in GROUP_FIELDS:
        if name in snapshot:
            setattr(group, name, _typed(name, snapshot[name]))
    if "logo" in snapshot:
        group.logo.name = snapshot["logo"] or ""
    categories = Category.objects.filter(slug__in=snapshot.get("categories", []))
    languages = Language.objects.filter(code__in=snapshot.get("languages", []))
    services.save_group(group, categories=list(categories), languages=list(languages))

    if "meetings" in snapshot:
        kept = []
        for spec in snapshot["meetings"]:
            meeting = (
                Meeting.objects.filter(pk=spec.get("id"), group=group).first() if spec.get("id") else None
            )
            meeting = meeting or Meeting(group=group)
            for name in MEETING_FIELDS:
                if name in spec:
                    setattr(meeting, name, _typed(name, spec[name]))
            meeting.venue = _venue_for(group, spec.get("venue"))
            kept.append(services.save_meeting(meeting).pk)
        Meeting.objects.filter(group=group).exclude(pk__in=kept).delete()
    if "contact_routes" in snapshot:
        kept = []
        for position, spec in enumerate(snapshot["contact_routes"]):
            route = (
                ContactRoute.objects.filter(pk=spec.get("id"), group=group).first()
                if spec.get("id")
                else None
            )
            route = route or ContactRoute(group=group)
            for name in ROUTE_FIELDS:
                if name in spec:
                    setattr(route, name, spec[name])
            route.position = spec.get("position", position)
            kept.append(services.save_contact_route(route).pk)
        ContactRoute.objects.filter(group=group).exclude(pk__in=kept).delete()
    services.listing_changed(group.pk)

    after = take_snapshot(group)
    if after != before:
        listing_saved.send(
            sender=Group, group=group, before=before, after=after, actor=actor, source=source, reason=reason
        )
    return group


def _organisation_for(snapshot):
    """A new group's organisation: the one named in the snapshot, or a new one of the same name."""
    spec = snapshot.get("organisation") or {}
    if spec.get("id"):
        found = Organisation.objects.filter(pk=spec["id"]).first()
        if found:
            return found
    name = spec.get("name") or snapshot.get("name")
    return services.save_organisation(
        Organisation(name=name, description=snapshot.get("description", "")[:500])
    )


def record_change(group, before, *, actor=None, source="staff", reason=""):
    """For writers that change a listing piece by piece (the admin): announce it once, after the fact."""
    after = take_snapshot(group)
    if after != before:
        listing_saved.send(
            sender=Group, group=group, before=before, after=after, actor=actor, source=source, reason=reason
        )


def differences(before, after):
    """[(field, before, after)] between two snapshots, in reading order; lists compared as wholes per item."""
    before = before or {}
    changed = []
    for key in [*GROUP_FIELDS, "organisation", "categories", "languages", "logo"]:
        if before.get(key) != after.get(key):
            changed.append((key, before.get(key), after.get(key)))
    for key in ("meetings", "contact_routes"):
        old = {item.get("id") or f"new-{i}": item for i, item in enumerate(before.get(key, []))}
        new = {item.get("id") or f"new-{i}": item for i, item in enumerate(after.get(key, []))}
        for ident in [*old, *[k for k in new if k not in old]]:
            if old.get(ident) != new.get(ident):
                changed.append((key, old.get(ident), new.get(ident)))
    return changed
