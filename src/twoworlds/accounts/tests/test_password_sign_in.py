"""/account/password-sign-in/: email address and password, for people who chose a password."""

from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/account/password-sign-in/"
PASSWORD = "tea and biscuits at four"


@pytest.fixture(autouse=True)
def fixed_clock():
    import django_ratelimit.core

    with mock.patch.object(django_ratelimit.core, "time", SimpleNamespace(time=lambda: 1_800_000_000)):
        yield


@pytest.fixture
def jo():
    return get_user_model().objects.create_user("jo-contact", "Jo@Example.org", PASSWORD)


def attempt(client, email="jo@example.org", password=PASSWORD, ip="203.0.113.7", **extra):
    return client.post(URL, {"email": email, "password": password, **extra}, REMOTE_ADDR=ip)


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def test_the_url_and_its_name(client):
    assert reverse("accounts:password_sign_in") == URL
    html = client.get(URL).content.decode()
    assert 'autocomplete="current-password"' in html
    assert reverse("accounts:sign_in") in html


def test_the_right_password_signs_in(client, jo):
    response = attempt(client, email="  JO@example.org ")

    assert response.status_code == 302
    assert response["Location"] == "/my-groups/"
    assert signed_in_as(client) == str(jo.pk)


def test_the_page_asked_for_comes_next(client, jo):
    assert attempt(client, next="/my-groups/3/").headers["Location"] == "/my-groups/3/"


def test_a_place_on_another_site_is_refused(client, jo):
    assert attempt(client, next="https://evil.example/").headers["Location"] == "/my-groups/"


def test_a_wrong_password_is_refused_keeping_the_typed_address(client, jo):
    response = attempt(client, email="jo@example.org", password="wrong")

    html = response.content.decode()
    assert response.status_code == 200
    assert "do not match an account" in html
    assert 'value="jo@example.org"' in html
    assert "wrong" not in html.split('name="password"')[1].split(">")[0]  # the password is not shown again
    assert signed_in_as(client) is None


def test_an_unknown_address_gets_the_same_refusal(client, jo):
    wrong_password = attempt(client, password="wrong").context["form"].non_field_errors()
    unknown = attempt(client, email="nobody@example.org").context["form"].non_field_errors()

    assert wrong_password == unknown
    assert signed_in_as(client) is None


def test_an_account_without_a_password_cannot_sign_in_with_one(client):
    get_user_model().objects.create_user("pat", "pat@example.org")  # no password: signs in by link
    assert attempt(client, email="pat@example.org", password="").status_code == 200
    assert attempt(client, email="pat@example.org", password="anything").status_code == 200
    assert signed_in_as(client) is None


def test_a_deactivated_account_cannot_sign_in(client, jo):
    jo.is_active = False
    jo.save()
    assert attempt(client).status_code == 200
    assert signed_in_as(client) is None


def test_a_filled_in_honeypot_is_refused(client, jo):
    response = attempt(client, website_url="http://spam.example")
    assert response.context["form"].errors["website_url"]
    assert signed_in_as(client) is None


def test_the_eleventh_attempt_in_a_minute_is_refused_with_429(client, jo):
    for _ in range(10):
        assert attempt(client, password="wrong").status_code == 200

    assert attempt(client, password="wrong").status_code == 429
    # Not even the right password gets in now.
    assert attempt(client).status_code == 429
    assert signed_in_as(client) is None


def test_the_limit_is_per_email_address_whatever_the_ip_address(client, jo):
    for n in range(10):
        attempt(client, password="wrong", ip=f"198.51.100.{n + 1}")

    assert attempt(client, email="JO@example.org ", ip="192.0.2.50").status_code == 429
    assert attempt(client, email="sam@example.org", ip="192.0.2.51").status_code == 200
