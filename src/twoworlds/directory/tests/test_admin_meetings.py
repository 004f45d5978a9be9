"""Meetings and contact routes edited on their own admin pages go through the same write path as the
inlines: the old and the new group are both re-indexed."""

import pytest
from django.urls import reverse

from twoworlds.directory.models import ContactRoute, Meeting
from twoworlds.search.services import Filters

from .admin_support import (
    assert_saved,
    form_data,
    hit_ids,
    make_group,
    make_meeting,
    make_staff,
    make_venue,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff("boss", is_superuser=True))
    return client


def test_moving_a_meeting_between_groups(staff_client, django_capture_on_commit_callbacks):
    old, new = make_group("Old Home Group"), make_group("New Home Group")
    meeting = make_meeting(old, weekday=Meeting.Weekday.SATURDAY)
    url = reverse("admin:directory_meeting_change", args=[meeting.pk])
    data = form_data(staff_client.get(url))
    data["group"] = str(new.pk)

    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(url, data))

    assert hit_ids("", Filters(day="saturday")) == [new.pk]


def test_a_meeting_needs_a_venue_to_be_in_person(staff_client):
    group = make_group("Needs A Venue")
    url = reverse("admin:directory_meeting_add")
    data = form_data(staff_client.get(url))
    data.update(
        group=str(group.pk), attendance="in_person", frequency="weekly", weekday="1", start_time="19:00"
    )
    data.pop("venue", None)

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "venue" in response.context["adminform"].form.errors


def test_adding_an_online_meeting(staff_client, django_capture_on_commit_callbacks):
    group = make_group("Online Circle")
    url = reverse("admin:directory_meeting_add")
    data = form_data(staff_client.get(url))
    data.update(
        group=str(group.pk),
        attendance="online",
        frequency="weekly",
        weekday="2",
        start_time="20:00",
        online_joining="Link sent on request",
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(url, data))

    assert hit_ids("", Filters(format="online")) == [group.pk]


def test_deleting_meetings_from_the_list(staff_client, django_capture_on_commit_callbacks):
    group = make_group("Wednesday Walkers")
    meeting = make_meeting(group, venue=make_venue(), weekday=Meeting.Weekday.WEDNESDAY)

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:directory_meeting_changelist"),
            {"action": "delete_selected", "_selected_action": [str(meeting.pk)], "post": "yes"},
        )

    assert not Meeting.objects.exists()
    assert hit_ids("", Filters(day="wednesday")) == []


def test_contact_route_admin_validates_and_saves(staff_client, django_capture_on_commit_callbacks):
    group = make_group("Phone Friends")
    url = reverse("admin:directory_contactroute_add")
    data = form_data(staff_client.get(url))
    data.update(group=str(group.pk), kind="email", value="not an email", visibility="public", position="0")

    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors

    data["value"] = "hello@phonefriends.example.org"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert_saved(staff_client.post(url, data))
    assert ContactRoute.objects.get(group=group).value == "hello@phonefriends.example.org"
    assert callbacks


def test_meeting_and_contact_lists_filter_and_search(staff_client):
    group = make_group("Filterable Group")
    make_meeting(group, venue=make_venue("Arnold Methodist Church", town="Arnold"), frequency="weekly")
    ContactRoute.objects.create(group=group, kind="phone", value="0115 000 0000", visibility="on_request")

    response = staff_client.get(reverse("admin:directory_meeting_changelist"), {"venue__town": "Arnold"})
    assert len(response.context["cl"].result_list) == 1
    response = staff_client.get(reverse("admin:directory_meeting_changelist"), {"q": "filterable"})
    assert len(response.context["cl"].result_list) == 1
    response = staff_client.get(
        reverse("admin:directory_contactroute_changelist"), {"visibility__exact": "on_request"}
    )
    assert len(response.context["cl"].result_list) == 1
