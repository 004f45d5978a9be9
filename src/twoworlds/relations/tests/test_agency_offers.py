"""An agency's page says what it offers groups; only the agency's professionals manage its offers."""

import pytest
from django.urls import reverse

from ..models import AgencyOffer, ResourceKind
from .support import room

pytestmark = pytest.mark.django_db

OFFER = {
    "kind": ResourceKind.MEETING_ROOM,
    "title": "Day room",
    "description": "A quiet room with tea and coffee.",
    "times": "Tuesday and Thursday evenings",
    "capacity": "16",
    "access": "Step-free; hearing loop",
    "cost": "",
    "topics": "",
    "available": "on",
}


def test_the_agency_page_shows_offers_to_everyone(world, client_for):
    room(world.agency, title="Seminar room", capacity=20, access="Step-free, hearing loop")
    room(world.agency, title="Old room", available=False)
    page = client_for(None).get(reverse("relations:agency", args=[world.agency.slug])).content.decode()
    assert "Seminar room" in page and "Step-free, hearing loop" in page and "20 people" in page
    assert "Old room" not in page
    assert "Ward 7" in client_for(None).get(reverse("relations:agencies")).content.decode()


def test_a_member_adds_and_changes_an_offer(world, client_for):
    client = client_for(world.professional)
    response = client.post(reverse("relations:offer_new", args=[world.agency.slug]), OFFER)
    assert response.status_code == 302
    offer = AgencyOffer.objects.get(agency=world.agency)
    assert offer.capacity == 16 and offer.created_by == world.professional
    response = client.post(
        reverse("relations:offer_edit", args=[world.agency.slug, offer.pk]), {**OFFER, "capacity": "30"}
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.capacity == 30


def test_bad_input_keeps_what_was_typed(world, client_for):
    response = client_for(world.professional).post(
        reverse("relations:offer_new", args=[world.agency.slug]), {**OFFER, "kind": "", "capacity": "lots"}
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert "Tuesday and Thursday evenings" in response.content.decode()
    assert not AgencyOffer.objects.exists()


@pytest.mark.parametrize("who", ["other_professional", "contact", "stranger"])
def test_others_may_not_manage_offers(world, client_for, who):
    offer = room(world.agency)
    client = client_for(getattr(world, who))
    new = reverse("relations:offer_new", args=[world.agency.slug])
    edit = reverse("relations:offer_edit", args=[world.agency.slug, offer.pk])
    assert client.get(new).status_code == 403
    assert client.post(new, OFFER).status_code == 403
    assert client.post(edit, {**OFFER, "title": "Taken over"}).status_code == 403
    offer.refresh_from_db()
    assert offer.title == "Seminar room"


def test_anonymous_is_sent_to_sign_in(world, client_for):
    response = client_for(None).get(reverse("relations:offer_new", args=[world.agency.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_members_see_groups_that_would_welcome_what_they_offer(world, client_for):
    from .support import terms

    room(world.agency)
    terms(world.group, welcomes_meeting_room=True)
    url = reverse("relations:agency", args=[world.agency.slug])
    assert "Hearing Voices Group" in client_for(world.professional).get(url).content.decode()
    assert "Hearing Voices Group" not in client_for(world.other_professional).get(url).content.decode()
