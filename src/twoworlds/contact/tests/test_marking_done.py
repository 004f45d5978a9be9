"""The group says "we have been in touch" or "we could not reach them": the request is closed and deleted
CONTACT_PURGE_CLOSED_DAYS later (30 by default)."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from twoworlds.contact import services
from twoworlds.contact.models import ContactRequest

from .support import close_url, make_request, request_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("outcome", ["contacted", "could_not_reach"])
def test_marking_closes_it_and_sets_the_deletion_date(client, group, contact, outcome):
    contact_request, _ = make_request(group)
    assert contact_request.purge_after == timezone.localdate() + timedelta(days=60)
    client.force_login(contact)

    response = client.post(close_url(contact_request), {"outcome": outcome})

    assert response.status_code == 302 and response["Location"] == f"/my-groups/{group.slug}/requests/"
    contact_request.refresh_from_db()
    assert contact_request.state == outcome
    assert contact_request.closed_at is not None and contact_request.opened_at is not None
    assert contact_request.purge_after == timezone.localdate() + timedelta(days=30)
    follow = client.get(response["Location"])
    assert "The request will be deleted on" in follow.content.decode()


def test_the_closed_period_follows_the_setting(group, contact, settings):
    settings.CONTACT_PURGE_CLOSED_DAYS = 5
    contact_request, _ = make_request(group, now=timezone.make_aware(datetime(2026, 3, 1, 10)))
    closed = services.close(contact_request, contact, "contacted")
    assert closed.purge_after == timezone.localdate(closed.closed_at) + timedelta(days=5)


def test_marking_again_corrects_the_outcome_but_keeps_the_date(client, group, contact):
    contact_request, _ = make_request(group)
    client.force_login(contact)
    client.post(close_url(contact_request), {"outcome": "could_not_reach"})
    first = ContactRequest.objects.get()
    ContactRequest.objects.filter(pk=first.pk).update(purge_after=date(2030, 1, 1))
    services.close(first, contact, "contacted")
    again = ContactRequest.objects.get()
    assert again.state == "contacted" and again.closed_at == first.closed_at
    assert again.purge_after == date(2030, 1, 1)


def test_an_unknown_outcome_changes_nothing(client, group, contact):
    contact_request, _ = make_request(group)
    client.force_login(contact)
    response = client.post(close_url(contact_request), {"outcome": "withdrawn"})
    assert response.status_code == 302
    assert ContactRequest.objects.get().state == "new"


def test_the_request_page_shows_the_buttons_then_the_outcome(client, group, contact):
    contact_request, _ = make_request(group)
    client.force_login(contact)
    html = client.get(request_url(contact_request)).content.decode()
    assert "We have been in touch" in html and "We could not reach them" in html
    client.post(close_url(contact_request), {"outcome": "contacted"})
    html = client.get(request_url(contact_request)).content.decode()
    assert "Marked “In touch”" in html and "We could not reach them" not in html
