"""An agency sees how many people it put in touch (this month, in all, by the groups' issues), never who or
what they shared; the counts outlive the requests. Non-professionals are refused."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from twoworlds.contact import services
from twoworlds.core import testing as t

from .support import NAME, PHONE, agency, looks_after, make_request, person, professional, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward_nurse():
    return professional()


def put_in_touch(group, nurse, when):
    ward = nurse.agency_memberships.get().agency
    return make_request(group, agency=ward, made_by=nurse, now=timezone.make_aware(when))[0]


def test_counts_this_month_in_all_and_by_issue(group, contact, ward_nurse):
    carers = t.category("Carers")
    other = t.group("Carers Together", [carers])
    looks_after(other, person("carer@example.org"))
    put_in_touch(group, ward_nurse, datetime(2026, 1, 15, 10))
    put_in_touch(group, ward_nurse, datetime(2026, 3, 3, 10))
    put_in_touch(other, ward_nurse, datetime(2026, 3, 4, 10))
    make_request(group)  # someone on their own: not the agency's

    ward = ward_nurse.agency_memberships.get().agency
    counts = services.counts_for_agency(ward, today=date(2026, 3, 20))
    assert (counts.this_month, counts.all_time) == (2, 3)
    assert [(c.name, c.this_month, c.all_time) for c in counts.by_category] == [
        ("Specific conditions", 1, 2),
        ("Carers", 1, 1),
    ]


def test_counts_outlive_the_requests(group, contact, ward_nurse):
    put_in_touch(group, ward_nurse, datetime(2026, 1, 15, 10))
    services.purge(today=date(2026, 12, 1))
    counts = services.counts_for_agency(ward_nurse.agency_memberships.get().agency, today=date(2026, 12, 1))
    assert counts.all_time == 1


def test_another_agency_sees_none_of_them(group, contact, ward_nurse):
    put_in_touch(group, ward_nurse, datetime(2026, 1, 15, 10))
    assert services.counts_for_agency(agency("Another Team", "another-team")).all_time == 0


def test_the_agency_page_shows_counts_never_contents(client, group, contact, ward_nurse):
    put_in_touch(group, ward_nurse, datetime.now())
    client.force_login(ward_nurse)
    response = client.get("/professional/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="contact-count">1</span>' in html
    assert "Specific conditions" in html
    for detail in (NAME, PHONE, "Sneinton Bereavement Circle"):
        assert detail not in html


@pytest.mark.parametrize("who", ["contact", "editor", "person"])
def test_non_professionals_are_refused(client, group, contact, who):
    user = {"contact": contact, "editor": staff(), "person": person("someone@example.org")}[who]
    client.force_login(user)
    assert client.get("/professional/").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/professional/")
    assert response.status_code == 302 and response["Location"].startswith("/account/sign-in/")
