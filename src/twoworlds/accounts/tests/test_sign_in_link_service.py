"""accounts.services: a sign-in link works once, only before it expires, and only its hash is stored."""

import hashlib
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from twoworlds.accounts import services
from twoworlds.accounts.models import SignInLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def jo():
    return get_user_model().objects.create_user("jo", "jo@example.org")


def token_of(path):
    assert path.startswith("/account/sign-in/") and path.endswith("/")
    return path.removeprefix("/account/sign-in/").removesuffix("/")


def test_the_link_is_a_path_with_a_long_random_token_and_only_its_hash_is_stored(jo):
    path = services.sign_in_link(jo)
    token = token_of(path)

    assert len(token) >= 43  # 32 random bytes
    link = SignInLink.objects.get()
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in link.token_hash
    assert services.sign_in_link(jo) != path  # a fresh token every time


def test_the_link_expires_after_the_configured_minutes(jo, settings):
    settings.SIGN_IN_LINK_MINUTES = 45
    before = timezone.now()
    services.sign_in_link(jo)
    link = SignInLink.objects.get()
    assert before + timedelta(minutes=45) <= link.expires_at <= timezone.now() + timedelta(minutes=45)


def test_a_link_works_once(jo):
    token = token_of(services.sign_in_link(jo))

    assert services.use_sign_in_link(token) == jo
    assert services.use_sign_in_link(token) is None
    assert SignInLink.objects.get().used_at is not None


def test_an_expired_link_does_not_work(jo):
    token = token_of(services.sign_in_link(jo))
    SignInLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    assert services.valid_sign_in_link(token) is None
    assert services.use_sign_in_link(token) is None
    assert SignInLink.objects.get().used_at is None


@pytest.mark.parametrize("token", ["", "nonsense", "x" * 43])
def test_an_unknown_token_does_not_work(jo, token):
    services.sign_in_link(jo)
    assert services.valid_sign_in_link(token) is None
    assert services.use_sign_in_link(token) is None


def test_looking_at_a_link_does_not_use_it_up(jo):
    token = token_of(services.sign_in_link(jo))

    assert services.valid_sign_in_link(token).user == jo
    assert services.valid_sign_in_link(token).user == jo
    assert services.use_sign_in_link(token) == jo


def test_a_deactivated_account_cannot_use_its_link(jo):
    token = token_of(services.sign_in_link(jo))
    jo.is_active = False
    jo.save()

    assert services.valid_sign_in_link(token) is None
    assert services.use_sign_in_link(token) is None


def test_only_a_local_path_is_kept_as_the_place_to_go_next(jo):
    services.sign_in_link(jo, next_url="/my-groups/42/edit/?tab=meetings")
    services.sign_in_link(jo, next_url="https://evil.example/")
    services.sign_in_link(jo, next_url="//evil.example/")
    services.sign_in_link(jo, next_url="javascript:alert(1)")

    assert list(SignInLink.objects.order_by("pk").values_list("next_url", flat=True)) == [
        "/my-groups/42/edit/?tab=meetings",
        "",
        "",
        "",
    ]


def test_purging_deletes_expired_links_only(jo):
    services.sign_in_link(jo)
    services.sign_in_link(jo)
    token = token_of(services.sign_in_link(jo))
    services.use_sign_in_link(token)
    SignInLink.objects.filter(pk__lte=SignInLink.objects.order_by("pk")[1].pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    assert services.purge_expired_links() == 2
    assert SignInLink.objects.count() == 1
    assert services.purge_expired_links() == 0


def test_emails_are_compared_without_case_or_surrounding_space(jo):
    assert services.normalise_email("  Jo@Example.ORG ") == "jo@example.org"
    assert services.user_for_email(" JO@example.org") == jo
    assert services.user_for_email("nobody@example.org") is None
    assert services.user_for_email("") is None


def test_a_new_account_gets_a_unique_username_from_the_address_and_no_password(jo):
    first, created = services.get_or_create_user_for_email("Jo@Elsewhere.example")
    second, _ = services.get_or_create_user_for_email("jo@third.example")

    assert created
    assert first.email == "jo@elsewhere.example"
    assert {jo.username, first.username, second.username} == {"jo", "jo-2", "jo-3"}
    assert not first.has_usable_password()
    assert services.get_or_create_user_for_email("JO@elsewhere.example ") == (first, False)


def test_odd_characters_are_left_out_of_usernames():
    user, _ = services.get_or_create_user_for_email('"o\'brien!"@example.org')
    assert user.username == "obrien"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("/my-groups/", "/my-groups/"),
        ("/search/?q=carers", "/search/?q=carers"),
        ("", ""),
        ("https://evil.example/", ""),
        ("//evil.example/path", ""),
        ("\\\\evil.example", ""),
        ("javascript:alert(1)", ""),
        ("/" + "x" * 400, ""),
    ],
)
def test_safe_next_url(url, safe):
    assert services.safe_next_url(url) == safe


def test_safe_next_url_allows_the_requests_own_host(rf):
    request = rf.get("/", HTTP_HOST="localhost")
    assert services.safe_next_url("http://localhost/my-groups/", request) == "http://localhost/my-groups/"
    assert services.safe_next_url("http://evil.example/", request) == ""
