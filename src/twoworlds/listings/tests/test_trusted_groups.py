"""Staff can trust a group: its edits are published straight away, and staff still see every one of them."""

import pytest
from django.urls import reverse

from twoworlds.listings import services
from twoworlds.listings.models import Decision, ListingChange, ListingState, ProposedChange
from twoworlds.search.services import find_groups

from .support import page_data, trust

pytestmark = pytest.mark.django_db

# Fixtures shared with the other listings tests.


def test_staff_switch_trust_on_and_off_from_the_history_page(client, editor, listing):
    client.force_login(editor)
    url = reverse("listings_staff:trusted", args=[listing.slug])

    client.post(url, {"trusted": "on"})
    assert ListingState.objects.get(group=listing).trusted is True
    client.post(url, {})
    assert ListingState.objects.get(group=listing).trusted is False


def test_a_trusted_groups_edit_is_published_at_once_and_still_shown_to_staff(
    client, editor, contact, listing, indexed
):
    trust(listing)
    client.force_login(contact)
    edit = reverse("listings:edit", args=[listing.slug])
    response = client.get(edit)
    assert "page as soon as you save them." in response.content.decode()
    data = page_data(response)
    data["description"] = "Stroke survivors meeting for tea and a natter."
    data["note"] = "Shorter description"

    with indexed():
        assert client.post(edit, data).status_code == 302

    listing.refresh_from_db()
    assert listing.description == "Stroke survivors meeting for tea and a natter."
    assert [hit.group_id for hit in find_groups("natter").hits] == [listing.pk]
    change = ProposedChange.objects.get()
    assert change.status == Decision.APPROVED and change.published_without_review
    history = ListingChange.objects.filter(group=listing).first()
    assert (history.source, history.actor, history.reason) == ("group", contact, "Shorter description")
    client.force_login(editor)
    queue = client.get(reverse("listings_staff:queue"))
    assert queue.context["queue"].published == [change]
    assert queue.context["queue"].changes == []


def test_an_untrusted_groups_edit_waits(contact, listing):
    snapshot = services.editable_snapshot(listing)
    snapshot["cost_note"] = "£1 for tea"

    change = services.propose_change(listing, snapshot, contact, "")

    assert change.status == Decision.PENDING and not change.published_without_review
    listing.refresh_from_db()
    assert listing.cost_note == ""
