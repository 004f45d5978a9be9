"""Running the cycle again (the same day, the next day, or twice at once) sends nothing twice."""

from datetime import timedelta

import pytest

from twoworlds.listings import confirmation
from twoworlds.listings.models import ConfirmationRequest

from .confirmation_support import TODAY, listed, looks_after, person, use_defaults

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cycle(settings):
    use_defaults(settings)


@pytest.fixture
def groups():
    return [
        looks_after(listed("Due Group", confirmed_days_ago=182), person("a@example.org")),
        looks_after(listed("Reminder Group", confirmed_days_ago=196), person("b@example.org")),
        listed("Orphan Group", confirmed_days_ago=190),
        listed("Old Group", confirmed_days_ago=300),
    ]


def test_running_twice_the_same_day_sends_nothing_twice(groups, mailoutbox):
    first = confirmation.run_cycle(today=TODAY)
    count = len(mailoutbox)
    assert count == 2
    assert {i.group.name for i in first.lapsed} == {"Old Group"}

    second = confirmation.run_cycle(today=TODAY)

    assert len(mailoutbox) == count
    assert second.is_empty and "Nothing to do." in second.as_text()
    assert ConfirmationRequest.objects.count() == 4


def test_running_the_next_day_finds_the_same_cycle_and_sends_nothing(groups, mailoutbox):
    confirmation.run_cycle(today=TODAY)
    requests = set(ConfirmationRequest.objects.values_list("pk", "group_id", "due_on"))

    nxt = confirmation.run_cycle(today=TODAY + timedelta(days=1))

    assert nxt.is_empty
    assert len(mailoutbox) == 2
    assert set(ConfirmationRequest.objects.values_list("pk", "group_id", "due_on")) == requests


def test_a_reminder_goes_once_however_often_the_cycle_runs_that_day(groups, mailoutbox):
    confirmation.run_cycle(today=TODAY)
    later = TODAY + timedelta(days=14)
    reports = [confirmation.run_cycle(today=later) for _ in range(3)]
    assert [len(r.reminded) for r in reports] == [2, 0, 0]
    assert len(mailoutbox) == 4


def test_a_request_claimed_by_another_run_is_not_sent_again(groups, mailoutbox):
    # Two runs at once: the other one has created the request and is sending it.
    group = groups[0]
    due_on = confirmation.due_on_for(group)
    ConfirmationRequest.objects.create(
        group=group,
        due_on=due_on,
        token_hash=confirmation.hash_token(confirmation.token_for(group.pk, due_on)),
        sent_at=confirmation._moment(TODAY),
    )
    report = confirmation.run_cycle(today=TODAY)
    assert group not in [i.group for i in report.sent]
    assert [m.to for m in mailoutbox] == [["b@example.org"]]
