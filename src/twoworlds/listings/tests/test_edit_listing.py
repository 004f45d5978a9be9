"""A group's contact changes the whole listing on one page. Unless the group is trusted, staff check the
change before it is published: the public page does not change until then. Bad input keeps what was typed,
says what is wrong, and saves nothing."""

import pytest
from django.urls import reverse

from twoworlds.directory.models import Group, Meeting, Venue
from twoworlds.directory.snapshots import differences, take_snapshot
from twoworlds.listings import services
from twoworlds.listings.models import Decision, ListingChange, ProposedChange

from .support import page_data, staff

pytestmark = pytest.mark.django_db

# Fixtures shared with the other listings tests.


def edit_url(group):
    return reverse("listings:edit", args=[group.slug])


@pytest.fixture
def signed_in(client, contact):
    client.force_login(contact)
    return client


def changed_fields(change):
    return [key for key, _, _ in differences(change.before, change.proposal)]


def test_the_page_shows_the_listing_as_it_is(signed_in, listing):
    response = signed_in.get(edit_url(listing))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Stroke survivors who meet for tea" in html
    assert "St Anne&#x27;s Hall" in html
    assert "0115 496 0123" in html
    # every field says why it is asked, tied to its input
    assert 'aria-describedby="id_description_helptext"' in html
    assert 'id="id_description_helptext"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_a_change_waits_for_staff_and_the_public_page_stays_as_it_was(signed_in, listing, client):
    data = page_data(signed_in.get(edit_url(listing)))
    data["description"] = "We are stroke survivors. Come as you are."
    data["meetings-0-start_time"] = "13:30"
    data["note"] = "New start time from May"

    response = signed_in.post(edit_url(listing), data)

    assert response.status_code == 302 and response["Location"] == reverse("listings:my_groups")
    change = ProposedChange.objects.get()
    assert change.status == Decision.PENDING and change.kind == ProposedChange.Kind.EDIT
    assert change.note == "New start time from May"
    assert changed_fields(change) == ["description", "meetings"]
    assert change.before == take_snapshot(listing)
    listing.refresh_from_db()
    assert listing.description.startswith("Stroke survivors")
    assert str(listing.meetings.get().start_time) == "14:00:00"
    assert "Come as you are" not in client.get(listing.get_absolute_url()).content.decode()
    assert not ListingChange.objects.filter(group=listing).exclude(source="staff").exists()


def test_saving_without_changing_anything_says_so(signed_in, listing):
    data = page_data(signed_in.get(edit_url(listing)))

    response = signed_in.post(edit_url(listing), data)

    assert response.status_code == 400
    assert "Nothing has changed" in response.content.decode()
    assert not ProposedChange.objects.exists()


def test_bad_input_keeps_what_was_typed_says_what_is_wrong_and_saves_nothing(signed_in, listing):
    data = page_data(signed_in.get(edit_url(listing)))
    data["description"] = "Our own new words, typed with care."
    data["status"] = "paused"  # without the date it restarts
    data["meetings-0-frequency"] = "monthly"  # without which week in the month
    data["routes-0-value"] = "call me"

    response = signed_in.post(edit_url(listing), data)

    html = response.content.decode()
    assert response.status_code == 400
    assert "Our own new words, typed with care." in html
    assert 'class="error-summary"' in html and "There is a problem" in html
    anchors = dict(response.context["errors"])
    assert "Say until when the group is paused." in anchors["id_paused_until"]
    assert "Say which one in the month" in anchors["id_meetings-0-nth"]
    assert "Enter a phone number" in anchors["id_routes-0-value"]
    # each error is tied to its field
    assert 'id="id_paused_until_error"' in html
    assert 'aria-describedby="id_paused_until_helptext id_paused_until_error"' in html
    assert 'aria-invalid="true"' in html
    assert not ProposedChange.objects.exists()
    listing.refresh_from_db()
    assert listing.status == Group.Status.ACTIVE


def test_an_in_person_meeting_needs_a_place(signed_in, listing):
    data = page_data(signed_in.get(edit_url(listing)))
    data.update(
        {
            "meetings-1-attendance": "in_person",
            "meetings-1-frequency": "weekly",
            "meetings-1-weekday": "4",
            "meetings-1-start_time": "10:00",
        }
    )

    response = signed_in.post(edit_url(listing), data)

    assert response.status_code == 400
    anchors = dict(response.context["errors"])
    assert "Give the name of the place" in anchors["id_meetings-1-venue_name"]
    assert "Give the town" in anchors["id_meetings-1-venue_town"]
    assert not ProposedChange.objects.exists()


