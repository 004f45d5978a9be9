"""A group's contact confirms from 'Your groups' in one click; nobody else can."""

from datetime import date

from django.urls import reverse

from twoworlds.directory.models import Group
from twoworlds.listings.models import ListingChange

from .support import person


def confirm_url(group):
    return reverse("listings:confirm", args=[group.slug])


def test_a_contact_confirms_and_a_lapsed_listing_returns(client, contact, listing):
    Group.objects.filter(pk=listing.pk).update(last_confirmed=date(2020, 1, 1), lapsed=True)
    client.force_login(contact)
    response = client.post(confirm_url(listing))
    assert response.status_code == 302
    listing.refresh_from_db()
    assert not listing.lapsed and listing.last_confirmed > date(2020, 1, 1)
    assert ListingChange.objects.get(group=listing).source == ListingChange.Source.CONFIRMATION
    assert "confirmed as still right today" in client.get(reverse("listings:my_groups")).content.decode()


def test_refused_for_others_for_anonymous_visitors_and_for_get(client, listing, contact):
    assert client.post(confirm_url(listing)).status_code == 302  # to sign in
    client.force_login(person("stranger@example.org"))
    assert client.post(confirm_url(listing)).status_code == 403
    client.force_login(contact)
    assert client.get(confirm_url(listing)).status_code == 405
    assert not ListingChange.objects.exists()
