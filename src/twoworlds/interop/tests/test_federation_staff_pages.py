"""Staff pages for subscriptions under /staff/imports/subscriptions/: only clearinghouse staff see or change
anything; staff add a subscription (errors re-render with what was typed), refresh one now, stop one; the
group page tells staff (and only staff) which sources list a group."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from twoworlds.core import testing as t
from twoworlds.directory.models import Group
from twoworlds.interop.meeting_guide_import import ALSO_LISTED
from twoworlds.interop.models import ImportedRecord, Source

from . import federation_support
from .federation_support import service
from .import_support import someone, staff_member

pytestmark = pytest.mark.django_db

fake_api = federation_support.fake_api  # the local HSDS API fixture

LIST, ADD = "/staff/imports/subscriptions/", "/staff/imports/subscriptions/add/"


@pytest.fixture
def subscription():
    return Source.objects.create(
        name="County directory", kind=Source.Kind.HSDS_API, location="http://127.0.0.1:9/api", subscribed=True
    )


def pages(source):
    base = f"/staff/imports/subscriptions/{source.pk}"
    return [
        ("get", LIST),
        ("get", ADD),
        ("get", f"{base}/stop/"),
        ("post", f"{base}/stop/"),
        ("post", f"{base}/refresh/"),
    ]


def not_a_role_holder():
    """Marked as staff in Django but holding no clearinghouse role: still not staff here."""
    return get_user_model().objects.create_user(username="desk", email="desk@example.org", is_staff=True)


def test_anonymous_visitors_are_sent_to_sign_in(client, subscription):
    for method, url in pages(subscription):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/account/sign-in/" in response["Location"], url
    assert Source.objects.get().subscribed


@pytest.mark.parametrize("make_user", [someone, not_a_role_holder])
def test_people_who_are_not_staff_are_refused_and_nothing_changes(client, subscription, make_user):
    client.force_login(make_user())
    for method, url in pages(subscription):
        response = getattr(client, method)(
            url, {"name": "X", "kind": "hsds_api", "location": "https://x.org"}
        )
        assert response.status_code == 403, url
        assert b"For clearinghouse staff only" in response.content
    assert Source.objects.count() == 1 and Source.objects.get().subscribed and not subscription.runs.exists()


def test_staff_see_each_subscription_with_its_last_run(client, subscription):
    Source.objects.filter(pk=subscription.pk).update(
        last_status="3 new, 0 updated, 0 unchanged, 0 rejected", last_run_at=timezone.now()
    )
    Source.objects.create(name="Old feed", location="https://old.example.org/api", subscribed=False)
    client.force_login(staff_member())
    page = client.get(LIST).content.decode()
    assert "County directory" in page and "3 new, 0 updated" in page and "Not fetched yet" not in page
    assert "Sources no longer refreshed" in page and "Old feed" in page
    assert "A name alone is never enough" in page


def test_staff_add_a_subscription(client):
    org = t.organisation("Intergroup")
    client.force_login(staff_member())
    response = client.post(
        ADD,
        {
            "name": "Intergroup meetings",
            "kind": "meeting_guide",
            "location": "https://intergroup.example.org/meetings.json",
            "organisation": org.pk,
            "refresh_hours": 12,
        },
    )
    assert response.status_code == 302 and response["Location"] == LIST
    source = Source.objects.get()
    assert source.subscribed and source.organisation == org and source.refresh_hours == 12
    assert "Subscribed to Intergroup meetings" in client.get(LIST).content.decode()


def test_a_form_with_errors_is_shown_again_with_what_was_typed(client):
    client.force_login(staff_member())
    response = client.post(
        ADD,
        {"name": "Intergroup meetings", "kind": "meeting_guide", "location": "ftp://x", "refresh_hours": 0},
    )
    page = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in page
    assert 'value="Intergroup meetings"' in page
    assert "Choose the organisation that runs the meetings" in page
    assert "Ensure this value is greater than or equal to 1" in page
    assert not Source.objects.exists()


def test_posts_without_a_csrf_token_are_refused(subscription):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff_member())
    assert browser.post(f"/staff/imports/subscriptions/{subscription.pk}/stop/").status_code == 403
    assert Source.objects.get().subscribed


def test_staff_stop_a_subscription_and_its_groups_stay(client, subscription):
    group = t.group("Hope Group")
    ImportedRecord.objects.create(source=subscription, kind="service", external_id="1", group=group)
    client.force_login(staff_member())
    confirm = client.get(f"/staff/imports/subscriptions/{subscription.pk}/stop/").content.decode()
    assert "stays listed" in confirm
    response = client.post(f"/staff/imports/subscriptions/{subscription.pk}/stop/")
    assert response.status_code == 302
    assert not Source.objects.get().subscribed and Group.objects.filter(pk=group.pk).exists()
    assert client.post(f"/staff/imports/subscriptions/{subscription.pk}/stop/").status_code == 404


def test_refresh_now_reports_a_failure_in_words(client, subscription):
    client.force_login(staff_member())
    response = client.post(f"/staff/imports/subscriptions/{subscription.pk}/refresh/", follow=True)
    page = response.content.decode()
    assert "County directory: Failed, nothing changed: Could not read" in page


def test_refresh_now_fetches_the_source(client, fake_api):
    directory, base = fake_api
    directory.services = [service("a", "Hope Group")]
    source = Source.objects.create(
        name="County", kind=Source.Kind.HSDS_API, location=base + "/api", subscribed=True
    )
    client.force_login(staff_member())
    client.post(f"/staff/imports/subscriptions/{source.pk}/refresh/")
    assert Group.objects.filter(name="Hope Group").exists() and directory.requests


def test_the_group_page_shows_staff_where_the_listing_comes_from(client):
    group = t.group("Hope Group")
    first = Source.objects.create(name="County directory", kind=Source.Kind.HSDS_API, subscribed=True)
    second = Source.objects.create(name="Intergroup meetings", kind=Source.Kind.MEETING_GUIDE)
    ImportedRecord.objects.create(source=first, kind="service", external_id="1", group=group)
    ImportedRecord.objects.create(
        source=second, kind="service", external_id="hope", group=group, local_fingerprint=ALSO_LISTED
    )
    public = client.get(group.get_absolute_url()).content.decode()
    assert "Where this listing comes from" not in public and "County directory" not in public
    client.force_login(someone())
    assert "County directory" not in client.get(group.get_absolute_url()).content.decode()
    client.force_login(staff_member())
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Where this listing comes from (staff only)" in page
    assert "County directory" in page and "keeps it up to date" in page
    assert "Intergroup meetings" in page and "another source keeps it up to date" in page
