"""Importing a feed again after it changed: updates, meetings gone or not running, groups gone (lapsed, not
deleted), edits made here kept as conflicts, and the same group from a second feed recorded once."""

import pytest

from twoworlds.core import testing as t
from twoworlds.directory import services
from twoworlds.directory.models import Group, Meeting, Venue
from twoworlds.interop.importer import resolve_conflict
from twoworlds.interop.meeting_guide_import import ALSO_LISTED
from twoworlds.interop.models import ImportConflict, ImportedRecord

from .meeting_guide_support import meeting, run, write_feed

pytestmark = pytest.mark.django_db

TUESDAY_MG, TUESDAY = 2, Meeting.Weekday.TUESDAY


@pytest.fixture
def org():
    return t.organisation("Nottingham Intergroup")


def record(slug):
    return ImportedRecord.objects.select_related("meeting", "group").get(kind="meeting", external_id=slug)


def test_meetings_of_one_group_and_a_group_per_name_at_a_place(tmp_path, org):
    feed = write_feed(
        tmp_path,
        [
            meeting("tue", group="Hope Group", group_id=7),
            meeting("thu", group="Hope Group", group_id=7, day=4),
            meeting("serenity-high-st", name="Serenity"),
            meeting("serenity-elsewhere", name="Serenity", address="1 Low Road", postal_code="NG2 2BB"),
        ],
    )
    report = run(feed, org)
    assert report.counts["groups_created"] == 3
    hope = record("tue").group
    assert hope == record("thu").group and hope.meetings.count() == 2 and hope.organisation == org
    assert record("serenity-high-st").group != record("serenity-elsewhere").group


def test_a_changed_meeting_is_updated_and_a_vanished_one_comes_off_the_timetable(tmp_path, org):
    feed = write_feed(tmp_path, [meeting("tue", group="Hope"), meeting("thu", group="Hope", day=4)])
    run(feed, org)
    thursday = record("thu").meeting
    write_feed(tmp_path, [meeting("tue", group="Hope", time="18:30")])
    report = run(feed, org)
    assert report.counts["meetings_updated"] == 1 and report.counts["meetings_no_longer_in_feed"] == 1
    assert record("tue").meeting.start_time.strftime("%H:%M") == "18:30"
    assert not Meeting.objects.filter(pk=thursday.pk).exists()
    assert record("thu").meeting is None  # the record stays: the source listed it once


def test_a_group_gone_from_the_feed_is_lapsed_not_deleted_and_comes_back(tmp_path, org):
    feed = write_feed(tmp_path, [meeting("tue", group="Hope"), meeting("wed", group="Calm", day=3)])
    run(feed, org)
    calm = record("wed").group
    write_feed(tmp_path, [meeting("tue", group="Hope")])
    report = run(feed, org)
    calm.refresh_from_db()
    assert calm.lapsed and calm.meetings.count() == 1  # out of search, its page and meeting kept
    assert report.counts["groups_no_longer_in_feed_out_of_search"] == 1
    write_feed(tmp_path, [meeting("tue", group="Hope"), meeting("wed", group="Calm", day=3)])
    again = run(feed, org)
    calm.refresh_from_db()
    assert not calm.lapsed and again.counts["groups_listed_again"] == 1


def test_a_meeting_marked_inactive_comes_off_and_a_group_with_nothing_left_is_lapsed(tmp_path, org):
    feed = write_feed(tmp_path, [meeting("tue", group="Hope")])
    run(feed, org)
    group = record("tue").group
    write_feed(tmp_path, [meeting("tue", group="Hope", attendance_option="inactive")])
    report = run(feed, org)
    group.refresh_from_db()
    assert report.counts["meetings_taken_off_timetable"] == 1 and group.meetings.count() == 0
    assert group.lapsed and report.counts["groups_not_running_out_of_search"] == 1


def _edited_here(tmp_path, org):
    """A meeting imported at 19:00, whose notes the group then changed here, and a feed that moves it to
    20:00. Returns (feed, our meeting)."""
    feed = write_feed(tmp_path, [meeting("tue", group="Hope")])
    run(feed, org)
    ours = record("tue").meeting
    ours.notes = "Use the side door (the group told us)."
    services.save_meeting(ours)
    write_feed(tmp_path, [meeting("tue", group="Hope", time="20:00")])
    return feed, ours


def test_an_edit_made_here_is_kept_and_reported_as_a_conflict(tmp_path, org):
    feed, ours = _edited_here(tmp_path, org)
    report = run(feed, org)
    ours.refresh_from_db()
    assert ours.notes.startswith("Use the side door") and ours.start_time.hour == 19
    assert report.counts["conflicts_kept_ours"] == 1
    conflict = ImportConflict.objects.get()
    assert conflict.group == ours.group and conflict.fields == ["meetings"]
    assert "8" in conflict.incoming["meetings"] and "7" in conflict.ours["meetings"]
    run(feed, org)  # the same difference again: still one open conflict
    assert ImportConflict.objects.count() == 1


