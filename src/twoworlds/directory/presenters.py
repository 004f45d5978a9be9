"""How a listing reads to the public: wording derived from a group, kept out of views and templates."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass
class Freshness:
    last_confirmed: object
    stale: bool
    # confirmation: out of search because nobody confirmed the details for LAPSE_AFTER_DAYS (the page says so)
    lapsed: bool = False


def listing_freshness(group, today=None):
    """When the details were last confirmed, and whether that is long enough ago to warn people: more than
    CONFIRMATION_WARNING_DAYS (the re-confirmation cycle, listings/confirmation.py, uses this same rule)."""
    today = today or timezone.localdate()
    stale = group.last_confirmed < today - timedelta(days=settings.CONFIRMATION_WARNING_DAYS)
    return Freshness(group.last_confirmed, stale, lapsed=bool(group.lapsed))


def who_can_come(group):
    """['People affected', 'Family and friends', 'Women only', 'Ages 18 and over', …]"""
    parts = []
    if group.for_people_affected:
        parts.append(_("People affected"))
    if group.for_family_friends:
        parts.append(_("Family and friends"))
    if group.for_carers:
        parts.append(_("Carers"))
    if group.gender != group.Gender.ANYONE:
        parts.append(str(group.get_gender_display()))
    if group.minimum_age and group.maximum_age:
        parts.append(_("Ages %(min)s to %(max)s") % {"min": group.minimum_age, "max": group.maximum_age})
    elif group.minimum_age:
        parts.append(_("Ages %(min)s and over") % {"min": group.minimum_age})
    elif group.maximum_age:
        parts.append(_("Up to age %(max)s") % {"max": group.maximum_age})
    return parts


def formats(group):
    """How people can take part, from the group's meetings and offers."""
    found = []
    meetings = list(group.meetings.all())
    if any(m.is_in_person for m in meetings):
        found.append(_("In person"))
    if any(m.is_online for m in meetings):
        found.append(_("Online"))
    if group.phone_support or any(m.attendance == m.Attendance.TELEPHONE for m in meetings):
        found.append(_("By telephone"))
    if group.home_visits:
        found.append(_("Home visits"))
    return found


def venue_lines(venue):
    """The lines of a venue's address that may be published. A member's home shows only its area."""
    if not venue.shows_area:
        return [_("The venue is given when you get in touch.")]
    if not venue.shows_address:
        area = " ".join(filter(None, [venue.town, venue.district]))
        where = _("A member's home in %(area)s") if venue.is_members_home else _("In %(area)s")
        return [where % {"area": area}, _("The address is given when you get in touch.")]
    return [
        line for line in [venue.name, venue.address_1, venue.address_2, venue.town, venue.postcode] if line
    ]


def plain_text_details(group, page_url):
    """A group's public details as plain text, for 'email these details' and copying."""
    lines = [group.name, ""]
    for meeting in group.meetings.all():
        lines.append(meeting.describe())
        if meeting.venue and meeting.is_in_person:
            lines.append(", ".join(venue_lines(meeting.venue)))
    for route in group.contact_routes.all():
        if route.is_public:
            name = f" ({route.contact_name})" if route.contact_name else ""
            lines.append(f"{route.get_kind_display()}: {route.value}{name}")
    lines += [
        "",
        _("Details last confirmed: %(when)s") % {"when": group.last_confirmed.strftime("%B %Y")},
        page_url,
    ]
    return "\n".join(lines)
