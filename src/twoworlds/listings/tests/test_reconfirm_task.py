"""The Django task runs the same cycle as the command (the default backend runs it at once)."""

import pytest
from django_tasks import TaskResultStatus

from twoworlds.listings import confirmation
from twoworlds.listings.models import ConfirmationRequest
from twoworlds.listings.tasks import run_reconfirmation_cycle

from .confirmation_support import TODAY, listed, looks_after, person, use_defaults

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cycle(settings):
    use_defaults(settings)


def test_enqueuing_the_task_runs_the_cycle(mailoutbox):
    group = looks_after(listed("Task Group", confirmed_days_ago=182), person("t@example.org"))
    listed("Orphan", confirmed_days_ago=182)

    result = run_reconfirmation_cycle.enqueue(today=TODAY.isoformat())

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["today"] == TODAY.isoformat()
    assert [item["name"] for item in result.return_value["sent"]] == ["Task Group"]
    assert [item["name"] for item in result.return_value["no_one_to_ask"]] == ["Orphan"]
    assert [m.to for m in mailoutbox] == [["t@example.org"]]
    assert ConfirmationRequest.objects.filter(group=group).count() == 1

    again = run_reconfirmation_cycle.enqueue(today=TODAY.isoformat())
    assert again.status == TaskResultStatus.SUCCESSFUL and again.return_value["sent"] == []
    assert len(mailoutbox) == 1


def test_the_task_and_the_function_agree_including_a_dry_run(mailoutbox):
    looks_after(listed("Agreeing Group", confirmed_days_ago=300), person("a@example.org"))
    expected = confirmation.run_cycle(today=TODAY, dry_run=True).as_dict()
    assert run_reconfirmation_cycle.call(today=TODAY.isoformat(), dry_run=True) == expected
    assert mailoutbox == [] and not ConfirmationRequest.objects.exists()


def test_the_task_defaults_to_today(mailoutbox):
    from django.utils import timezone

    result = run_reconfirmation_cycle.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["today"] == timezone.localdate().isoformat()
