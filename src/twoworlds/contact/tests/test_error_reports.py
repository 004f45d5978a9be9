"""If something breaks while a request is being made or read, the error report (what Django logs and emails
to ADMINS) holds neither the posted details nor any variable holding them, however deep the failure."""

import logging

import pytest
from django.test import Client
from django.views.debug import ExceptionReporter

from twoworlds.contact import crypto

from .support import EMAIL, MESSAGE, NAME, PHONE, ask_url, form_data, make_request, request_url

pytestmark = pytest.mark.django_db

SECRETS = (NAME, PHONE, EMAIL, MESSAGE, "Marigold")


def report_text(caplog):
    records = [r for r in caplog.records if r.name == "django.request" and r.exc_info]
    assert records, "no error was logged"
    record = records[-1]
    reporter = ExceptionReporter(record.request, *record.exc_info, is_email=True)
    return reporter.get_traceback_text() + reporter.get_traceback_html()


def broken(*args, **kwargs):
    raise RuntimeError("the key store is unreachable")


def test_a_failure_while_encrypting_reports_no_details(group, contact, monkeypatch, caplog):
    caplog.set_level(logging.ERROR)
    monkeypatch.setattr(crypto, "fernet", broken)
    client = Client(raise_request_exception=False)
    response = client.post(ask_url(group), form_data(reach_kind="email", reach_value=EMAIL))
    assert response.status_code == 500
    text = report_text(caplog)
    assert "the key store is unreachable" in text  # the report is there, and useful
    for secret in SECRETS:
        assert secret not in text, secret
        assert secret not in caplog.text, secret


def test_a_failure_while_showing_a_request_reports_no_details(group, contact, monkeypatch, caplog):
    contact_request, _ = make_request(group)
    caplog.set_level(logging.ERROR)
    from twoworlds.contact import views

    real_render = views.render

    def render_then_fail(request, template, context=None, **kwargs):
        if template == "contact/request.html":
            real_render(request, template, context, **kwargs)
            raise RuntimeError("the page could not be sent")
        return real_render(request, template, context, **kwargs)

    monkeypatch.setattr(views, "render", render_then_fail)
    client = Client(raise_request_exception=False)
    client.force_login(contact)
    assert client.get(request_url(contact_request)).status_code == 500
    text = report_text(caplog)
    assert "the page could not be sent" in text
    for secret in SECRETS:
        assert secret not in text, secret
