"""Offers and requests: a group asks an agency, or an agency offers a group something; the other side
accepts or declines with a reason or none; both see the state; nothing is assumed."""

import pytest
from django.urls import reverse

from ..models import Decision, ResourceKind, ResourceRequest, Stance
from .support import room, terms

pytestmark = pytest.mark.django_db


def test_a_group_asks_and_the_agency_accepts_with_a_note(
    world, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    offer = room(world.agency, kind=ResourceKind.PHOTOCOPYING, title="Photocopier")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.contact).post(
            reverse("relations:ask", args=[world.agency.slug, offer.pk]), {"message": "50 leaflets a month"}
        )
    made = ResourceRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == made.get_absolute_url()
    assert made.state == Decision.PENDING and made.direction == made.Direction.GROUP_ASKS
    assert mailoutbox[-1].to == ["nurse@example.org"]
    assert "Hearing Voices Group" in mailoutbox[-1].subject

    # The asking side cannot answer its own request.
    group_client = client_for(world.contact)
    refused = group_client.post(made.get_absolute_url(), {"decision": "accept"})
    assert refused.status_code == 403

    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.professional).post(
            made.get_absolute_url(), {"decision": "accept", "reason": "Drop them at reception."}
        )
    made.refresh_from_db()
    assert made.state == Decision.ACCEPTED and made.decided_by == world.professional
    assert mailoutbox[-1].to == ["contact@example.org"]
    assert "Drop them at reception." in mailoutbox[-1].body
    page = client_for(world.contact).get(made.get_absolute_url()).content.decode()
    assert "Accepted" in page and "Drop them at reception." in page


def test_an_agency_offers_and_the_group_declines_without_a_reason(
    world, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.professional).post(
            reverse("relations:offer_to_group", args=[world.group.slug]),
            {"kind": ResourceKind.NOTICEBOARD, "message": "Space on our board"},
        )
    assert response.status_code == 302
    made = ResourceRequest.objects.get()
    assert made.group_decides and made.agency == world.agency
    assert mailoutbox[-1].to == ["contact@example.org"]
    # The agency cannot accept its own offer on the group's behalf.
    assert (
        client_for(world.professional).post(made.get_absolute_url(), {"decision": "accept"}).status_code
        == 403
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.contact).post(made.get_absolute_url(), {"decision": "decline", "reason": ""})
    made.refresh_from_db()
    assert made.state == Decision.DECLINED and made.reason == ""
    assert mailoutbox[-1].to == ["nurse@example.org"]


def test_nothing_can_be_offered_to_a_group_that_said_no(world, client_for):
    terms(world.group, Stance.NO_INVOLVEMENT)
    client = client_for(world.professional)
    url = reverse("relations:offer_to_group", args=[world.group.slug])
    page = client.get(url).content.decode()
    assert "no professional involvement" in page
    client.post(url, {"kind": ResourceKind.NOTICEBOARD, "message": "Please"})
    assert not ResourceRequest.objects.exists()


def test_the_asking_side_may_withdraw(world, client_for):
    offer = room(world.agency)
    client_for(world.contact).post(
        reverse("relations:ask", args=[world.agency.slug, offer.pk]), {"message": ""}
    )
    made = ResourceRequest.objects.get()
    assert client_for(world.other_contact).post(made.get_absolute_url(), {"withdraw": "1"}).status_code == 403
    client_for(world.contact).post(made.get_absolute_url(), {"withdraw": "1"})
    made.refresh_from_db()
    assert made.state == Decision.WITHDRAWN


@pytest.mark.parametrize("who", ["other_contact", "other_professional", "stranger"])
def test_outsiders_neither_see_nor_answer(world, client_for, who):
    offer = room(world.agency)
    client_for(world.contact).post(
        reverse("relations:ask", args=[world.agency.slug, offer.pk]), {"message": "x"}
    )
    made = ResourceRequest.objects.get()
    client = client_for(getattr(world, who))
    assert client.get(made.get_absolute_url()).status_code == 403
    assert client.post(made.get_absolute_url(), {"decision": "accept"}).status_code == 403
    made.refresh_from_db()
    assert made.state == Decision.PENDING


def test_staff_see_but_do_not_answer(world, client_for):
    offer = room(world.agency)
    client_for(world.contact).post(
        reverse("relations:ask", args=[world.agency.slug, offer.pk]), {"message": "x"}
    )
    made = ResourceRequest.objects.get()
    client = client_for(world.staff)
    assert client.get(made.get_absolute_url()).status_code == 200
    assert client.post(made.get_absolute_url(), {"decision": "accept"}).status_code == 403


def test_only_group_contacts_ask_and_only_professionals_offer(world, client_for):
    offer = room(world.agency)
    ask = reverse("relations:ask", args=[world.agency.slug, offer.pk])
    assert client_for(world.professional).get(ask).status_code == 403
    assert client_for(world.stranger).post(ask, {"message": "x"}).status_code == 403
    offer_url = reverse("relations:offer_to_group", args=[world.group.slug])
    assert client_for(world.contact).get(offer_url).status_code == 403
    assert client_for(world.stranger).post(offer_url, {"kind": "noticeboard"}).status_code == 403
    assert client_for(None).get(offer_url).status_code == 302
    assert client_for(None).get(ask).status_code == 302
    assert not ResourceRequest.objects.exists()


def test_nothing_is_offered_to_a_group_nobody_looks_after(world, client_for):
    from twoworlds.core import testing

    orphan = testing.group("Nobody Here Group")
    client = client_for(world.professional)
    url = reverse("relations:offer_to_group", args=[orphan.slug])
    assert "Nobody looks after" in client.get(url).content.decode()
    client.post(url, {"kind": ResourceKind.NOTICEBOARD, "message": "Please"})
    assert not ResourceRequest.objects.exists()
