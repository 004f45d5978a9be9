"""Reminders: every REMINDER_EVERY_DAYS after the last email, at most REMINDERS of them, with the same
one-click link; none once the group has answered."""

import re
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
def group():
    return looks_after(listed("Bereaved Parents", confirmed_days_ago=182), person("jo@example.org"))


def day(n):
    return TODAY + timedelta(days=n)


def test_reminders_are_spaced_and_capped(group, mailoutbox):
    confirmation.run_cycle(today=day(0))
    sent_on = {}
    for n in range(1, 80):
        before = len(mailoutbox)
        confirmation.run_cycle(today=day(n))
        if len(mailoutbox) > before:
            sent_on[n] = mailoutbox[-1].subject
    assert list(sent_on) == [14, 28]
    assert all(subject.startswith("Reminder:") for subject in sent_on.values())
    assert "(1 of 2)" in mailoutbox[1].body and "(2 of 2)" in mailoutbox[2].body
    request_obj = ConfirmationRequest.objects.get(group=group)
    assert request_obj.reminders_sent == 2


def test_a_reminder_counts_from_the_last_email_even_when_the_scheduler_skipped_days(group, mailoutbox):
    confirmation.run_cycle(today=day(0))
    confirmation.run_cycle(today=day(20))  # the scheduler was off for a while: one reminder, not two
    assert len(mailoutbox) == 2
    confirmation.run_cycle(today=day(33))
    assert len(mailoutbox) == 2
    confirmation.run_cycle(today=day(34))
    assert len(mailoutbox) == 3


def test_a_reminder_carries_the_same_one_click_link(group, mailoutbox):
    confirmation.run_cycle(today=day(0))
    confirmation.run_cycle(today=day(14))
    links = [re.search(r"/confirm/([\w-]+)/", m.body).group(1) for m in mailoutbox]
    assert len(links) == 2 and links[0] == links[1]


def test_no_reminder_once_the_group_has_answered(group, mailoutbox):
    confirmation.run_cycle(today=day(0))
    confirmation.confirm(ConfirmationRequest.objects.get(group=group), today=day(5))
    for n in (14, 28, 42):
        report = confirmation.run_cycle(today=day(n))
        assert report.reminded == []
    assert len(mailoutbox) == 1


def test_no_reminder_after_the_group_was_confirmed_some_other_way(group, mailoutbox):
    from twoworlds.directory.services import confirm_group

    confirmation.run_cycle(today=day(0))
    confirm_group(group, on=day(3))  # e.g. an edit that also confirmed the details
    assert confirmation.run_cycle(today=day(14)).reminded == []
    assert len(mailoutbox) == 1


def test_the_number_and_spacing_of_reminders_are_settings(group, mailoutbox, settings):
    settings.REMINDERS, settings.REMINDER_EVERY_DAYS = 3, 7
    for n in range(0, 40):
        confirmation.run_cycle(today=day(n))
    assert len(mailoutbox) == 4
