"""The Open Referral UK conventions councils' tools expect, one by one: open feeds without keys, any origin,
the page envelope (total_items, total_pages, page_number, size, per_page 50 by default, first_page,
last_page, empty), postcode and proximity on /services, and the profile's own filters (minimum_age,
maximum_age, start_time, end_time, day as Monday or MO); and our answers checked against the UK profile's
OpenAPI (openapi30.json) and compiled schemas.

What differs from the UK profile, on purpose: the profile's documents point at its schemas by web address;
its /services `day` is free text (we take monday…sunday, Monday, MO or mon); our taxonomy is our own (issues
and facets), not the LGA's; we answer more than it describes (near, distance, time, format, language,
category, full, minimal, ndjson) and problem+json errors it leaves unspecified."""

import pytest

from twoworlds.directory import hsds

from .api import names, page
from .conftest import LISTED
from .standards import oruk, oruk_errors

LISTS = [
    "/api/services",
    "/api/service_at_locations",
    "/api/organizations",
    "/api/taxonomies",
    "/api/taxonomy_terms",
]
PAGE = {"total_items", "total_pages", "page_number", "size", "per_page", "first_page", "last_page", "empty"}


def _names(directory, *keys):
    return sorted(directory["groups"][key].name for key in keys)


def _detail_paths(client, directory):
    sal = page(client, "/api/service_at_locations", per_page=1)["contents"][0]["id"]
    return [
        "/api/",
        "/api/openapi.json",
        f"/api/services/{directory['groups']['cafe'].pk}",
        f"/api/organizations/{directory['organisations']['network'].pk}",
        f"/api/taxonomies/{hsds.taxonomy_id()}",
        f"/api/taxonomy_terms/{directory['categories']['dementia'].pk}",
        f"/api/service_at_locations/{sal}",
    ]


def test_open_without_keys_or_cookies(client, directory):
    for path in LISTS + _detail_paths(client, directory):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "WWW-Authenticate" not in response and not response.cookies, path


def test_any_origin_may_read_every_answer(client, directory):
    for path in LISTS + _detail_paths(client, directory):
        response = client.get(path, HTTP_ORIGIN="https://council.example.gov.uk")
        assert response["Access-Control-Allow-Origin"] == "*", path
        preflight = client.options(
            path, HTTP_ORIGIN="https://council.example.gov.uk", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
        )
        assert preflight.status_code == 204 and preflight["Access-Control-Allow-Origin"] == "*", path


@pytest.mark.parametrize("path", LISTS)
def test_every_list_is_a_page_of_50_by_default(client, directory, path):
    body = page(client, path)
    assert PAGE | {"contents"} <= set(body)
    assert body["per_page"] == 50 and body["page_number"] == 1 and body["first_page"]
    assert body["size"] == len(body["contents"]) == min(50, body["total_items"])
    assert body["total_pages"] == -(-body["total_items"] // 50)
    assert body["last_page"] == (body["total_pages"] <= 1) and body["empty"] is (body["total_items"] == 0)
    last = page(client, path, per_page=1, page=body["total_items"])
    assert last["last_page"] and not last["first_page"] and last["size"] == 1
    assert last["total_pages"] == body["total_items"] and last["per_page"] == 1
    beyond = page(client, path, per_page=1, page=body["total_items"] + 1)
    assert beyond["empty"] and beyond["size"] == 0 and beyond["contents"] == []


def test_postcode_and_proximity_on_services(client, directory):
    near_beeston = page(client, postcode="NG9 1AE", proximity="1500", format="in_person")
    assert names(near_beeston) == _names(directory, "polish", "paused")
    wider = page(client, postcode="ng91ae", proximity="8000", format="in_person")
    assert set(names(near_beeston)) < set(names(wider))
    assert directory["groups"]["cafe"].name in names(wider)
    assert wider["contents"][0]["name"] in names(near_beeston)  # nearest first
    postcode_only = page(client, postcode="NG9 1AE", format="in_person")  # 10 miles, as the search page
    assert set(names(wider)) <= set(names(postcode_only))


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"start_time": "18:00"}, ["polish", "online"]),
        ({"end_time": "11:00"}, ["paused", "lapsed"]),
        ({"start_time": "10:30", "end_time": "12:00"}, ["cafe"]),
        ({"start_time": "10:00:00", "end_time": "11:00:00"}, ["paused", "lapsed"]),
        ({"minimum_age": "18"}, ["polish"]),
        ({"maximum_age": "99"}, ["polish"]),
        ({"maximum_age": "50"}, []),
        ({"day": "Tuesday"}, ["cafe"]),
        ({"day": "TU"}, ["cafe"]),
        ({"day": "tue"}, ["cafe"]),
    ],
)
def test_the_profiles_own_filters(client, directory, params, expected):
    assert names(page(client, **params)) == _names(directory, *expected)
    assert sorted(
        {item["service"]["name"] for item in page(client, "/api/service_at_locations", **params)["contents"]}
    ) == _names(directory, *expected)


@pytest.mark.parametrize(
    "params",
    [
        {"start_time": "25:00"},
        {"end_time": "6pm"},
        {"minimum_age": "-1"},
        {"maximum_age": "old"},
        {"day": "Funday"},
    ],
)
def test_bad_profile_filters_are_400s(client, directory, params):
    response = client.get("/api/services", params)
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert {e["parameter"] for e in response.json()["errors"]} == set(params)


def _parameters(document, operation, item):
    found = set()
    for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
        if "$ref" in parameter:
            parameter = document["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[-1]]
        found.add(parameter["name"])
    return found


def test_every_path_and_parameter_of_the_uk_profile_is_answered(client, directory):
    profile = oruk("openapi30.json")
    ours = client.get("/api/openapi.json").json()
    for path, item in profile["paths"].items():
        assert path in ours["paths"], path
        wanted = _parameters(profile, item["get"], item)
        have = _parameters(ours, ours["paths"][path]["get"], ours["paths"][path])
        assert wanted <= have, (path, wanted - have)
    assert set(profile["components"]["schemas"]["Page"]["properties"]) <= PAGE


def test_answers_validate_against_the_uk_profiles_compiled_schemas(client, directory):
    for item in page(client, per_page=500)["contents"]:
        assert not oruk_errors(item, "schema/compiled/service_list.json"), item["name"]
    for key in LISTED:
        body = client.get(f"/api/services/{directory['groups'][key].pk}").json()
        assert not oruk_errors(body, "schema/compiled/service.json"), (
            key,
            oruk_errors(body, "schema/compiled/service.json"),
        )
    for item in page(client, "/api/organizations")["contents"]:
        assert not oruk_errors(item, "schema/compiled/organization_list.json")
    for organisation in directory["organisations"].values():
        body = client.get(f"/api/organizations/{organisation.pk}", {"full_service": "true"}).json()
        assert not oruk_errors(body, "schema/compiled/organization.json"), organisation.name
    for item in page(client, "/api/service_at_locations", per_page=500)["contents"]:
        assert not oruk_errors(item, "schema/compiled/service_at_location_list.json")


def test_the_uk_schema_check_has_teeth(client, directory):
    body = client.get(f"/api/services/{directory['groups']['cafe'].pk}").json()
    body["status"] = "open"
    del body["name"]
    assert len(oruk_errors(body, "schema/compiled/service.json")) >= 2