def test_staff_keep_our_version_and_the_next_import_respects_it(tmp_path, org):
    feed, ours = _edited_here(tmp_path, org)
    run(feed, org)
    resolve_conflict(ImportConflict.objects.get(), take_theirs=False)
    report = run(feed, org)
    ours.refresh_from_db()
    assert ours.start_time.hour == 19 and "conflicts_kept_ours" not in report.counts
    assert run(feed, org).counts["meetings_unchanged"] == 1
    assert ImportConflict.objects.filter(resolved_at__isnull=True).count() == 0


def test_staff_take_the_imported_version_and_the_next_import_applies_it(tmp_path, org):
    feed, ours = _edited_here(tmp_path, org)
    run(feed, org)
    resolve_conflict(ImportConflict.objects.get(), take_theirs=True)
    report = run(feed, org)
    ours.refresh_from_db()
    assert ours.start_time.hour == 20 and report.counts["meetings_updated"] == 1
    assert run(feed, org).counts["meetings_unchanged"] == 1


def test_a_group_edited_here_keeps_its_edit(tmp_path, org):
    feed = write_feed(tmp_path, [meeting("tue", group="Hope", types=["O"])])
    run(feed, org)
    group = record("tue").group
    group.eligibility_note = "Also for carers"
    services.save_group(group)
    write_feed(tmp_path, [meeting("tue", group="Hope", types=["O", "Y"])])
    run(feed, org)
    group.refresh_from_db()
    assert group.eligibility_note == "Also for carers"
    conflict = ImportConflict.objects.get(group=group)
    assert conflict.fields == ["eligibility_note"] and conflict.incoming["eligibility_note"] == "Young People"


def test_types_shape_the_group_and_the_venue(tmp_path, org):
    t.language("es", "Spanish")
    feed = write_feed(
        tmp_path,
        [
            meeting("a", group="Mujeres", types=["C", "W", "S", "X", "Y"]),
            meeting("b", group="Mujeres", types=["C", "W", "XB"], day=5),
        ],
    )
    run(feed, org)
    group = record("a").group
    assert group.gender == Group.Gender.WOMEN and not group.for_family_friends
    assert group.eligibility_note == "Young People"
    assert list(group.languages.values_list("code", flat=True)) == ["es"]
    venue = Venue.objects.get()  # one venue for both meetings, with both features
    assert (
        venue.step_free and venue.accessible_toilet and venue.postcode == "NG1 1AA" and venue.country == "GB"
    )


def test_the_same_group_from_a_second_feed_is_recorded_against_the_first(tmp_path, org):
    first = write_feed(tmp_path, [meeting("hope-tue", group="The Hope Group")], name="first.json")
    second = write_feed(
        tmp_path,
        [
            meeting("h1", group="Hope", postal_code="ng1 1aa"),  # same name once normalised, same postcode
            meeting("h2", group="Hope", day=5),  # a meeting the first feed does not list
            meeting("other", group="Hope Springs", postal_code="NG1 1AA"),  # same place, other name
        ],
        name="second.json",
    )
    run(first, org)
    report = run(second, t.organisation("County Intergroup"))
    hope = record("hope-tue").group
    assert record("h1").group == hope and record("h2").group == hope
    assert record("other").group != hope
    assert report.counts["groups_already_listed_by_another_source"] == 1
    assert Group.objects.filter(name__icontains="hope").count() == 2
    also = ImportedRecord.objects.get(kind="service", group=hope, local_fingerprint=ALSO_LISTED)
    assert also.source.location.endswith("second.json")
    assert record("h1").meeting == record("hope-tue").meeting  # Tuesday 19:00 is the same meeting
    assert hope.meetings.count() == 2


def test_a_name_alone_never_merges(tmp_path, org):
    run(write_feed(tmp_path, [meeting("a", group="Hope")], name="one.json"), org)
    run(
        write_feed(
            tmp_path,
            [meeting("b", group="Hope", address="9 Far Lane", city="Derby", postal_code="DE1 1AA")],
            name="two.json",
        ),
        org,
    )
    assert record("a").group != record("b").group


def test_a_feed_that_suddenly_lists_nothing_retires_nothing(tmp_path, org):
    feed = write_feed(tmp_path, [meeting("tue", group="Hope")])
    run(feed, org)
    write_feed(tmp_path, [])
    report = run(feed, org)
    assert not Group.objects.get(name="Hope").lapsed and Meeting.objects.count() == 1
    assert any("lists no meetings" in note for note in report.notes)
