"""The signed-in person's own page: the groups they look after, what their changes are waiting for or why they
came back, their claims; and, on each group's public page, the ways in to keep it current."""

import pytest
from django.urls import reverse

from twoworlds.directory.snapshots import take_snapshot
from twoworlds.listings import services
from twoworlds.listings.models import Claim, Decision

from .support import person

pytestmark = pytest.mark.django_db

# Fixtures shared with the other listings tests.


def propose(group, user, **changes):
    snapshot = take_snapshot(group)
    snapshot.update(changes)
    return services.propose_change(group, snapshot, user, "A note")


def test_it_lists_the_groups_with_their_changes_and_staff_reasons(client, listing, contact, editor):
    returned = propose(listing, contact, cost_note="£1")
    services.decide_change(returned, editor, approve=False, reason="Is it £1 a week or a month?")
    propose(listing, contact, cost_note="£1 a week")
    client.force_login(contact)

    html = client.get(reverse("listings:my_groups")).content.decode()

    assert listing.name in html
    assert reverse("listings:edit", args=[listing.slug]) in html
    assert reverse("listings:contacts", args=[listing.slug]) in html
    assert "Is it £1 a week or a month?" in html
    assert "Returned with a reason" in html and "Waiting for staff" in html
    assert "is waiting for staff" in html


def test_a_waiting_change_can_be_withdrawn(client, listing, contact):
    change = propose(listing, contact, cost_note="£1")
    client.force_login(contact)

    client.post(reverse("listings:withdraw", args=[listing.slug, change.pk]))

    change.refresh_from_db()
    assert change.status == Decision.WITHDRAWN
    assert services.pending_change(listing) is None


def test_someone_with_no_groups_is_shown_how_to_claim_or_list_one(client, db):
    client.force_login(person("new@example.org"))
    html = client.get(reverse("listings:my_groups")).content.decode()
    assert "You do not look after any groups yet." in html
    assert reverse("listings:submit") in html


def test_a_groups_own_change_can_be_read_as_before_and_after(client, listing, contact):
    change = propose(listing, contact, cost_note="£1")
    client.force_login(contact)

    html = client.get(reverse("listings:change", args=[listing.slug, change.pk])).content.decode()

    assert "<ins>£1</ins>" in html and "About the cost" in html


def test_the_group_page_offers_an_edit_link_only_to_its_contacts(client, listing, contact):
    edit = reverse("listings:edit", args=[listing.slug])
    assert edit not in client.get(listing.get_absolute_url()).content.decode()
    client.force_login(person("someone@example.org"))
    assert edit not in client.get(listing.get_absolute_url()).content.decode()
    client.force_login(contact)
    assert edit in client.get(listing.get_absolute_url()).content.decode()


def test_a_claim_under_review_is_listed(client, listing):
    jo = person("jo@example.org")
    Claim.objects.create(group=listing, user=jo, role_in_group="organiser")
    client.force_login(jo)
    html = client.get(reverse("listings:my_groups")).content.decode()
    assert "Your claims" in html and "You can change the listing once staff approve the claim." in html


def test_the_edit_page_says_why_the_last_change_came_back(client, listing, contact, editor):
    returned = propose(listing, contact, cost_note="£1")
    services.decide_change(returned, editor, approve=False, reason="Is it per week or per month?")
    client.force_login(contact)

    html = client.get(reverse("listings:edit", args=[listing.slug])).content.decode()

    assert "Staff returned your change" in html and "Is it per week or per month?" in html
