"""Subscriptions: fetching another directory's HSDS API page by page from a local server, refreshing on a
schedule, groups that disappear (lapsed, not deleted), the same group from two sources, and failures that
change nothing."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus

from twoworlds.core import testing as t
from twoworlds.directory.models import Group
from twoworlds.interop import federation
from twoworlds.interop.importer import ImportFailed
from twoworlds.interop.meeting_guide_import import ALSO_LISTED
from twoworlds.interop.models import ImportedRecord, Source
from twoworlds.interop.tasks import refresh_subscription, refresh_subscriptions

from . import federation_support
from .federation_support import service
from .meeting_guide_support import meeting

fake_api = federation_support.fake_api  # the local HSDS API fixture

pytestmark = pytest.mark.django_db


def subscribe(location, kind=Source.Kind.HSDS_API, **fields):
    return Source.objects.create(
        name=fields.pop("name", "County directory"), kind=kind, location=location, subscribed=True, **fields
    )


def test_pages_are_read_until_total_pages(fake_api):
    directory, base = fake_api
    directory.services = [service(f"s{n}", f"Group {n}") for n in range(1, 251)]
    read = list(federation.api_services(f"{base}/api", per_page=100))
    assert [item["id"] for _position, item in read] == [f"s{n}" for n in range(1, 251)]
    assert [r.split("?")[1] for r in directory.requests] == [f"page={n}&per_page=100" for n in (1, 2, 3)]
    assert read[100][0].startswith("page 2 item 1 of ")


def test_a_page_that_claims_31_and_holds_128_and_ignores_paging_is_read_once(fake_api):
    directory, base = fake_api
    directory.services = [service(f"s{n}", f"Group {n}") for n in range(1, 129)]
    directory.ignore_paging, directory.claim = True, 31
    read = list(federation.api_services(f"{base}/api/services", per_page=31))
    assert len(read) == 128  # every item held, not the 31 claimed; page 2 repeats page 1: stop
    assert len(directory.requests) == 2


def test_a_broken_page_is_a_failure_that_changes_nothing(fake_api):
    directory, base = fake_api
    directory.services = [service(f"s{n}", f"Group {n}") for n in range(1, 4)]
    directory.broken_page = 2
    with pytest.raises(ImportFailed, match="page 2 .* is not JSON"):
        list(federation.api_services(base + "/api", per_page=2))
    directory.broken_page = 1
    source = subscribe(base + "/api")
    result = federation.refresh_source(source)
    assert not result.ok and "not JSON" in result.summary
    assert source.last_status.startswith("Failed, nothing changed") and source.last_run_at
    assert not Group.objects.exists()


def test_an_unreachable_server_is_recorded_not_raised():
    source = subscribe("http://127.0.0.1:9/api")
    result = federation.refresh_source(source)
    assert not result.ok and "Could not read" in source.last_status


def test_refresh_creates_then_changes_nothing_then_lapses_what_disappeared(fake_api):
    directory, base = fake_api
    directory.services = [service("a", "Hope Group"), service("b", "Calm Waters", postcode="NG1 1AA")]
    source = subscribe(base + "/api")
    first = federation.refresh_source(source)
    assert first.ok and first.counts["created"] == 2
    assert source.last_status.startswith("0 new") is False and source.last_run_at
    calm = ImportedRecord.objects.get(source=source, kind="service", external_id="b").group

    second = federation.refresh_source(source)
    assert second.counts["unchanged"] == 2 and second.counts["created"] == 0

    directory.services = [service("a", "Hope Group")]
    third = federation.refresh_source(source)
    calm.refresh_from_db()
    assert calm.lapsed and Group.objects.filter(pk=calm.pk).exists()  # out of search, not deleted
    assert third.counts["out_of_search"] == 1

    directory.services = []  # a server that suddenly lists nothing is not believed
    assert federation.refresh_source(source).counts["out_of_search"] == 0
    assert not Group.objects.filter(lapsed=True).exclude(pk=calm.pk).exists()

    directory.services = [service("a", "Hope Group"), service("b", "Calm Waters", postcode="NG1 1AA")]
    fourth = federation.refresh_source(source)
    calm.refresh_from_db()
    assert not calm.lapsed and fourth.counts["listed_again"] == 1


def test_the_same_group_from_a_second_source_is_shown_once(fake_api):
    directory, base = fake_api
    ours = t.group(
        "The Hope Group",
        meetings=[{"weekday": 1, "start_time": "19:00", "venue": t.venue(postcode="NG7 2UH")}],
    )
    directory.services = [
        service("x1", "Hope", postcode="NG7 2UH"),
        service("x2", "Hope", postcode="DE1 1AA"),
    ]
    source = subscribe(base + "/api")
    result = federation.refresh_source(source)
    assert result.counts["already_listed_by_another_source"] == 1 and result.counts["created"] == 1
    record = ImportedRecord.objects.get(source=source, external_id="x1")
    assert record.group == ours and record.local_fingerprint == ALSO_LISTED
    assert Group.objects.filter(name__icontains="hope").count() == 2  # x2 meets elsewhere: another group
    ours_before = Group.objects.get(pk=ours.pk).updated_at
    again = federation.refresh_source(source)
    assert again.counts["already_listed_by_another_source"] == 1
    assert Group.objects.get(pk=ours.pk).updated_at == ours_before  # the second source never edits it
    directory.services = [service("x2", "Hope", postcode="DE1 1AA")]
    federation.refresh_source(source)
    assert not Group.objects.get(pk=ours.pk).lapsed  # another source's disappearance does not lapse ours


def test_a_meeting_guide_subscription_over_http(fake_api):
    directory, base = fake_api
    directory.meeting_guide = [meeting("tue", group="Hope"), meeting("thu", group="Hope", day=4)]
    org = t.organisation("Intergroup")
    source = subscribe(f"{base}/meetings.json", kind=Source.Kind.MEETING_GUIDE, organisation=org)
    result = federation.refresh_source(source)
    assert result.ok and result.counts["meetings_created"] == 2
    assert Group.objects.get(name="Hope").organisation == org
    directory.meeting_guide = [meeting("tue", group="Hope")]
    assert federation.refresh_source(source).counts["meetings_no_longer_in_feed"] == 1


def test_a_meeting_guide_subscription_without_an_organisation_fails_plainly():
    result = federation.refresh_source(
        subscribe("https://example.org/m.json", kind=Source.Kind.MEETING_GUIDE)
    )
    assert not result.ok and "needs the organisation" in result.summary


def test_only_due_subscriptions_are_refreshed(fake_api):
    directory, base = fake_api
    directory.services = [service("a", "Hope Group")]
    now = timezone.now()
    never = subscribe(base + "/api", name="Never run")
    due = subscribe(base + "/api", name="Due", refresh_hours=6)
    fresh = subscribe(base + "/api", name="Fresh", refresh_hours=24)
    Source.objects.filter(pk=due.pk).update(last_run_at=now - timedelta(hours=7))
    Source.objects.filter(pk=fresh.pk).update(last_run_at=now - timedelta(hours=1))
    Source.objects.create(name="Not subscribed", kind=Source.Kind.HSDS_API, location=base + "/api")

    preview = federation.refresh_due_sources(now, dry_run=True)
    assert [s.name for s in preview.due] == ["Due", "Never run"] and preview.results == []
    assert "nothing fetched" in preview.as_text() and not directory.requests

    done = federation.refresh_due_sources(now)
    assert [r.source.name for r in done.results] == ["Due", "Never run"]
    assert {never.pk, due.pk} == {r.source.pk for r in done.results}
    assert federation.refresh_due_sources(now + timedelta(hours=1)).due == []


def test_the_command_and_the_tasks(fake_api):
    directory, base = fake_api
    directory.services = [service("a", "Hope Group")]
    source = subscribe(base + "/api")
    out = io.StringIO()
    call_command("refresh_subscriptions", "--dry-run", stdout=out)
    assert "County directory" in out.getvalue() and not Group.objects.exists()
    call_command("refresh_subscriptions", stdout=out)
    assert "Refreshed 1 subscriptions" in out.getvalue() and Group.objects.count() == 1

    result = refresh_subscriptions.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value["due"] == []
    one = refresh_subscription.enqueue(source.pk)
    assert one.status == TaskResultStatus.SUCCESSFUL and one.return_value["counts"]["unchanged"] == 1
