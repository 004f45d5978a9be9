"""Readers for HSDS input: each yields (position, service dict) pairs for `importer.import_services`.

`open_input(path_or_url)` recognises what it is given and returns an `Input` (a description in words, an
iterator of services, and the number of services when it is cheap to know):
- HSDS 3.0 JSON: a list of services, a `/services` page (`{"contents": [...]}`), a single service, an
  organization with nested services (as converted 211 data comes), or newline-delimited JSON. Lists and
  pages are streamed with `ijson` (never the whole file in memory);
- Open Referral UK v1 JSON as councils publish it (recognised by its `pc_*`/`deliverable_type` fields; the
  mapping is the same, the HTML in descriptions is turned into text by the importer);
- the HSDS tabular form: a folder (or its `datapackage.json`) of CSV files, singular or plural file names,
  `\\r\\r\\n` line endings tolerated;
- an HSDS 1.x package is recognised and refused with a plain explanation rather than misread.
A web address is fetched (with a timeout) into a temporary file first; a paged `/services` API is followed
page by page."""

import csv
import io
import json
import os
import tempfile
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from ..importer import ImportFailed

try:
    import ijson
except ImportError:  # pragma: no cover - ijson is a dependency; without it JSON is read whole
    ijson = None

TIMEOUT = 30
MAX_PAGES = 1000
ORUK_V1_FIELDS = {"deliverable_type", "attending_type", "attending_access", "pc_metadata"}
HSDS_1_FILES = {
    "services_at_location.csv",
    "physical_addresses.csv",
    "postal_addresses.csv",
    "regular_schedules.csv",
    "holiday_schedules.csv",
    "services_taxonomy.csv",
    "accessibility_for_disabilities.csv",
}


@dataclass
class Input:
    description: str
    services: object  # iterator of (position, dict)
    total: int | None = None


def open_input(location):
    """What `location` (a file, a folder or a web address) holds, ready to import."""
    location = str(location)
    if location.startswith(("http://", "https://")):
        return _from_url(location)
    path = Path(location)
    if not path.exists():
        raise ImportFailed(_("there is no file or folder at %(path)s") % {"path": location})
    if path.is_dir() or path.name == "datapackage.json" or path.suffix.lower() == ".csv":
        return read_tabular(path if path.is_dir() else path.parent)
    return read_json(path)


# --- JSON ------------------------------------------------------------------------------------------------


def _first_char(path):
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(4096)
            if not chunk:
                return ""
            stripped = chunk.lstrip(b"\xef\xbb\xbf \t\r\n")
            if stripped:
                return chr(stripped[0])


def _is_ndjson(path):
    if path.suffix.lower() in (".ndjson", ".jsonl"):
        return True
    with open(path, encoding="utf-8-sig") as handle:
        first = handle.readline()
        second = handle.readline()
        while second and not second.strip():
            second = handle.readline()
    if not second.strip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _describe(sample, name, fallback):
    if isinstance(sample, dict) and ORUK_V1_FIELDS & set(sample):
        return _("%(name)s: Open Referral UK v1 services") % {"name": name}
    return _("%(name)s: %(what)s") % {"name": name, "what": fallback}


def read_json(path):
    path = Path(path)
    name = path.name
    first = _first_char(path)
    if first not in "[{":
        raise ImportFailed(_("%(name)s is not JSON (it does not start with [ or {)") % {"name": name})
    if first == "{" and _is_ndjson(path):
        return Input(_describe(_peek_ndjson(path), name, _("HSDS services, one per line")), _ndjson(path))
    if first == "[":
        sample = _peek_items(path, "item")
        return Input(_describe(sample, name, _("a list of HSDS services")), _items(path, "item", name))
    return _read_object(path, name)


def _peek_ndjson(path):
    with open(path, encoding="utf-8-sig") as handle:
        return json.loads(handle.readline())


