"""Staff edit groups in the admin; every change reaches the search index once it commits."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from twoworlds.directory import services
from twoworlds.directory.models import ContactRoute, Group, Meeting
from twoworlds.search.models import SearchDocument
from twoworlds.search.services import Filters

from .admin_support import (
    add_inline_row,
    assert_saved,
    form_data,
    hit_ids,
    make_category,
    make_group,
    make_meeting,
    make_organisation,
    make_staff,
    make_venue,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff("boss", is_superuser=True))
    return client


def change_url(group):
    return reverse("admin:directory_group_change", args=[group.pk])


def test_renaming_a_group_in_the_admin_updates_search(staff_client, django_capture_on_commit_callbacks):
    group = make_group("Carers Coffee Morning")
    assert hit_ids("lighthouse") == []
    data = form_data(staff_client.get(change_url(group)))
    data["name"] = "Lighthouse Carers"

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(change_url(group), data)

    assert_saved(response)
    group.refresh_from_db()
    assert group.name == "Lighthouse Carers"
    assert hit_ids("lighthouse") == [group.pk]
    assert SearchDocument.objects.get(group=group).name == "Lighthouse Carers"


def test_adding_a_group_with_meetings_and_contacts_inline(staff_client, django_capture_on_commit_callbacks):
    organisation = make_organisation("Parkinson's Friends")
    category = make_category("Parkinson's")
    venue = make_venue("Beeston Library", town="Beeston", postcode="NG9 2JG")
    url = reverse("admin:directory_group_add")
    data = form_data(staff_client.get(url))
    data.update(
        name="Tremor Tuesday",
        slug="tremor-tuesday",
        organisation=str(organisation.pk),
        categories=[str(category.pk)],
        description="People living with Parkinson's meet for tea.",
        last_confirmed=date.today().isoformat(),
    )
    add_inline_row(
        data,
        "meetings",
        attendance=Meeting.Attendance.IN_PERSON,
        venue=venue.pk,
        frequency=Meeting.Frequency.WEEKLY,
        weekday=Meeting.Weekday.TUESDAY,
        start_time="14:00",
        end_time="16:00",
    )
    add_inline_row(
        data,
        "contact_routes",
        kind=ContactRoute.Kind.PHONE,
        value="0115 123 4567",
        visibility="public",
        position=0,
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, data)

    assert_saved(response)
    group = Group.objects.get(slug="tremor-tuesday")
    assert list(group.categories.all()) == [category]
    assert group.meetings.get().venue == venue
    assert group.contact_routes.get().value == "0115 123 4567"
    # Indexed with its categories, its meeting day and its venue's town: all saved after the group itself.
    assert hit_ids("tremor") == [group.pk]
    assert hit_ids("parkinson's") == [group.pk]
    assert hit_ids("", Filters(day="tuesday")) == [group.pk]
    assert hit_ids("beeston") == [group.pk]


def test_inline_meeting_changes_and_deletions_reach_search(staff_client, django_capture_on_commit_callbacks):
    group = make_group("Listening Circle")
    make_meeting(group, weekday=Meeting.Weekday.MONDAY)
    assert hit_ids("", Filters(day="monday")) == [group.pk]

    data = form_data(staff_client.get(change_url(group)))
    data["meetings-0-weekday"] = str(Meeting.Weekday.THURSDAY)
    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(change_url(group), data))
    assert hit_ids("", Filters(day="monday")) == []
    assert hit_ids("", Filters(day="thursday")) == [group.pk]

    data = form_data(staff_client.get(change_url(group)))
    data["meetings-0-DELETE"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(change_url(group), data))
    assert not group.meetings.exists()
    assert hit_ids("", Filters(day="thursday")) == []


def test_invalid_group_is_not_saved(staff_client):
    group = make_group("Sunflower Group")
    data = form_data(staff_client.get(change_url(group)))
    data.update(status=Group.Status.PAUSED, paused_until="")

    response = staff_client.post(change_url(group), data)

    assert response.status_code == 200
    assert "paused_until" in response.context["adminform"].form.errors
    group.refresh_from_db()
    assert group.status == Group.Status.ACTIVE


def test_mark_confirmed_today_action(staff_client, django_capture_on_commit_callbacks):
    long_ago = date(2020, 1, 1)
    stale = make_group("Old Friends", last_confirmed=long_ago)
    other = make_group("Not Chosen", last_confirmed=long_ago)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = staff_client.post(
            reverse("admin:directory_group_changelist"),
            {"action": "mark_confirmed", "_selected_action": [str(stale.pk)]},
            follow=True,
        )

    assert response.status_code == 200
    assert "1 group marked as confirmed today." in response.content.decode()
    stale.refresh_from_db()
    other.refresh_from_db()
    assert stale.last_confirmed == timezone.localdate()
    assert other.last_confirmed == long_ago
    assert callbacks  # the listing was re-indexed


def test_deleting_a_group_removes_it_from_search(staff_client, django_capture_on_commit_callbacks):
    group = make_group("Goodbye Group")
    make_meeting(group)
    assert hit_ids("goodbye") == [group.pk]

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:directory_group_delete", args=[group.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Group.objects.filter(pk=group.pk).exists()
    assert hit_ids("goodbye") == []


def test_bulk_delete_removes_groups_from_search(staff_client, django_capture_on_commit_callbacks):
    first, second = make_group("Alpha Circle"), make_group("Beta Circle")

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:directory_group_changelist"),
            {"action": "delete_selected", "_selected_action": [str(first.pk), str(second.pk)], "post": "yes"},
        )

    assert not Group.objects.exists()
    assert hit_ids("circle") == []
    assert not SearchDocument.objects.exists()


def test_changelist_search_and_filters(staff_client):
    carers = make_category("Carers")
    dementia = make_category("Dementia", parent=carers)
    venue = make_venue("Meadows Centre", town="Meadows")
    dementia_group = make_group("Memory Cafe", categories=[dementia])
    make_meeting(dementia_group, venue=venue)
    make_group("Stammering Support", status=Group.Status.CLOSED)
    overdue = make_group("Quiet Group", last_confirmed=timezone.localdate() - timedelta(days=400))
    url = reverse("admin:directory_group_changelist")

    def names(**params):
        response = staff_client.get(url, params)
        assert response.status_code == 200
        return sorted(g.name for g in response.context["cl"].result_list)

    assert names() == ["Memory Cafe", "Quiet Group", "Stammering Support"]
    assert names(q="memory") == ["Memory Cafe"]
    assert names(q="meadows") == ["Memory Cafe"]  # the town a group meets in
    assert names(status__exact="closed") == ["Stammering Support"]
    assert names(categories__id__exact=str(dementia.pk)) == ["Memory Cafe"]
    assert names(confirmation="overdue") == [overdue.name]
    assert names(group_type__exact="self_help", cost__exact="free", status__exact="active") == [
        "Memory Cafe",
        "Quiet Group",
    ]
    year = timezone.localdate().year
    assert staff_client.get(url, {"last_confirmed__year": year}).status_code == 200


def test_group_change_page_shows_fieldsets_and_inlines(staff_client):
    group = make_group("Hearing Voices")
    make_meeting(group)

    response = staff_client.get(change_url(group))

    content = response.content.decode()
    for heading in ["About the group", "Who can come", "How it is offered", "Status and confirmation"]:
        assert heading in content
    prefixes = [inline.formset.prefix for inline in response.context["inline_admin_formsets"]]
    assert prefixes == ["meetings", "contact_routes"]
    assert (
        "Mark details as confirmed today"
        in staff_client.get(reverse("admin:directory_group_changelist")).content.decode()
    )


def test_organisation_autocomplete_for_the_group_form(staff_client):
    make_organisation("Mind in Nottingham")
    make_organisation("Alzheimer's Society")

    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "directory", "model_name": "group", "field_name": "organisation", "term": "mind"},
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Mind in Nottingham"]


def test_marking_a_lapsed_group_confirmed_brings_it_back_and_records_who(staff_client, indexed):
    from twoworlds.listings.models import ListingChange

    with indexed():
        group = make_group("Lapsed Friends", last_confirmed=date(2020, 1, 1))
        Group.objects.filter(pk=group.pk).update(lapsed=True)
        group.refresh_from_db()
        services.save_group(group, validate=False)
    assert hit_ids("lapsed") == []
    with indexed():
        staff_client.post(
            reverse("admin:directory_group_changelist"),
            {"action": "mark_confirmed", "_selected_action": [str(group.pk)]},
        )
    assert hit_ids("lapsed") == [group.pk]
    change = ListingChange.objects.get(group=group)
    assert change.source == ListingChange.Source.CONFIRMATION and change.actor is not None
