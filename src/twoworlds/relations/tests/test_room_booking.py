"""Booking a room: a group asks for a room an agency offers, on a date; the agency confirms or declines;
both see it. Nothing is booked until the agency confirms."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ..models import Decision, ResourceKind, RoomBooking
from .support import room

pytestmark = pytest.mark.django_db


def _booking(**overrides):
    data = {
        "date": (timezone.localdate() + timedelta(days=14)).isoformat(),
        "starts_at": "19:00",
        "ends_at": "21:00",
        "purpose": "Our monthly meeting",
    }
    data.update(overrides)
    return data


def test_a_group_books_and_the_agency_confirms(
    world, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    offer = room(world.agency)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.contact).post(
            reverse("relations:book", args=[world.agency.slug, offer.pk]), _booking()
        )
    booking = RoomBooking.objects.get()
    assert response["Location"] == booking.get_absolute_url()
    assert booking.state == Decision.PENDING and booking.group == world.group
    assert mailoutbox[-1].to == ["nurse@example.org"] and "Our monthly meeting" in mailoutbox[-1].body

    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.professional).post(booking.get_absolute_url(), {"decision": "accept", "reason": ""})
    booking.refresh_from_db()
    assert booking.state == Decision.ACCEPTED
    assert mailoutbox[-1].to == ["contact@example.org"] and "confirmed" in mailoutbox[-1].subject.lower()
    for user in (world.contact, world.professional):
        page = client_for(user).get(reverse("relations:dashboard")).content.decode()
        assert "Seminar room" in page and "Confirmed" in page


def test_the_agency_may_decline_with_a_reason(
    world, client_for, django_capture_on_commit_callbacks, mailoutbox
):
    offer = room(world.agency)
    client_for(world.contact).post(reverse("relations:book", args=[world.agency.slug, offer.pk]), _booking())
    booking = RoomBooking.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.professional).post(
            booking.get_absolute_url(), {"decision": "decline", "reason": "The room is being painted."}
        )
    booking.refresh_from_db()
    assert booking.state == Decision.DECLINED and "painted" in mailoutbox[-1].body


def test_bad_times_re_render_and_book_nothing(world, client_for):
    offer = room(world.agency)
    url = reverse("relations:book", args=[world.agency.slug, offer.pk])
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client_for(world.contact).post(url, _booking(date=yesterday, ends_at="18:00"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "from today on" in page and "not after the start time" in page and "Our monthly meeting" in page
    assert not RoomBooking.objects.exists()


def test_only_rooms_can_be_booked(world, client_for):
    offer = room(world.agency, kind=ResourceKind.PHOTOCOPYING, title="Copier")
    assert (
        client_for(world.contact)
        .get(reverse("relations:book", args=[world.agency.slug, offer.pk]))
        .status_code
        == 404
    )


@pytest.mark.parametrize("who", ["other_contact", "other_professional", "stranger"])
def test_outsiders_neither_see_nor_decide(world, client_for, who):
    offer = room(world.agency)
    client_for(world.contact).post(reverse("relations:book", args=[world.agency.slug, offer.pk]), _booking())
    booking = RoomBooking.objects.get()
    client = client_for(getattr(world, who))
    assert client.get(booking.get_absolute_url()).status_code == 403
    assert client.post(booking.get_absolute_url(), {"decision": "accept"}).status_code == 403
    booking.refresh_from_db()
    assert booking.state == Decision.PENDING


def test_the_group_cannot_confirm_its_own_booking_but_may_withdraw_it(world, client_for):
    offer = room(world.agency)
    client = client_for(world.contact)
    client.post(reverse("relations:book", args=[world.agency.slug, offer.pk]), _booking())
    booking = RoomBooking.objects.get()
    assert client.post(booking.get_absolute_url(), {"decision": "accept"}).status_code == 403
    client.post(booking.get_absolute_url(), {"withdraw": "1"})
    booking.refresh_from_db()
    assert booking.state == Decision.WITHDRAWN


def test_people_who_look_after_no_group_cannot_book(world, client_for):
    offer = room(world.agency)
    url = reverse("relations:book", args=[world.agency.slug, offer.pk])
    assert client_for(world.professional).post(url, _booking()).status_code == 403
    assert client_for(None).get(url).status_code == 302
    assert not RoomBooking.objects.exists()