def _ndjson(path):
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            position = _("%(name)s line %(n)s") % {"name": path.name, "n": number}
            try:
                yield position, json.loads(line)
            except ValueError as error:
                yield position, _Broken(str(error))


class _Broken(str):
    """A line that is not JSON: the importer reports it as 'not a service record'."""


def _peek_items(path, prefix):
    try:
        for item in _iter_items(path, prefix):
            return item
    except Exception:  # noqa: BLE001 - a broken file is reported when it is read in full
        return None
    return None


def _iter_items(path, prefix):
    if ijson is None:
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
        for key in [k for k in prefix.split(".") if k != "item"]:
            data = data.get(key, [])
        yield from data
        return
    with open(path, "rb") as handle:
        yield from ijson.items(handle, prefix, use_float=True)


def _items(path, prefix, name, what=None):
    number = 0
    try:
        for number, item in enumerate(_iter_items(path, prefix), start=1):
            yield (what or _("%(name)s item %(n)s")) % {"name": name, "n": number}, item
    except (ValueError, Exception) as error:
        if isinstance(error, ImportFailed):
            raise
        raise ImportFailed(
            _("%(name)s stops being valid JSON after item %(n)s (%(error)s)")
            % {"name": name, "n": number, "error": error}
        ) from error


def _read_object(path, name):
    """A JSON object: a /services page, one service, one organization with its services, or an API root."""
    size = os.path.getsize(path)
    if size > 50_000_000:  # a big object can only be a page: stream its contents
        return Input(
            _describe(None, name, _("a page of HSDS services")),
            _items(path, "contents.item", name, _("%(name)s contents item %(n)s")),
        )
    with open(path, encoding="utf-8-sig") as handle:
        try:
            data = json.load(handle)
        except ValueError as error:
            raise ImportFailed(
                _("%(name)s is not valid JSON (%(error)s)") % {"name": name, "error": error}
            ) from error
    return from_object(data, name)


def from_object(data, name):
    if isinstance(data.get("contents"), list):
        contents = data["contents"]
        sample = contents[0] if contents else None
        what = _("a page of HSDS services")
        claimed = data.get("total_items")
        if isinstance(claimed, int) and claimed != len(contents) and data.get("total_pages") in (1, None):
            what = _("a page of HSDS services (it says %(claimed)s, it holds %(held)s)") % {
                "claimed": claimed,
                "held": len(contents),
            }
        return Input(
            _describe(sample, name, what),
            (
                (_("%(name)s contents item %(n)s") % {"name": name, "n": n}, item)
                for n, item in enumerate(contents, start=1)
            ),
            len(contents),
        )
    if isinstance(data.get("services"), list) and "organization" not in data and "service" not in data:
        return Input(
            _("%(name)s: an HSDS organization with %(n)s services")
            % {"name": name, "n": len(data["services"])},
            _organization_services(data, name),
            len(data["services"]),
        )
    if isinstance(data.get("services_at_locations"), list):
        return Input(
            _("%(name)s: an organization with its services at locations") % {"name": name},
            _services_at_locations(data, name),
            len(data["services_at_locations"]),
        )
    if "version" in data and "openapi_url" in data:
        raise ImportFailed(
            _("%(name)s is the front page of an HSDS API, not services: import its /services address")
            % {"name": name}
        )
    if "id" in data or "name" in data:
        return Input(_describe(data, name, _("one HSDS service")), iter([(name, data)]), 1)
    raise ImportFailed(_("%(name)s does not look like HSDS services") % {"name": name})


def _organization_services(data, name):
    organization = {k: v for k, v in data.items() if k not in ("services", "locations")}
    for n, service in enumerate(data["services"], start=1):
        if isinstance(service, dict):
            service = {"organization": organization, **service}
        yield _("%(name)s services item %(n)s") % {"name": name, "n": n}, service


