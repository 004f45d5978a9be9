"""A professional, with the person beside them and agreeing, puts them in touch: the same minimal fields, a
statement they tick, no room for notes; the request records the agency and who made it, and the group sees
only "made with the help of <agency>"."""

import pytest
from django.urls import reverse

from twoworlds.contact.models import ContactRequest

from .support import NAME, PHONE, agency, form_data, make_request, professional, request_url

pytestmark = pytest.mark.django_db


def on_behalf_url(group):
    return reverse("contact:on_behalf", args=[group.slug])


def behalf_data(**changes):
    data = form_data(consent=None, website_url=None, person_agrees="on")
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_professional_puts_someone_in_touch(client, group, contact, mailoutbox, commit):
    nurse = professional()
    client.force_login(nurse)
    page = client.get(on_behalf_url(group)).content.decode()
    assert "The person is with me and agrees to share exactly these details" in page
    assert "Do not record a diagnosis, case notes" in page
    assert "Anything the person wants the group to know" in page

    with commit():
        response = client.post(on_behalf_url(group), behalf_data())

    assert response.status_code == 200
    stored = ContactRequest.objects.get()
    assert stored.agency == nurse.agency_memberships.get().agency
    assert stored.made_by == nurse
    # The person gets a printable summary of exactly what was shared, with the withdraw link.
    html = response.content.decode()
    assert "What was shared with Sneinton Bereavement Circle" in html
    assert NAME in html and PHONE in html and "/contact/withdraw/" in html
    assert "data-print" in html
    assert response["Cache-Control"].startswith("no-store")
    # The group is told, with no details, as for anyone.
    assert [m.to for m in mailoutbox] == [["pat@example.org"]]
    assert NAME not in mailoutbox[0].body


def test_the_group_sees_the_agency_not_the_professional(client, group, contact):
    nurse = professional("nurse.jones@qmc.example")
    ward = nurse.agency_memberships.get().agency
    contact_request, _ = make_request(group, agency=ward, made_by=nurse)
    client.force_login(contact)
    html = client.get(request_url(contact_request)).content.decode()
    assert f"Made with the help of {ward.name}".replace("'", "&#x27;") in html
    assert "nurse.jones" not in html and "Ward nurse" not in html
    inbox = client.get(f"/my-groups/{group.slug}/requests/").content.decode()
    assert "nurse.jones" not in inbox


def test_nothing_is_sent_unless_the_person_agrees(client, group, contact):
    client.force_login(professional())
    response = client.post(on_behalf_url(group), behalf_data(person_agrees=None))
    assert response.status_code == 400
    assert "Tick the box once the person has agreed" in response.content.decode()
    assert not ContactRequest.objects.exists()


def test_the_message_has_no_room_for_notes(client, group, contact):
    client.force_login(professional())
    response = client.post(on_behalf_url(group), behalf_data(message="x" * 501))
    assert response.status_code == 400
    assert not ContactRequest.objects.exists()
    assert 'maxlength="500"' in client.get(on_behalf_url(group)).content.decode()


def test_anyone_who_is_not_a_professional_is_refused(client, group, contact):
    assert client.get(on_behalf_url(group)).status_code == 302  # anonymous: to sign in
    client.force_login(contact)  # a group's contact is not a professional
    assert client.get(on_behalf_url(group)).status_code == 403
    assert client.post(on_behalf_url(group), behalf_data()).status_code == 403
    assert not ContactRequest.objects.exists()


def test_a_professional_who_has_left_the_agency_is_refused(client, group, contact):
    from django.utils import timezone

    nurse = professional()
    nurse.agency_memberships.update(removed_at=timezone.now())
    client.force_login(nurse)
    assert client.get(on_behalf_url(group)).status_code == 403


def test_someone_in_two_agencies_chooses_which(client, group, contact):
    from twoworlds.accounts.models import AgencyMember

    nurse = professional()
    clinic = agency("Bulwell GP Practice", "bulwell-gp")
    AgencyMember.objects.create(agency=clinic, user=nurse)
    client.force_login(nurse)
    response = client.post(on_behalf_url(group), behalf_data(agency=str(clinic.pk)))
    assert response.status_code == 200
    assert ContactRequest.objects.get().agency == clinic


def test_the_group_page_offers_it_to_professionals_only(client, group, contact):
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Ask the group to contact me" in page and on_behalf_url(group) not in page
    client.force_login(professional())
    assert on_behalf_url(group) in client.get(group.get_absolute_url()).content.decode()
