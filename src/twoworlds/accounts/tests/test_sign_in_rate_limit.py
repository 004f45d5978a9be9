"""Asking for sign-in links is limited to 5 a minute per IP address and 5 a minute per email address; the
6th is answered 429 and sends nothing."""

from types import SimpleNamespace
from unittest import mock

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db

URL = "/account/sign-in/"


@pytest.fixture(autouse=True)
def fixed_clock():
    """One rate-limit window for the whole test (django_ratelimit counts in fixed windows)."""
    import django_ratelimit.core

    with mock.patch.object(django_ratelimit.core, "time", SimpleNamespace(time=lambda: 1_800_000_000)):
        yield


def ask(client, email="pat@example.org", ip="203.0.113.7"):
    return client.post(URL, {"email": email}, REMOTE_ADDR=ip)


def test_the_sixth_request_in_a_minute_from_one_address_is_refused(client):
    for n in range(5):
        assert ask(client, email=f"person{n}@example.org").status_code == 200

    response = ask(client, email="another@example.org")

    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert len(mail.outbox) == 5
    # Another IP address is not affected.
    assert ask(client, email="another@example.org", ip="198.51.100.9").status_code == 200


def test_the_sixth_request_in_a_minute_for_one_email_address_is_refused(client):
    for n in range(5):
        assert ask(client, ip=f"198.51.100.{n + 1}").status_code == 200

    assert ask(client, email=" PAT@example.org", ip="192.0.2.50").status_code == 429
    assert len(mail.outbox) == 5
    assert ask(client, email="sam@example.org", ip="192.0.2.51").status_code == 200


def test_showing_the_form_is_not_counted(client):
    for _ in range(10):
        assert client.get(URL, REMOTE_ADDR="203.0.113.7").status_code == 200
    assert ask(client).status_code == 200


def test_refused_requests_are_counted_too(client):
    for _ in range(5):
        ask(client, email="")  # refused by the form, counted all the same
    assert ask(client, email="pat@example.org").status_code == 429