def _services_at_locations(data, name):
    """{organization, services_at_locations: [{service, location}]}: each service with its location."""
    organization = data.get("organization") if isinstance(data.get("organization"), dict) else None
    for n, pair in enumerate(data["services_at_locations"], start=1):
        service = pair.get("service") if isinstance(pair, dict) else None
        if isinstance(service, dict):
            service = dict(service)
            if organization and "organization" not in service:
                service["organization"] = organization
            if isinstance(pair.get("location"), dict):
                service.setdefault("service_at_locations", [{"location": pair["location"]}])
        yield _("%(name)s services_at_locations item %(n)s") % {"name": name, "n": n}, service


# --- web addresses ---------------------------------------------------------------------------------------


def _fetch(url, target):
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "TwoWorlds"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 - http(s) only
            while chunk := response.read(1 << 16):
                target.write(chunk)
    except OSError as error:
        raise ImportFailed(_("could not fetch %(url)s (%(error)s)") % {"url": url, "error": error}) from error


def _download(url):
    handle = tempfile.NamedTemporaryFile(prefix="hsds-", suffix=".json", delete=False)
    with handle:
        _fetch(url, handle)
    return Path(handle.name)


def _from_url(url):
    path = _download(url)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            head = handle.read(1 << 20)
        data = json.loads(head) if len(head) < (1 << 20) and head.lstrip().startswith("{") else None
    except ValueError:
        data = None
    if (
        isinstance(data, dict)
        and isinstance(data.get("contents"), list)
        and (data.get("total_pages") or 1) > 1
    ):
        os.unlink(path)
        return Input(
            _("%(url)s: an HSDS API, page by page") % {"url": url}, _pages(url, data), data.get("total_items")
        )
    try:
        found = read_json(path)
    except ImportFailed:
        os.unlink(path)
        raise
    found.description = found.description.replace(path.name, url, 1)
    found.services = _then_remove(found.services, path)
    return found


def _then_remove(services, path):
    """The services of a downloaded file; the file is removed once they are read (or the import stops)."""
    try:
        yield from services
    finally:
        path.unlink(missing_ok=True)


def _pages(url, first):
    page, data = 1, first
    while True:
        for n, item in enumerate(data.get("contents") or [], start=1):
            yield _("page %(page)s item %(n)s of %(url)s") % {"page": page, "n": n, "url": url}, item
        if page >= (data.get("total_pages") or 1) or data.get("last_page") or page >= MAX_PAGES:
            return
        page += 1
        parts = urllib.parse.urlsplit(url)
        query = dict(urllib.parse.parse_qsl(parts.query))
        query["page"] = str(page)
        buffer = io.BytesIO()
        _fetch(urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query))), buffer)
        try:
            data = json.loads(buffer.getvalue())
        except ValueError as error:
            raise ImportFailed(
                _("page %(page)s of %(url)s is not JSON") % {"page": page, "url": url}
            ) from error


# --- tabular ---------------------------------------------------------------------------------------------

TABLES = {
    "services": ["services", "service"],
    "organizations": ["organizations", "organization"],
    "locations": ["locations", "location"],
    "addresses": ["addresses", "address"],
    "phones": ["phones", "phone"],
    "schedules": ["schedules", "schedule"],
    "service_at_locations": ["service_at_locations", "service_at_location"],
    "contacts": ["contacts", "contact"],
    "languages": ["languages", "language"],
    "attributes": ["attributes", "attribute"],
    "taxonomy_terms": ["taxonomy_terms", "taxonomy_term"],
    "accessibility": ["accessibility", "accessibilities"],
    "cost_options": ["cost_options", "cost_option"],
}
NUMBERS = {"minimum_age", "maximum_age", "latitude", "longitude", "interval", "amount"}


def _declared(folder):
    """File names the datapackage.json declares (the UK profile declares singular names)."""
    package = folder / "datapackage.json"
    if not package.exists():
        return set()
    try:
        data = json.loads(package.read_text(encoding="utf-8-sig"))
    except ValueError:
        return set()
    return {Path(r.get("path", "")).name for r in data.get("resources", []) if isinstance(r, dict)}


