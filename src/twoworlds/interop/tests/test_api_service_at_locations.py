"""GET /api/service_at_locations and /api/service_at_locations/{id}."""

from .api import page
from .conftest import MEETING
from .standards import assert_valid


def test_one_per_place_a_listed_group_meets(client, directory):
    body = page(client, "/api/service_at_locations", per_page=500)
    pairs = sorted((item["service"]["name"], item["location"].get("name")) for item in body["contents"])
    assert pairs == sorted(
        [
            ("Anxiety Support at City Hospital", "Friends Meeting House"),
            ("Arnold Kitchen Table", "Private venue (address on request)"),
            ("Beeston Carers Walk", "Beeston Library"),
            ("Bereavement Online", "Online"),
            ("Lapsed Coffee Morning", "Friends Meeting House"),
            ("Memory Lane Carers Café", "Friends Meeting House"),
            ("Polish Carers Circle", "Beeston Library"),
            ("Telephone Friends", "By telephone"),
        ]
    )
    assert len({item["service_id"] for item in body["contents"]}) == len(MEETING)
    for item in body["contents"]:
        assert_valid(item, "compiled/service_at_location_list.json")
    assert "Acacia" not in str(body)


def test_filters_apply(client, directory):
    body = page(client, "/api/service_at_locations", postcode="NG9 1AE", proximity="1500", format="in_person")
    assert sorted(item["service"]["name"] for item in body["contents"]) == [
        "Beeston Carers Walk",
        "Polish Carers Circle",
    ]
    hospital = directory["organisations"]["hospital"]
    only = page(client, "/api/service_at_locations", organization_id=str(hospital.pk))
    assert [item["service"]["name"] for item in only["contents"]] == ["Anxiety Support at City Hospital"]


def test_paging(client, directory):
    first = page(client, "/api/service_at_locations", per_page=5)
    second = page(client, "/api/service_at_locations", per_page=5, page=2)
    assert first["total_items"] == 8 and first["size"] == 5 and second["size"] == 3 and second["last_page"]
    assert not {i["id"] for i in first["contents"]} & {i["id"] for i in second["contents"]}


def test_one_validates_as_a_service_at_location_and_as_the_official_api_says(client, directory):
    body = page(client, "/api/service_at_locations", per_page=500)
    for item in body["contents"]:
        one = client.get(f"/api/service_at_locations/{item['id']}")
        assert one.status_code == 200
        data = one.json()
        assert data["id"] == item["id"] and data["location"] == item["location"]
        assert_valid(data, "compiled/service_at_location.json")
        # The HSDS 3.0 API description gives this path the service schema: it validates as that too.
        assert_valid(data, "compiled/service.json")
        assert "schedules" in data


def test_closed_groups_have_none(client, directory):
    closed = directory["groups"]["closed"]
    body = page(client, "/api/service_at_locations", per_page=500)
    assert str(closed.pk) not in {item["service_id"] for item in body["contents"]}
