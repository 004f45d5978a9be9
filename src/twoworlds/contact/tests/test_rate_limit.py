"""Five requests an hour from one address; the sixth is told to wait (429) and nothing is saved."""

import pytest

from twoworlds.contact.models import ContactRequest

from .support import ask_url, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_leftover_counts():
    # Tests that commit (transaction=True) leave counters in the database cache; start from none.
    from django.core.cache import cache

    cache.clear()


def test_the_sixth_request_in_an_hour_is_refused(client, group, contact):
    for _ in range(5):
        assert client.post(ask_url(group), form_data()).status_code == 200
    response = client.post(ask_url(group), form_data())
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert ContactRequest.objects.count() == 5


def test_reading_the_form_is_not_limited(client, group, contact):
    for _ in range(8):
        assert client.get(ask_url(group)).status_code == 200


def test_another_address_is_counted_apart(client, group, contact):
    for _ in range(5):
        client.post(ask_url(group), form_data(), REMOTE_ADDR="192.0.2.1")
    assert client.post(ask_url(group), form_data(), REMOTE_ADDR="192.0.2.2").status_code == 200
