"""Meetings as iCalendar (RFC 5545) files: one per group, per category and per search.

Each scheduled meeting is one recurring VEVENT: weekly (RRULE FREQ=WEEKLY), fortnightly (INTERVAL=2, in
the weeks of the meeting's "first meeting" date) or monthly on the nth weekday (FREQ=MONTHLY;BYDAY=2TU,
last = -1TU). Times are local wall-clock times in settings.TIME_ZONE, with its VTIMEZONE, so a 7pm meeting
stays at 7pm across the change between GMT and BST. Meetings by arrangement have no dates and are left
out (the group's page explains how to arrange one).

Rules kept here:
- Addresses follow the group's choice, as on its page: the full address (and GEO) only when it is
  public; a member's home or an address given on request shows only its area; a hidden venue says the
  venue is given when you get in touch.
- Joining details are the meeting's "how to join" text, which the group's page shows to everyone (the
  field is for public instructions only, never a private link).
- A group paused now: its events start at the first meeting after the date it is paused until (the
  descriptions say so), so a subscribed calendar shows no meeting during the break.
- A closed group's calendar is empty (200, not 404), so a subscribed calendar drops its meetings instead of
  keeping stale ones. A lapsed group (details not confirmed) keeps its own calendar, as its page stays
  reachable, with a warning in every event; category and search calendars hold only listed groups.
- UIDs are the meeting's id at the site's host: stable for ever, so re-imports update, not duplicate.
  DTSTAMP and LAST-MODIFIED are when the group last changed, so the file is the same until it changes.
"""

from datetime import datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from twoworlds.directory.models import Group, Meeting
from twoworlds.directory.presenters import venue_lines
from twoworlds.directory.schedules import first_meeting_day, next_dates, rrule_parts, time_of_day

PRODID = "-//Two Worlds//Self-help group meetings//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
DEFAULT_LENGTH = timedelta(hours=1)  # when no end time is given (as the Meeting Guide apps assume)
REFRESH = "P1D"  # how often a subscribed calendar should look for changes
SEARCH_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def zone():
    return ZoneInfo(settings.TIME_ZONE)


def uid_domain():
    return urlsplit(settings.SITE_URL).hostname or "twoworlds.invalid"


def is_scheduled(meeting):
    return rrule_parts(meeting) is not None and meeting.start_time is not None


def first_date_on_or_after(meeting, day):
    """The first date of the series on or after `day` (never before the series starts)."""
    start = first_meeting_day(meeting) if meeting.frequency == Meeting.Frequency.FORTNIGHTLY else None
    if start and day <= start:
        return start
    return next_dates(meeting, after=day, count=1)[0]


def series_start(meeting, group):
    """The date of DTSTART: a fixed point (the series' first meeting, or the first on or after the day the
    group was listed), or the first meeting after the break for a group paused now."""
    if group.is_paused_now:
        return first_date_on_or_after(meeting, group.paused_until + timedelta(days=1))
    if meeting.frequency == Meeting.Frequency.FORTNIGHTLY and meeting.starts_on:
        return first_meeting_day(meeting)
    listed_on = timezone.localdate(group.created_at) if group.created_at else timezone.localdate()
    return first_date_on_or_after(meeting, listed_on)


def location_text(meeting):
    """LOCATION, respecting the venue's address disclosure."""
    venue = meeting.venue if meeting.is_in_person else None
    if venue is None:
        return _("By telephone") if meeting.attendance == Meeting.Attendance.TELEPHONE else _("Online")
    if venue.shows_address:
        street = ", ".join(part for part in [venue.name, venue.address_1, venue.address_2] if part.strip())
        return ", ".join(
            part for part in [street, " ".join(filter(None, [venue.town, venue.postcode]))] if part
        )
    return " ".join(str(line) for line in venue_lines(venue))


def description_text(meeting, group, page_url):
    lines = [meeting.describe(), str(meeting.get_attendance_display())]
    if group.is_paused_now:
        lines.insert(
            0,
            _("The group is taking a break until %(date)s: these dates start after it.")
            % {"date": date_format(group.paused_until, "j F Y")},
        )
    if group.lapsed:
        lines.insert(
            0,
            _("These details have not been confirmed since %(when)s. Please check with the group first.")
            % {"when": date_format(group.last_confirmed, "F Y")},
        )
    if meeting.online_joining.strip():
        lines.append(meeting.online_joining.strip())
    if meeting.notes.strip():
        lines.append(meeting.notes.strip())
    if not meeting.end_time:
        lines.append(_("No end time is given: the calendar shows an hour."))
    lines.append(_("Details and how to get in touch: %(url)s") % {"url": page_url})
    return "\n".join(lines)


