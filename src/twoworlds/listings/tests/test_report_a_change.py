"""Anyone can say a listing is wrong. The report reaches the group's contacts (without the reporter's address)
and the staff queue."""

import pytest
from django.urls import reverse

from twoworlds.listings.models import ChangeReport

from .support import sent_to

pytestmark = pytest.mark.django_db

# Fixtures shared with the other listings tests.


def report_url(group):
    return reverse("listings:report", args=[group.slug])


def test_every_group_page_links_to_it(client, listing):
    assert f'href="{report_url(listing)}"' in client.get(listing.get_absolute_url()).content.decode()


def test_a_report_reaches_the_group_and_the_staff(
    client, listing, contact, editor, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_EMAILS = ["desk@clearinghouse.example"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            report_url(listing),
            {"what": "They meet on Wednesdays now, not Tuesdays.", "reporter_email": "kim@example.org"},
        )

    assert response.status_code == 302 and response["Location"].endswith("/report-a-change/thanks/")
    report = ChangeReport.objects.get()
    assert (report.group, report.reporter_email) == (listing, "kim@example.org")
    (to_group,) = sent_to("pat@example.org")
    assert "They meet on Wednesdays now" in to_group.body
    assert "kim@example.org" not in to_group.body  # never passed to the group
    assert reverse("listings:edit", args=[listing.slug]) in to_group.body
    for address in ["desk@clearinghouse.example", editor.email]:
        (to_staff,) = sent_to(address)
        assert reverse("listings_staff:report", args=[report.pk]) in to_staff.body
    client.force_login(editor)
    page = client.get(reverse("listings_staff:report", args=[report.pk])).content.decode()
    assert "kim@example.org" in page  # staff may ask the reporter
    assert "They meet on Wednesdays now" in client.get(reverse("listings_staff:queue")).content.decode()


def test_a_listing_nobody_looks_after_still_reaches_staff(
    client, listing, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(report_url(listing), {"what": "Closed last year", "reporter_email": ""})

    assert len(sent_to(editor.email)) == 1
    assert ChangeReport.objects.get().reporter_email == ""


def test_an_empty_report_keeps_what_was_typed_and_says_what_is_missing(client, listing):
    response = client.post(report_url(listing), {"what": "", "reporter_email": "kim@example.org"})

    assert response.status_code == 400
    assert 'value="kim@example.org"' in response.content.decode()
    assert dict(response.context["errors"])["id_what"].endswith("Say what is wrong or has changed.")
    assert not ChangeReport.objects.exists()


def test_the_form_says_the_email_is_optional_and_private(client, listing):
    html = client.get(report_url(listing)).content.decode()
    assert "(optional)" in html and "never published or given to the group" in html


def test_bots_filling_the_honeypot_are_refused(client, listing):
    response = client.post(report_url(listing), {"what": "Buy now", "website_url": "https://spam.example"})
    assert response.status_code == 400
    assert not ChangeReport.objects.exists()


def test_reports_are_rate_limited(client, listing):
    for _ in range(10):
        assert client.post(report_url(listing), {"what": "Wrong time"}).status_code == 302
    assert client.post(report_url(listing), {"what": "Wrong time"}).status_code == 429
    assert ChangeReport.objects.count() == 10
