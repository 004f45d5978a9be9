"""What changed between two snapshots, in words: field labels as people say them, meetings and contact
routes described in plain language. Used by the staff queue, the history and the groups' own pages."""

from dataclasses import dataclass, field
from datetime import date, time

from django.core.files.storage import default_storage
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from twoworlds.directory.models import Category, ContactRoute, Group, Language, Meeting, Venue
from twoworlds.directory.presenters import venue_lines
from twoworlds.directory.snapshots import differences


@dataclass
class Line:
    text: str
    changed: bool = False


@dataclass
class Row:
    """One difference. `before`/`after` are lists of lines; a changed line is marked (<del>/<ins>)."""

    label: str
    state: str  # "changed", "added" or "removed"
    before: list = field(default_factory=list)
    after: list = field(default_factory=list)
    before_image: str = ""
    after_image: str = ""


EXTRA_LABELS = {
    "organisation": lambda: _("Run by"),
    "categories": lambda: _("Issues"),
    "languages": lambda: _("Languages"),
    "logo": lambda: _("Photo or logo"),
}


def field_label(name):
    if name in EXTRA_LABELS:
        return EXTRA_LABELS[name]()
    label = str(Group._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]


def _yes_no(value):
    return _("Yes") if value else _("No")


def _choice(model, name, value):
    choices = dict(model._meta.get_field(name).flatchoices)
    return str(choices.get(value, value))


def _date(value):
    try:
        return date_format(date.fromisoformat(value), "j F Y")
    except (TypeError, ValueError):
        return str(value)


def group_value(name, value, lookups):
    """A group field's value as words."""
    if value in (None, "", []):
        return []
    if name == "organisation":
        return [value.get("name", "")]
    if name == "categories":
        return [lookups["categories"].get(slug, slug) for slug in value]
    if name == "languages":
        return [lookups["languages"].get(code, code) for code in value]
    if name == "logo":
        return [_("A picture")]
    model_field = Group._meta.get_field(name)
    if model_field.choices:
        return [_choice(Group, name, value)]
    if isinstance(value, bool):
        return [_yes_no(value)]
    if name == "paused_until":
        return [_date(value)]
    return [str(value)]


def _time(value):
    return time.fromisoformat(value) if isinstance(value, str) and value else None


def describe_meeting(spec):
    """A meeting in a snapshot as lines of plain words."""
    meeting = Meeting(
        frequency=spec.get("frequency") or Meeting.Frequency.WEEKLY,
        weekday=spec.get("weekday"),
        nth=spec.get("nth"),
        start_time=_time(spec.get("start_time")),
        end_time=_time(spec.get("end_time")),
        attendance=spec.get("attendance") or Meeting.Attendance.IN_PERSON,
    )
    lines = [meeting.describe(), str(meeting.get_attendance_display())]
    if spec.get("frequency") == Meeting.Frequency.FORTNIGHTLY and spec.get("starts_on"):
        lines.append(_("Counting from %(date)s") % {"date": _date(spec["starts_on"])})
    venue = spec.get("venue")
    if venue:
        lines += describe_venue(venue)
    if spec.get("online_joining"):
        lines.append(_("Joining: %(how)s") % {"how": spec["online_joining"]})
    if spec.get("notes"):
        lines.append(_("Notes: %(notes)s") % {"notes": spec["notes"]})
    return lines


def describe_venue(spec):
    """For staff: the whole address, then what is published of it."""
    address = ", ".join(
        spec.get(name) for name in ["name", "address_1", "address_2", "town", "postcode"] if spec.get(name)
    )
    lines = [_("At %(address)s") % {"address": address}]
    if spec.get("is_members_home"):
        lines.append(_("A member's home"))
    lines.append(
        _("Address: %(who)s") % {"who": _choice(Venue, "address_disclosure", spec.get("address_disclosure"))}
    )
    venue = Venue(**{k: v for k, v in spec.items() if k in {"name", "town", "postcode", "is_members_home"}})
    if spec.get("address_disclosure") != Venue.Disclosure.HIDDEN:
        lines.append(
            _("Published as: %(lines)s") % {"lines": ", ".join(str(line) for line in venue_lines(venue))}
        )
    features = [
        str(Venue._meta.get_field(name).verbose_name)
        for name in ["step_free", "hearing_loop", "accessible_toilet", "parking", "near_public_transport"]
        if spec.get(name)
    ]
    if features:
        lines.append(_("Access: %(features)s") % {"features": ", ".join(features)})
    if spec.get("access_notes"):
        lines.append(_("Access notes: %(notes)s") % {"notes": spec["access_notes"]})
    if spec.get("directions"):
        lines.append(_("How to find it: %(directions)s") % {"directions": spec["directions"]})
    return lines


def describe_route(spec):
    kind = _choice(ContactRoute, "kind", spec.get("kind"))
    text = f"{kind}: {spec.get('value', '')}"
    if spec.get("contact_name"):
        text += " " + _("(ask for %(name)s)") % {"name": spec["contact_name"]}
    lines = [text]
    if spec.get("note"):
        lines.append(spec["note"])
    lines.append(_choice(ContactRoute, "visibility", spec.get("visibility")))
    return lines


def _lookups(before, after):
    slugs = set((before or {}).get("categories", [])) | set((after or {}).get("categories", []))
    codes = set((before or {}).get("languages", [])) | set((after or {}).get("languages", []))
    return {
        "categories": {
            c.slug: str(c) for c in Category.objects.filter(slug__in=slugs).select_related("parent")
        },
        "languages": {lang.code: lang.name for lang in Language.objects.filter(code__in=codes)},
    }


def _mark(before_lines, after_lines):
    before_set, after_set = set(before_lines), set(after_lines)
    return (
        [Line(text, text not in after_set) for text in before_lines],
        [Line(text, text not in before_set) for text in after_lines],
    )


def _image(name):
    return default_storage.url(name) if name else ""


def describe_changes(before, after):
    """[Row] for every difference between two snapshots, in reading order."""
    lookups = _lookups(before, after)
    rows = []
    for key, old, new in differences(before, after or {}):
        if key == "meetings":
            label, describe = _("Meeting"), describe_meeting
        elif key == "contact_routes":
            label, describe = _("Way to get in touch"), describe_route
        else:
            label, describe = field_label(key), (lambda value, key=key: group_value(key, value, lookups))
        old_lines = describe(old) if old not in (None, "", []) else []
        new_lines = describe(new) if new not in (None, "", []) else []
        if old_lines == new_lines:
            continue  # e.g. only a position or an id moved
        state = "added" if not old_lines else "removed" if not new_lines else "changed"
        marked_before, marked_after = _mark(old_lines, new_lines)
        row = Row(label, state, marked_before, marked_after)
        if key == "logo":
            row.before_image, row.after_image = _image(old), _image(new)
        rows.append(row)
    return rows


def describe_listing(snapshot):
    """A whole proposed listing (a new group) as rows with nothing before."""
    return describe_changes({}, snapshot)
