"""Errors are RFC 9457 problem+json with 4xx statuses: bad parameters 400, unknown ids and paths 404,
other methods 405; never a 500; every answer open to any origin."""

import pytest

PROBLEM = "application/problem+json"
LIST_ENDPOINTS = [
    "/api/services",
    "/api/service_at_locations",
    "/api/organizations",
    "/api/taxonomies",
    "/api/taxonomy_terms",
]
DETAIL_ENDPOINTS = ["services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"]


def problem(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEM
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"]
    assert body["type"].startswith("http://testserver/api/problems/")
    return body


def bad_parameters(response):
    body = problem(response, 400)
    return {error["parameter"]: error["detail"] for error in body["errors"]}


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1.5", "", "99999999999999999999999", "1000001"])
@pytest.mark.parametrize("path", LIST_ENDPOINTS)
def test_bad_page(client, db, path, value):
    if value == "":
        assert client.get(path, {"page": value}).status_code == 200
        return
    assert "page" in bad_parameters(client.get(path, {"page": value}))


@pytest.mark.parametrize("value", ["0", "501", "-3", "ten", "2e2"])
@pytest.mark.parametrize("path", LIST_ENDPOINTS)
def test_bad_per_page(client, db, path, value):
    assert "per_page" in bad_parameters(client.get(path, {"per_page": value}))


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"day": "funday"}, "day"),
        ({"time": "midnight"}, "time"),
        ({"distance": "7"}, "distance"),
        ({"distance": "far"}, "distance"),
        ({"proximity": "-5"}, "proximity"),
        ({"proximity": "nan"}, "proximity"),
        ({"proximity": "inf"}, "proximity"),
        ({"proximity": "lots"}, "proximity"),
        ({"format": "xml"}, "format"),
        ({"language": "klingon"}, "language"),
        ({"category": "no-such-issue"}, "category"),
        ({"taxonomy_term_id": "dementia"}, "taxonomy_term_id"),
        ({"taxonomy_id": "42"}, "taxonomy_id"),
        ({"organization_id": "not-a-uuid"}, "organization_id"),
        ({"modified_after": "yesterday"}, "modified_after"),
        ({"modified_after": "2025-13-01"}, "modified_after"),
        ({"modified_after": "0001-01-01T00:00:00+05:00"}, "modified_after"),
        ({"full": "maybe"}, "full"),
        ({"minimal": "2"}, "minimal"),
        ({"search": "x" * 201}, "search"),
        ({"search": "carers\x00"}, "search"),
        ({"near": "Nowhere-upon-Nothing"}, "near"),
        ({"postcode": "ZZ99 9ZZ"}, "postcode"),
        ({"near": "NG1 5FS", "postcode": "NG9 1AE"}, "postcode"),
        ({"distance": "5", "proximity": "1000"}, "proximity"),
        ({"start_time": "10:00+01"}, "start_time"),
        ({"end_time": "24:00"}, "end_time"),
        ({"minimum_age": "151"}, "minimum_age"),
        ({"maximum_age": "1.5"}, "maximum_age"),
    ],
)
def test_bad_search_parameters(client, db, params, parameter):
    errors = bad_parameters(client.get("/api/services", params))
    assert parameter in errors and errors[parameter]


def test_every_bad_parameter_is_listed_at_once(client, db):
    errors = bad_parameters(client.get("/api/services", {"page": "0", "per_page": "x", "day": "funday"}))
    assert set(errors) == {"page", "per_page", "day"}


@pytest.mark.parametrize(
    "path, params, parameter",
    [
        ("/api/taxonomy_terms", {"taxonomy_id": "issues"}, "taxonomy_id"),
        ("/api/taxonomy_terms", {"parent_id": "carers"}, "parent_id"),
        ("/api/taxonomy_terms", {"top_only": "perhaps"}, "top_only"),
        ("/api/taxonomies", {"format": "csv"}, "format"),
        ("/api/organizations", {"full_service": "yes please"}, "full_service"),
        ("/api/organizations", {"search": "a\x00b"}, "search"),
        ("/api/service_at_locations", {"proximity": "0"}, "proximity"),
    ],
)
def test_bad_parameters_elsewhere(client, db, path, params, parameter):
    assert parameter in bad_parameters(client.get(path, params))


@pytest.mark.parametrize("endpoint", DETAIL_ENDPOINTS)
@pytest.mark.parametrize(
    "value",
    [
        "not-a-uuid",
        "3f0c9a58-7c1e-4b6a-9d2e-5a8b7c6d4e21",
        "00000000-0000-0000-0000-000000000000",
        "%00",
        "1",
    ],
)
def test_unknown_or_malformed_ids_are_404(client, db, endpoint, value):
    problem(client.get(f"/api/{endpoint}/{value}"), 404)


@pytest.mark.parametrize(
    "path", ["/api/nothing", "/api/services/", "/api/services/a/b", "/api/v2/services", "/api/problems/nope"]
)
def test_unknown_paths_are_problem_404s(client, db, path):
    problem(client.get(path), 404)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/", "/api/services", "/api/taxonomies", "/api/openapi.json"])
def test_other_methods_are_405(client, db, method, path):
    response = getattr(client, method)(path, data="{}", content_type="application/json")
    problem(response, 405)
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_head_and_cors_preflight(client, db):
    assert client.head("/api/services").status_code == 200
    preflight = client.options(
        "/api/services", HTTP_ORIGIN="https://elsewhere.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_problem_types_are_documented(client, db):
    body = problem(client.get("/api/services", {"page": "0"}), 400)
    assert body["instance"] == "/api/services?page=0"
    described = client.get(body["type"].removeprefix("http://testserver"))
    assert described.status_code == 200
    assert described.json()["title"] == body["title"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/",
        "/api/openapi.json",
        *LIST_ENDPOINTS,
        "/api/services?day=funday",
        "/api/services/nope",
        "/api/nope",
    ],
)
def test_every_answer_is_open_to_any_origin(client, db, path):
    response = client.get(path)
    assert response["Access-Control-Allow-Origin"] == "*"


NASTY = [
    "",
    "\x00",
    "\x7f",
    "'; DROP TABLE directory_group; --",
    "😀" * 60,
    "a" * 5000,
    "1e309",
    "-0",
    "１２",
    "true\x00",
    "NaN",
    "{}",
    "\u202e",
    "9" * 400,
]
PARAMETERS = [
    "search",
    "page",
    "per_page",
    "near",
    "postcode",
    "distance",
    "proximity",
    "day",
    "time",
    "format",
    "language",
    "category",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
    "full",
    "minimal",
    "full_service",
    "top_only",
    "parent_id",
    "minimum_age",
    "maximum_age",
    "start_time",
    "end_time",
]


@pytest.mark.parametrize("path", [p for p in LIST_ENDPOINTS if p != "/api/service_at_locations"])
def test_never_a_server_error(client, directory, path):
    """/api/service_at_locations reads its parameters exactly as /api/services does (and schemathesis
    covers it in test_api_conformance)."""
    for name in PARAMETERS:
        for value in NASTY:
            response = client.get(path, {name: value})
            assert response.status_code in (200, 400), (path, name, value, response.content[:300])
            assert response["Access-Control-Allow-Origin"] == "*"
    for value in NASTY:
        if "\x00" in value or "/" in value or "%" in value:
            continue
        for endpoint in DETAIL_ENDPOINTS:
            response = client.get(f"/api/{endpoint}/{value}")
            assert response.status_code in (200, 404), (endpoint, value)
