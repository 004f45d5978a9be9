"""A whole listing as data, written back through the one write path: the basis of proposals, history and
reverts."""

import pytest
from django.core.exceptions import ValidationError

from twoworlds.core import testing as t
from twoworlds.directory.models import Group, Meeting, Venue
from twoworlds.directory.signals import listing_saved
from twoworlds.directory.snapshots import apply_snapshot, differences, take_snapshot


@pytest.fixture
def group(db):
    return t.group(
        "Snapshot Carers",
        [t.category("Carers")],
        meetings=[t.weekly(1, "19:00", "21:00")],
        routes=[{"kind": "phone", "value": "0115 496 0100", "contact_name": "Al"}],
    )


def test_a_snapshot_round_trips_without_changing_anything(group):
    before = take_snapshot(group)
    received = []
    listing_saved.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t-roundtrip")
    try:
        apply_snapshot(before, group)
    finally:
        listing_saved.disconnect(dispatch_uid="t-roundtrip")
    assert take_snapshot(group) == before
    assert received == []  # nothing changed, nothing announced


def test_changes_are_written_and_announced_with_before_and_after(group, django_user_model):
    snapshot = take_snapshot(group)
    snapshot["name"] = "Renamed Carers"
    snapshot["meetings"][0]["start_time"] = "18:30"
    snapshot["contact_routes"].append({"kind": "email", "value": "hello@example.org", "visibility": "public"})
    received = []
    listing_saved.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t-change")
    try:
        apply_snapshot(snapshot, group, source="group", reason="New time")
    finally:
        listing_saved.disconnect(dispatch_uid="t-change")
    group.refresh_from_db()
    assert group.name == "Renamed Carers"
    assert str(group.meetings.get().start_time) == "18:30:00"
    assert group.contact_routes.count() == 2
    (event,) = received
    assert event["before"]["name"] == "Snapshot Carers" and event["after"]["name"] == "Renamed Carers"
    fields = [field for field, _, _ in differences(event["before"], event["after"])]
    assert fields == ["name", "meetings", "contact_routes"]


def test_changing_a_shared_venue_gives_this_group_its_own_copy(group):
    hall = group.meetings.get().venue
    other = t.group("Other Group", [], meetings=[t.weekly(3, venue=hall)])
    snapshot = take_snapshot(group)
    snapshot["meetings"][0]["venue"]["name"] = "Back Room"
    apply_snapshot(snapshot, group)
    assert group.meetings.get().venue.name == "Back Room"
    assert other.meetings.get().venue == hall and Venue.objects.get(pk=hall.pk).name == hall.name


def test_a_new_group_from_a_snapshot(db):
    snapshot = {
        "name": "Brand New",
        "description": "We are new.",
        "categories": [],
        "meetings": [
            {
                "attendance": "online",
                "frequency": "weekly",
                "weekday": 2,
                "start_time": "20:00",
                "venue": None,
            }
        ],
    }
    group = apply_snapshot(snapshot)
    assert Group.objects.get(pk=group.pk).organisation.name == "Brand New"
    assert Meeting.objects.filter(group=group).count() == 1


def test_an_invalid_snapshot_leaves_nothing_half_written(group):
    snapshot = take_snapshot(group)
    snapshot["name"] = "Half Written"
    snapshot["meetings"][0]["frequency"] = "monthly"  # without which week in the month
    with pytest.raises(ValidationError):
        apply_snapshot(snapshot, group)
    group.refresh_from_db()
    assert group.name == "Snapshot Carers"
