"""HSDS 3.0 tabular export: one CSV file per official table with the official columns, one row per record,
every row valid against its table schema and, read back, against the official JSON schema of its object;
datapackage.json describes exactly the files written; a folder or a .zip."""

import csv
import hashlib
import io
import json
import zipfile
from collections import Counter

import pytest

from twoworlds.directory import hsds
from twoworlds.interop import exporting

from .standards import DATAPACKAGE, assert_valid, errors, official_resource, row_to_json, tabular_errors

# file -> the official JSON schema of one of its rows
SCHEMAS = {
    "organizations.csv": "organization.json",
    "organization_identifiers.csv": "organization_identifier.json",
    "services.csv": "service.json",
    "service_at_location.csv": "service_at_location.json",
    "locations.csv": "location.json",
    "addresses.csv": "address.json",
    "accessibility.csv": "accessibility.json",
    "phones.csv": "phone.json",
    "contacts.csv": "contact.json",
    "schedules.csv": "schedule.json",
    "languages.csv": "language.json",
    "cost_options.csv": "cost_option.json",
    "attributes.csv": "attribute.json",
    "taxonomies.csv": "taxonomy.json",
    "taxonomy_terms.csv": "taxonomy_term.json",
}


def read_tables(folder):
    """{file name: (header, [row dicts])} for every CSV file in the folder."""
    tables = {}
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            tables[path.name] = (header, [dict(zip(header, cells, strict=True)) for cells in reader])
    return tables


@pytest.fixture
def exported(demo_directory, tmp_path):
    folder = tmp_path / "hsds"
    result = exporting.export_tables(folder)
    services = tmp_path / "services.json"
    exporting.export_json(services)
    return result, folder, read_tables(folder), json.loads(services.read_text(encoding="utf-8"))


def test_our_copy_of_the_datapackage_is_the_official_one():
    assert json.loads(exporting.DATAPACKAGE.read_text()) == json.loads(DATAPACKAGE.read_text())


def test_each_file_has_the_official_name_and_columns(exported):
    result, folder, tables, _services = exported
    assert set(tables) == set(SCHEMAS) == set(result.files)
    for name, (header, _rows) in tables.items():
        assert header == [f["name"] for f in official_resource(name)["schema"]["fields"]], name


def test_datapackage_describes_exactly_what_was_written(exported):
    _result, folder, tables, _services = exported
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["profile"] == "tabular-data-package" and descriptor["version"] == "3.0.0"
    assert sorted(p.name for p in folder.iterdir()) == sorted([*tables, "datapackage.json"])
    assert [r["path"] for r in descriptor["resources"]] == [
        exporting.official_resources()[n]["path"] for n in exporting.TABLES
    ]
    for resource in descriptor["resources"]:
        official = official_resource(resource["path"])
        assert resource["name"] == official["name"]
        assert resource["schema"]["fields"] == official["schema"]["fields"]
        content = (folder / resource["path"]).read_bytes()
        assert resource["bytes"] == len(content)
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        for key in resource["schema"].get("foreignKeys", []):
            assert key["reference"]["resource"] in {r["name"] for r in descriptor["resources"]}
    services = next(r for r in descriptor["resources"] if r["name"] == "service")
    assert {k["fields"] for k in services["schema"]["foreignKeys"]} == {"organization_id"}  # no programs


def test_one_row_per_record(exported):
    result, _folder, tables, services = exported

    def ids(name):
        return Counter(row["id"] for row in tables[name][1])

    assert result.services == len(services) == len(tables["services.csv"][1])
    assert ids("services.csv") == Counter(s["id"] for s in services)
    for file, key in [
        ("phones.csv", "phones"),
        ("contacts.csv", "contacts"),
        ("schedules.csv", "schedules"),
        ("languages.csv", "languages"),
        ("attributes.csv", "attributes"),
        ("cost_options.csv", "cost_options"),
        ("service_at_location.csv", "service_at_locations"),
    ]:
        assert ids(file) == Counter(item["id"] for s in services for item in s[key]), file
        assert len(tables[file][1]) == result.files[file] > 0, file
    locations = {p["location"]["id"]: p["location"] for s in services for p in s["service_at_locations"]}
    assert ids("locations.csv") == Counter(set(locations))  # each place once, however many groups meet there
    addresses = [a["id"] for loc in locations.values() for a in loc.get("addresses", [])]
    assert ids("addresses.csv") == Counter(addresses)
    assert ids("organizations.csv") == Counter({s["organization_id"] for s in services})
    assert ids("taxonomies.csv") == Counter(t["id"] for t in hsds.taxonomies_to_hsds())


def test_every_row_is_valid_against_its_table_schema_and_its_json_schema(exported):
    _result, _folder, tables, _services = exported
    for name, (_header, rows) in tables.items():
        resource = official_resource(name)
        for number, row in enumerate(rows, start=2):
            assert not tabular_errors(row, resource), (name, number, tabular_errors(row, resource))
            record = row_to_json(row, resource)
            assert not errors(record, SCHEMAS[name]), (name, number, errors(record, SCHEMAS[name]))
        for spec in resource["schema"]["fields"]:
            if spec.get("constraints", {}).get("unique"):
                values = [row[spec["name"]] for row in rows if row[spec["name"]]]
                assert len(values) == len(set(values)), (name, spec["name"])


