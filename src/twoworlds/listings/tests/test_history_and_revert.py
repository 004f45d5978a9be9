"""Every change to a listing is recorded (who, when, where from, why, what changed), whoever made it, and
staff can put a listing back as it was before any change."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from twoworlds.directory.snapshots import apply_snapshot, take_snapshot
from twoworlds.listings import services
from twoworlds.listings.models import ListingChange

pytestmark = pytest.mark.django_db

# Fixtures shared with the other listings tests.


def rename(group, name, actor=None, source="staff", reason=""):
    snapshot = take_snapshot(group)
    snapshot["name"] = name
    return apply_snapshot(snapshot, group, actor=actor, source=source, reason=reason)


def test_every_write_through_a_snapshot_is_recorded(listing, editor):
    before = take_snapshot(listing)

    rename(listing, "Sneinton Stroke Survivors", actor=editor, reason="Their new name")

    change = ListingChange.objects.get(group=listing)
    assert (change.actor, change.source, change.reason) == (editor, "staff", "Their new name")
    assert change.before == before and change.after["name"] == "Sneinton Stroke Survivors"


def test_writing_the_same_listing_again_records_nothing(listing):
    apply_snapshot(take_snapshot(listing), listing)
    assert not ListingChange.objects.exists()


def test_the_history_page_shows_who_when_why_and_what(client, listing, editor, contact):
    rename(listing, "Sneinton Stroke Survivors", actor=contact, source="group", reason="Voted at the AGM")
    client.force_login(editor)

    response = client.get(reverse("listings_staff:history", args=[listing.slug]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "The group" in html and "pat@example.org" in html and "Voted at the AGM" in html
    assert "<del>Sneinton Stroke Club</del>" in html and "<ins>Sneinton Stroke Survivors</ins>" in html
    assert "Revert to before this change" in html


def test_reverting_needs_a_reason_and_puts_the_listing_back(client, listing, editor, contact):
    rename(listing, "Wrong Name", actor=contact, source="group")
    change = ListingChange.objects.get()
    client.force_login(editor)
    url = reverse("listings_staff:revert", args=[change.pk])

    response = client.post(url, {f"revert-{change.pk}-reason": ""})
    assert response.status_code == 400
    assert "Say why you are reverting this change." in response.content.decode()
    listing.refresh_from_db()
    assert listing.name == "Wrong Name"

    response = client.post(url, {f"revert-{change.pk}-reason": "Renamed by mistake"})

    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.name == "Sneinton Stroke Club"
    latest = ListingChange.objects.filter(group=listing).first()
    assert (latest.source, latest.actor, latest.reason) == ("revert", editor, "Renamed by mistake")
    assert latest.before["name"] == "Wrong Name"


def test_reverting_brings_back_a_removed_meeting(listing, editor):
    snapshot = take_snapshot(listing)
    snapshot["meetings"] = []
    apply_snapshot(snapshot, listing, source="group")
    assert listing.meetings.count() == 0

    services.revert(ListingChange.objects.get(), editor, "Removed by mistake")

    meeting = listing.meetings.get()
    assert meeting.describe() == "Every Tuesday, 2 p.m. to 4 p.m." and meeting.venue.name == "St Anne's Hall"


def test_the_change_that_created_a_listing_cannot_be_reverted(editor, db):
    group = apply_snapshot({"name": "Brand New", "description": "New.", "categories": []}, actor=editor)
    created = ListingChange.objects.get(group=group)
    assert created.before is None
    with pytest.raises(ValidationError):
        services.revert(created, editor, "no")


def test_only_staff_revert(listing, contact):
    from django.core.exceptions import PermissionDenied

    rename(listing, "Wrong Name")
    with pytest.raises(PermissionDenied):
        services.revert(ListingChange.objects.get(), contact, "mine")


def test_a_long_history_is_shown_a_page_at_a_time(client, listing, editor):
    for n in range(30):
        rename(listing, f"Name {n}")
    client.force_login(editor)

    first = client.get(reverse("listings_staff:history", args=[listing.slug]))
    second = client.get(reverse("listings_staff:history", args=[listing.slug]), {"page": 2})

    assert len(first.context["changes"]) == 25 and len(second.context["changes"]) == 5
    assert "<ins>Name 29</ins>" in first.content.decode() and "Older changes" in first.content.decode()
