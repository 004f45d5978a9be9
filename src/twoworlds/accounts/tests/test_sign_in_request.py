"""Asking for a sign-in link at /account/sign-in/: the link is emailed, and the page says the same whether or
not the address had an account."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from twoworlds.accounts.models import SignInLink

pytestmark = pytest.mark.django_db

URL = "/account/sign-in/"


def ask(client, email, **extra):
    return client.post(URL, {"email": email, **extra})


def link_in(message):
    match = re.search(r"https?://\S+/account/sign-in/[\w-]+/", message.body)
    assert match, message.body
    return match.group(0)


def test_the_url_and_its_name():
    assert reverse("accounts:sign_in") == URL


def test_the_form_says_why_the_address_is_asked_for(client):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_email">' in html
    assert 'aria-describedby="id_email-hint"' in html
    assert "only for signing in" in html
    assert 'name="website_url"' in html  # the honeypot
    assert reverse("accounts:password_sign_in") in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_link_is_emailed(client, settings):
    settings.SIGN_IN_LINK_MINUTES = 30
    response = ask(client, "  Pat@Example.org ")

    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["pat@example.org"]
    assert message.subject == "Your sign-in link for Two Worlds"
    assert link_in(message).startswith("http://testserver/account/sign-in/")
    assert "works once" in message.body
    assert "30 minutes" in message.body
    assert "If you did not ask" in message.body
    assert get_user_model().objects.get(email="pat@example.org").username == "pat"


def test_the_link_in_the_email_signs_in(client):
    ask(client, "pat@example.org")
    path = link_in(mail.outbox[0]).removeprefix("http://testserver")

    assert client.get(path).status_code == 200
    response = client.post(path)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(get_user_model().objects.get(email="pat@example.org").pk)


def test_the_same_page_for_a_known_and_an_unknown_address(client):
    get_user_model().objects.create_user("known", "known@example.org", "a long passphrase")

    known = ask(client, "known@example.org")
    unknown = ask(client, "unknown@example.org")

    def page(response):
        return (
            response.content.decode().replace("known@example.org", "ADDRESS").replace("unADDRESS", "ADDRESS")
        )

    assert known.status_code == unknown.status_code == 200
    csrf = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert csrf.sub("", page(known)) == csrf.sub("", page(unknown))
    assert len(mail.outbox) == 2
    assert SignInLink.objects.count() == 2


def test_a_deactivated_account_gets_the_same_page_but_no_link(client):
    get_user_model().objects.create_user("gone", "gone@example.org", is_active=False)

    response = ask(client, "gone@example.org")

    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_a_filled_in_honeypot_is_refused_and_nothing_is_sent(client):
    response = ask(client, "pat@example.org", website_url="http://spam.example")

    assert response.status_code == 200
    assert response.context["form"].errors["website_url"]
    assert "This form could not be sent" in response.content.decode()
    assert mail.outbox == []
    assert not get_user_model().objects.filter(email="pat@example.org").exists()


@pytest.mark.parametrize(
    ("typed", "message"), [("", "Enter your email address"), ("not-an-address", "like name@")]
)
def test_a_bad_address_is_explained_and_kept(client, typed, message):
    response = ask(client, typed)

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email-hint id_email-error"' in html
    assert f'value="{typed}"' in html
    assert "<title>Error:" in html
    assert mail.outbox == []


def test_the_place_to_go_next_travels_with_the_link(client):
    form = client.get(URL, {"next": "/my-groups/7/"}).content.decode()
    assert 'name="next" value="/my-groups/7/"' in form

    ask(client, "pat@example.org", next="/my-groups/7/")

    assert SignInLink.objects.get().next_url == "/my-groups/7/"


def test_a_place_on_another_site_is_not_kept(client):
    form = client.get(URL, {"next": "https://evil.example/"}).content.decode()
    assert "evil.example" not in form

    ask(client, "pat@example.org", next="//evil.example/")

    assert SignInLink.objects.get().next_url == ""


def test_get_and_post_only(client):
    assert client.put(URL).status_code == 405
