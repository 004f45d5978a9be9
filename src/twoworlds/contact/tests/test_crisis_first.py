"""When what a person writes reads like acute distress, crisis help comes first, calmly, and the request
still goes: nothing is blocked."""

import pytest

from twoworlds.contact.models import ContactRequest

from .support import ask_url, form_data, make_request, request_url

pytestmark = pytest.mark.django_db

DISTRESS = "Since she died I don't want to be alive any more"


def test_crisis_help_is_first_on_the_next_page_and_the_request_is_sent(client, group, contact):
    response = client.post(ask_url(group), form_data(message=DISTRESS))
    html = response.content.decode()
    assert response.status_code == 200
    assert ContactRequest.objects.count() == 1
    assert 'class="crisis-box"' in html
    assert html.index('class="crisis-box"') < html.index("What happens next")
    assert "Samaritans" in html


def test_crisis_help_is_first_on_the_form_when_it_has_errors(client, group, contact):
    response = client.post(ask_url(group), form_data(message=DISTRESS, consent=None))
    html = response.content.decode()
    assert response.status_code == 400
    assert html.index('class="crisis-box"') < html.index('class="error-summary"')
    assert DISTRESS.replace("'", "&#x27;") in html  # what was typed is kept


def test_a_name_that_reads_as_crisis_counts_too(client, group, contact):
    html = client.post(ask_url(group), form_data(name="want to die")).content.decode()
    assert 'class="crisis-box"' in html


def test_an_ordinary_message_shows_no_crisis_box(client, group, contact):
    html = client.post(ask_url(group), form_data()).content.decode()
    assert 'class="crisis-box"' not in html


def test_the_group_sees_a_calm_note_when_a_message_reads_as_crisis(client, group, contact):
    contact_request, _ = make_request(group, message=DISTRESS)
    client.force_login(contact)
    html = client.get(request_url(contact_request)).content.decode()
    assert "contact-crisis-note" in html
