"""Every read and every close is recorded (who, when, which request, what they did), never what the request
says; the Python log says the same, without any personal detail either."""

import logging

import pytest

from twoworlds.contact.models import ContactRequest, ContactRequestAccess

from .support import EMAIL, MESSAGE, NAME, PHONE, ask_url, close_url, form_data, make_request, request_url

pytestmark = pytest.mark.django_db


def test_reading_is_logged_without_content(client, group, contact, caplog):
    caplog.set_level(logging.DEBUG)
    client.post(ask_url(group), form_data())
    contact_request = ContactRequest.objects.get()
    client.force_login(contact)

    client.get(request_url(contact_request))
    client.get(request_url(contact_request))

    rows = list(ContactRequestAccess.objects.order_by("pk"))
    assert [(r.action, r.user, r.request, r.request_number, r.group) for r in rows] == [
        ("viewed", contact, contact_request, contact_request.pk, group)
    ] * 2
    contact_request.refresh_from_db()
    assert contact_request.state == "opened" and contact_request.opened_at is not None
    # The log (database rows and Python logging) holds no personal detail.
    for row in ContactRequestAccess.objects.values():
        assert not {NAME, PHONE, MESSAGE} & {str(v) for v in row.values()}
    text = caplog.text
    for detail in (NAME, PHONE, PHONE.replace(" ", ""), MESSAGE, "Marigold"):
        assert detail not in text
    assert f"Contact request {contact_request.pk}: viewed by user {contact.pk}" in text


def test_closing_is_logged_and_the_log_outlives_the_request(client, group, contact, caplog):
    caplog.set_level(logging.INFO)
    contact_request, _token = make_request(group, reach_kind="email", reach_value=EMAIL)
    client.force_login(contact)
    client.post(close_url(contact_request), {"outcome": "could_not_reach"})
    number = contact_request.pk
    contact_request.delete()

    row = ContactRequestAccess.objects.get()
    assert (row.action, row.user, row.request, row.request_number) == (
        "marked_could_not_reach",
        contact,
        None,
        number,
    )
    assert EMAIL not in caplog.text and NAME not in caplog.text


def test_reading_the_list_decrypts_nothing_and_logs_nothing(client, group, contact):
    make_request(group)
    client.force_login(contact)
    client.get(f"/my-groups/{group.slug}/requests/")
    assert not ContactRequestAccess.objects.exists()
    assert ContactRequest.objects.get().state == "new"
