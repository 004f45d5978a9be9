"""`twoworlds export_hsds --format json|csv PATH` with --category, --organisation and --modified-after."""

import json
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .conftest import LISTED


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("export_hsds", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue()


def test_json_by_default(directory, tmp_path):
    path = tmp_path / "out" / "services.json"
    said = run(path)
    services = json.loads(path.read_text(encoding="utf-8"))
    assert len(services) == len(LISTED)
    assert f"Wrote {len(LISTED)} services (every listed group) as HSDS 3.0 JSON to {path}" in said


def test_csv_into_a_folder_says_what_it_wrote(directory, tmp_path):
    said = run("--format", "csv", tmp_path / "hsds")
    assert "as HSDS 3.0 CSV" in said
    assert f"  services.csv: {len(LISTED)} rows" in said and "  datapackage.json" in said
    assert (tmp_path / "hsds" / "datapackage.json").exists()
    assert (
        len((tmp_path / "hsds" / "services.csv").read_text(encoding="utf-8").splitlines()) == len(LISTED) + 1
    )


def test_csv_into_a_zip_with_filters(directory, tmp_path):
    network = directory["organisations"]["network"]
    said = run(
        "--format",
        "csv",
        tmp_path / "bereavement.zip",
        "--category",
        "api-bereavement",
        "--organisation",
        network.slug,
        "--modified-after",
        "2000-01-01",
    )
    assert "Wrote 3 services (every listed group about Bereavement, run by Nottingham Carers Network" in said
    with zipfile.ZipFile(tmp_path / "bereavement.zip") as archive:
        rows = archive.read("services.csv").decode().splitlines()
    assert len(rows) == 4


def test_one_service_is_one_service(directory, tmp_path):
    hospital = directory["organisations"]["hospital"]
    assert "Wrote 1 service (" in run(tmp_path / "one.json", "--organisation", hospital.name)


@pytest.mark.parametrize(
    "args, words",
    [
        (["--category", "nothing-like-this"], "no issue"),
        (["--organisation", "Nobody"], "no organisation"),
        (["--modified-after", "last week"], "not a date"),
    ],
)
def test_bad_filters_are_refused_and_nothing_is_written(directory, tmp_path, args, words):
    with pytest.raises(CommandError, match=words):
        run(tmp_path / "x.json", *args)
    assert list(tmp_path.iterdir()) == []


def test_a_format_it_does_not_know(directory, tmp_path):
    with pytest.raises(CommandError):
        run("--format", "xml", tmp_path / "x.xml")
