"""Staff can edit anything in the admin, with the same history as everyone else: the listing before (read from
the database, not the half-changed form) and after, who did it, once per save."""

from datetime import date

import pytest
from django.urls import reverse

from twoworlds.directory.models import Group
from twoworlds.directory.tests.admin_support import (
    add_inline_row,
    assert_saved,
    form_data,
    make_category,
    make_organisation,
    make_staff,
)
from twoworlds.listings.models import ListingChange

pytestmark = pytest.mark.django_db

# Fixtures shared with the other listings tests.


@pytest.fixture
def boss(client):
    user = make_staff("boss", is_superuser=True)
    client.force_login(user)
    return user


def test_a_change_in_the_admin_is_recorded_with_the_listing_before_and_after(client, boss, listing):
    url = reverse("admin:directory_group_change", args=[listing.pk])
    data = form_data(client.get(url))
    data["name"] = "Sneinton Stroke Survivors"
    data["contact_routes-0-value"] = "0115 496 0999"

    assert_saved(client.post(url, data))

    change = ListingChange.objects.get(group=listing)
    assert (change.actor, change.source) == (boss, "staff")
    assert change.before["name"] == "Sneinton Stroke Club"
    assert change.after["name"] == "Sneinton Stroke Survivors"
    assert change.before["contact_routes"][0]["value"] == "0115 496 0123"
    assert change.after["contact_routes"][0]["value"] == "0115 496 0999"


def test_saving_without_changes_records_nothing(client, boss, listing):
    url = reverse("admin:directory_group_change", args=[listing.pk])
    assert_saved(client.post(url, form_data(client.get(url))))
    assert not ListingChange.objects.exists()


def test_a_group_added_in_the_admin_is_recorded_as_created(client, boss):
    url = reverse("admin:directory_group_add")
    data = form_data(client.get(url))
    data.update(
        name="Tremor Tuesday",
        slug="tremor-tuesday",
        organisation=str(make_organisation("Parkinson's Friends").pk),
        categories=[str(make_category("Parkinson's").pk)],
        description="People living with Parkinson's meet for tea.",
        last_confirmed=date.today().isoformat(),
    )
    add_inline_row(
        data, "contact_routes", kind="phone", value="0115 496 0222", visibility="public", position=0
    )

    assert_saved(client.post(url, data))

    group = Group.objects.get(slug="tremor-tuesday")
    change = ListingChange.objects.get(group=group)
    assert change.before is None and change.actor == boss
    assert change.after["contact_routes"][0]["value"] == "0115 496 0222"


def test_the_admin_change_shows_in_the_history_page_and_can_be_reverted(client, boss, listing):
    url = reverse("admin:directory_group_change", args=[listing.pk])
    data = form_data(client.get(url))
    data["description"] = "Oops, pasted the wrong text."
    assert_saved(client.post(url, data))
    change = ListingChange.objects.get()

    client.post(
        reverse("listings_staff:revert", args=[change.pk]), {f"revert-{change.pk}-reason": "Wrong paste"}
    )

    listing.refresh_from_db()
    assert listing.description.startswith("Stroke survivors who meet")
    assert list(ListingChange.objects.values_list("source", flat=True)) == ["revert", "staff"]


def test_a_meeting_changed_on_its_own_admin_page_is_recorded(client, boss, listing):
    meeting = listing.meetings.get()
    url = reverse("admin:directory_meeting_change", args=[meeting.pk])
    data = form_data(client.get(url))
    data["start_time"] = "13:00:00"

    assert_saved(client.post(url, data))

    change = ListingChange.objects.get(group=listing)
    assert change.actor == boss
    assert change.before["meetings"][0]["start_time"] == "14:00"
    assert change.after["meetings"][0]["start_time"] == "13:00"


def test_renaming_a_venue_is_recorded_on_every_listing_that_meets_there(client, boss, listing):
    from twoworlds.core import testing as t

    venue = listing.meetings.get().venue
    other = t.group("Other Group", [], meetings=[t.weekly(3, venue=venue)])
    url = reverse("admin:directory_venue_change", args=[venue.pk])
    data = form_data(client.get(url))
    data["name"] = "St Anne's Community Hall"

    assert_saved(client.post(url, data))

    assert sorted(c.group.name for c in ListingChange.objects.all()) == ["Other Group", listing.name]
    assert (
        ListingChange.objects.get(group=other).after["meetings"][0]["venue"]["name"]
        == "St Anne's Community Hall"
    )


def test_deleting_a_contact_route_in_the_admin_is_recorded(client, boss, listing):
    route = listing.contact_routes.get()
    url = reverse("admin:directory_contactroute_delete", args=[route.pk])

    response = client.post(url, {"post": "yes"})

    assert response.status_code == 302
    change = ListingChange.objects.get(group=listing)
    assert change.before["contact_routes"] and change.after["contact_routes"] == []
