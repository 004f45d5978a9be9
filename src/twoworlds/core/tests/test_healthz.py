"""/healthz: what a load balancer asks to know the app and its database are up."""

from unittest import mock

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_as_json(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == connection.vendor


def test_healthz_needs_no_sign_in_and_sets_no_cookie(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert not response.cookies


def test_healthz_reports_an_unreachable_database(client):
    with mock.patch("twoworlds.core.views.connection") as broken:
        broken.cursor.side_effect = RuntimeError("database is down")
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}
