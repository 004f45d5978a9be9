"""The directory's HSDS 3.0 serialisation (directory/hsds.py) against the official compiled schemas."""

import json

import pytest

from twoworlds.directory import hsds, queries
from twoworlds.directory.models import Group

from .standards import assert_valid, errors


def _load(group):
    return queries.get_group_by_id(group.pk)


def _text(data):
    return json.dumps(data, ensure_ascii=False)


def test_every_group_validates_as_a_full_service_and_as_a_list_item(directory):
    for key, group in directory["groups"].items():
        loaded = _load(group)
        full = hsds.service_to_hsds(loaded, full=True)
        assert_valid(full, "compiled/service.json")
        assert_valid(hsds.service_to_hsds(loaded, full=False), "compiled/service_list.json")
        assert_valid(full, "compiled/service_list.json")  # a full service is also a valid list item
        assert full["id"] == str(group.pk), key


def test_every_nested_object_validates_on_its_own(directory):
    for group in directory["groups"].values():
        loaded = _load(group)
        for place in hsds.meeting_places((m.venue_id, m.attendance) for m in loaded.meetings.all()):
            sal = hsds.service_at_location_to_hsds(loaded, place, full=True, with_service=True)
            assert_valid(sal, "compiled/service_at_location.json")
            assert_valid(sal, "compiled/service_at_location_list.json")
    for org in directory["organisations"].values():
        assert_valid(hsds.organization_to_hsds(org), "compiled/organization_list.json")
        groups = list(queries.groups_with_details().filter(organisation=org))
        assert_valid(
            hsds.organization_to_hsds(org, full=True, services=groups, full_services=True),
            "compiled/organization.json",
        )
    for category in directory["categories"].values():
        assert_valid(hsds.taxonomy_term_to_hsds(category), "taxonomy_term.json")
    for term in hsds.facet_terms_to_hsds():
        assert_valid(term, "taxonomy_term.json")
    for taxonomy in hsds.taxonomies_to_hsds():
        assert_valid(taxonomy, "taxonomy.json")


def test_the_validator_really_checks(directory):
    """A broken service is caught (so the passes above mean something)."""
    data = hsds.service_to_hsds(_load(directory["groups"]["cafe"]))
    data["status"] = "open"
    data["email"] = "not an email"
    data["schedules"][0]["freq"] = "DAILY"
    data["last_modified"] = "yesterday"
    del data["organization"]["description"]
    found = "\n".join(errors(data, "compiled/service.json"))
    for fragment in ("status", "email", "freq", "last_modified", "description"):
        assert fragment in found


def test_one_to_one_fields(directory):
    cafe = hsds.service_to_hsds(_load(directory["groups"]["cafe"]))
    assert cafe["name"] == "Memory Lane Carers Café"
    assert cafe["url"] == "https://memorylane.example.org"
    assert cafe["email"] == "cafe@example.org"
    assert cafe["status"] == "active"
    assert cafe["fees_description"] == "Free, donations welcome. Tea is 50p."
    assert cafe["eligibility_description"] == (
        "For people affected, family and friends and carers. Bring the person you care for."
    )
    assert cafe["application_process"] == "Someone will meet you at the door."
    assert cafe["assured_date"] == directory["groups"]["cafe"].last_confirmed.isoformat()
    assert cafe["last_modified"].endswith("+00:00")
    assert cafe["organization"]["name"] == "Nottingham Carers Network"
    assert [c["option"] for c in cafe["cost_options"]] == ["Free, donations welcome"]
    assert cafe["cost_options"][0]["amount"] == 0

    polish = hsds.service_to_hsds(_load(directory["groups"]["polish"]))
    assert polish["alternate_name"] == "Krąg Opiekunów"
    assert (polish["minimum_age"], polish["maximum_age"]) == (18, 99)
    assert "Women only." in polish["eligibility_description"]
    assert polish["languages"][0]["name"] == "Polish" and polish["languages"][0]["code"] == "pl"

    anxiety = hsds.service_to_hsds(_load(directory["groups"]["anxiety"]))
    assert anxiety["cost_options"][0]["option"] == "Small charge"
    assert "amount" not in anxiety["cost_options"][0]


def test_status_and_alert(directory):
    paused = hsds.service_to_hsds(_load(directory["groups"]["paused"]))
    assert paused["status"] == "temporarily closed"
    assert "expected to restart on" in paused["alert"]
    assert "Back when the weather improves." in paused["alert"]
    lapsed = hsds.service_to_hsds(_load(directory["groups"]["lapsed"]))
    assert lapsed["status"] == "temporarily closed" and "was due to restart" in lapsed["alert"]
    closed = hsds.service_to_hsds(_load(directory["groups"]["closed"]))
    assert closed["status"] == "inactive"
    assert "alert" not in hsds.service_to_hsds(_load(directory["groups"]["cafe"]))


