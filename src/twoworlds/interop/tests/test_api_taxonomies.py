"""GET /api/taxonomies, /api/taxonomy_terms and their {id} forms."""

import uuid

from twoworlds.directory import hsds

from .api import page
from .standards import assert_valid


def test_two_taxonomies(client, db):
    body = page(client, "/api/taxonomies")
    assert [t["name"] for t in body["contents"]] == ["twoworlds-issues", "twoworlds-facets"]
    for taxonomy in body["contents"]:
        assert_valid(taxonomy, "taxonomy.json")
        assert taxonomy["uri"] == f"http://testserver/api/taxonomies/{taxonomy['id']}"
        one = client.get(f"/api/taxonomies/{taxonomy['id']}")
        assert one.status_code == 200 and one.json() == taxonomy
    assert [t["name"] for t in page(client, "/api/taxonomies", search="facets")["contents"]] == [
        "twoworlds-facets"
    ]


def test_terms_are_every_category_then_the_facets(client, directory):
    body = page(client, "/api/taxonomy_terms", per_page=500)
    for term in body["contents"]:
        assert_valid(term, "taxonomy_term.json")
    codes = [t["code"] for t in body["contents"]]
    # each first-level issue is followed by its own children
    assert codes.index("api-carers") + 1 == codes.index("api-dementia")
    assert codes.index("api-mental-health") + 1 == codes.index("api-anxiety")
    assert codes[-len(hsds.FACET_TERMS) :] == list(hsds.FACET_TERMS)
    assert body["total_items"] == len(codes)


def test_term_filters(client, directory):
    issues = hsds.taxonomy_id(hsds.ISSUES_TAXONOMY)
    facets = hsds.taxonomy_id(hsds.FACETS_TAXONOMY)
    facet_terms = page(client, "/api/taxonomy_terms", taxonomy_id=facets)["contents"]
    assert [t["code"] for t in facet_terms] == list(hsds.FACET_TERMS)
    issue_terms = page(client, "/api/taxonomy_terms", taxonomy_id=issues, per_page=500)["contents"]
    assert all(t["taxonomy"] == "twoworlds-issues" for t in issue_terms)
    carers = directory["categories"]["carers"]
    children = page(client, "/api/taxonomy_terms", parent_id=str(carers.pk))["contents"]
    assert [t["code"] for t in children] == ["api-dementia"]
    top = page(client, "/api/taxonomy_terms", top_only="true", taxonomy_id=facets)["contents"]
    assert [t["code"] for t in top] == ["group_type", "format"]
    found = page(client, "/api/taxonomy_terms", search="api-anxi")["contents"]
    assert [t["code"] for t in found] == ["api-anxiety"]
    assert page(client, "/api/taxonomy_terms", taxonomy_id=str(uuid.uuid4()))["total_items"] == 0


def test_one_term(client, directory):
    anxiety = directory["categories"]["anxiety"]
    body = client.get(f"/api/taxonomy_terms/{anxiety.pk}").json()
    assert_valid(body, "taxonomy_term.json")
    assert body["code"] == "api-anxiety" and body["parent_id"] == str(
        directory["categories"]["mental-health"].pk
    )
    assert body["taxonomy_detail"]["name"] == "twoworlds-issues"
    facet = client.get(f"/api/taxonomy_terms/{hsds.facet_term_id('home_visits')}").json()
    assert_valid(facet, "taxonomy_term.json")
    assert facet["code"] == "home_visits" and facet["taxonomy_detail"]["name"] == "twoworlds-facets"


def test_term_ids_lead_back_to_services(client, directory):
    """A term id taken from a service's attributes finds that service again."""
    kitchen = client.get(f"/api/services/{directory['groups']['kitchen'].pk}").json()
    for attribute in kitchen["attributes"]:
        body = page(client, taxonomy_term_id=attribute["taxonomy_term_id"], per_page=500)
        assert kitchen["id"] in {item["id"] for item in body["contents"]}, attribute["taxonomy_term"]["code"]
