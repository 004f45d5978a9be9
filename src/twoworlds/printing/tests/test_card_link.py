"""The group page offers the card ("I'll get in touch myself"), standard and large print; a closed group's
page does not, since it has no card."""

import pytest

from twoworlds.directory.models import Group

pytestmark = pytest.mark.django_db


def test_the_group_page_links_to_its_cards(client, card_group):
    page = client.get(card_group.get_absolute_url()).content.decode()
    assert 'href="/groups/sneinton-stroke-club/card.pdf">Download a card (PDF)</a>' in page
    assert 'href="/groups/sneinton-stroke-club/card-large-print.pdf"' in page
    contact = page.split('id="contact"')[1].split("</section>")[0]
    assert "card.pdf" in contact


def test_a_closed_group_page_offers_no_card(client, card_group):
    card_group.status = Group.Status.CLOSED
    card_group.save()
    assert "card.pdf" not in client.get(card_group.get_absolute_url()).content.decode()