def _table_file(folder, table, declared):
    names = [f"{n}.csv" for n in TABLES[table]]
    for name in [n for n in names if n in declared] + names:
        if (folder / name).exists():
            return folder / name
    return None


def _rows(path):
    """Rows as dicts; blank rows (as `\\r\\r\\n` line endings produce) skipped. Yields (row number, row)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = None
        number = 0
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            number += 1
            if header is None:
                header = [h.strip() for h in cells]
                continue
            row = {}
            for key, value in zip(header, cells, strict=False):
                value = value.strip()
                if value == "":
                    continue
                if key in NUMBERS:
                    try:
                        value = float(value) if "." in value else int(value)
                    except ValueError:
                        pass
                row[key] = value
            yield number, row


def _index(folder, table, declared, key):
    path = _table_file(folder, table, declared)
    found = {}
    if path:
        for _number, row in _rows(path):
            if row.get(key):
                found.setdefault(row[key], []).append(row)
    return found


def read_tabular(folder):
    folder = Path(folder)
    present = {p.name for p in folder.glob("*.csv")}
    old = sorted(present & HSDS_1_FILES)
    if old:
        raise ImportFailed(
            _(
                "this is an HSDS 1.x package (it has %(files)s, which HSDS 3.0 replaced); we import "
                "HSDS 3.0. Ask the publisher for an HSDS 3.0 export, or convert it first"
            )
            % {"files": ", ".join(old[:4])}
        )
    declared = _declared(folder)
    services = _table_file(folder, "services", declared)
    if services is None:
        raise ImportFailed(_("there is no services.csv in %(folder)s") % {"folder": folder})
    return Input(
        _("%(folder)s: HSDS tabular package (CSV files)") % {"folder": folder.name},
        _tabular_services(folder, declared, services),
    )


def _tabular_services(folder, declared, services_path):
    # The related tables are indexed in memory (they are small beside services.csv, which is streamed).
    organizations = {k: v[0] for k, v in _index(folder, "organizations", declared, "id").items()}
    locations = {k: v[0] for k, v in _index(folder, "locations", declared, "id").items()}
    addresses = _index(folder, "addresses", declared, "location_id")
    accessibility = _index(folder, "accessibility", declared, "location_id")
    phones = _index(folder, "phones", declared, "service_id")
    schedules = _index(folder, "schedules", declared, "service_id")
    sal_schedules = _index(folder, "schedules", declared, "service_at_location_id")
    sals = _index(folder, "service_at_locations", declared, "service_id")
    contacts = _index(folder, "contacts", declared, "service_id")
    languages = _index(folder, "languages", declared, "service_id")
    attributes = _index(folder, "attributes", declared, "link_id")
    terms = {k: v[0] for k, v in _index(folder, "taxonomy_terms", declared, "id").items()}
    cost_options = _index(folder, "cost_options", declared, "service_id")
    for number, row in _rows(services_path):
        sid = row.get("id", "")
        service = dict(row)
        if row.get("organization_id") in organizations:
            service["organization"] = organizations[row["organization_id"]]
        service["phones"] = phones.get(sid, [])
        service["schedules"] = schedules.get(sid, [])
        service["contacts"] = contacts.get(sid, [])
        service["languages"] = languages.get(sid, [])
        service["cost_options"] = cost_options.get(sid, [])
        service["attributes"] = [
            {**a, "taxonomy_term": terms.get(a.get("taxonomy_term_id"), {})} for a in attributes.get(sid, [])
        ]
        service["service_at_locations"] = []
        for sal in sals.get(sid, []):
            location = locations.get(sal.get("location_id"))
            if location is None:
                continue
            location = {
                **location,
                "addresses": addresses.get(location["id"], []),
                "accessibility": accessibility.get(location["id"], []),
            }
            service["service_at_locations"].append(
                {**sal, "location": location, "schedules": sal_schedules.get(sal.get("id"), [])}
            )
        yield _("%(file)s row %(n)s") % {"file": services_path.name, "n": number}, service
