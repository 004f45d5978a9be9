"""Nothing is saved or sent without the person's explicit consent, in plain words naming the group."""

import pytest

from twoworlds.contact.models import ContactRequest

from .support import ask_url, form_data

pytestmark = pytest.mark.django_db


def test_the_consent_is_in_plain_words_and_names_the_group(client, group, contact):
    html = client.get(ask_url(group)).content.decode()
    assert (
        "I agree that Sneinton Bereavement Circle&#x27;s contacts may see these details and get in touch "
        "with me. Nothing else is shared." in html
    )


def test_without_consent_nothing_is_saved_or_sent(client, group, contact, mailoutbox, commit):
    with commit():
        response = client.post(ask_url(group), form_data(consent=None))
    assert response.status_code == 400
    assert "Tick the box to agree, or nothing is sent." in response.content.decode()
    assert not ContactRequest.objects.exists()
    assert mailoutbox == []


def test_with_consent_it_is_saved_and_the_group_told(client, group, contact, mailoutbox, commit):
    with commit():
        response = client.post(ask_url(group), form_data())
    assert response.status_code == 200
    assert ContactRequest.objects.filter(group=group).count() == 1
    assert [m.to for m in mailoutbox] == [["pat@example.org"]]
