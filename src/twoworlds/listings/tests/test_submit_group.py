"""Anyone starting or running a group that is not listed sends it through a public form; staff review it; on
approval it is listed, and a submitter who runs it can keep it up to date themselves."""

import pytest
from django.urls import reverse

from twoworlds.core import testing as t
from twoworlds.directory.models import Group
from twoworlds.listings import services
from twoworlds.listings.models import Decision, GroupContact, ListingChange, ProposedChange
from twoworlds.search.services import find_groups

from .support import sent_to

pytestmark = pytest.mark.django_db

# Fixtures shared with the other listings tests.
URL = "/list-a-group/"


@pytest.fixture
def category(db):
    return t.category("Tinnitus", parent=t.category("Specific conditions"))


def filled(category, **changes):
    data = {
        "name": "Hum Busters",
        "group_type": "self_help",
        "description": "People living with tinnitus who meet to swap tips and a bit of peace.",
        "what_to_expect": "",
        "categories": [category.slug],
        "for_people_affected": "on",
        "meetings-TOTAL_FORMS": "1",
        "meetings-INITIAL_FORMS": "0",
        "meetings-MIN_NUM_FORMS": "0",
        "meetings-MAX_NUM_FORMS": "1000",
        "meetings-0-attendance": "in_person",
        "meetings-0-frequency": "monthly",
        "meetings-0-weekday": "2",
        "meetings-0-nth": "1",
        "meetings-0-start_time": "18:30",
        "meetings-0-end_time": "20:00",
        "meetings-0-venue_name": "Beeston Library",
        "meetings-0-venue_town": "Beeston",
        "meetings-0-venue_postcode": "ng9 2jr",
        "meetings-0-venue_address_disclosure": "public",
        "route_kind": "phone",
        "route_value": "0115 496 0456",
        "route_contact_name": "Mo",
        "website": "",
        "submitter_name": "Mo Khan",
        "submitter_email": "mo@example.org",
        "note": "",
        "website_url": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_says_why_it_asks_for_the_submitters_details(client):
    html = client.get(URL).content.decode()
    assert "never published or passed on" in html
    assert 'name="website_url"' in html  # the honeypot
    assert 'name="csrfmiddlewaretoken"' in html


def test_a_new_group_is_kept_for_staff_and_the_submitter_is_thanked(
    client, category, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, filled(category, looks_after="on"))

    assert response.status_code == 302 and response["Location"] == "/list-a-group/thanks/"
    change = ProposedChange.objects.get()
    assert change.kind == ProposedChange.Kind.NEW_GROUP and change.status == Decision.PENDING
    assert change.group is None
    assert (change.submitter_name, change.submitter_email) == ("Mo Khan", "mo@example.org")
    assert change.proposal["name"] == "Hum Busters"
    assert change.proposal["meetings"][0]["venue"]["postcode"] == "NG9 2JR"
    assert change.proposal["contact_routes"][0]["visibility"] == "public"
    assert change.proposal["_submission"] == {"looks_after": True}
    assert not Group.objects.filter(name="Hum Busters").exists()
    (thanks,) = sent_to("mo@example.org")
    assert "Hum Busters" in thanks.subject
    (to_staff,) = sent_to(editor.email)
    assert reverse("listings_staff:change", args=[change.pk]) in to_staff.body
    assert "mo@example.org" not in to_staff.body


def test_a_half_filled_form_keeps_what_was_typed_and_says_what_is_missing(client, category):
    response = client.post(
        URL, filled(category, name="", submitter_email="not an email", **{"meetings-0-venue_name": ""})
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "People living with tinnitus who meet to swap tips" in html
    assert 'value="Beeston Library"' not in html  # what was cleared stays cleared
    assert 'value="Mo Khan"' in html
    anchors = dict(response.context["errors"])
    assert anchors["id_name"] == "Name: Give the group's name."
    assert "Enter a valid email address." in anchors["id_submitter_email"]
    assert "Give the name of the place" in anchors["id_meetings-0-venue_name"]
    assert not ProposedChange.objects.exists()


def test_it_needs_a_meeting_or_to_say_there_are_no_regular_meetings(client, category):
    no_meeting = filled(category, **{"meetings-0-attendance": "in_person", "meetings-0-venue_name": ""})
    for key in [k for k in no_meeting if k.startswith("meetings-0-")]:
        del no_meeting[key]
    no_meeting["meetings-0-attendance"] = "in_person"
    no_meeting["meetings-0-frequency"] = "weekly"
    no_meeting["meetings-0-venue_address_disclosure"] = "public"

    response = client.post(URL, no_meeting)
    assert response.status_code == 400
    assert "id_no_regular_meetings" in dict(response.context["errors"])

    response = client.post(URL, {**no_meeting, "no_regular_meetings": "on"})
    assert response.status_code == 302
    assert ProposedChange.objects.get().proposal["meetings"] == []


def test_a_form_filled_in_by_a_bot_is_refused(client, category):
    response = client.post(URL, filled(category, website_url="https://spam.example"))

    assert response.status_code == 400
    assert not ProposedChange.objects.exists()


def test_more_than_five_a_day_from_one_address_are_refused(client, category):
    for _ in range(5):
        assert client.post(URL, filled(category)).status_code == 302
    response = client.post(URL, filled(category))
    assert response.status_code == 429
    assert ProposedChange.objects.count() == 5


def test_approving_lists_the_group_and_the_submitter_can_look_after_it(
    client, category, editor, indexed, django_capture_on_commit_callbacks
):
    client.post(URL, filled(category, looks_after="on"))
    change = ProposedChange.objects.get()
    client.force_login(editor)
    page = client.get(reverse("listings_staff:change", args=[change.pk])).content.decode()
    assert "Hum Busters" in page and "First Wednesday of the month" in page

    with indexed():
        client.post(reverse("listings_staff:change", args=[change.pk]), {"decision": "approve"})

    group = Group.objects.get(name="Hum Busters")
    change.refresh_from_db()
    assert change.group == group and change.status == Decision.APPROVED
    assert group.meetings.get().venue.name == "Beeston Library"
    assert [hit.group_id for hit in find_groups("hum busters").hits] == [group.pk]
    assert client.get(group.get_absolute_url()).status_code == 200
    contact = GroupContact.objects.get(group=group)
    assert contact.user.email == "mo@example.org"
    history = ListingChange.objects.get(group=group)
    assert history.before is None and history.source == "moderation"
    (decided,) = [m for m in sent_to("mo@example.org") if "now listed" in m.subject]
    assert group.get_absolute_url() in decided.body and "/my-groups/" in decided.body


def test_without_asking_the_submitter_does_not_become_a_contact(client, category, editor):
    client.post(URL, filled(category))
    services.decide_change(ProposedChange.objects.get(), editor, approve=True)
    assert not GroupContact.objects.exists()


def test_returning_tells_the_submitter_why(client, category, editor, django_capture_on_commit_callbacks):
    client.post(URL, filled(category))
    change = ProposedChange.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        services.decide_change(change, editor, approve=False, reason="Is this a national helpline?")

    assert not Group.objects.filter(name="Hum Busters").exists()
    (returned,) = [m for m in sent_to("mo@example.org") if "returned" in m.subject]
    assert "Is this a national helpline?" in returned.body
