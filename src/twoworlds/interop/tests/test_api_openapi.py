"""GET /api/ and /api/openapi.json: our OpenAPI 3.1 document, and our answers match what it says."""

import schemathesis
from django.urls import reverse
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from twoworlds.directory import hsds
from twoworlds.search.services import DAYS, DISTANCES, FORMATS, TIMES

from .standards import FORMATS as FORMAT_CHECKER
from .standards import load

PATHS = {
    "/",
    "/openapi.json",
    "/services",
    "/services/{id}",
    "/service_at_locations",
    "/service_at_locations/{id}",
    "/organizations",
    "/organizations/{id}",
    "/taxonomies",
    "/taxonomies/{id}",
    "/taxonomy_terms",
    "/taxonomy_terms/{id}",
}


def document(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


def test_metadata(client, db):
    body = client.get("/api/").json()
    assert body["version"] == "3.0"
    assert body["profile"].startswith("https://")
    assert (
        body["openapi_url"]
        == "http://testserver/api/openapi.json"
        == "http://testserver" + reverse("interop:openapi")
    )


def test_the_document_is_valid_openapi_3_1_with_every_path(client, directory):
    doc = document(client)
    assert doc["openapi"] == "3.1.0"
    schemathesis.openapi.from_dict(doc).validate()  # against the OpenAPI 3.1 meta-schema
    assert set(doc["paths"]) == PATHS
    assert doc["servers"] == [{"url": "http://testserver/api"}]
    # every official HSDS path and its parameters are there
    official = load("openapi.local.json")
    for path, item in official["paths"].items():
        assert path in doc["paths"], path
        ours = {p["$ref"].rsplit("/", 1)[-1] for p in doc["paths"][path]["get"]["parameters"] if "$ref" in p}
        names = {doc["components"]["parameters"][n]["name"] for n in ours}
        for parameter in item["get"].get("parameters", []):
            name = (
                parameter.get("name")
                or official["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[-1]]["name"]
            )
            if path in (
                "/services",
                "/service_at_locations",
                "/organizations",
                "/taxonomies",
                "/taxonomy_terms",
            ):
                assert name in names, (path, name)


def test_our_extra_filters_are_described_with_their_values(client, directory):
    parameters = document(client)["components"]["parameters"]
    assert parameters["day"]["schema"]["enum"] == DAYS
    assert parameters["time"]["schema"]["enum"] == TIMES
    assert parameters["distance"]["schema"]["enum"] == DISTANCES
    assert set(FORMATS) <= set(parameters["service_format"]["schema"]["enum"])
    assert "pl" in parameters["language"]["schema"]["enum"]
    assert "api-dementia" in parameters["category"]["schema"]["enum"]
    assert parameters["per_page"]["schema"]["maximum"] == 500


def _validator(doc, name):
    registry = Registry().with_resource("urn:twoworlds:openapi", Resource.from_contents(doc, DRAFT202012))
    return Draft202012Validator(
        {"$ref": f"urn:twoworlds:openapi#/components/schemas/{name}"},
        registry=registry,
        format_checker=FORMAT_CHECKER,
    )


def test_answers_match_our_own_component_schemas(client, directory):
    doc = document(client)

    def check(path, name, **params):
        body = client.get(path, params).json()
        problems = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(doc, name).iter_errors(body)]
        assert not problems, (path, problems[:5])
        return body

    for key, group in directory["groups"].items():
        if key != "closed":
            check(f"/api/services/{group.pk}", "ServiceFull")
    for params in ({}, {"full": "true"}, {"minimal": "true"}):
        body = check("/api/services", "Page", **params)
        for item in body["contents"]:
            problems = list(_validator(doc, "Service").iter_errors(item))
            assert not problems
    sal_page = check("/api/service_at_locations", "Page", full="true")
    for item in sal_page["contents"]:
        assert not list(_validator(doc, "ServiceAtLocation").iter_errors(item))
        check(f"/api/service_at_locations/{item['id']}", "ServiceAtLocation")
    for org in directory["organisations"].values():
        check(f"/api/organizations/{org.pk}", "OrganizationFull", full_service="true")
    for term in check("/api/taxonomy_terms", "Page", per_page=500)["contents"]:
        assert not list(_validator(doc, "TaxonomyTerm").iter_errors(term))
    check(f"/api/taxonomies/{hsds.taxonomy_id()}", "Taxonomy")
    check("/api/", "ApiInformation")
    check("/api/services", "Problem", page="0")
