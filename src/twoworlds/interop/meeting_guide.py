"""The directory's weekly meetings as a Meeting Guide feed (`/meetings.json`), for a fellowship's intergroup,
the Meeting Guide app or TSML UI (spec: code4recovery, `standards/meeting-guide/SPEC.md`).

What is published, and why:
- Only **weekly** meetings with a day and a start time. The spec "is to be used for weekly meetings only"
  and asks for monthly meetings to be listed elsewhere, so fortnightly, monthly (nth weekday) and
  by-arrangement meetings are left out; they are in each group's calendar file (`calendars.py`).
- Only groups that are **listed** (in search): closed groups and lapsed ones (details not confirmed) are
  left out. A group **paused** now keeps its meetings in the feed, so that the apps keep people's bookmarks,
  but marked "Location Temporarily Closed" (`TC`), `attendance_option` "inactive", without joining details
  and with a note saying until when (the apps hide or grey out such meetings).
- **Addresses follow the group's choice.** An in-person meeting needs a specific address (spec: "in-person
  meetings must have a specific address"), so an in-person meeting at a member's home, or at an address
  given only on request or not shown, is left out: an approximate address would put a pin where the
  meeting is not, and the real one may not be published. A hybrid meeting there is published as an online
  meeting with the venue's area only (town and postcode district, `approximate` "yes", no coordinates).
  Online and telephone meetings are placed at the directory's area (`settings.SITE_AREA`), approximately,
  as the spec asks for online meetings.
- Joining details are published exactly as the group's page shows them: a web link found in "how to join"
  becomes `conference_url`, a phone number `conference_phone` (the text itself goes with it as notes). A
  group that sends its link on request has none, and the spec's consumers treat such a meeting as not
  joinable directly: its notes say how to ask, with the link to the group's page.
- `day` is Sunday = 0 (ours is Monday = 0); times are local (`timezone` is settings.TIME_ZONE); `updated`
  is UTC. Slugs are the group's slug plus the end of the meeting's id: unique, stable, at most 64
  characters and URL-safe.
"""

import re
from datetime import UTC

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format

from twoworlds.directory import queries as directory
from twoworlds.directory.hsds import valid_url
from twoworlds.directory.models import Category, Group, Meeting

from . import meeting_guide_codes as codes

SLUG_MAX_LENGTH = 64
NAME_MAX_LENGTH = 255
UPDATED_FORMAT = "%Y-%m-%d %H:%M:%S"
COUNTRY_NAMES = {"GB": "UK"}  # how the country ends a formatted address (as geocoders write it)

URL_IN_TEXT = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
PHONE_IN_TEXT = re.compile(r"(?<![\w+])(\+?\d[\d ()-]{7,}\d)(?!\w)")


class UnknownFilter(LookupError):
    """A ?category= or ?organisation= that names nothing in the directory."""

    def __init__(self, parameter, value):
        super().__init__(f"{parameter}={value}")
        self.parameter = parameter
        self.value = value


def feed_groups(category=None, organisation=None):
    """The listed groups (not closed, not lapsed) with everything the feed needs, optionally only those
    about a category (or one of its sub-issues) or run by an organisation (given by slug)."""
    groups = directory.groups_with_details().filter(pk__in=directory.listed_groups().values("pk"))
    if category:
        try:
            found = directory.get_category(category)
        except Category.DoesNotExist:
            raise UnknownFilter("category", category) from None
        groups = groups.filter(Q(categories=found) | Q(categories__parent=found)).distinct()
    if organisation:
        groups = groups.filter(organisation__slug=organisation)
        if not Group.objects.filter(organisation__slug=organisation).exists():
            raise UnknownFilter("organisation", organisation)
    return groups.order_by("name", "pk")


def build_feed(groups, absolute_url):
    """The feed: a list of Meeting Guide meetings for these groups. `absolute_url(path)` makes links
    absolute (for example `request.build_absolute_uri`)."""
    feed = []
    for group in groups:
        for meeting in group.meetings.all():
            item = meeting_to_meeting_guide(meeting, group, absolute_url)
            if item is not None:
                feed.append(item)
    return feed


def is_published(meeting):
    """Whether a meeting of a listed group goes in the feed (see the module docstring)."""
    if meeting.frequency != Meeting.Frequency.WEEKLY or meeting.weekday is None or not meeting.start_time:
        return False
    if meeting.attendance == Meeting.Attendance.IN_PERSON:
        return meeting.venue is not None and meeting.venue.shows_address
    return True


def meeting_guide_day(weekday):
    """Our weekday (Monday = 0) as Meeting Guide's (Sunday = 0)."""
    return (weekday + 1) % 7


def meeting_slug(group, meeting):
    """'<group slug>-<last 8 hex digits of the meeting id>', at most 64 characters, stable for ever."""
    tail = meeting.pk.hex[-8:]
    stem = group.slug[: SLUG_MAX_LENGTH - len(tail) - 1].rstrip("-_") or "meeting"
    return f"{stem}-{tail}"


def joining_url(text):
    """The first web link in a "how to join" text, if it is a well-formed http(s) URL."""
    match = URL_IN_TEXT.search(text or "")
    return valid_url(match.group(0).rstrip(".,;:!?)")) if match else None


