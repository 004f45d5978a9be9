"""The readers take HSDS in every form it is published in: a list, a /services page, one service, one per
line, and CSV packages with singular or plural file names and odd line endings."""

import json

import pytest

from twoworlds.interop.importer import ImportFailed
from twoworlds.interop.readers import open_input

from .import_support import service


def _positions(found):
    return [(position, item.get("id")) for position, item in found.services]


def test_list_is_streamed_item_by_item(tmp_path):
    path = tmp_path / "services.json"
    path.write_text(json.dumps([service(sid="a"), service(sid="b")]))
    found = open_input(path)
    assert found.description == "services.json: a list of HSDS services"
    assert _positions(found) == [("services.json item 1", "a"), ("services.json item 2", "b")]


def test_page_single_service_and_newline_delimited(tmp_path):
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"total_items": 1, "total_pages": 1, "contents": [service(sid="p")]}))
    assert _positions(open_input(page)) == [("page.json contents item 1", "p")]
    one = tmp_path / "one.json"
    one.write_text(json.dumps(service(sid="o")))
    assert _positions(open_input(one)) == [("one.json", "o")]
    lines = tmp_path / "services.ndjson"
    lines.write_text(json.dumps(service(sid="l1")) + "\n\n" + json.dumps(service(sid="l2")) + "\n")
    assert _positions(open_input(lines)) == [
        ("services.ndjson line 1", "l1"),
        ("services.ndjson line 3", "l2"),
    ]


def test_broken_json_says_where_it_stops(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps([service(sid="a")])[:-30])
    found = open_input(path)
    with pytest.raises(ImportFailed, match="stops being valid JSON after item 0"):
        list(found.services)
    text = tmp_path / "notes.json"
    text.write_text("hello")
    with pytest.raises(ImportFailed, match="is not JSON"):
        open_input(text)


def test_missing_file(tmp_path):
    with pytest.raises(ImportFailed, match="there is no file or folder"):
        open_input(tmp_path / "nothing.json")


def test_csv_package_with_singular_names_and_doubled_line_endings(tmp_path):
    rows = {
        "services.csv": [
            ["id", "organization_id", "name", "description", "minimum_age"],
            ["s1", "o1", "Stammering Support", "We meet monthly.", "16"],
        ],
        "organization.csv": [["id", "name"], ["o1", "Speak Easy"]],
        "location.csv": [
            ["id", "location_type", "name", "latitude", "longitude"],
            ["l1", "physical", "Library", "52.9", "-1.1"],
        ],
        "address.csv": [
            ["id", "location_id", "address_1", "city", "postal_code", "country"],
            ["a1", "l1", "1 High St", "Nottingham", "NG1 1AA", "GB"],
        ],
        "service_at_location.csv": [["id", "service_id", "location_id"], ["sal1", "s1", "l1"]],
        "schedule.csv": [
            ["id", "service_id", "freq", "byday", "opens_at"],
            ["sc1", "s1", "MONTHLY", "2WE", "18:30"],
        ],
    }
    for name, table in rows.items():
        (tmp_path / name).write_bytes("".join(",".join(r) + "\r\r\n" for r in table).encode())
    found = open_input(tmp_path)
    [(position, item)] = list(found.services)
    assert position == "services.csv row 2"
    assert item["organization"]["name"] == "Speak Easy"
    assert item["minimum_age"] == 16
    assert item["service_at_locations"][0]["location"]["addresses"][0]["city"] == "Nottingham"
    assert item["schedules"][0]["byday"] == "2WE"
