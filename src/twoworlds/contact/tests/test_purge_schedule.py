"""Requests are deleted on schedule: 60 days after they arrive if nobody closes them, 30 days after they are
closed, with one reminder to the group 7 days before an unclosed one goes."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from twoworlds.contact import services
from twoworlds.contact.models import ContactRequest, ContactRequestAccess

from .support import MESSAGE, NAME, PHONE, looks_after, make_request, person

pytestmark = pytest.mark.django_db

ARRIVED = date(2026, 3, 2)


def arrived(group, day=ARRIVED, **changes):
    moment = timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=11))
    return make_request(group, now=moment, **changes)[0]


def test_an_unclosed_request_goes_after_60_days(group, contact):
    contact_request = arrived(group)
    assert contact_request.purge_after == ARRIVED + timedelta(days=60)
    assert services.purge(today=ARRIVED + timedelta(days=59)).deleted == []
    assert ContactRequest.objects.exists()
    report = services.purge(today=ARRIVED + timedelta(days=60))
    assert report.deleted == [{"request": contact_request.pk, "group": group.name, "state": "new"}]
    assert not ContactRequest.objects.exists()


def test_a_read_but_unclosed_request_goes_after_60_days_too(client, group, contact):
    contact_request = arrived(group)
    services.reveal_for(contact_request, contact)
    services.purge(today=ARRIVED + timedelta(days=60))
    assert not ContactRequest.objects.exists()
    # The record of who read it stays, without the request.
    assert ContactRequestAccess.objects.get().request is None


def test_a_closed_request_goes_30_days_after_it_was_closed(group, contact):
    contact_request = arrived(group)
    closed = services.close(contact_request, contact, "contacted")
    closed_on = timezone.localdate(closed.closed_at)
    assert closed.purge_after == closed_on + timedelta(days=30)
    assert services.purge(today=closed_on + timedelta(days=29)).deleted == []
    assert len(services.purge(today=closed_on + timedelta(days=30)).deleted) == 1
    assert not ContactRequest.objects.exists()


def test_one_reminder_seven_days_before_and_only_once(group, contact, mailoutbox):
    looks_after(group, person("sam@example.org"))
    arrived(group)
    arrived(group, day=ARRIVED + timedelta(days=1))

    assert services.purge(today=ARRIVED + timedelta(days=52)).reminded == []
    report = services.purge(today=ARRIVED + timedelta(days=53))
    assert report.reminded == [
        {"group": group.name, "requests": 1, "delete_on": ARRIVED + timedelta(days=60), "sent": 2}
    ]
    assert sorted(m.to[0] for m in mailoutbox) == ["pat@example.org", "sam@example.org"]
    message = mailoutbox[0]
    assert message.subject == "A request to Sneinton Bereavement Circle will soon be deleted"
    assert "1 May 2026" in message.body
    for detail in (NAME, PHONE, MESSAGE):
        assert detail not in message.body

    # Again the same day, and the next: the first request is not mentioned twice.
    services.purge(today=ARRIVED + timedelta(days=53))
    assert len(mailoutbox) == 2
    report = services.purge(today=ARRIVED + timedelta(days=54))
    assert [item["requests"] for item in report.reminded] == [1]  # only the second request, now due
    assert len(mailoutbox) == 4


def test_closed_requests_get_no_reminder(group, contact, mailoutbox):
    contact_request = arrived(group)
    services.close(contact_request, contact, "could_not_reach")
    ContactRequest.objects.update(purge_after=ARRIVED + timedelta(days=60))
    assert services.purge(today=ARRIVED + timedelta(days=55)).reminded == []
    assert mailoutbox == []


def test_a_group_nobody_looks_after_is_reported_not_emailed(group, contact, mailoutbox):
    arrived(group)
    contact.is_active = False
    contact.save()
    report = services.purge(today=ARRIVED + timedelta(days=55))
    assert report.reminded == [] and report.no_one_to_remind == [{"group": group.name, "requests": 1}]
    assert mailoutbox == []
    assert ContactRequest.objects.get().reminder_sent_at is None


def test_the_schedule_follows_the_settings(group, contact, settings):
    settings.CONTACT_PURGE_UNOPENED_DAYS = 10
    assert arrived(group).purge_after == ARRIVED + timedelta(days=10)