def test_foreign_keys_point_at_rows_that_are_there(exported):
    _result, _folder, tables, _services = exported
    by_resource = {official_resource(name)["name"]: rows for name, (_h, rows) in tables.items()}
    for name, (_header, rows) in tables.items():
        for key in official_resource(name)["schema"].get("foreignKeys", []):
            target = key["reference"]["resource"]
            wanted = {row[key["fields"]] for row in rows if row[key["fields"]]}
            if target not in by_resource:
                assert not wanted, (name, key)  # nothing points at a table we do not write
                continue
            present = {row[key["reference"]["fields"]] for row in by_resource[target]}
            assert wanted <= present, (name, key["fields"], sorted(wanted - present)[:3])


def test_a_service_rebuilt_from_its_rows_validates_as_a_full_service(exported):
    """The tables hold the whole service: joined back by id, a service validates against
    compiled/service.json and has the same nested records as the JSON export."""
    _result, _folder, tables, services = exported

    def records(name, **where):
        resource = official_resource(name)
        return [
            row_to_json(row, resource)
            for row in tables[name][1]
            if all(row[key] == value for key, value in where.items())
        ]

    organisations = {row["id"]: row for row in records("organizations.csv")}
    locations = {row["id"]: row for row in records("locations.csv")}
    terms = {row["id"]: row for row in records("taxonomy_terms.csv")}
    for original in services[::25]:
        sid = original["id"]
        service = records("services.csv", id=sid)[0]
        service["organization"] = organisations[service["organization_id"]]
        service["phones"] = records("phones.csv", service_id=sid)
        service["contacts"] = records("contacts.csv", service_id=sid)
        service["schedules"] = records("schedules.csv", service_id=sid)
        service["languages"] = records("languages.csv", service_id=sid)
        service["cost_options"] = records("cost_options.csv", service_id=sid)
        service["attributes"] = [
            {**a, "taxonomy_term": terms[a["taxonomy_term_id"]]}
            for a in records("attributes.csv", link_id=sid)
        ]
        service["service_at_locations"] = [
            {
                **sal,
                "location": {
                    **locations[sal["location_id"]],
                    "addresses": records("addresses.csv", location_id=sal["location_id"]),
                    "accessibility": records("accessibility.csv", location_id=sal["location_id"]),
                },
            }
            for sal in records("service_at_location.csv", service_id=sid)
        ]
        assert_valid(service, "compiled/service.json")
        for key in ("phones", "contacts", "schedules", "languages", "attributes", "service_at_locations"):
            assert sorted(r["id"] for r in service[key]) == sorted(r["id"] for r in original[key]), key
        assert service["name"] == original["name"] and service["status"] == original["status"]


def test_a_zip_holds_the_same_files(demo_directory, tmp_path):
    folder = exporting.export_tables(tmp_path / "folder")
    zipped = exporting.export_tables(tmp_path / "hsds.zip")
    assert zipped.path == tmp_path / "hsds.zip" and zipped.files == folder.files
    with zipfile.ZipFile(tmp_path / "hsds.zip") as archive:
        assert sorted(archive.namelist()) == sorted([*folder.files, "datapackage.json"])
        for name in folder.files:
            assert archive.read(name) == (tmp_path / "folder" / name).read_bytes()
        descriptor = json.loads(archive.read("datapackage.json"))
        services = io.StringIO(archive.read("services.csv").decode())
        assert len(list(csv.DictReader(services))) == folder.services
    assert {r["path"] for r in descriptor["resources"]} == set(folder.files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "hsds.zip"]  # nothing left behind


def test_into_an_existing_folder_only_our_files_are_replaced(demo_directory, tmp_path):
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    (tmp_path / "services.csv").write_text("old", encoding="utf-8")
    result = exporting.export_tables(tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "services.csv").read_text(encoding="utf-8").startswith("id,organization_id,")
    assert result.files["services.csv"] > 200


def test_a_file_is_not_a_folder(db, tmp_path):
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    with pytest.raises(exporting.SelectionError):
        exporting.export_tables(tmp_path / "taken")


def test_the_row_checks_catch_broken_rows():
    """The harness itself: rows that break the table schema or the JSON schema are caught."""
    services = official_resource("services.csv")
    good = {
        "id": "3f0c9a58-7c1e-4b6a-9d2e-5a8b7c6d4e21",
        "organization_id": "3f0c9a58-7c1e-4b6a-9d2e-5a8b7c6d4e22",
    }
    good |= {
        "name": "A group",
        "status": "active",
        "minimum_age": "18",
        "last_modified": "2025-01-31T09:00:00Z",
    }
    assert not tabular_errors(good, services) and not errors(row_to_json(good, services), "service.json")
    for broken, word in [
        ({"name": ""}, "name"),
        ({"status": "open"}, "status"),
        ({"id": "not-a-uuid"}, "id"),
        ({"minimum_age": "eighteen"}, "minimum_age"),
        ({"last_modified": "31/01/2025"}, "last_modified"),
        ({"email": "nobody"}, "email"),
        ({"url": "www.example.org"}, "url"),
    ]:
        assert any(p.startswith(word) for p in tabular_errors(good | broken, services)), broken
    assert errors({"id": good["id"], "name": "A group", "status": "open"}, "service.json")
