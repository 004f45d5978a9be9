"""GET /api/organizations and /api/organizations/{id}."""

from .api import names, page
from .standards import assert_valid


def test_list(client, directory):
    body = page(client, "/api/organizations")
    assert names(body) == ["City Hospital Social Work", "Dementia Society UK", "Nottingham Carers Network"]
    for item in body["contents"]:
        assert_valid(item, "compiled/organization_list.json")
        assert "services" not in item
    assert names(page(client, "/api/organizations", search="hospital")) == ["City Hospital Social Work"]
    second = page(client, "/api/organizations", per_page=1, page=2)
    assert names(second) == ["Dementia Society UK"] and second["total_pages"] == 3


def test_full_list_nests_services(client, directory):
    body = page(client, "/api/organizations", full="true")
    for item in body["contents"]:
        assert_valid(item, "compiled/organization.json")
    network = next(o for o in body["contents"] if o["name"] == "Nottingham Carers Network")
    assert "Old Dementia Group" not in {s["name"] for s in network["services"]}  # closed
    assert "phones" not in network["services"][0]
    deep = page(client, "/api/organizations", full="true", full_service="true")
    for item in deep["contents"]:
        assert_valid(item, "compiled/organization.json")
        for service in item["services"]:
            assert "schedules" in service


def test_one(client, directory):
    network = directory["organisations"]["network"]
    body = client.get(f"/api/organizations/{network.pk}").json()
    assert_valid(body, "compiled/organization.json")
    assert body["website"] == "https://carers.example.org"
    assert body["organization_identifiers"][0]["identifier"] == "1234567"
    assert len(body["services"]) == 7  # every group but the closed one
    full = client.get(f"/api/organizations/{network.pk}", {"full_service": "true"}).json()
    assert_valid(full, "compiled/organization.json")
    assert all("schedules" in s for s in full["services"])
    exported = str(full)
    assert "secret@example.org" not in exported and "Acacia" not in exported
