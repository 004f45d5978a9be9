"""A listing nobody confirms visibly ages: after CONFIRMATION_WARNING_DAYS its page warns, after
LAPSE_AFTER_DAYS it drops out of search while its page stays reachable by its link, plainly marked."""

from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.directory.presenters import listing_freshness
from twoworlds.listings import confirmation
from twoworlds.listings.models import ConfirmationRequest, ListingChange
from twoworlds.search.models import SearchDocument
from twoworlds.search.services import find_groups

from .confirmation_support import TODAY, listed, looks_after, person, use_defaults

pytestmark = pytest.mark.django_db

LAPSED_NOTICE = "have not been confirmed since"
MAY_NO_LONGER_MEET = "the group may no longer meet"


@pytest.fixture(autouse=True)
def _cycle(settings):
    use_defaults(settings)


def test_a_lapsed_listing_drops_out_of_search_but_its_page_stays_with_a_notice(client, indexed):
    today = timezone.localdate()
    with indexed():
        group = listed("Quiet Harbour Group", confirmed_days_ago=300, today=today)
    assert find_groups("Quiet Harbour").total == 1

    with indexed():
        report = confirmation.run_cycle(today=today)

    assert [item.group for item in report.lapsed] == [group]
    group.refresh_from_db()
    assert group.lapsed and not group.is_listed
    assert find_groups("Quiet Harbour").total == 0
    assert not SearchDocument.objects.get(group=group).listed
    response = client.get(group.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert LAPSED_NOTICE in page and MAY_NO_LONGER_MEET in page
    assert group.last_confirmed.strftime("%B %Y") in page
    assert "It no longer appears in search results" in page


def test_lapsing_is_recorded_on_the_request_not_as_a_change_to_the_listing():
    group = listed("Record Keeping", confirmed_days_ago=300)
    confirmation.run_cycle(today=TODAY)
    request_obj = ConfirmationRequest.objects.get(group=group)
    assert request_obj.lapsed_at is not None
    assert timezone.localtime(request_obj.lapsed_at).date() == TODAY
    assert ListingChange.objects.filter(group=group).count() == 0


def test_not_lapsed_until_more_than_lapse_after_days():
    group = listed("On The Edge", confirmed_days_ago=270)
    assert confirmation.run_cycle(today=TODAY).lapsed == []
    assert [i.group for i in confirmation.run_cycle(today=TODAY + timedelta(days=1)).lapsed] == [group]


def test_an_emailed_group_always_gets_its_full_notice_before_lapsing(mailoutbox):
    # The scheduler starts late: the group is already 265 days unconfirmed when it is first asked.
    group = looks_after(listed("Asked Late", confirmed_days_ago=265), person("late@example.org"))
    confirmation.run_cycle(today=TODAY)
    assert len(mailoutbox) == 1
    notice = 270 - 182
    for n in (10, notice - 1):
        assert confirmation.run_cycle(today=TODAY + timedelta(days=n)).lapsed == []
    assert [i.group for i in confirmation.run_cycle(today=TODAY + timedelta(days=notice)).lapsed] == [group]


def test_a_group_asked_on_time_lapses_on_the_date_its_email_gave(mailoutbox):
    group = looks_after(listed("On Time", confirmed_days_ago=182), person("t@example.org"))
    confirmation.run_cycle(today=TODAY)
    lapses_on = confirmation.lapses_on(group, ConfirmationRequest.objects.get(group=group))
    assert lapses_on.strftime("%-d %B %Y") in mailoutbox[0].body
    assert confirmation.run_cycle(today=lapses_on - timedelta(days=1)).lapsed == []
    assert [i.group for i in confirmation.run_cycle(today=lapses_on).lapsed] == [group]


def test_closed_groups_never_lapse_and_are_not_asked(mailoutbox):
    listed("Closed For Good", confirmed_days_ago=400, status="closed")
    report = confirmation.run_cycle(today=TODAY)
    assert report.is_empty and mailoutbox == []


def test_the_page_warns_only_after_the_warning_period_and_the_dashboard_agrees(client, settings):
    today = timezone.localdate()
    on_the_day = listed("Exactly Warning", confirmed_days_ago=210, today=today)
    after = looks_after(listed("Past Warning", confirmed_days_ago=211, today=today), person("p@example.org"))
    looks_after(on_the_day, person("q@example.org"))
    assert not listing_freshness(on_the_day).stale and listing_freshness(after).stale
    assert "Details not confirmed since" not in client.get(on_the_day.get_absolute_url()).content.decode()
    page = client.get(after.get_absolute_url()).content.decode()
    assert f"Details not confirmed since {after.last_confirmed:%B %Y}" in page
    board = confirmation.dashboard(today)
    assert [r.group for r in board.rows[confirmation.DUE]] == [on_the_day]
    assert [r.group for r in board.rows[confirmation.OVERDUE]] == [after]

    settings.CONFIRMATION_WARNING_DAYS = 300
    assert "Details not confirmed since" not in client.get(after.get_absolute_url()).content.decode()
