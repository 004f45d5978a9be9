"""Property-based conformance (schemathesis): generated requests for every path of the official HSDS 3.0
API description (openapi.local.json, whose response schemas point at the compiled schemas beside it) and of
our own /api/openapi.json, sent in-process to the Django WSGI app. No answer may be a server error; every
documented answer must match its schema and media type."""

import json
import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import checks

from twoworlds.directory import hsds

from .standards import OPENAPI_LOCAL, require_standards

# Examples per operation; TWOWORLDS_API_EXAMPLES=500 for a deeper run than CI's.
EXAMPLES = int(os.environ.get("TWOWORLDS_API_EXAMPLES", "25"))
CHECKS = [
    checks.not_a_server_error,
    checks.response_schema_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
]
# The official description documents only 200 answers; ours documents 400, 404 and 405 too.
OWN_CHECKS = [*CHECKS, checks.status_code_conformance]
HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


class InProcessApp:
    """The Django WSGI app, keeping the test's database connection (and its transaction) open across
    requests, as Django's test client does: the handler would otherwise close it when a request ends."""

    def __init__(self):
        self.handler = WSGIHandler()

    def __call__(self, environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = self.handler(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                response.close()  # sends request_finished, as a WSGI server would
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


@pytest.fixture
def app(directory):
    return InProcessApp()


@pytest.fixture
def official(app):
    require_standards()
    schema = schemathesis.openapi.from_path(OPENAPI_LOCAL)
    schema.config.update(base_url="http://localhost/api")
    schema.app = app
    return schema


def _fuzz(schema, path, checks_):
    operation = schema[path]["GET"]

    @HYPOTHESIS
    @given(case=operation.as_strategy())
    def run(case):
        case.call_and_validate(checks=checks_)

    run()


def _known_ids(client, directory):
    """Real ids for the {id} paths, so their 200 answers are checked too, not only the 404s."""
    sal = client.get("/api/service_at_locations", {"per_page": 500}).json()["contents"]
    return {
        "/services/{id}": [str(g.pk) for k, g in directory["groups"].items() if k != "closed"],
        "/organizations/{id}": [str(o.pk) for o in directory["organisations"].values()],
        "/taxonomies/{id}": [t["id"] for t in hsds.taxonomies_to_hsds()],
        "/taxonomy_terms/{id}": [str(c.pk) for c in directory["categories"].values()]
        + [hsds.facet_term_id("online")],
        "/service_at_locations/{id}": [item["id"] for item in sal],
    }


OFFICIAL_PATHS = [
    "/",
    "/services",
    "/services/{id}",
    "/taxonomies",
    "/taxonomies/{id}",
    "/taxonomy_terms",
    "/taxonomy_terms/{id}",
    "/organizations",
    "/organizations/{id}",
    "/service_at_locations",
    "/service_at_locations/{id}",
]


@pytest.mark.parametrize("path", OFFICIAL_PATHS)
def test_official_hsds_api_description(official, path):
    _fuzz(official, path, CHECKS)


def test_official_description_with_real_ids(official, client, directory):
    for path, ids in _known_ids(client, directory).items():
        operation = official[path]["GET"]
        for value in ids:
            response = operation.Case(path_parameters={"id": value}).call_and_validate(checks=CHECKS)
            assert response.status_code == 200, (path, value)


def test_every_official_path_is_fuzzed(official):
    """The list above is the official document's: a path added there cannot go untested here."""
    assert set(OFFICIAL_PATHS) == {result.ok().path for result in official.get_all_operations()}


def _broken(response, body):
    return schemathesis.Response(
        status_code=200,
        headers={"content-type": ["application/json"]},
        content=json.dumps(body).encode(),
        request=response.request,
        elapsed=0.0,
        verify=False,
    )


def _break(path, body):
    """Spoil a real answer in a way its official schema forbids: a number where a string id belongs, or
    (metadata) where the version string belongs."""
    if path == "/":
        body["version"] = 3
    elif "{id}" in path:
        body["id"] = 42
    else:
        body["contents"][0]["id"] = 42
    return body


@pytest.mark.parametrize("path", OFFICIAL_PATHS)
def test_response_checks_are_really_made_on_every_path(official, client, directory, path):
    """The harness itself: for each path, a real answer passes the same check the fuzzing uses, and the
    same answer broken so that it no longer matches the official schema (resolved from the local compiled
    schemas) fails it. A document whose response schemas could not be resolved would pass both."""
    operation = official[path]["GET"]
    if "{id}" in path:
        case = operation.Case(path_parameters={"id": _known_ids(client, directory)[path][0]})
    else:
        case = operation.Case(query={"per_page": 2} if path != "/" else {})
    response = case.call()
    assert response.status_code == 200
    case.validate_response(response, checks=[checks.response_schema_conformance])
    with pytest.raises(BaseExceptionGroup) as caught:
        case.validate_response(_broken(response, _break(path, response.json())), checks=CHECKS)
    assert any("42" in str(e) or "3 is not of type" in str(e) for e in caught.value.exceptions), caught.value


def test_the_page_envelope_is_checked_too(official):
    operation = official["/services"]["GET"]
    case = operation.Case(query={"per_page": 1})
    response = case.call()
    body = response.json()
    body["total_items"] = "many"
    with pytest.raises(BaseExceptionGroup):
        case.validate_response(_broken(response, body), checks=[checks.response_schema_conformance])
    body = response.json()
    body["contents"][0]["status"] = "open"  # not one of the statuses compiled/service_list.json allows
    with pytest.raises(BaseExceptionGroup) as caught:
        case.validate_response(_broken(response, body), checks=[checks.response_schema_conformance])
    assert any("'open'" in str(e) or '"open"' in str(e) for e in caught.value.exceptions)


@pytest.fixture
def ours(app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


def test_our_own_description(ours, client, directory):
    ours.validate()
    for result in ours.get_all_operations():
        operation = result.ok()
        _fuzz(ours, operation.path, OWN_CHECKS)
    for path, ids in _known_ids(client, directory).items():
        for value in ids:
            response = (
                ours[path]["GET"].Case(path_parameters={"id": value}).call_and_validate(checks=OWN_CHECKS)
            )
            assert response.status_code == 200, (path, value)
