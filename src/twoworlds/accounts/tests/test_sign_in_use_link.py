"""Opening a sign-in link (/account/sign-in/<token>/): GET asks for a press of "Sign in" and leaves the link
unused (mail scanners open links); POST uses it, signs in and goes on to the page asked for."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from twoworlds.accounts import services
from twoworlds.accounts.models import SignInLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def jo():
    return get_user_model().objects.create_user("jo", "jo@example.org")


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def test_the_url_and_its_name():
    assert reverse("accounts:use_link", args=["abc_-123"]) == "/account/sign-in/abc_-123/"


def test_opening_the_link_shows_a_button_and_does_not_use_it(client, jo):
    path = services.sign_in_link(jo)

    for _ in range(3):
        response = client.get(path)
        assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="post"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "jo@example.org" in html
    assert SignInLink.objects.get().used_at is None
    assert signed_in_as(client) is None


def test_pressing_sign_in_signs_in_and_goes_to_my_groups(client, jo):
    path = services.sign_in_link(jo)

    response = client.post(path)

    assert response.status_code == 302
    assert response["Location"] == "/my-groups/"
    assert signed_in_as(client) == str(jo.pk)
    assert SignInLink.objects.get().used_at is not None


def test_the_link_works_once(client, jo):
    path = services.sign_in_link(jo)
    client.post(path)
    client.logout()

    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        assert "cannot be used" in response.content.decode()
        assert reverse("accounts:sign_in") in response.content.decode()
    assert signed_in_as(client) is None


def test_an_expired_link_offers_a_new_one(client, jo):
    path = services.sign_in_link(jo)
    SignInLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        assert "Send me a new link" in response.content.decode()
    assert signed_in_as(client) is None
    assert SignInLink.objects.get().used_at is None


def test_an_unknown_token_offers_a_new_link(client, jo):
    services.sign_in_link(jo)
    for response in (
        client.get("/account/sign-in/not-a-token/"),
        client.post("/account/sign-in/not-a-token/"),
    ):
        assert response.status_code == 410
    assert signed_in_as(client) is None


def test_the_page_asked_for_is_where_the_link_leads(client, jo):
    path = services.sign_in_link(jo, next_url="/my-groups/12/edit/")

    response = client.post(path)

    assert response["Location"] == "/my-groups/12/edit/"


def test_a_place_on_another_site_is_refused(client, jo):
    path = services.sign_in_link(jo)
    # Even if something unsafe reached the database, it is checked again before the redirect.
    SignInLink.objects.update(next_url="//evil.example/")

    response = client.post(path)

    assert response["Location"] == "/my-groups/"
    assert signed_in_as(client) == str(jo.pk)


def test_signing_in_gives_a_new_session_key(client, jo):
    client.get("/account/sign-in/")
    client.session.save()
    before = client.session.session_key

    client.post(services.sign_in_link(jo))

    assert client.session.session_key != before


def test_a_deactivated_account_cannot_sign_in_with_its_link(client, jo):
    path = services.sign_in_link(jo)
    jo.is_active = False
    jo.save()

    assert client.get(path).status_code == 410
    assert client.post(path).status_code == 410
    assert signed_in_as(client) is None


def test_the_pages_are_not_cached(client, jo):
    response = client.get(services.sign_in_link(jo))
    assert "no-store" in response["Cache-Control"]