def test_organisation_without_description_falls_back_to_its_name(directory):
    org = hsds.organization_to_hsds(directory["organisations"]["national"])
    assert org["description"] == "Dementia Society UK"
    full = hsds.organization_to_hsds(directory["organisations"]["hospital"], full=True)
    assert full["organization_identifiers"][0]["identifier_scheme"] == "GB-SC"
    network = hsds.organization_to_hsds(directory["organisations"]["network"], full=True)
    assert network["organization_identifiers"][0]["identifier_scheme"] == "GB-CHC"


def test_schedules_follow_the_meetings(directory):
    def schedule(key):
        return hsds.service_to_hsds(_load(directory["groups"][key]))["schedules"]

    (cafe,) = schedule("cafe")
    assert (cafe["freq"], cafe["interval"], cafe["byday"]) == ("WEEKLY", 1, "TU")
    assert (cafe["opens_at"], cafe["closes_at"]) == ("10:30", "12:00")
    assert cafe["attending_type"] == "in_person"
    assert cafe["location_id"] == str(directory["venues"]["city"].pk)
    assert cafe["description"].startswith("Every Tuesday")
    assert cafe["notes"] == "Not in August."

    (polish,) = schedule("polish")
    assert (polish["freq"], polish["interval"], polish["byday"], polish["dtstart"]) == (
        "WEEKLY",
        2,
        "TH",
        "2026-01-08",
    )
    (kitchen,) = schedule("kitchen")
    assert (kitchen["freq"], kitchen["byday"], kitchen["opens_at"]) == ("MONTHLY", "2FR", "11:00")
    assert "closes_at" not in kitchen
    (anxiety,) = schedule("anxiety")
    assert (anxiety["byday"], anxiety["attending_type"]) == ("-1MO", "hybrid")
    (online,) = schedule("online")
    assert online["attending_type"] == "online" and "location_id" not in online
    assert "Zoom link sent on request" in online["notes"]
    (phone,) = schedule("phone")
    assert phone["attending_type"] == "phone"
    assert "freq" not in phone and phone["description"] == "By arrangement"


def test_service_at_locations_one_per_venue_and_virtual_for_remote_groups(directory):
    def sals(key):
        return hsds.service_to_hsds(_load(directory["groups"][key]))["service_at_locations"]

    (cafe,) = sals("cafe")
    location = cafe["location"]
    assert location["location_type"] == "physical" and location["name"] == "Friends Meeting House"
    (address,) = location["addresses"]
    assert address == {
        "id": address["id"],
        "location_id": str(directory["venues"]["city"].pk),
        "address_1": "30 Clarendon Street",
        "city": "Nottingham",
        "state_province": "Nottinghamshire",
        "postal_code": "NG1 5FS",
        "country": "GB",
        "address_type": "physical",
    }
    described = [a["description"] for a in location["accessibility"]]
    assert described == ["Step-free access", "Hearing loop", "Accessible toilet", "Access notes"]
    assert location["accessibility"][-1]["details"] == "Ramp at the side door."
    beeston = sals("polish")[0]["location"]
    assert beeston["transportation"] == "Near public transport."
    assert beeston["addresses"][0]["state_province"] == ""

    (online,) = sals("online")
    assert online["location"]["location_type"] == "virtual" and online["location"]["name"] == "Online"
    (phone,) = sals("phone")
    assert phone["location"]["location_type"] == "virtual" and phone["location"]["name"] == "By telephone"
    assert sals("national") == []


def test_a_members_home_is_never_exported_with_its_address(directory):
    home = directory["venues"]["home"]
    data = hsds.service_to_hsds(_load(directory["groups"]["kitchen"]))
    (sal,) = data["service_at_locations"]
    location = sal["location"]
    assert location["name"] == "Private venue (address on request)"
    (address,) = location["addresses"]
    assert address["postal_code"] == "NG5"
    assert address["city"] == "Arnold"
    assert address["address_1"] == "Address given on request"
    assert "address_2" not in address
    assert (location["latitude"], location["longitude"]) == (53.01, -1.13)
    assert "description" not in location  # directions could identify the house
    exported = _text(data)
    for secret in (
        "Acacia",
        "12 Acacia Avenue",
        "Daybrook",
        "NG5 6AA",
        "Jo's house",
        "blue door",
        "number 12",
        str(home.latitude),
        str(home.longitude),
    ):
        assert secret not in exported
    assert_valid(data, "compiled/service.json")


