"""Staff see the whole flow at /staff/relations/: counts by state and the latest of each kind."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from .. import services
from .support import room, terms

pytestmark = pytest.mark.django_db


def test_staff_see_counts_by_state(world, client_for):
    offer = room(world.agency)
    services.group_asks(world.group, offer, world.contact, "please")
    made = services.group_asks(world.group, offer, world.contact, "again")
    services.decide_request(made, world.professional, accept=False)
    services.book_room(
        offer,
        world.group,
        world.contact,
        {
            "date": timezone.localdate() + timedelta(days=3),
            "starts_at": "10:00",
            "ends_at": "11:00",
            "purpose": "Coffee morning",
        },
    )
    terms(world.group, gives_talks=True)
    services.invite_to_talk(
        world.group,
        world.professional,
        {"topic": "Voices", "audience": "GPs", "date_option_1": timezone.localdate() + timedelta(days=9)},
    )
    response = client_for(world.staff).get(reverse("relations_staff:overview"))
    assert response.status_code == 200
    counts = response.context["counts"]
    assert ("pending", "Waiting for an answer", 1) in counts["requests"]
    assert ("declined", "Declined", 1) in counts["requests"]
    assert ("pending", "Waiting for an answer", 1) in counts["bookings"]
    assert ("invited", "Waiting for the group", 1) in counts["talks"]
    page = response.content.decode()
    assert "Voices" in page and "Coffee morning" not in page  # states and titles, not what people wrote


@pytest.mark.parametrize("who", ["contact", "professional", "stranger"])
def test_non_staff_are_refused(world, client_for, who):
    assert client_for(getattr(world, who)).get(reverse("relations_staff:overview")).status_code == 403


def test_anonymous_is_sent_to_sign_in(world, client_for):
    assert client_for(None).get(reverse("relations_staff:overview")).status_code == 302


def test_the_dashboard_is_for_group_contacts_and_professionals(world, client_for):
    url = reverse("relations:dashboard")
    assert client_for(world.contact).get(url).status_code == 200
    assert client_for(world.professional).get(url).status_code == 200
    assert client_for(world.stranger).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302
