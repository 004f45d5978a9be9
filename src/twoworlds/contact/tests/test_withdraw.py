"""The person can take the request back with the link they were given: a GET only asks; a POST deletes the
row at once. Only a hash of the token is stored."""

import hashlib

import pytest

from twoworlds.contact.models import ContactRequest

from .support import ask_url, form_data, make_request

pytestmark = pytest.mark.django_db


def withdraw_link(html):
    start = html.index("/contact/withdraw/")
    return html[start : html.index('"', start)]


def test_the_confirmation_gives_a_link_that_deletes_at_once(client, group, contact):
    html = client.post(ask_url(group), form_data()).content.decode()
    link = withdraw_link(html)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    stored = ContactRequest.objects.get()
    assert stored.withdraw_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(ContactRequest.objects.values()))

    page = client.get(link)
    assert page.status_code == 200
    assert "Take back your request to Sneinton Bereavement Circle?" in page.content.decode()
    assert ContactRequest.objects.count() == 1  # a GET (a link previewer, say) deletes nothing

    done = client.post(link)
    assert done.status_code == 200
    assert "Your request has been deleted" in done.content.decode()
    assert not ContactRequest.objects.exists()

    again = client.post(link)
    assert again.status_code == 404
    assert "There is nothing to take back" in again.content.decode()


def test_it_works_after_the_group_has_read_it(client, group, contact):
    from twoworlds.contact import services

    contact_request, token = make_request(group)
    services.reveal_for(contact_request, contact)
    client.post(f"/contact/withdraw/{token}/")
    assert not ContactRequest.objects.exists()


def test_a_wrong_token_deletes_nothing(client, group, contact):
    make_request(group)
    assert client.get("/contact/withdraw/not-a-token/").status_code == 404
    assert client.post("/contact/withdraw/not-a-token/").status_code == 404
    assert ContactRequest.objects.count() == 1


def test_only_the_matching_request_is_deleted(client, group, contact):
    mine, token = make_request(group)
    other, _ = make_request(group)
    client.post(f"/contact/withdraw/{token}/")
    assert list(ContactRequest.objects.values_list("pk", flat=True)) == [other.pk]


def test_withdrawing_needs_a_csrf_token(group, contact):
    from django.test import Client

    _, token = make_request(group)
    assert Client(enforce_csrf_checks=True).post(f"/contact/withdraw/{token}/").status_code == 403
    assert ContactRequest.objects.count() == 1