def joining_phone(text, country="GB"):
    """The first phone number in a "how to join" text, in the spec's form: digits, a leading + for the
    country code ('0115 496 0000' -> '+441154960000')."""
    match = PHONE_IN_TEXT.search(text or "")
    if not match:
        return None
    digits = re.sub(r"\D", "", match.group(1))
    if match.group(1).startswith("+"):
        return f"+{digits}"
    if country == "GB" and digits.startswith("0"):
        return f"+44{digits[1:]}"
    return digits


def _clock(value):
    return value.strftime("%H:%M")


def _updated(group, venue):
    stamps = [group.updated_at] + ([venue.updated_at] if venue is not None else [])
    latest = max(stamp for stamp in stamps if stamp)
    return latest.astimezone(UTC).strftime(UPDATED_FORMAT)


def _public_address(venue):
    """Fields for a venue whose full address may be published."""
    country = venue.country or "GB"
    street = venue.address_1.strip() or venue.name
    town_line = " ".join(part for part in [venue.town, venue.postcode] if part)
    formatted = ", ".join(
        part
        for part in [street, venue.address_2.strip(), town_line, COUNTRY_NAMES.get(country, country)]
        if part
    )
    fields = {
        "location": venue.name,
        "formatted_address": formatted,
        "address": street,
        "city": venue.town,
        "state": venue.county.strip(),
        "postal_code": venue.postcode,
        "country": country,
        "approximate": "no",
        "regions": [venue.town],
    }
    if venue.latitude is not None and venue.longitude is not None:
        fields["latitude"] = round(venue.latitude, 5)
        fields["longitude"] = round(venue.longitude, 5)
    location_notes = "\n".join(
        part.strip() for part in [venue.directions, venue.access_notes] if part.strip()
    )
    if location_notes:
        fields["location_notes"] = location_notes
    return fields


def _approximate_address(area, country="GB"):
    """Fields for a meeting placed only at an area (an online meeting, or a venue shown only by area)."""
    return {
        "formatted_address": ", ".join([area, COUNTRY_NAMES.get(country, country)]),
        "country": country,
        "approximate": "yes",
    }


def _venue_area(venue):
    if venue is None or not venue.shows_area:
        return None
    return " ".join(part for part in [venue.town, venue.district] if part) or None


def meeting_to_meeting_guide(meeting, group, absolute_url):
    """One meeting as a Meeting Guide meeting (a dict), or None when it is not published."""
    if not group.is_listed or not is_published(meeting):
        return None
    paused = group.is_paused_now
    venue = meeting.venue if meeting.is_in_person else None
    in_person_here = venue is not None and venue.shows_address
    page_url = absolute_url(group.get_absolute_url())
    notes = [meeting.notes.strip()] if meeting.notes.strip() else []

    item = {
        "name": group.name[:NAME_MAX_LENGTH],
        "slug": meeting_slug(group, meeting),
        "day": meeting_guide_day(meeting.weekday),
        "time": _clock(meeting.start_time),
    }
    if meeting.end_time:
        item["end_time"] = _clock(meeting.end_time)
    item["timezone"] = settings.TIME_ZONE

    if in_person_here:
        item.update(_public_address(venue))
        attendance = "hybrid" if meeting.attendance == Meeting.Attendance.HYBRID else "in_person"
    else:
        area = _venue_area(meeting.venue)
        item.update(_approximate_address(area or settings.SITE_AREA))
        item["regions"] = ["Online"]
        attendance = "online"
        if meeting.attendance == Meeting.Attendance.HYBRID:
            notes.append(
                f"Also meets in person in {area}: the address is given when you get in touch."
                if area
                else "Also meets in person: the venue is given when you get in touch."
            )

    joining = meeting.online_joining.strip()
    if meeting.attendance != Meeting.Attendance.IN_PERSON and joining and not paused:
        conference_url = joining_url(joining)
        phone_country = (meeting.venue.country if meeting.venue else "") or "GB"
        conference_phone = joining_phone(joining, phone_country) if not conference_url else None
        if conference_url:
            item["conference_url"] = conference_url
            item["conference_url_notes"] = joining
        elif conference_phone:
            item["conference_phone"] = conference_phone
            item["conference_phone_notes"] = joining
        else:
            notes.append(joining)
            notes.append(f"Ask for the joining details: {page_url}#contact")

    if paused:
        notes.insert(
            0,
            f"Taking a break until {date_format(group.paused_until, 'j F Y')}. {group.status_note}".strip(),
        )
        attendance = "inactive"

    language_codes = [language.code for language in group.languages.all()]
    item["types"] = codes.types_for(
        group, venue if in_person_here else None, language_codes=language_codes, paused=paused
    )
    if notes:
        item["notes"] = "\n".join(notes)
    item["group"] = group.name
    item["group_notes"] = group.description.strip()
    item["attendance_option"] = attendance
    item["updated"] = _updated(group, meeting.venue if in_person_here else None)
    item["url"] = page_url
    item["feedback_url"] = absolute_url(reverse("listings:report", args=[group.slug]))
    item["entity"] = settings.SITE_OPERATOR
    item["entity_website_url"] = absolute_url("/")
    return {key: value for key, value in item.items() if value not in ("", None, [])}