def meeting_event(meeting, group, absolute_url):
    """One meeting as a recurring VEVENT, or None when it has no schedule (by arrangement)."""
    parts = rrule_parts(meeting)
    if parts is None or meeting.start_time is None:
        return None
    local = zone()
    day = series_start(meeting, group)
    start = datetime.combine(day, meeting.start_time, tzinfo=local)
    end = (
        datetime.combine(day, meeting.end_time, tzinfo=local)
        if meeting.end_time and meeting.end_time > meeting.start_time
        else start + DEFAULT_LENGTH
    )
    page_url = absolute_url(group.get_absolute_url())
    changed = group.updated_at or timezone.now()

    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{uid_domain()}")
    event.add("dtstamp", changed)
    event.add("last-modified", changed)
    event.add("dtstart", start)
    event.add("dtend", end)
    rule = {"freq": parts["freq"], "byday": parts["byday"]}
    if parts["interval"] != 1:
        rule["interval"] = parts["interval"]
    event.add("rrule", rule)
    event.add("summary", group.name)
    event.add("description", description_text(meeting, group, page_url))
    event.add("location", location_text(meeting))
    venue = meeting.venue if meeting.is_in_person else None
    if (
        venue is not None
        and venue.shows_address
        and venue.latitude is not None
        and venue.longitude is not None
    ):
        event.add("geo", (round(venue.latitude, 5), round(venue.longitude, 5)))
    event.add("url", page_url)
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def new_calendar(name, description=""):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("x-wr-caldesc", description)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    return calendar


def _finish(calendar, starts):
    """Add the VTIMEZONE, covering every event from its first date to well beyond today."""
    if starts:
        first = min(starts) - timedelta(days=366)
        last = max(max(starts), timezone.localdate()) + timedelta(days=366 * 20)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def calendar_for_groups(groups, name, absolute_url, *, description="", meeting_filter=None):
    """A calendar of the scheduled meetings of these groups (closed groups contribute nothing).
    `meeting_filter(meeting)` keeps only some meetings (a search's day, time or format)."""
    calendar = new_calendar(name, description)
    starts = []
    for group in groups:
        if group.status == Group.Status.CLOSED:
            continue
        for meeting in group.meetings.all():
            if meeting_filter is not None and not meeting_filter(meeting):
                continue
            event = meeting_event(meeting, group, absolute_url)
            if event is not None:
                calendar.add_component(event)
                starts.append(event.start.date())
    return _finish(calendar, starts)


def group_calendar(group, absolute_url):
    if group.status == Group.Status.CLOSED:
        description = _("This group has closed: it has no meetings.")
    else:
        description = _("When %(group)s meets. Details: %(url)s") % {
            "group": group.name,
            "url": absolute_url(group.get_absolute_url()),
        }
    return calendar_for_groups(
        [group], _("%(group)s meetings") % {"group": group.name}, absolute_url, description=description
    )


def search_meeting_filter(filters):
    """Only the meetings that match a search's day, time of day and format (None when it has none)."""
    weekday = SEARCH_WEEKDAYS.index(filters.day) if filters.day in SEARCH_WEEKDAYS else None
    wanted_time = filters.time or None
    wanted_format = filters.format if filters.format in ("in_person", "online", "telephone") else None
    if weekday is None and wanted_time is None and wanted_format is None:
        return None

    def keep(meeting):
        if weekday is not None and meeting.weekday != weekday:
            return False
        if wanted_time is not None and time_of_day(meeting.start_time) != wanted_time:
            return False
        if wanted_format == "in_person" and not meeting.is_in_person:
            return False
        if wanted_format == "online" and not meeting.is_online:
            return False
        return not (wanted_format == "telephone" and meeting.attendance != Meeting.Attendance.TELEPHONE)

    return keep


def to_ical(calendar):
    return calendar.to_ical()
