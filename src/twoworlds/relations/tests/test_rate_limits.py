"""Requests, offers, invitations and bookings email real people: each person may send 30 an hour; more is
refused with 429 and nothing is sent. The survey's personal link is limited per address too."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from ..models import ResourceRequest
from .support import room

pytestmark = pytest.mark.django_db


def test_a_flood_of_requests_is_stopped(world, client_for):
    cache.clear()
    offer = room(world.agency)
    client = client_for(world.contact)
    url = reverse("relations:ask", args=[world.agency.slug, offer.pk])
    codes = [client.post(url, {"message": f"{n}"}).status_code for n in range(31)]
    assert codes[:30] == [302] * 30 and codes[30] == 429
    assert ResourceRequest.objects.count() == 30
    # Someone else is not held back by it.
    other = client_for(world.other_contact)
    assert other.post(url, {"message": "mine"}).status_code == 302
    cache.clear()
