"""/account/sign-out/: signing out takes a POST (so no link or image elsewhere can sign anyone out)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/account/sign-out/"


@pytest.fixture
def signed_in(client):
    user = get_user_model().objects.create_user("pat", "pat@example.org")
    client.force_login(user)
    return client


def test_the_url_and_its_name():
    assert reverse("accounts:sign_out") == URL


def test_get_shows_a_button_and_does_not_sign_out(signed_in):
    response = signed_in.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<form method="post" action="{URL}"' in html
    assert "_auth_user_id" in signed_in.session


def test_post_signs_out_and_goes_home(signed_in):
    response = signed_in.post(URL)

    assert response.status_code == 302
    assert response["Location"] == reverse("directory:home")
    assert "_auth_user_id" not in signed_in.session


def test_post_needs_the_csrf_token(signed_in):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.cookies = signed_in.cookies

    assert strict.post(URL).status_code == 403
    assert "_auth_user_id" in signed_in.session


def test_when_not_signed_in(client):
    response = client.get(URL)
    assert "You are not signed in" in response.content.decode()
    assert client.post(URL).status_code == 302
