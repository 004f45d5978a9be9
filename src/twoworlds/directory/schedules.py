"""Meetings in plain words and as dates: the one place that knows how recurring schedules work."""

from datetime import date, timedelta

from django.utils.formats import time_format
from django.utils.translation import gettext as _

ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
TIME_OF_DAY = (("morning", 0, 12), ("afternoon", 12, 17), ("evening", 17, 24))


def time_of_day(start_time):
    """'morning' (before noon), 'afternoon' (noon to 5pm) or 'evening' (5pm on), or None."""
    if start_time is None:
        return None
    for name, start_hour, end_hour in TIME_OF_DAY:
        if start_hour <= start_time.hour < end_hour:
            return name
    return None


def _clock(value):
    return time_format(value, "g:i a").replace(":00", "") if value else ""


def describe_meeting(meeting):
    """'Every Tuesday, 7 p.m. to 9 p.m.' / 'Second Tuesday of the month, …' / 'By arrangement'."""
    Frequency = type(meeting).Frequency
    if meeting.frequency == Frequency.BY_ARRANGEMENT or meeting.weekday is None:
        when = _("By arrangement")
    else:
        day = str(type(meeting).Weekday(meeting.weekday).label)
        if meeting.frequency == Frequency.WEEKLY:
            when = _("Every %(day)s") % {"day": day}
        elif meeting.frequency == Frequency.FORTNIGHTLY:
            when = _("Every other %(day)s") % {"day": day}
        else:
            nth = str(type(meeting).Nth(meeting.nth).label) if meeting.nth else ""
            when = _("%(nth)s %(day)s of the month") % {"nth": nth, "day": day}
            when = when[:1].upper() + when[1:]
    if meeting.start_time and meeting.end_time:
        return _("%(when)s, %(start)s to %(end)s") % {
            "when": when,
            "start": _clock(meeting.start_time),
            "end": _clock(meeting.end_time),
        }
    if meeting.start_time:
        return _("%(when)s, from %(start)s") % {"when": when, "start": _clock(meeting.start_time)}
    return when


def _nth_weekday(year, month, weekday, nth):
    if nth > 0:
        first = date(year, month, 1)
        offset = (weekday - first.weekday()) % 7
        day = first + timedelta(days=offset + 7 * (nth - 1))
        return day if day.month == month else None
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last = next_month - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def first_meeting_day(meeting):
    """The first date the meeting happens on: its weekday on or after `starts_on` (which may be any day: the
    fortnights are counted from this date, so the answer never depends on the day one asks)."""
    if meeting.starts_on is None or meeting.weekday is None:
        return None
    return meeting.starts_on + timedelta(days=(meeting.weekday - meeting.starts_on.weekday()) % 7)


def next_dates(meeting, after=None, count=3):
    """The next `count` dates on which a scheduled meeting happens, on or after `after` (default today)."""
    Frequency = type(meeting).Frequency
    if meeting.frequency == Frequency.BY_ARRANGEMENT or meeting.weekday is None:
        return []
    after = after or date.today()
    found = []
    if meeting.frequency in (Frequency.WEEKLY, Frequency.FORTNIGHTLY):
        day = after + timedelta(days=(meeting.weekday - after.weekday()) % 7)
        step = 7
        if meeting.frequency == Frequency.FORTNIGHTLY:
            step = 14
            anchor = first_meeting_day(meeting) or day
            if (day - anchor).days % 14:
                day += timedelta(days=7)
        while len(found) < count:
            found.append(day)
            day += timedelta(days=step)
        return found
    year, month = after.year, after.month
    while len(found) < count:
        day = _nth_weekday(year, month, meeting.weekday, meeting.nth or 1)
        if day and day >= after:
            found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def rrule_parts(meeting):
    """iCalendar RRULE parts (also HSDS schedule fields): freq, interval, byday."""
    Frequency = type(meeting).Frequency
    if meeting.frequency == Frequency.BY_ARRANGEMENT or meeting.weekday is None:
        return None
    day = RRULE_DAYS[meeting.weekday]
    if meeting.frequency == Frequency.WEEKLY:
        return {"freq": "WEEKLY", "interval": 1, "byday": day}
    if meeting.frequency == Frequency.FORTNIGHTLY:
        return {"freq": "WEEKLY", "interval": 2, "byday": day}
    return {"freq": "MONTHLY", "interval": 1, "byday": f"{meeting.nth or 1}{day}"}
