"""Bots fill in every field, including the one people never see: their requests are refused and not saved."""

import pytest

from twoworlds.contact.models import ContactRequest

from .support import ask_url, form_data

pytestmark = pytest.mark.django_db


def test_the_form_has_a_hidden_honeypot_and_a_csrf_token(client, group, contact):
    html = client.get(ask_url(group)).content.decode()
    assert 'class="hp-field" aria-hidden="true"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_a_filled_honeypot_is_refused(client, group, contact, mailoutbox, commit):
    with commit():
        response = client.post(ask_url(group), form_data(website_url="https://spam.example"))
    assert response.status_code == 400
    assert not ContactRequest.objects.exists()
    assert mailoutbox == []


def test_the_form_needs_a_csrf_token(group, contact):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(ask_url(group), form_data())
    assert response.status_code == 403
    assert not ContactRequest.objects.exists()
