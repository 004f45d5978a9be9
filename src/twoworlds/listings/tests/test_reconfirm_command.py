"""`twoworlds reconfirm [--dry-run] [--today YYYY-MM-DD]`: for cron; prints what it did."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from twoworlds.directory.models import Group
from twoworlds.listings.models import ConfirmationRequest

from .confirmation_support import TODAY, listed, looks_after, person, use_defaults

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cycle(settings):
    use_defaults(settings)


@pytest.fixture
def groups():
    return {
        "asked": looks_after(listed("Asked Group", confirmed_days_ago=182), person("a@example.org")),
        "orphan": listed("Orphan Group", confirmed_days_ago=190),
        "lapsing": listed("Lapsing Group", confirmed_days_ago=290),
    }


def reconfirm(*args):
    out = StringIO()
    call_command("reconfirm", *args, stdout=out)
    return out.getvalue()


def test_it_prints_what_it_did(groups, mailoutbox):
    out = reconfirm("--today", TODAY.isoformat())
    assert out.splitlines()[0] == "Re-confirmation cycle for 2026-03-02"
    assert "Asked to confirm: 1\n  - Asked Group (1 contact)" in out
    assert "Lapsed (out of search, on the staff list to chase): 1\n  - Lapsing Group" in out
    assert "No one to ask (on the staff list): 2" in out and "  - Orphan Group (due " in out
    assert "a@example.org" not in out  # no personal data in cron mail
    assert len(mailoutbox) == 1


def test_running_it_twice_sends_nothing_twice(groups, mailoutbox):
    reconfirm("--today", TODAY.isoformat())
    second = reconfirm("--today", TODAY.isoformat())
    third = reconfirm("--today", "2026-03-03")
    assert len(mailoutbox) == 1
    assert "Nothing to do." in second and "Nothing to do." in third


def test_dry_run_lists_what_it_would_do_and_changes_nothing(groups, mailoutbox):
    out = reconfirm("--dry-run", "--today", TODAY.isoformat())
    assert "(dry run: nothing was sent or changed)" in out
    assert "Would ask to confirm: 1" in out and "Would lapse (out of search): 1" in out
    assert mailoutbox == []
    assert not ConfirmationRequest.objects.exists()
    assert not Group.objects.filter(lapsed=True).exists()


def test_without_today_it_runs_for_today(db):
    from django.utils import timezone

    assert reconfirm().startswith(f"Re-confirmation cycle for {timezone.localdate().isoformat()}")


def test_a_bad_date_is_refused_plainly(db):
    with pytest.raises(CommandError, match="--today must be a date like"):
        reconfirm("--today", "next tuesday")


def test_the_command_is_on_the_twoworlds_cli():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "twoworlds.manage", "help", "reconfirm"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "--dry-run" in done.stdout and "--today" in done.stdout
