"""Security settings: Django's deployment checklist passes with production settings, every response carries
the protective headers, and forms refuse posts without a CSRF token."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

# Settings read from the environment (see settings.py), left out so that only the values below count.
SETTINGS_VARIABLES = {
    "DEBUG", "HTTPS", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "DATABASE_URL", "CONN_MAX_AGE",
    "REDIS_URL", "TASKS_BACKEND", "EMAIL_BACKEND", "BEHIND_PROXY", "STATIC_MANIFEST", "TWOWORLDS_VAR_DIR",
}  # fmt: skip


def run_deploy_check(tmp_path, **overrides):
    # DJANGO_* variables set by other tests in this process (e.g. DJANGO_ALLOW_ASYNC_UNSAFE for the browser
    # tests) would not be set in production: leave them out too.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in SETTINGS_VARIABLES and not key.startswith("DJANGO_")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="twoworlds.settings",
        DEBUG="0",
        HTTPS="1",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        TWOWORLDS_VAR_DIR=str(tmp_path / "var"),
    )
    env.update(overrides)
    return subprocess.run(
        [sys.executable, "-m", "twoworlds.manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings(tmp_path):
    result = run_deploy_check(tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_would_catch_a_deployment_without_https(tmp_path):
    # The check above is not vacuous: the same command fails when the HTTPS settings are off.
    result = run_deploy_check(tmp_path, HTTPS="0")

    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr  # SECURE_SSL_REDIRECT


def csp_directives(response):
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


PAGES = ["admin:login", "healthz", "not-a-page"]


def get(client, name):
    url = "/no-such-page/" if name == "not-a-page" else reverse(name)
    return client.get(url)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_protective_headers(client, name):
    response = get(client, name)

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    directives = csp_directives(response)
    scripts = directives.get("script-src", directives.get("default-src"))
    assert scripts == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_the_staff_pages_have_no_inline_scripts(client):
    # The admin works under the policy: every <script> loads a file.
    get_user_model().objects.create_superuser("root", "root@example.org", "a long passphrase here")
    client.login(username="root", password="a long passphrase here")
    for url in [reverse("admin:index"), reverse("admin:directory_group_add"), reverse("admin:login")]:
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, (url, tag)
        assert " onclick=" not in html and " onload=" not in html


@pytest.mark.django_db
def test_staff_login_refuses_a_post_without_csrf_token():
    get_user_model().objects.create_user("jo", "jo@example.org", "a long passphrase here", is_staff=True)
    client = Client(enforce_csrf_checks=True)
    url = reverse("admin:login")

    response = client.post(url, {"username": "jo", "password": "a long passphrase here"})

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session

    # With the token from the form, the same post signs in.
    client.get(url)
    token = client.cookies["csrftoken"].value
    response = client.post(
        url, {"username": "jo", "password": "a long passphrase here", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert client.cookies["sessionid"]["httponly"]
