"""Privacy holds in every export: only contact routes shown to everyone; a member's home (or an address
the group gives on request) only as its postcode district and town, coordinates rounded, notes left out."""

import json

import pytest

from twoworlds.directory import services
from twoworlds.directory.models import Venue
from twoworlds.interop import exporting

HOME_DETAILS = [
    "12 Acacia Avenue",
    "Acacia",
    "Jo's house",
    "Daybrook",
    "NG5 6AA",
    "Ring the bell",
    "blue door",
]
PRIVATE_ROUTES = ["07700 900999", "Ask for Private", "secret@example.org"]
PUBLIC_ROUTES = ["0115 496 0000", "cafe@example.org", "07700 900111", "kitchen@example.org"]


def everything_written(tmp_path):
    exporting.export_json(tmp_path / "services.json")
    exporting.export_tables(tmp_path / "hsds")
    exporting.export_tables(tmp_path / "hsds.zip")
    texts = {"services.json": (tmp_path / "services.json").read_text(encoding="utf-8")}
    texts |= {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "hsds").iterdir()}
    return texts


@pytest.fixture
def written(directory, tmp_path):
    return everything_written(tmp_path)


def test_a_members_home_is_never_exported_with_its_street_address(written):
    for name, text in written.items():
        for detail in HOME_DETAILS:
            assert detail not in text, (name, detail)
        assert "53.00512" not in text and "-1.12734" not in text, name


def test_a_members_home_is_exported_as_its_district_and_town(directory, written):
    home = directory["venues"]["home"]
    services = json.loads(written["services.json"])
    kitchen = next(s for s in services if s["name"] == "Arnold Kitchen Table")
    location = kitchen["service_at_locations"][0]["location"]
    assert location["id"] == str(home.pk)
    assert location["addresses"][0]["postal_code"] == "NG5" and location["addresses"][0]["city"] == "Arnold"
    assert (location["latitude"], location["longitude"]) == (53.01, -1.13)
    assert f"{home.pk},physical,,,Private venue" in written["locations.csv"]
    assert ",NG5,GB,physical" in written["addresses.csv"]


def test_only_public_contact_routes_are_exported(written):
    for name, text in written.items():
        for route in PRIVATE_ROUTES:
            assert route not in text, (name, route)
    both = written["services.json"] + written["phones.csv"] + written["contacts.csv"]
    for route in PUBLIC_ROUTES:
        assert route in both, route


def test_an_address_given_on_request_is_kept_back_too(directory, tmp_path):
    beeston = directory["venues"]["beeston"]
    beeston.address_disclosure = Venue.Disclosure.ON_REQUEST
    services.save_venue(beeston)
    for name, text in everything_written(tmp_path).items():
        assert "Foster Avenue" not in text and "Beeston Library" not in text, name
        assert "NG9 1AE" not in text and "52.9253" not in text, name
