"""Organisations and venues shared by imported groups: an import updates what the source says of them and
leaves alone what only we know (a charity number), and never makes a venue less private than it is here."""

import pytest

from twoworlds.directory.models import Organisation, Venue
from twoworlds.interop.importer import import_services, source_named

from .import_support import LOCATION_ID, service

pytestmark = pytest.mark.django_db


def _moved(name="Friends Meeting House (upstairs)"):
    data = service()
    data["service_at_locations"][0]["location"]["name"] = name
    data["organization"] = {**data["organization"], "description": "Peer support, since 1990."}
    return data


def test_local_privacy_and_details_survive_a_changed_source():
    source = source_named("voices")
    import_services(source, [("item 1", service())])
    venue = Venue.objects.get(pk=LOCATION_ID)
    venue.is_members_home = True
    venue.save()  # Venue.save makes a home's address "on request"
    organisation = Organisation.objects.get()
    organisation.charity_number = "1234567"
    organisation.save()

    report = import_services(source, [("item 1", _moved())])
    # Marking the venue changed the group's listing here, so the group's own fields are a conflict for
    # staff; the venue and organisation, shared rows, take what the source says of them.
    assert report.counts_dict()["conflicts"] == 1
    venue.refresh_from_db()
    assert venue.name == "Friends Meeting House (upstairs)"
    assert venue.is_members_home and venue.address_disclosure == Venue.Disclosure.ON_REQUEST
    organisation.refresh_from_db()
    assert organisation.description == "Peer support, since 1990."
    assert organisation.charity_number == "1234567"
