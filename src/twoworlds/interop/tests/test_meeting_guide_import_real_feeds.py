"""Every real Meeting Guide feed in ../shared/real-data imports without a crash, with the counts and the
specific decisions (not listed, by arrangement, rejected) we expect; a second import changes nothing; a dry
run writes nothing."""

import pytest

from twoworlds.directory.models import Group, Meeting, Organisation, Venue
from twoworlds.interop.models import ImportConflict, ImportedRecord, ImportRun, Source

from .meeting_guide_support import real_feed, run

pytestmark = pytest.mark.django_db

# feed: (meetings in it, listed, not listed because not running, rejected, groups, venues)
EXPECTED = {
    "aasepia.json": (500, 474, 26, 0, 271, 221),
    "edmonton.json": (315, 294, 21, 0, 246, 143),
    "sussexaa.json": (123, 123, 0, 0, 88, 42),
    "al-anon.json": (360, 329, 31, 0, 26, 173),
    "oc.json": (500, 499, 1, 0, 407, 170),
    "atlanta.json": (6, 6, 0, 0, 5, 2),
    "_variants/oiaa-central-meetings.json": (160, 145, 0, 15, 138, 0),
    "_fixtures/tsml-ui-times.json": (9, 8, 1, 0, 1, 1),
}


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Group, Meeting, Venue, Organisation, Source, ImportedRecord, ImportRun, ImportConflict)
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_feed_imports_with_the_expected_counts_and_again_changes_nothing(name):
    total, listed, not_running, rejected, groups, venues = EXPECTED[name]
    organisation = Organisation.objects.create(name="Intergroup", slug="intergroup")
    report = run(real_feed(name), organisation)
    assert report.total == total
    assert report.counts.get("meetings_created", 0) == listed == Meeting.objects.count()
    assert report.counts.get("meetings_not_running_not_listed", 0) == not_running
    assert report.rejected == rejected and report.ok is (rejected == 0)
    assert Group.objects.count() == groups and report.counts["groups_created"] == groups
    assert Venue.objects.count() == venues

    before = counts()
    snapshot = sorted(Meeting.objects.values_list("id", "weekday", "start_time", "notes", "online_joining"))
    again = run(real_feed(name), organisation)
    assert counts() == {**before, "ImportRun": before["ImportRun"] + 1}
    assert (
        sorted(Meeting.objects.values_list("id", "weekday", "start_time", "notes", "online_joining"))
        == snapshot
    )
    assert again.counts.get("meetings_unchanged") == listed
    changed = {"meetings_created", "meetings_updated", "groups_created", "groups_updated", "venues_updated"}
    assert not changed & set(again.counts)


@pytest.mark.parametrize("name", ["aasepia.json", "al-anon.json"])
def test_a_dry_run_writes_nothing_and_reports_what_a_real_run_would_do(name):
    path = real_feed(name)
    organisation = Organisation.objects.create(name="Intergroup", slug="intergroup")
    before = counts()
    preview = run(path, organisation, dry_run=True)
    assert counts() == before
    real = run(path, organisation)
    assert preview.counts == real.counts and preview.dry_run and "dry run" in preview.as_text()


def _meeting(slug):
    return ImportedRecord.objects.select_related("meeting__venue", "group").get(
        kind="meeting", external_id=slug
    )


def test_specific_meetings_of_the_real_feeds():
    run(real_feed("oc.json"))
    women = _meeting("women")  # record 258: no day, no time -> by arrangement at its venue
    assert women.meeting.frequency == Meeting.Frequency.BY_ARRANGEMENT and women.meeting.weekday is None
    assert women.meeting.venue.town == "Huntington Beach" and women.group.gender == Group.Gender.WOMEN
    assert _meeting("solid-solutions").meeting is not None  # regions: [null]

    run(real_feed("edmonton.json"))
    seven = _meeting("7").meeting  # day [5] (Friday), "8:00 PM"
    assert (seven.weekday, seven.start_time.hour) == (Meeting.Weekday.FRIDAY, 20)

    run(real_feed("aasepia.json"))
    closed = _meeting("meeting-4021-walnut-st-philadelphia-pa-19104-usa-0-094500")  # TC, no way to join
    assert closed.meeting is None
    assert _meeting("mtg-14-e-mill-rd-flourtown-pa-19031-usa-4-070000").meeting.venue.step_free  # X


def test_inactive_al_anon_meetings_are_not_listed_and_passcodes_stay_out():
    run(real_feed("al-anon.json"))
    assert _meeting("63680-just-for-today-afg").meeting is None  # attendance_option: inactive
    hybrid = _meeting("30562453-sunday-night-serenity-step-afg").meeting
    assert hybrid.attendance == Meeting.Attendance.HYBRID and hybrid.venue is not None
    listing_text = " ".join(f"{m.online_joining} {m.notes}" for m in Meeting.objects.all()) + " ".join(
        Venue.objects.values_list("directions", flat=True)
    )
    assert "pwd=" not in listing_text
    assert "passcode: 123456" not in listing_text.lower()
    assert "#123456#" not in listing_text


def test_the_online_intergroup_export_rejects_meetings_no_one_could_find():
    report = run(real_feed("_variants/oiaa-central-meetings.json"))
    rejected = {p.record_id: p for p in report.problems if p.rejected}
    assert rejected["grupo-aa-la-red-4"].position == "meeting 71 (slug grupo-aa-la-red-4)"
    assert "neither an address" in rejected["grupo-aa-la-red-4"].reason
    assert "aa-loners" in rejected
    sunday = _meeting("one-day-at-a-time-in-cny-womans-meeting").meeting  # day 7 in a 1-7 feed
    assert sunday.weekday == Meeting.Weekday.SUNDAY and sunday.attendance == Meeting.Attendance.ONLINE
    assert any("1–7" in note for note in report.notes)