def test_only_public_contact_routes_are_exported(directory):
    data = hsds.service_to_hsds(_load(directory["groups"]["cafe"]))
    assert [(p["number"], p["type"]) for p in data["phones"]] == [
        ("0115 496 0000", "voice"),
        ("07700 900111", "text"),
    ]
    assert data["phones"][0]["description"] == "Ask for Jo; weekday evenings"
    assert [(c.get("name"), c["email"]) for c in data["contacts"]] == [("Sam", "cafe@example.org")]
    exported = _text(data)
    assert "07700 900999" not in exported and "Private" not in exported
    assert "secret@example.org" not in exported


def test_hidden_routes_stay_out_even_when_the_group_is_not_prefetched(directory):
    """Public-only filtering does not depend on how the group was loaded."""
    plain = Group.objects.get(pk=directory["groups"]["cafe"].pk)
    exported = _text(hsds.service_to_hsds(plain))
    assert "secret@example.org" not in exported and "07700 900999" not in exported


def test_attributes_carry_issues_and_facets(directory):
    data = hsds.service_to_hsds(_load(directory["groups"]["kitchen"]))
    terms = {(a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]) for a in data["attributes"]}
    assert terms == {
        ("twoworlds-issues", "api-dementia"),
        ("twoworlds-issues", "api-bereavement"),
        ("twoworlds-facets", "self_help"),
        ("twoworlds-facets", "in_person"),
        ("twoworlds-facets", "home_visits"),
    }
    dementia = directory["categories"]["dementia"]
    issue = next(a for a in data["attributes"] if a["taxonomy_term_id"] == str(dementia.pk))
    assert issue["taxonomy_term"]["parent_id"] == str(directory["categories"]["carers"].pk)
    assert issue["link_id"] == data["id"] and issue["link_entity"] == "service"
    national = hsds.service_to_hsds(_load(directory["groups"]["national"]))
    assert {a["taxonomy_term"]["code"] for a in national["attributes"]} >= {"national", "telephone"}
    anxiety = hsds.service_to_hsds(_load(directory["groups"]["anxiety"]))
    assert {a["taxonomy_term"]["code"] for a in anxiety["attributes"]} >= {
        "professionally_led",
        "in_person",
        "online",
    }


def test_derived_ids_are_stable_and_unique(directory):
    def ids(value):
        if isinstance(value, dict):
            found = [value["id"]] if "id" in value else []
            return found + [i for v in value.values() for i in ids(v)]
        if isinstance(value, list):
            return [i for v in value for i in ids(v)]
        return []

    for group in directory["groups"].values():
        first = hsds.service_to_hsds(_load(group))
        second = hsds.service_to_hsds(_load(group))
        assert first == second
        found = ids({k: v for k, v in first.items() if k not in ("organization",)})
        # the organisation and taxonomy terms may repeat; every other object has its own id
        objects = [i for i in found if i != first["organization_id"]]
        attribute_terms = {a["taxonomy_term"]["id"] for a in first.get("attributes", [])}
        objects = [i for i in objects if i not in attribute_terms]
        assert len(objects) == len(set(objects)), group.name


def test_taxonomy_terms(directory):
    anxiety = hsds.taxonomy_term_to_hsds(directory["categories"]["anxiety"])
    assert anxiety["code"] == "api-anxiety" and anxiety["description"] == "Worry that will not stop."
    assert anxiety["parent_id"] == str(directory["categories"]["mental-health"].pk)
    mental = hsds.taxonomy_term_to_hsds(directory["categories"]["mental-health"])
    assert "parent_id" not in mental and mental["description"] == "Mental health"
    assert hsds.taxonomy_to_hsds()["name"] == "twoworlds-issues"
    assert hsds.facet_code_for_term_id(hsds.facet_term_id("online")) == "online"


@pytest.mark.parametrize("kind", ["online", "telephone"])
def test_virtual_locations_validate(directory, kind):
    group = _load(directory["groups"]["online"])
    sal = hsds.service_at_location_to_hsds(group, ("virtual", kind), full=True, with_service=True)
    assert_valid(sal, "compiled/service_at_location.json")


def test_unvalidated_imported_data_still_exports_valid_hsds(directory):
    """Importers may save without validation; malformed addresses are left out rather than exported."""
    from twoworlds.directory import services
    from twoworlds.directory.models import ContactRoute, Organisation

    org = services.save_organisation(
        Organisation(name="Imported Org", email="nope", website="www.no-scheme"), validate=False
    )
    group = services.save_group(
        Group(organisation=org, name="Imported group", description="", website="not a url"), validate=False
    )
    services.save_contact_route(ContactRoute(group=group, kind="email", value="broken@"), validate=False)
    services.save_contact_route(
        ContactRoute(group=group, kind="website", value="javascript:alert(1)"), validate=False
    )
    data = hsds.service_to_hsds(_load(group))
    assert_valid(data, "compiled/service.json")
    for key in ("url", "email", "description"):
        assert key not in data
    assert data["contacts"] == []
    assert "email" not in data["organization"] and "website" not in data["organization"]
