"""`confirm_group_listing(group, user)`: a signed-in contact (from their groups page) or staff confirm the
listing; it counts as the answer to an open request, and brings a lapsed listing back."""

import pytest

from twoworlds.listings import confirmation
from twoworlds.listings.models import ConfirmationRequest, ListingChange

from .confirmation_support import TODAY, listed, looks_after, person, use_defaults

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cycle(settings):
    use_defaults(settings)


def test_a_contact_confirms_from_their_groups_page(mailoutbox):
    contact = person("pat@example.org")
    group = looks_after(listed("Stroke Club", confirmed_days_ago=300), contact)
    confirmation.run_cycle(today=TODAY)
    group.refresh_from_db()
    assert group.lapsed is False  # emailed today: it gets its notice first

    change = confirmation.confirm_group_listing(group, contact, today=TODAY)

    group.refresh_from_db()
    assert group.last_confirmed == TODAY
    assert change.actor == contact and change.source == ListingChange.Source.CONFIRMATION
    assert change.reason == "Confirmed as still right" and change.before == change.after
    request_obj = ConfirmationRequest.objects.get(group=group)
    assert request_obj.confirmed_by == contact
    assert confirmation.request_state(request_obj, TODAY) == confirmation.CONFIRMED


def test_it_brings_a_lapsed_listing_back(indexed):
    from twoworlds.search.services import find_groups

    with indexed():
        group = listed("Back Again Group", confirmed_days_ago=300)
        confirmation.run_cycle(today=TODAY)
    group.refresh_from_db()
    assert group.lapsed and find_groups("Back Again").total == 0
    with indexed():
        confirmation.confirm_group_listing(group, person("k@example.org"), today=TODAY)
    group.refresh_from_db()
    assert not group.lapsed and find_groups("Back Again").total == 1
