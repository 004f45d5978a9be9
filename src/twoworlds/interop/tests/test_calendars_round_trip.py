"""A group's calendar file, parsed back with the `icalendar` library and its RRULEs expanded with
`dateutil.rrule`, gives the same dates as `directory.schedules.next_dates`, at the same local time, for
every kind of recurrence, across the change between GMT and BST, and after a group's break."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr
from django.utils import timezone

from twoworlds.core import testing as t
from twoworlds.directory.models import Group
from twoworlds.directory.schedules import next_dates
from twoworlds.interop import calendars

from . import feeds

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def served(client, group):
    response = client.get(f"/groups/{group.slug}/meetings.ics")
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


def expand(event, after, count):
    """The first `count` starts of the event on or after the date `after`, as aware local datetimes."""
    start = event.decoded("dtstart")
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
    first = datetime.combine(after, time(0), tzinfo=start.tzinfo)
    found, moment = [], rule.after(first, inc=True)
    while moment is not None and len(found) < count:
        found.append(moment)
        moment = rule.after(moment)
    return found


def assert_matches_next_dates(client, meeting_spec, after=None, count=12):
    group = t.group("Round Trip Group", meetings=[meeting_spec])
    meeting = group.meetings.get()
    (event,) = events(served(client, group))
    after = after or timezone.localdate()
    starts = expand(event, after, count)
    assert [s.date() for s in starts] == next_dates(meeting, after=after, count=count)
    assert all(s.time() == meeting.start_time for s in starts)
    return event, starts


def test_weekly_meeting_round_trips(client):
    event, _starts = assert_matches_next_dates(
        client, feeds.weekly(1, "19:00", "21:00", venue=feeds.public_venue())
    )
    assert event["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=TU"


def test_fortnightly_meeting_round_trips_in_its_own_weeks(client):
    event, starts = assert_matches_next_dates(
        client, feeds.fortnightly(2, date(2026, 1, 7), "18:30", "20:00", venue=feeds.public_venue())
    )
    assert event["rrule"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    assert all((s.date() - date(2026, 1, 7)).days % 14 == 0 for s in starts)


@pytest.mark.parametrize(
    ("nth", "byday"), [(1, b"1TH"), (2, b"2TH"), (3, b"3TH"), (4, b"4TH"), (-1, b"-1TH")]
)
def test_monthly_meeting_on_the_nth_weekday_round_trips(client, nth, byday):
    event, starts = assert_matches_next_dates(
        client, feeds.monthly(3, nth, "10:30", "12:00", venue=feeds.public_venue())
    )
    assert event["rrule"].to_ical() == b"FREQ=MONTHLY;BYDAY=" + byday
    assert all(s.weekday() == 3 for s in starts)
    if nth == -1:
        assert all((s.date() + timedelta(days=7)).month != s.month for s in starts)


def test_by_arrangement_meeting_has_no_event(client):
    group = t.group(
        "Ring Us",
        meetings=[{"frequency": "arranged", "attendance": "telephone"}],
    )
    assert events(served(client, group)) == []


def test_local_time_holds_across_the_change_between_gmt_and_bst(client):
    """A Tuesday 7pm meeting is at 19:00 UTC in winter and 18:00 UTC in summer: the wall clock stays."""
    year = timezone.localdate().year + 1
    march_31 = date(year, 3, 31)
    clocks_change = march_31 - timedelta(days=(march_31.weekday() + 1) % 7)  # the last Sunday of March
    event, starts = assert_matches_next_dates(
        client, feeds.weekly(1, "19:00", "20:00", venue=feeds.public_venue()), after=date(year, 3, 1), count=8
    )
    assert event["dtstart"].params["TZID"] == "Europe/London"
    offsets = {s.date(): s.utcoffset() for s in starts}
    assert offsets[clocks_change - timedelta(days=5)] == timedelta(0)  # the Tuesday before: GMT
    assert offsets[clocks_change + timedelta(days=2)] == timedelta(hours=1)  # the Tuesday after: BST
    assert {s.astimezone(ZoneInfo("UTC")).hour for s in starts} == {19, 18}


def test_calendar_carries_the_vtimezone_of_the_site(client):
    group = t.group("Zone Group", meetings=[feeds.weekly(0, venue=feeds.public_venue())])
    calendar = served(client, group)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/London"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert calendar["X-WR-TIMEZONE"] == "Europe/London"
    # The VTIMEZONE alone (without the tz database) gives the summer offset.
    summer = zone.to_tz().utcoffset(datetime(2030, 7, 1, 12))
    assert summer == timedelta(hours=1)


def test_paused_group_starts_after_its_break(client):
    paused_until = timezone.localdate() + timedelta(days=40)
    group = t.group(
        "Resting Group",
        status=Group.Status.PAUSED,
        paused_until=paused_until,
        meetings=[feeds.weekly(4, "10:00", "11:00", venue=feeds.public_venue())],
    )
    meeting = group.meetings.get()
    (event,) = events(served(client, group))
    starts = expand(event, timezone.localdate(), 5)
    assert starts[0].date() > paused_until
    assert [s.date() for s in starts] == next_dates(meeting, after=paused_until + timedelta(days=1), count=5)
    assert "taking a break until" in str(event["description"])


def test_paused_fortnightly_group_keeps_its_weeks_after_the_break(client):
    group = t.group(
        "Fortnight Rest",
        status=Group.Status.PAUSED,
        paused_until=timezone.localdate() + timedelta(days=20),
        meetings=[feeds.fortnightly(0, date(2026, 1, 5), venue=feeds.public_venue())],
    )
    (event,) = events(served(client, group))
    start = event.decoded("dtstart").date()
    assert (start - date(2026, 1, 5)).days % 14 == 0
    assert start > group.paused_until


def test_events_have_stable_uids_and_the_required_properties(client):
    group = t.group(
        "Steady Group",
        meetings=[feeds.weekly(1, venue=feeds.public_venue()), feeds.monthly(5, 2, "10:00", "12:00")],
    )
    first = served(client, group)
    again = served(client, group)
    assert [str(e["uid"]) for e in events(first)] == [str(e["uid"]) for e in events(again)]
    for event, meeting in zip(events(first), group.meetings.order_by("weekday"), strict=True):
        assert str(event["uid"]) == f"meeting-{meeting.pk}@{calendars.uid_domain()}"
        for name in ("dtstamp", "dtstart", "dtend", "summary", "description", "location", "url"):
            assert name.upper() in event, name
        assert str(event["summary"]) == "Steady Group"
        assert str(event["url"]) == f"http://testserver{group.get_absolute_url()}"
    assert str(first["version"]) == "2.0" and "PRODID" in first