def test_meetings_are_added_and_removed_and_removed_ones_stay_in_history(
    signed_in, listing, django_user_model
):
    old_meeting = listing.meetings.get()
    data = page_data(signed_in.get(edit_url(listing)))
    data["meetings-0-DELETE"] = "on"
    data.update(
        {
            "meetings-1-attendance": "online",
            "meetings-1-frequency": "fortnightly",
            "meetings-1-weekday": "2",
            "meetings-1-starts_on": "2026-01-07",
            "meetings-1-start_time": "19:30",
            "meetings-1-end_time": "20:30",
            "meetings-1-online_joining": "Link sent on request",
        }
    )

    assert signed_in.post(edit_url(listing), data).status_code == 302

    change = ProposedChange.objects.get()
    (meeting,) = change.proposal["meetings"]
    assert meeting["attendance"] == "online" and meeting["venue"] is None and "id" not in meeting
    services.decide_change(change, staff(), approve=True)
    (now,) = listing.meetings.all()
    assert now.attendance == "online" and not Meeting.objects.filter(pk=old_meeting.pk).exists()
    latest = ListingChange.objects.filter(group=listing).first()
    assert latest.before["meetings"][0]["id"] == str(old_meeting.pk)  # the removed meeting, kept in history


def test_an_address_in_a_members_home_is_never_public(signed_in, listing):
    data = page_data(signed_in.get(edit_url(listing)))
    data["meetings-0-venue_name"] = "Jo's front room"
    data["meetings-0-venue_is_members_home"] = "on"
    data["meetings-0-venue_address_disclosure"] = "public"

    assert signed_in.post(edit_url(listing), data).status_code == 302

    venue = ProposedChange.objects.get().proposal["meetings"][0]["venue"]
    assert venue["is_members_home"] is True
    assert venue["address_disclosure"] == Venue.Disclosure.ON_REQUEST


def test_contact_routes_have_a_visibility_chosen_by_the_group(signed_in, listing):
    data = page_data(signed_in.get(edit_url(listing)))
    data["routes-0-visibility"] = "on_request"
    data.update(
        {
            "routes-1-kind": "email",
            "routes-1-value": "hello@stroke-club.example",
            "routes-1-visibility": "public",
        }
    )

    assert signed_in.post(edit_url(listing), data).status_code == 302

    routes = ProposedChange.objects.get().proposal["contact_routes"]
    assert [(r["kind"], r["visibility"]) for r in routes] == [("phone", "on_request"), ("email", "public")]


def test_closing_is_a_status_and_nothing_is_deleted(signed_in, listing):
    data = page_data(signed_in.get(edit_url(listing)))
    data["status"] = "closed"
    data["status_note"] = "We stopped meeting in March."
    signed_in.post(edit_url(listing), data)

    services.decide_change(ProposedChange.objects.get(), staff(), approve=True)

    listing.refresh_from_db()
    assert listing.status == Group.Status.CLOSED
    assert listing.meetings.count() == 1 and listing.contact_routes.count() == 1


def test_the_add_another_button_shows_one_more_empty_row_without_saving_or_complaining(signed_in, listing):
    data = page_data(signed_in.get(edit_url(listing)))
    data["description"] = "Half-way through typing"
    data["add-meeting"] = "1"

    response = signed_in.post(edit_url(listing), data)

    assert response.status_code == 200
    assert len(response.context["meeting_set"].forms) == 3
    assert response.context["errors"] == []
    assert "Half-way through typing" in response.content.decode()
    assert not ProposedChange.objects.exists()


def test_ids_from_another_listing_are_refused(signed_in, listing):
    from twoworlds.core import testing as t

    other = t.group("Other Group", [], meetings=[t.weekly(3)])
    data = page_data(signed_in.get(edit_url(listing)))
    data["meetings-0-id"] = str(other.meetings.get().pk)

    response = signed_in.post(edit_url(listing), data)

    assert response.status_code == 400
    assert "out of date" in response.content.decode()
    assert not ProposedChange.objects.exists()


def test_a_second_edit_starts_from_the_first_and_replaces_it(signed_in, listing):
    data = page_data(signed_in.get(edit_url(listing)))
    data["description"] = "First go at new words."
    signed_in.post(edit_url(listing), data)

    response = signed_in.get(edit_url(listing))
    assert "First go at new words." in response.content.decode()
    data = page_data(response)
    data["cost_note"] = "£2 for tea"
    signed_in.post(edit_url(listing), data)

    first, second = ProposedChange.objects.order_by("created_at", "pk")
    assert first.status == Decision.WITHDRAWN
    assert second.status == Decision.PENDING
    assert changed_fields(second) == ["description", "cost_note"]


def test_an_invalid_listing_is_never_proposed(listing, contact):
    snapshot = take_snapshot(listing)
    snapshot["status"] = "paused"  # no date: the model refuses it

    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.propose_change(listing, snapshot, contact, "")
    assert not ProposedChange.objects.exists()
    assert not ListingChange.objects.filter(source="system").exists()  # the dry run left nothing behind
