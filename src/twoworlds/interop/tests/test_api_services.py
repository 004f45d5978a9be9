"""GET /api/services and /api/services/{id}: paging, every filter, full/minimal/ndjson forms."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.directory import hsds, services
from twoworlds.directory.models import Group

from .api import names, ndjson, page
from .conftest import LISTED
from .standards import assert_valid

PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


def _names(directory, *keys):
    return sorted(directory["groups"][key].name for key in keys)


def test_page_shape_and_items_validate(client, directory):
    body = page(client)
    assert PAGE_KEYS <= set(body)
    assert body["total_items"] == len(LISTED) and body["size"] == len(LISTED)
    assert (body["page_number"], body["total_pages"], body["per_page"]) == (1, 1, 50)
    assert body["first_page"] and body["last_page"] and not body["empty"]
    assert names(body) == _names(directory, *LISTED)
    for item in body["contents"]:
        assert_valid(item, "compiled/service_list.json")
        assert "phones" not in item and "schedules" not in item  # list items keep one-to-one fields


def test_paging(client, directory):
    first = page(client, per_page=3)
    assert (first["size"], first["total_items"], first["total_pages"]) == (3, len(LISTED), 3)
    assert first["first_page"] and not first["last_page"]
    second = page(client, per_page=3, page=2)
    third = page(client, per_page=3, page=3)
    assert not second["first_page"] and not second["last_page"] and third["last_page"]
    seen = [item["id"] for body in (first, second, third) for item in body["contents"]]
    assert len(seen) == len(set(seen)) == len(LISTED)
    beyond = page(client, per_page=3, page=9)
    assert beyond["contents"] == [] and beyond["empty"] and beyond["size"] == 0
    assert beyond["total_items"] == len(LISTED)


def test_national_organisations_are_in_the_plain_feed_but_not_in_place_or_time_searches(client, directory):
    national = directory["groups"]["national"].name
    assert national in names(page(client))
    assert national in names(page(client, modified_after="2000-01-01T00:00:00Z"))
    assert page(client)["contents"][-1]["name"] == national  # after the groups that meet
    for params in ({"day": "monday"}, {"near": "NG1 5FS"}, {"format": "online"}, {"language": "pl"}):
        assert national not in names(page(client, **params)), params


def test_search_text_finds_local_groups_and_the_national_organisation(client, directory):
    body = page(client, search="dementia")
    assert names(body) == _names(directory, "cafe", "polish", "kitchen", "national")
    assert body["contents"][-1]["name"] == "Dementia Society UK Helpline"  # national after local ones


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"day": "tuesday"}, ["cafe"]),
        ({"day": "thursday", "time": "evening"}, ["polish"]),
        ({"time": "evening"}, ["polish", "online"]),
        ({"format": "online"}, ["online", "anxiety"]),
        ({"format": "telephone"}, ["phone"]),
        ({"format": "home_visits"}, ["kitchen"]),
        ({"format": "in_person"}, ["cafe", "polish", "kitchen", "anxiety", "paused", "lapsed"]),
        ({"language": "pl"}, ["polish"]),
        ({"language": "bfi"}, ["online"]),
        ({"category": "api-bereavement"}, ["kitchen", "online", "phone"]),
        ({"category": "api-carers"}, ["cafe", "polish", "kitchen", "paused", "lapsed", "national"]),
        ({"near": "NG9 1AE", "distance": "1"}, ["polish", "paused", "online", "phone"]),
        ({"postcode": "NG9 1AE", "distance": "1"}, ["polish", "paused", "online", "phone"]),
        ({"postcode": "NG9 1AE", "proximity": "1500"}, ["polish", "paused", "online", "phone"]),
        ({"near": "Beeston", "format": "in_person", "distance": "1"}, ["polish", "paused"]),
        (
            {"near": "NG1 5FS", "proximity": "100000", "format": "in_person"},
            ["cafe", "polish", "kitchen", "anxiety", "paused", "lapsed"],
        ),
    ],
)
def test_each_filter_narrows_the_list(client, directory, params, expected):
    body = page(client, **params)
    assert names(body) == _names(directory, *expected)
    assert body["total_items"] < len(LISTED) + 1


def test_taxonomy_term_id_for_an_issue_or_a_facet(client, directory):
    dementia = directory["categories"]["dementia"]
    assert names(page(client, taxonomy_term_id=str(dementia.pk))) == _names(
        directory, "cafe", "polish", "kitchen", "national"
    )
    online = hsds.facet_term_id("online")
    assert names(page(client, taxonomy_term_id=online)) == _names(directory, "online", "anxiety")
    led = hsds.facet_term_id("professionally_led")
    assert names(page(client, taxonomy_term_id=led)) == _names(directory, "anxiety")
    assert page(client, taxonomy_term_id=str(uuid.uuid4()))["total_items"] == 0


def test_filters_are_cumulative(client, directory):
    bereavement = directory["categories"]["bereavement"]
    both = page(client, category="api-dementia", taxonomy_term_id=str(bereavement.pk))
    assert names(both) == _names(directory, "kitchen")
    hybrid = page(client, format="online", taxonomy_term_id=hsds.facet_term_id("in_person"))
    assert names(hybrid) == _names(directory, "anxiety")
    network = directory["organisations"]["network"]
    assert names(page(client, organization_id=str(network.pk), format="online")) == _names(
        directory, "online"
    )


def test_organization_id(client, directory):
    hospital = directory["organisations"]["hospital"]
    assert names(page(client, organization_id=str(hospital.pk))) == _names(directory, "anxiety")
    assert page(client, organization_id=str(uuid.uuid4()))["total_items"] == 0


def test_taxonomy_id(client, directory):
    issues = hsds.taxonomy_id(hsds.ISSUES_TAXONOMY)
    facets = hsds.taxonomy_id(hsds.FACETS_TAXONOMY)
    assert page(client, taxonomy_id=issues)["total_items"] == len(LISTED)
    assert page(client, taxonomy_id=facets)["total_items"] == len(LISTED)
    assert page(client, taxonomy_id=str(uuid.uuid4()))["total_items"] == 0


def test_modified_after_follows_the_group_its_organisation_and_its_venues(client, directory):
    assert page(client, modified_after="2000-01-01")["total_items"] == len(LISTED)
    later = timezone.now()
    stamp = later.isoformat()
    assert page(client, modified_after=stamp)["total_items"] == 0
    beeston = directory["venues"]["beeston"]
    beeston.parking = False
    services.save_venue(beeston)
    Group.objects.filter(pk=directory["groups"]["anxiety"].pk).update(updated_at=later + timedelta(minutes=1))
    assert names(page(client, modified_after=stamp)) == _names(directory, "polish", "paused", "anxiety")


def test_full_and_minimal(client, directory):
    full = page(client, full="true", per_page=3)
    for item in full["contents"]:
        assert_valid(item, "compiled/service.json")
        assert "schedules" in item and "service_at_locations" in item
    minimal = page(client, minimal="true")
    assert minimal["per_page"] == 500
    for item in minimal["contents"]:
        assert set(item) == {"id", "name", "status", "last_modified"}
        assert_valid(item, "compiled/service_list.json")


def test_ndjson_streams_every_item(client, directory):
    response = client.get("/api/services", {"format": "ndjson", "per_page": 2})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson"
    items = ndjson(response)
    assert sorted(i["name"] for i in items) == _names(directory, *LISTED)
    for item in items:
        assert_valid(item, "compiled/service_list.json")


def test_crisis_contacts_ride_along_with_a_distressed_search(client, directory):
    body = page(client, search="I don't want to be alive")
    assert body["crisis_contacts"] and {"name", "how"} <= set(body["crisis_contacts"][0])
    assert "crisis_contacts" not in page(client, search="dementia")


def test_service_by_id(client, directory):
    cafe = directory["groups"]["cafe"]
    response = client.get(f"/api/services/{cafe.pk}")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    body = response.json()
    assert_valid(body, "compiled/service.json")
    assert body["id"] == str(cafe.pk) and body["phones"] and body["schedules"]
    # not listed-only: a paused group whose restart date has passed, a national one
    for key in ("lapsed", "national", "paused"):
        assert client.get(f"/api/services/{directory['groups'][key].pk}").status_code == 200


def test_a_closed_group_is_not_served(client, directory):
    closed = directory["groups"]["closed"]
    assert client.get(f"/api/services/{closed.pk}").status_code == 404
    assert closed.name not in names(page(client, search="dementia", per_page=500))
