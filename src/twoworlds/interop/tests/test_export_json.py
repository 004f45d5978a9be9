"""HSDS 3.0 JSON export: the demo directory as a list of fully nested services, every one valid against the
official compiled schema, written one service at a time."""

import json

import pytest

from twoworlds.directory import hsds
from twoworlds.directory import queries as directory
from twoworlds.directory.models import Group
from twoworlds.interop import exporting

from .standards import errors


def export(tmp_path, selection=None, **options):
    path = tmp_path / "services.json"
    result = exporting.export_json(path, selection, **options)
    return result, json.loads(path.read_text(encoding="utf-8")), path


def test_every_demo_service_validates_against_the_official_schema(demo_directory, tmp_path):
    result, services, _path = export(tmp_path)
    listed = set(directory.listed_groups().values_list("pk", flat=True))
    assert result.services == len(services) == len(listed) > 200
    assert {s["id"] for s in services} == {str(pk) for pk in listed}
    problems = {s["id"]: errors(s, "compiled/service.json") for s in services}
    assert {sid: found for sid, found in problems.items() if found} == {}


def test_services_are_fully_nested(demo_directory, tmp_path):
    _result, services, _path = export(tmp_path)
    for service in services:
        assert service["organization"]["id"] == service["organization_id"]
        assert {"phones", "schedules", "service_at_locations", "languages", "contacts", "attributes"} <= set(
            service
        )
    nested = {key: sum(len(s[key]) for s in services) for key in ("phones", "schedules", "contacts")}
    assert all(nested.values()), nested  # the demo has every kind
    places = [p for s in services for p in s["service_at_locations"]]
    assert {p["location"]["location_type"] for p in places} == {"physical", "virtual"}
    assert all(p["location"]["addresses"] for p in places if p["location"]["location_type"] == "physical")
    terms = {a["taxonomy_term"]["taxonomy"] for s in services for a in s["attributes"]}
    assert terms == {hsds.ISSUES_TAXONOMY, hsds.FACETS_TAXONOMY}


def test_each_service_is_what_the_api_serves(demo_directory, tmp_path, client):
    _result, services, _path = export(tmp_path)
    for service in services[:: max(1, len(services) // 10)]:
        assert client.get(f"/api/services/{service['id']}").json() == service


def test_closed_and_lapsed_groups_are_left_out(demo_directory, tmp_path):
    lapsed = Group.objects.exclude(status=Group.Status.CLOSED).order_by("pk").first()
    Group.objects.filter(pk=lapsed.pk).update(lapsed=True)
    closed = set(Group.objects.filter(status=Group.Status.CLOSED).values_list("pk", flat=True))
    assert closed
    _result, services, _path = export(tmp_path)
    exported = {s["id"] for s in services}
    assert str(lapsed.pk) not in exported
    assert not exported & {str(pk) for pk in closed}


def test_written_one_service_a_line_in_batches(demo_directory, tmp_path):
    seen = []
    result, services, path = export(tmp_path, batch_size=40, progress=seen.append)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(services) + 2
    assert seen and max(seen) == 40 and sum(seen) == result.services


def test_an_empty_selection_is_an_empty_list(db, tmp_path):
    result, services, _path = export(tmp_path)
    assert services == [] and result.services == 0


def test_a_failed_export_leaves_no_file(demo_directory, tmp_path, monkeypatch):
    path = tmp_path / "services.json"
    path.write_text("the previous export", encoding="utf-8")
    calls, serialise = [], hsds.service_to_hsds

    def failing(group, full=True):
        calls.append(group)
        if len(calls) > 3:
            raise RuntimeError("database went away")
        return serialise(group, full=full)

    monkeypatch.setattr(exporting.hsds, "service_to_hsds", failing)
    with pytest.raises(RuntimeError):
        exporting.export_json(path)
    assert path.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["services.json"]
