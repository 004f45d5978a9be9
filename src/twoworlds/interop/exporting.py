"""Export the directory in Open Referral HSDS 3.0: as JSON (a list of fully nested services) or in the
tabular form (one CSV file per table, as the official datapackage names them, plus a `datapackage.json`
describing exactly the files written), into a folder or a .zip file.

Both forms are streamed: groups are read from the database in batches (`directory.queries.in_batches`) and
written one at a time, so memory stays the same whatever the size of the directory. The records come from
the same serialisers as the open data API (`directory.hsds`), so the privacy rules are the same: only public
contact routes, and a member's home (or an address given on request) only as its district and town.

What is exported is a `Selection`: every listed group (not closed, not lapsed), or those about one issue,
run by one organisation, or changed since a moment; filters add up, as the API's do."""

import csv
import hashlib
import json
import os
import shutil
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from twoworlds.directory import hsds
from twoworlds.directory import queries as directory
from twoworlds.directory.models import Category, Organisation

BATCH_SIZE = 500
DATAPACKAGE = Path(__file__).resolve().parent / "data" / "hsds-3.0-datapackage.json"

# The official tables this export fills, in the order they are written to datapackage.json. The others
# (programs, funding, service areas, required documents, metadata…) have nothing in our directory.
TABLES = [
    "organization",
    "organization_identifier",
    "service",
    "service_at_location",
    "location",
    "address",
    "accessibility",
    "phone",
    "contact",
    "schedule",
    "language",
    "cost_option",
    "attribute",
    "taxonomy",
    "taxonomy_term",
]


class SelectionError(ValueError):
    """A filter names something that does not exist or cannot be read; the message says which."""


