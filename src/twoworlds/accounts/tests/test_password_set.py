"""/account/password/: a signed-in person may choose a password (or change it) instead of emailed links."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/account/password/"
NEW = "a walk round the lake on tuesdays"


@pytest.fixture
def pat():
    return get_user_model().objects.create_user("pat", "pat@example.org")  # signed in by link so far


def choose(client, first=NEW, second=NEW):
    return client.post(URL, {"new_password1": first, "new_password2": second})


def test_the_url_and_its_name():
    assert reverse("accounts:set_password") == URL


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for response in (client.get(URL), choose(client)):
        assert response.status_code == 302
        assert response["Location"] == "/account/sign-in/?next=/account/password/"


def test_choosing_a_password(client, pat):
    client.force_login(pat)
    form = client.get(URL)
    assert "Choose a password" in form.content.decode()
    assert 'autocomplete="new-password"' in form.content.decode()

    response = choose(client)

    assert response.status_code == 200
    assert "Password saved" in response.content.decode()
    pat.refresh_from_db()
    assert pat.check_password(NEW)
    assert client.session["_auth_user_id"] == str(pat.pk)  # still signed in
    assert client.get(URL).status_code == 200
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["pat@example.org"]
    assert "password was changed" in mail.outbox[0].subject


def test_changing_a_password_signs_out_other_sessions(client, pat):
    pat.set_password("the old passphrase here")
    pat.save()
    other = type(client)()
    other.force_login(pat)
    client.force_login(pat)
    assert "Change your password" in client.get(URL).content.decode()

    choose(client)

    assert client.get(URL).status_code == 200
    assert other.get(URL).status_code == 302


def test_the_two_must_match_and_nothing_is_saved_otherwise(client, pat):
    client.force_login(pat)

    response = choose(client, second=NEW + "x")

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'aria-invalid="true"' in html
    assert NEW not in html
    pat.refresh_from_db()
    assert not pat.has_usable_password()
    assert mail.outbox == []


def test_a_weak_password_is_refused(client, pat):
    client.force_login(pat)
    response = choose(client, "password", "password")
    assert response.context["form"].errors["new_password2"]
    pat.refresh_from_db()
    assert not pat.has_usable_password()


def test_the_new_password_then_signs_in(client, pat):
    client.force_login(pat)
    choose(client)
    client.logout()

    response = client.post(
        "/account/password-sign-in/", {"email": "pat@example.org", "password": NEW}, REMOTE_ADDR="192.0.2.1"
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(pat.pk)
