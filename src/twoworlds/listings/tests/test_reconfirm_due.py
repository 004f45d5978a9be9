"""Which listings are due to be asked: every listed group (national organisations and paused groups too, not
closed ones), RECONFIRM_INTERVAL_DAYS after its details were last confirmed, once per cycle."""

from datetime import timedelta

import pytest

from twoworlds.directory.models import Group
from twoworlds.listings import confirmation
from twoworlds.listings.models import ConfirmationRequest

from .confirmation_support import TODAY, listed, use_defaults

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cycle(settings):
    use_defaults(settings)


def names(groups):
    return sorted(g.name for g in groups)


def test_a_group_is_due_on_the_day_its_interval_has_passed_and_not_before():
    listed("Just Due", confirmed_days_ago=182)
    listed("Long Due", confirmed_days_ago=400)
    listed("Not Yet", confirmed_days_ago=181)
    listed("Fresh", confirmed_days_ago=3)
    assert names(confirmation.due_groups(TODAY)) == ["Just Due", "Long Due"]
    assert names(confirmation.due_groups(TODAY + timedelta(days=1))) == ["Just Due", "Long Due", "Not Yet"]


def test_the_cycle_is_due_on_last_confirmed_plus_the_interval():
    group = listed("Due Date", confirmed_days_ago=190)
    assert (
        confirmation.due_on_for(group) == group.last_confirmed + timedelta(days=182) == TODAY - timedelta(8)
    )


def test_national_organisations_and_paused_groups_are_asked_but_closed_groups_are_not():
    listed("National Charity", confirmed_days_ago=200, group_type=Group.Type.NATIONAL)
    listed(
        "Summer Break",
        confirmed_days_ago=200,
        status=Group.Status.PAUSED,
        paused_until=TODAY + timedelta(days=30),
    )
    listed("Closed Down", confirmed_days_ago=200, status=Group.Status.CLOSED)
    assert names(confirmation.due_groups(TODAY)) == ["National Charity", "Summer Break"]


def test_a_group_already_asked_in_this_cycle_is_not_due_again():
    asked = listed("Asked Already", confirmed_days_ago=200)
    listed("Not Asked", confirmed_days_ago=200)
    due_on = confirmation.due_on_for(asked)
    ConfirmationRequest.objects.create(group=asked, due_on=due_on, token_hash="x" * 64)
    assert names(confirmation.due_groups(TODAY)) == ["Not Asked"]


def test_a_request_from_an_earlier_cycle_does_not_stop_the_next_one():
    group = listed("Second Cycle", confirmed_days_ago=200)
    ConfirmationRequest.objects.create(
        group=group, due_on=group.last_confirmed - timedelta(days=10), token_hash="y" * 64
    )
    assert names(confirmation.due_groups(TODAY)) == ["Second Cycle"]


def test_confirming_moves_the_next_due_date_on_by_the_interval():
    group = listed("Confirmed Today", confirmed_days_ago=300)
    confirmation.confirm_group_listing(group, today=TODAY)
    assert confirmation.due_groups(TODAY) == []
    assert confirmation.due_on_for(group) == TODAY + timedelta(days=182)
    assert names(confirmation.due_groups(TODAY + timedelta(days=182))) == ["Confirmed Today"]


def test_the_interval_is_a_setting(settings):
    settings.RECONFIRM_INTERVAL_DAYS = 90
    listed("Quarterly", confirmed_days_ago=90)
    assert names(confirmation.due_groups(TODAY)) == ["Quarterly"]
