"""Staff see counts and states per group, never what anyone wrote; the admin lists requests without their
encrypted fields and cannot change them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.contact import services
from twoworlds.contact.models import ContactRequest

from .support import GOOD_TIMES, MESSAGE, NAME, PHONE, make_request, person, professional, staff

pytestmark = pytest.mark.django_db

PERSONAL = (NAME, PHONE, MESSAGE, GOOD_TIMES, "Marigold")


@pytest.fixture
def requests(group, contact):
    new = make_request(group)[0]
    opened = make_request(group)[0]
    services.reveal_for(opened, contact)
    closed = make_request(group)[0]
    services.close(closed, contact, "contacted")
    old = make_request(group, now=timezone.now() - timedelta(days=55))[0]
    return new, opened, closed, old


def test_the_overview_shows_counts_and_states_not_contents(client, requests, group):
    client.force_login(staff())
    response = client.get("/staff/contact/")
    html = response.content.decode()
    assert response.status_code == 200
    row = response.context["rows"][0]
    assert (row.group, row.new, row.opened, row.closed, row.purge_soon, row.all_time) == (
        group,
        2,
        1,
        1,
        1,
        4,
    )
    assert group.name in html
    for detail in PERSONAL:
        assert detail not in html


@pytest.mark.parametrize("who", ["contact", "professional", "person"])
def test_only_staff_see_the_overview(client, requests, contact, who):
    user = {"contact": contact, "professional": professional(), "person": person("x@example.org")}[who]
    client.force_login(user)
    assert client.get("/staff/contact/").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get("/staff/contact/").status_code == 302


def test_the_admin_lists_states_without_contents_and_cannot_change(client, requests):
    client.force_login(staff("root", role=None, is_superuser=True))
    listing = client.get("/staff/contact/contactrequest/")
    assert listing.status_code == 200
    one = ContactRequest.objects.first()
    detail = client.get(f"/staff/contact/contactrequest/{one.pk}/change/")
    assert detail.status_code == 200
    for html in (listing.content.decode(), detail.content.decode()):
        for detail_text in PERSONAL:
            assert detail_text not in html
        assert one.name_sealed not in html and "sealed" not in html
    assert 'name="_save"' not in detail.content.decode()
    assert client.post(f"/staff/contact/contactrequest/{one.pk}/change/", {}).status_code == 403
    assert client.get("/staff/contact/contactrequest/add/").status_code == 403
    assert client.post(f"/staff/contact/contactrequest/{one.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/staff/contact/contactrequestaccess/").status_code == 200
