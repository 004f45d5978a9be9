"""`twoworlds purge_contact_requests` and the Django task run the same purge: idempotent, and a dry run
changes and sends nothing."""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks import TaskResultStatus

from twoworlds.contact.models import ContactRequest
from twoworlds.contact.tasks import purge_contact_requests

from .support import make_request

pytestmark = pytest.mark.django_db

ARRIVED = date(2026, 3, 2)


@pytest.fixture
def old_and_new(group, contact):
    old = make_request(group, now=timezone.make_aware(datetime(2026, 3, 2, 11)))[0]
    soon = make_request(group, now=timezone.make_aware(datetime(2026, 3, 10, 11)))[0]
    return old, soon


def run(*args):
    out = StringIO()
    call_command("purge_contact_requests", *args, stdout=out)
    return out.getvalue()


def test_the_command_deletes_reminds_and_says_so(old_and_new, mailoutbox):
    old, soon = old_and_new
    text = run("--today", "2026-05-02")  # old was due on 1 May; soon is due on 9 May, within 7 days
    assert "Deleted: 1" in text and f"request {old.pk} to Sneinton Bereavement Circle (new)" in text
    assert "Reminded: 1 group(s)" in text and "to be deleted on 2026-05-09" in text
    assert list(ContactRequest.objects.values_list("pk", flat=True)) == [soon.pk]
    assert len(mailoutbox) == 1


def test_running_it_twice_deletes_and_sends_nothing_twice(old_and_new, mailoutbox):
    run("--today", "2026-05-02")
    text = run("--today", "2026-05-02")
    assert "Deleted: 0" in text and "Reminded: 0 group(s)" in text
    assert len(mailoutbox) == 1 and ContactRequest.objects.count() == 1


def test_a_dry_run_changes_and_sends_nothing(old_and_new, mailoutbox):
    before = list(ContactRequest.objects.values())
    text = run("--dry-run", "--today", "2026-05-02")
    assert "(dry run)" in text and "Would delete: 1" in text and "Would remind: 1 group(s)" in text
    assert list(ContactRequest.objects.values()) == before
    assert mailoutbox == []
    # …and the real run afterwards does exactly what the dry run said.
    assert run("--today", "2026-05-02").replace(" (dry run)", "").replace("Would delete", "Deleted").replace(
        "Would remind", "Reminded"
    ) == text.replace(" (dry run)", "").replace("Would delete", "Deleted").replace("Would remind", "Reminded")


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError, match="--today must be a date"):
        run("--today", "1 May")


def test_without_today_it_uses_today(group, contact):
    make_request(group, now=timezone.now() - timedelta(days=61))
    assert "Deleted: 1" in run()


def test_the_task_runs_the_same_purge(old_and_new, mailoutbox):
    dry = purge_contact_requests.enqueue(today="2026-05-02", dry_run=True)
    assert dry.status == TaskResultStatus.SUCCESSFUL
    assert ContactRequest.objects.count() == 2
    result = purge_contact_requests.enqueue(today="2026-05-02")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert [item["request"] for item in result.return_value["deleted"]] == [old_and_new[0].pk]
    assert result.return_value["reminded"][0]["delete_on"] == "2026-05-09"
    assert dry.return_value["deleted"] == result.return_value["deleted"]
    again = purge_contact_requests.enqueue(today="2026-05-02")
    assert again.return_value["deleted"] == [] and again.return_value["reminded"] == []
    assert len(mailoutbox) == 1
