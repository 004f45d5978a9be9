"""The staff sign-in page (/staff/login/) allows 10 attempts a minute per IP address and per username;
the 11th is answered 429 without checking the password."""

from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from twoworlds.core import admin_site

pytestmark = pytest.mark.django_db

PASSWORD = "the right passphrase"


@pytest.fixture(autouse=True)
def fixed_clock():
    """One rate-limit window for the whole test (django_ratelimit counts in fixed windows)."""
    import django_ratelimit.core

    with mock.patch.object(django_ratelimit.core, "time", SimpleNamespace(time=lambda: 1_800_000_000)):
        yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff_user():
    return get_user_model().objects.create_user("jo", "jo@example.org", PASSWORD, is_staff=True)


def attempt(client, username="jo", password="wrong", ip="203.0.113.7"):
    return client.post(reverse("admin:login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_the_login_view_is_wrapped():
    from django.contrib import admin

    assert getattr(admin.site.login, "rate_limited", False)
    assert admin_site.protect_login(admin.site) is admin.site  # a second call does not wrap it twice
    assert admin.site.login.__wrapped__.__name__ == "login"


def test_eleventh_failed_login_in_a_minute_is_refused_with_429(client, staff_user):
    for _ in range(10):
        response = attempt(client)
        assert response.status_code == 200  # the form again, with its error
        assert response.context["form"].errors

    response = attempt(client)

    assert response.status_code == 429
    # Not even the right password gets in now.
    assert attempt(client, password=PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_limit_is_per_ip_address_whatever_the_username(client, staff_user):
    for n in range(10):
        attempt(client, username=f"guess{n}")

    assert attempt(client, username="someone-else").status_code == 429
    # Another address is not affected.
    response = attempt(client, username="another", ip="198.51.100.9")
    assert response.status_code == 200


def test_the_limit_is_per_username_whatever_the_address(client, staff_user):
    for n in range(10):
        attempt(client, ip=f"198.51.100.{n + 1}")

    assert attempt(client, username="JO ", ip="192.0.2.50").status_code == 429
    assert attempt(client, username="sam", ip="192.0.2.51").status_code == 200


def test_signing_in_within_the_limit_works(client, staff_user):
    for _ in range(3):
        attempt(client)

    response = attempt(client, password=PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff_user.pk)


def test_showing_the_form_is_not_counted(client, staff_user):
    for _ in range(20):
        assert client.get(reverse("admin:login")).status_code == 200

    assert attempt(client, password=PASSWORD).status_code == 302


def test_counts_are_kept_in_the_shared_database_cache(client, staff_user, settings):
    if not settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        pytest.skip("REDIS_URL is set: the counts are kept in Redis")
    # The test database has the cache table (the test runner and the core migration both create it).
    cache.set("probe", 1)
    assert cache.get("probe") == 1

    table = settings.CACHES["default"]["LOCATION"]

    def rows():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            return cursor.fetchone()[0]

    before = rows()
    attempt(client)
    assert rows() - before == 2  # one counter for the address and one for the username
