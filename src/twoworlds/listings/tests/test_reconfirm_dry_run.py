"""A dry run reports what a real run would do, and sends and changes nothing."""

import pytest

from twoworlds.directory.models import Group
from twoworlds.listings import confirmation
from twoworlds.listings.models import ConfirmationRequest, ListingChange
from twoworlds.search.models import SearchDocument

from .confirmation_support import TODAY, listed, looks_after, person, use_defaults

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cycle(settings):
    use_defaults(settings)


def section(report, name):
    return sorted(item.group.name for item in getattr(report, name))


def test_a_dry_run_sends_and_changes_nothing_but_says_what_it_would_do(
    mailoutbox, indexed, django_capture_on_commit_callbacks
):
    with indexed():
        looks_after(listed("Would Be Asked", confirmed_days_ago=185), person("a@example.org"))
        listed("Nobody To Ask", confirmed_days_ago=185)
        old = listed("Would Lapse", confirmed_days_ago=300)
    state = list(Group.objects.order_by("pk").values())

    with django_capture_on_commit_callbacks() as callbacks:
        dry = confirmation.run_cycle(today=TODAY, dry_run=True)

    assert mailoutbox == [] and callbacks == []
    assert ConfirmationRequest.objects.count() == 0
    assert ListingChange.objects.count() == 0
    assert list(Group.objects.order_by("pk").values()) == state
    assert SearchDocument.objects.get(group=old).listed
    assert section(dry, "sent") == ["Would Be Asked"]
    assert section(dry, "no_one_to_ask") == ["Nobody To Ask", "Would Lapse"]
    assert section(dry, "lapsed") == ["Would Lapse"]
    text = dry.as_text()
    assert "dry run: nothing was sent or changed" in text
    assert "Would ask to confirm: 1" in text and "Would lapse (out of search): 1" in text

    real = confirmation.run_cycle(today=TODAY)
    for name in ("sent", "reminded", "lapsed", "no_one_to_ask"):
        assert section(real, name) == section(dry, name)
    assert len(mailoutbox) == 1


def test_a_dry_run_shows_reminders_it_would_send(mailoutbox):
    from datetime import timedelta

    looks_after(listed("Remind Me", confirmed_days_ago=182), person("r@example.org"))
    confirmation.run_cycle(today=TODAY)
    dry = confirmation.run_cycle(today=TODAY + timedelta(days=14), dry_run=True)
    assert section(dry, "reminded") == ["Remind Me"]
    assert len(mailoutbox) == 1
    assert ConfirmationRequest.objects.get().reminders_sent == 0