def parse_timestamp(value):
    """A date ('2025-01-31', midnight UTC) or a date and time ('2025-01-31T09:00:00Z'; UTC when no zone is
    given) as an aware UTC datetime. Raises ValueError for anything else. The API's modified_after and the
    export's --modified-after read the same way."""
    value = (value or "").strip()
    if not value or len(value) > 40:
        raise ValueError(value)
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = datetime(day.year, day.month, day.day) if day else None
        if moment is None:
            raise ValueError(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except OverflowError as error:
        raise ValueError(value) from error


@dataclass(frozen=True)
class Selection:
    """Which groups an export holds: every listed group, narrowed by issue (and its sub-issues), by
    organisation and by when the listing last changed."""

    category: Category | None = None
    organisation: Organisation | None = None
    modified_after: datetime | None = None

    @classmethod
    def from_options(cls, *, category="", organisation="", modified_after=""):
        """From words a person types: an issue's slug or id, an organisation's id, slug or exact name, and
        a date or date and time."""
        return cls(
            category=_find_category(category.strip()) if category and category.strip() else None,
            organisation=(
                _find_organisation(organisation.strip()) if organisation and organisation.strip() else None
            ),
            modified_after=_read_moment(modified_after)
            if modified_after and modified_after.strip()
            else None,
        )

    def groups(self):
        groups = directory.listed_groups()
        if self.category is not None:
            groups = groups.filter(directory.in_category(self.category))
        if self.organisation is not None:
            groups = groups.filter(organisation=self.organisation)
        if self.modified_after is not None:
            groups = groups.filter(directory.modified_since(self.modified_after))
        return groups

    def count(self):
        return self.groups().values("pk").distinct().count()

    def describe(self):
        parts = []
        if self.category is not None:
            parts.append(f"about {self.category.name}")
        if self.organisation is not None:
            parts.append(f"run by {self.organisation.name}")
        if self.modified_after is not None:
            parts.append(f"changed since {self.modified_after:%Y-%m-%d %H:%M} UTC")
        return "every listed group" + (" " + ", ".join(parts) if parts else "")


def _as_uuid(value):
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _find_category(value):
    wanted = _as_uuid(value)
    found = Category.objects.filter(pk=wanted) if wanted else Category.objects.filter(slug=value)
    category = found.first()
    if category is None:
        raise SelectionError(f"There is no issue (category) {value!r}: give its slug, such as 'carers'.")
    return category


def _find_organisation(value):
    wanted = _as_uuid(value)
    if wanted:
        found = Organisation.objects.filter(pk=wanted)
    else:
        found = Organisation.objects.filter(slug=value) or Organisation.objects.filter(name__iexact=value)
    matches = list(found[:2])
    if len(matches) != 1:
        problem = "is no" if not matches else "is more than one"
        raise SelectionError(f"There {problem} organisation {value!r}: give its id or its slug.")
    return matches[0]


def _read_moment(value):
    try:
        return parse_timestamp(value)
    except ValueError:
        raise SelectionError(
            f"{value!r} is not a date: give one such as 2025-01-31 or 2025-01-31T09:00:00Z."
        ) from None


@dataclass
class ExportResult:
    """What an export wrote: where, how many services, and (tabular form) the rows in each file."""

    path: Path
    services: int
    files: dict = field(default_factory=dict)  # file name -> rows written


# --- JSON ------------------------------------------------------------------------------------------------


def write_json(stream, selection=None, *, progress=None, batch_size=BATCH_SIZE):
    """Write the selected groups to a text stream as a JSON array of HSDS services, each fully nested (valid
    against compiled/service.json), one service per line. Returns how many were written."""
    selection = selection or Selection()
    written = 0
    stream.write("[")
    for batch in directory.in_batches(selection.groups(), batch_size):
        for group in batch:
            stream.write(",\n" if written else "\n")
            stream.write(json.dumps(hsds.service_to_hsds(group, full=True), ensure_ascii=False))
            written += 1
        if progress:
            progress(len(batch))
    stream.write("\n]\n" if written else "]\n")
    return written


def export_json(path, selection=None, *, progress=None, batch_size=BATCH_SIZE):
    """Write the JSON form to a file. It appears whole or not at all: written beside, then moved in."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _replacing(path) as temporary:
        with open(temporary, "w", encoding="utf-8", newline="\n") as stream:
            count = write_json(stream, selection, progress=progress, batch_size=batch_size)
    return ExportResult(path=path, services=count, files={path.name: count})


class _replacing:
    """A temporary path beside `path`, moved onto it when the block succeeds and removed when it fails."""

    def __init__(self, path, directory=False):
        self.path, self.directory = path, directory

    def __enter__(self):
        prefix = f".{self.path.name}."
        if self.directory:
            self.temporary = Path(tempfile.mkdtemp(prefix=prefix, dir=self.path.parent))
        else:
            handle, name = tempfile.mkstemp(prefix=prefix, dir=self.path.parent)
            os.close(handle)
            self.temporary = Path(name)
        return self.temporary

    def __exit__(self, kind, error, traceback):
        if kind is None:
            os.replace(self.temporary, self.path)
        elif self.temporary.is_dir():
            shutil.rmtree(self.temporary, ignore_errors=True)
        else:
            self.temporary.unlink(missing_ok=True)
        return False


# --- the tabular form -------------------------------------------------------------------------------------


@lru_cache
def official_datapackage():
    """The official HSDS 3.0 datapackage descriptor (a copy shipped with the code, see data/README.md)."""
    return json.loads(DATAPACKAGE.read_text(encoding="utf-8"))


def official_resources():
    """{resource name: resource} from the official descriptor."""
    return {resource["name"]: resource for resource in official_datapackage()["resources"]}


def _cell(value, kind):
    """A JSON value as a CSV cell of the datapackage's field type (Table Schema's default formats)."""
    if value is None or value == "":
        return ""
    if kind == "time" and len(value) == 5:  # HH:MM in HSDS JSON; Table Schema times have seconds
        return f"{value}:00"
    if kind == "datetime":
        moment = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class _Table:
    """One CSV file with the official columns of one HSDS table."""

    def __init__(self, folder, resource):
        self.resource = resource
        self.path = Path(folder) / resource["path"]
        self.fields = [(f["name"], f.get("type", "string")) for f in resource["schema"]["fields"]]
        self.handle = open(self.path, "w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.handle)
        self.writer.writerow([name for name, _kind in self.fields])
        self.rows = 0

    def write(self, record):
        self.writer.writerow([_cell(record.get(name), kind) for name, kind in self.fields])
        self.rows += 1

    def close(self):
        self.handle.close()


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _descriptor(tables, selection):
    """datapackage.json for the files written: the official resources (names, paths, table schemas), each
    with its size and hash, and foreign keys only to tables that are there."""
    official = official_datapackage()
    written = {table.resource["name"] for table in tables}
    resources = []
    for table in tables:
        resource = json.loads(json.dumps(table.resource))  # a copy to change
        schema = resource["schema"]
        keys = [key for key in schema.get("foreignKeys", []) if key["reference"]["resource"] in written]
        if keys:
            schema["foreignKeys"] = keys
        else:
            schema.pop("foreignKeys", None)
        resource.update(
            encoding="utf-8", bytes=table.path.stat().st_size, hash=f"sha256:{_sha256(table.path)}"
        )
        resources.append(resource)
    return {
        "name": "twoworlds-directory",
        "title": "Self-help and support groups: a Two Worlds directory in HSDS 3.0",
        "description": f"Open Referral HSDS {official['version']} tables of {selection.describe()}.",
        "profile": official["profile"],
        "version": official["version"],
        "homepage": official["homepage"],
        "created": timezone.now().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "resources": resources,
    }


def _service_rows(tables, service):
    tables["service"].write(service)
    for name, key in (
        ("phone", "phones"),
        ("contact", "contacts"),
        ("schedule", "schedules"),
        ("language", "languages"),
        ("cost_option", "cost_options"),
        ("attribute", "attributes"),
    ):
        for record in service.get(key, []):
            tables[name].write(record)
    for place in service.get("service_at_locations", []):
        tables["service_at_location"].write(place)
        location = place["location"]
        if location["location_type"] == "virtual":  # a group's own; venues are written once, apart
            tables["location"].write(location)


def _location_rows(tables, location):
    tables["location"].write(location)
    for address in location.get("addresses", []):
        tables["address"].write(address)
    for entry in location.get("accessibility", []):
        tables["accessibility"].write(entry)


def write_tables(folder, selection=None, *, progress=None, batch_size=BATCH_SIZE):
    """Write the tabular form into a folder: the CSV files and datapackage.json. Returns the
    ExportResult. Three passes, each in batches: the selected groups (services and everything that
    belongs to one service), the venues where they meet in person, and their organisations."""
    selection = selection or Selection()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    official = official_resources()
    tables = {name: _Table(folder, official[name]) for name in TABLES}
    services = 0
    try:
        groups = selection.groups()
        for batch in directory.in_batches(groups, batch_size):
            for group in batch:
                _service_rows(tables, hsds.service_to_hsds(group, full=True))
                services += 1
            if progress:
                progress(len(batch))
        for venue in directory.venues_met_at_in_person(groups).order_by("pk").iterator(chunk_size=batch_size):
            _location_rows(tables, hsds.location_to_hsds(venue))
        for org in directory.organisations_of(groups).order_by("pk").iterator(chunk_size=batch_size):
            record = hsds.organization_to_hsds(org, full=True)
            tables["organization"].write(record)
            for identifier in record.get("organization_identifiers", []):
                tables["organization_identifier"].write(identifier)
        for taxonomy in hsds.taxonomies_to_hsds():
            tables["taxonomy"].write(taxonomy)
        for category in hsds.ordered_categories(directory.all_categories()):
            tables["taxonomy_term"].write(hsds.taxonomy_term_to_hsds(category))
        for term in hsds.facet_terms_to_hsds():
            tables["taxonomy_term"].write(term)
    finally:
        for table in tables.values():
            table.close()
    written = list(tables.values())
    descriptor = _descriptor(written, selection)
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    files = {table.path.name: table.rows for table in written}
    return ExportResult(path=folder, services=services, files=files)


def export_tables(path, selection=None, *, progress=None, batch_size=BATCH_SIZE):
    """Write the tabular form to a folder, or to a .zip file when the path ends in .zip. Either appears
    whole or not at all."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".zip":
        with tempfile.TemporaryDirectory(prefix=".hsds-export-", dir=path.parent) as folder:
            result = write_tables(folder, selection, progress=progress, batch_size=batch_size)
            with _replacing(path) as temporary:
                with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                    for name in ["datapackage.json", *result.files]:
                        archive.write(Path(folder) / name, arcname=name)
        result.path = path
        return result
    if path.exists() and not path.is_dir():
        raise SelectionError(f"{path} is a file: give a folder, or a name ending in .zip.")
    if path.exists() and any(path.iterdir()):
        # Into an existing folder: replace our own files, leave anything else alone.
        return write_tables(path, selection, progress=progress, batch_size=batch_size)
    if path.exists():
        path.rmdir()
    with _replacing(path, directory=True) as temporary:
        result = write_tables(temporary, selection, progress=progress, batch_size=batch_size)
    result.path = path
    return result
