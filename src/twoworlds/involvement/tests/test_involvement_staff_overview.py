"""Staff see counts by state and kind, and roles due a review (who and when), never what the sides wrote."""

from django.urls import reverse

from twoworlds.involvement import services
from twoworlds.involvement.models import Side

from .support import ask, proposed_role, staff


def test_counts_and_overdue_reviews(client, guests_welcome, contact, pro):
    ask(guests_welcome, pro, reason="A very private reason zebrafinch")
    role = services.answer_role(proposed_role(guests_welcome, pro, review_in=1), contact, Side.GROUP, True)
    role.review_on = role.review_on.replace(year=role.review_on.year - 1)
    role.save()
    client.force_login(staff())
    body = client.get(reverse("involvement_staff:overview")).content.decode()
    assert "Reviews overdue" in body and "Sneinton Stroke Club" in body and "Low-key supporter" in body
    assert "zebrafinch" not in body
    assert services.overview()["invitations"]["asked"] == 1
