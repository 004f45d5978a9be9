"""The group decides how much of a venue's address is published; a member's home is never exact."""

import pytest

from twoworlds.core import testing as t
from twoworlds.directory.hsds import location_to_hsds
from twoworlds.directory.models import Venue
from twoworlds.directory.presenters import venue_lines
from twoworlds.search.documents import public_point
from twoworlds.search.models import Place


@pytest.fixture
def district_centre(db):
    return Place.objects.create(kind="district", key="NG3", name="NG3", latitude=52.97, longitude=-1.12)


def venue(**fields):
    return t.venue("The Back Room", postcode="NG3 1AA", lat=52.961, lon=-1.131, **fields)


def test_a_public_address_is_shown_in_full(db):
    shown = venue()
    assert "NG3 1AA" in venue_lines(shown) and public_point(shown) == (52.961, -1.131)
    assert location_to_hsds(shown)["addresses"][0]["postal_code"] == "NG3 1AA"


def test_an_address_given_on_request_shows_only_the_area(db, district_centre):
    kept = venue(address_disclosure=Venue.Disclosure.ON_REQUEST)
    text = " ".join(venue_lines(kept))
    assert "In Nottingham NG3" in text and "NG3 1AA" not in text and "The Back Room" not in text
    assert public_point(kept) == (52.97, -1.12)
    exported = location_to_hsds(kept)
    assert exported["addresses"][0]["postal_code"] == "NG3" and exported["latitude"] == 52.96


def test_a_venue_not_shown_has_no_place_at_all(db):
    hidden = venue(address_disclosure=Venue.Disclosure.HIDDEN)
    assert venue_lines(hidden) == ["The venue is given when you get in touch."]
    assert public_point(hidden) is None
    exported = location_to_hsds(hidden)
    assert "latitude" not in exported and exported["addresses"][0]["postal_code"] == ""


def test_a_members_home_can_never_be_made_public(db):
    home = venue(is_members_home=True, address_disclosure=Venue.Disclosure.PUBLIC)
    home.refresh_from_db()
    assert home.address_disclosure == Venue.Disclosure.ON_REQUEST
    assert not home.shows_address


def test_groups_placed_at_a_district_include_homes_and_addresses_on_request(db):
    from twoworlds.directory.queries import groups_placed_at_district

    home = t.group("Home Group", [], meetings=[t.weekly(0, venue=venue(is_members_home=True))])
    kept = t.group("Kept Group", [], meetings=[t.weekly(1, venue=venue(address_disclosure="on_request"))])
    t.group("Public Group", [], meetings=[t.weekly(2, venue=venue())])
    assert set(groups_placed_at_district("NG3")) == {home.pk, kept.pk}
