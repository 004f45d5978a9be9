"""Recurring meetings in plain words, as dates and as iCalendar/HSDS recurrence rules."""

from datetime import date, time

from twoworlds.directory.models import Meeting
from twoworlds.directory.schedules import next_dates, rrule_parts, time_of_day

F = Meeting.Frequency


def meeting(**fields):
    return Meeting(
        **{"frequency": F.WEEKLY, "weekday": 1, "start_time": time(19), "end_time": time(21), **fields}
    )


def test_plain_words():
    assert meeting().describe() == "Every Tuesday, 7 p.m. to 9 p.m."
    assert meeting(frequency=F.FORTNIGHTLY).describe().startswith("Every other Tuesday")
    assert meeting(frequency=F.MONTHLY, nth=2).describe() == "Second Tuesday of the month, 7 p.m. to 9 p.m."
    assert (
        meeting(frequency=F.MONTHLY, nth=-1, end_time=None).describe()
        == "Last Tuesday of the month, from 7 p.m."
    )
    assert meeting(frequency=F.BY_ARRANGEMENT, weekday=None, start_time=None).describe() == "By arrangement"
    assert (
        meeting(start_time=time(10, 30), end_time=time(12)).describe()
        == "Every Tuesday, 10:30 a.m. to 12 p.m."
    )


def test_next_dates_weekly_and_fortnightly():
    assert next_dates(meeting(), after=date(2026, 11, 25)) == [
        date(2026, 12, 1),
        date(2026, 12, 8),
        date(2026, 12, 15),
    ]
    fortnightly = meeting(frequency=F.FORTNIGHTLY, starts_on=date(2026, 11, 24))
    assert next_dates(fortnightly, after=date(2026, 11, 25), count=2) == [
        date(2026, 12, 8),
        date(2026, 12, 22),
    ]


def test_next_dates_monthly_nth_and_last():
    second = meeting(frequency=F.MONTHLY, nth=2)
    assert next_dates(second, after=date(2026, 11, 25), count=2) == [date(2026, 12, 8), date(2027, 1, 12)]
    last = meeting(frequency=F.MONTHLY, nth=-1)
    assert next_dates(last, after=date(2026, 11, 1), count=2) == [date(2026, 11, 24), date(2026, 12, 29)]


def test_by_arrangement_has_no_dates():
    assert next_dates(meeting(frequency=F.BY_ARRANGEMENT, weekday=None)) == []


def test_recurrence_rules():
    assert rrule_parts(meeting()) == {"freq": "WEEKLY", "interval": 1, "byday": "TU"}
    assert rrule_parts(meeting(frequency=F.FORTNIGHTLY))["interval"] == 2
    assert rrule_parts(meeting(frequency=F.MONTHLY, nth=-1))["byday"] == "-1TU"


def test_time_of_day():
    assert [time_of_day(time(h)) for h in (9, 12, 16, 17, 23)] == [
        "morning",
        "afternoon",
        "afternoon",
        "evening",
        "evening",
    ]
    assert time_of_day(None) is None


def test_fortnightly_dates_do_not_depend_on_the_day_one_asks():
    """A Wednesday fortnightly meeting whose start date is a Tuesday: the fortnights count from the first
    Wednesday on or after it, whichever day one asks from."""
    meeting = Meeting(
        frequency=Meeting.Frequency.FORTNIGHTLY, weekday=Meeting.Weekday.WEDNESDAY, starts_on=date(2026, 1, 6)
    )
    assert next_dates(meeting, after=date(2026, 1, 7), count=2) == [date(2026, 1, 7), date(2026, 1, 21)]
    assert next_dates(meeting, after=date(2026, 1, 8), count=2) == [date(2026, 1, 21), date(2026, 2, 4)]
    assert next_dates(meeting, after=date(2026, 1, 15), count=1) == [date(2026, 1, 21)]
