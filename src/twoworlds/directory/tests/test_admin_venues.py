"""Venues in the admin: the meetings held there are managed from the venue too, and a venue shared by
several groups changes all of their listings."""

import pytest
from django.urls import reverse

from twoworlds.directory.models import Meeting, Venue
from twoworlds.search.services import Filters

from .admin_support import (
    add_inline_row,
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


def change_url(venue):
    return reverse("admin:directory_venue_change", args=[venue.pk])


def test_venue_page_lists_the_meetings_held_there(staff_client):
    venue = make_venue("Friends Meeting House")
    group = make_group("Quaker Carers")
    make_meeting(group, venue=venue)

    response = staff_client.get(change_url(venue))

    assert response.status_code == 200
    [inline] = response.context["inline_admin_formsets"]
    assert [form.instance.group for form in inline.formset.initial_forms] == [group]
    assert "Meetings held here" in response.content.decode()


def test_adding_a_meeting_from_the_venue_indexes_the_group(staff_client, django_capture_on_commit_callbacks):
    venue = make_venue("Bulwell Riverside", town="Bulwell", postcode="NG6 8QJ")
    group = make_group("Men's Shed Talk")
    assert hit_ids("bulwell") == []
    data = form_data(staff_client.get(change_url(venue)))
    add_inline_row(
        data,
        "meetings",
        group=group.pk,
        attendance=Meeting.Attendance.IN_PERSON,
        frequency=Meeting.Frequency.WEEKLY,
        weekday=Meeting.Weekday.FRIDAY,
        start_time="10:00",
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(change_url(venue), data))

    assert group.meetings.get().venue == venue
    assert hit_ids("bulwell") == [group.pk]
    assert hit_ids("", Filters(day="friday")) == [group.pk]


def test_moving_a_meeting_to_another_group_reindexes_both(staff_client, django_capture_on_commit_callbacks):
    venue = make_venue("Hyson Green Library", town="Hyson Green")
    first, second = make_group("First Group"), make_group("Second Group")
    make_meeting(first, venue=venue, weekday=Meeting.Weekday.SUNDAY)
    assert hit_ids("", Filters(day="sunday")) == [first.pk]
    data = form_data(staff_client.get(change_url(venue)))
    data["meetings-0-group"] = str(second.pk)

    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(change_url(venue), data))

    assert hit_ids("", Filters(day="sunday")) == [second.pk]
    assert hit_ids("hyson") == [second.pk]


def test_renaming_a_shared_venue_updates_every_group_meeting_there(
    staff_client, django_capture_on_commit_callbacks
):
    venue = make_venue("Old Chapel", town="Sneinton", postcode="NG2 4QB")
    groups = [make_group("Bereaved Parents"), make_group("Widowed and Young")]
    for group in groups:
        make_meeting(group, venue=venue)
    data = form_data(staff_client.get(change_url(venue)))
    data.update(name="Sneinton Hermitage Centre", postcode="ng2 4qa")

    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(change_url(venue), data))

    venue.refresh_from_db()
    assert venue.postcode == "NG2 4QA"
    assert sorted(hit_ids("hermitage"), key=str) == sorted([g.pk for g in groups], key=str)


def test_removing_a_meeting_from_the_venue(staff_client, django_capture_on_commit_callbacks):
    venue = make_venue("Clifton Leisure Centre", town="Clifton")
    group = make_group("Stroke Club")
    make_meeting(group, venue=venue)
    data = form_data(staff_client.get(change_url(venue)))
    data["meetings-0-DELETE"] = "on"

    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(change_url(venue), data))

    assert not group.meetings.exists()
    assert hit_ids("clifton") == []


def test_venue_list_filters(staff_client):
    make_venue("Home of a member", town="Arnold", postcode="NG5 6AA", is_members_home=True)
    make_venue("Step-free Hall", town="Carlton", postcode="NG4 1AA", step_free=True, hearing_loop=True)
    make_venue("Upstairs Room", town="Carlton", postcode="NG4 1AB")
    url = reverse("admin:directory_venue_changelist")

    def names(**params):
        response = staff_client.get(url, params)
        assert response.status_code == 200
        return sorted(v.name for v in response.context["cl"].result_list)

    assert names(town="Carlton") == ["Step-free Hall", "Upstairs Room"]
    assert names(is_members_home__exact="1") == ["Home of a member"]
    assert names(access="step_free") == ["Step-free Hall"]
    assert names(access="hearing_loop") == ["Step-free Hall"]
    assert names(access="none") == ["Home of a member", "Upstairs Room"]
    assert names(q="NG4") == ["Step-free Hall", "Upstairs Room"]


def test_venue_autocomplete_for_meetings(staff_client):
    make_venue("Mapperley Community Centre", town="Mapperley")
    make_venue("Radford Unity Complex", town="Radford")

    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "directory", "model_name": "meeting", "field_name": "venue", "term": "mapperley"},
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Mapperley Community Centre, Mapperley"]


def test_a_venue_in_use_cannot_be_deleted(staff_client):
    venue = make_venue("Busy Hall")
    make_meeting(make_group("Busy Group"), venue=venue)

    response = staff_client.post(reverse("admin:directory_venue_delete", args=[venue.pk]), {"post": "yes"})

    assert response.status_code == 200  # the page explains which meetings still use it
    assert Venue.objects.filter(pk=venue.pk).exists()
