"""The official Open Referral schemas, loaded from the shared standards folder beside the repository
(`<repo>/../shared/standards`, or TWOWORLDS_STANDARDS_DIR), and validators for them (JSON Schema 2020-12
with format checking, including `uri` and `date-time`, which jsonschema skips without extra packages)."""

import json
import os
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

PROJECT_ROOT = Path(__file__).resolve().parents[4]
STANDARDS = Path(
    os.environ.get("TWOWORLDS_STANDARDS_DIR") or PROJECT_ROOT / ".." / "shared" / "standards"
).resolve()
HSDS = STANDARDS / "hsds-3.0"
HSDS_SCHEMA = HSDS / "schema"
OPENAPI_LOCAL = HSDS_SCHEMA / "openapi.local.json"


def require_standards():
    if not HSDS_SCHEMA.is_dir():
        raise RuntimeError(
            f"The HSDS 3.0 schemas are not at {HSDS_SCHEMA}. Check out the shared standards beside the "
            "repository, or set TWOWORLDS_STANDARDS_DIR."
        )


FORMATS = FormatChecker()
for name, check in Draft202012Validator.FORMAT_CHECKER.checkers.items():
    FORMATS.checkers[name] = check


@FORMATS.checks("uri", raises=ValueError)
def _is_uri(value):
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return (
        bool(parts.scheme)
        and (parts.scheme in ("mailto", "tel", "urn") or bool(parts.netloc))
        and " " not in value
    )


@FORMATS.checks("date-time", raises=ValueError)
def _is_datetime(value):
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", value):
        return False
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@FORMATS.checks("date", raises=ValueError)
def _is_date(value):
    return not isinstance(value, str) or date.fromisoformat(value) is not None


@lru_cache
def load(relative):
    require_standards()
    return json.loads((HSDS_SCHEMA / relative).read_text(encoding="utf-8"))


@lru_cache
def _registry():
    """Every schema file by its file name, so the plain (non-compiled) schemas' relative $refs resolve."""
    resources = []
    for path in HSDS_SCHEMA.glob("*.json"):
        if path.name.startswith("openapi"):
            continue
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


@lru_cache
def validator(relative):
    """A validator for a schema under hsds-3.0/schema, e.g. 'compiled/service.json' or 'taxonomy.json'."""
    return Draft202012Validator(load(relative), registry=_registry(), format_checker=FORMATS)


def errors(instance, relative):
    found = sorted(validator(relative).iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in found]


def assert_valid(instance, relative):
    problems = errors(instance, relative)
    assert not problems, f"not valid against {relative}:\n" + "\n".join(problems[:20])


def validate_schema(schema, instance):
    """Validate against an arbitrary 2020-12 schema (e.g. one of our OpenAPI components) with formats."""
    return [e.message for e in Draft202012Validator(schema, format_checker=FORMATS).iter_errors(instance)]


# --- the tabular (CSV) form -------------------------------------------------------------------------------

DATAPACKAGE = HSDS / "examples" / "csv" / "datapackage.json"
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@lru_cache
def datapackage():
    """The official HSDS 3.0 datapackage.json."""
    require_standards()
    return json.loads(DATAPACKAGE.read_text(encoding="utf-8"))


def official_resource(path):
    """The official resource (table) whose file is `path`, e.g. 'services.csv'."""
    return next(r for r in datapackage()["resources"] if r["path"] == path)


def _typed(value, kind):
    """A CSV cell read as Table Schema reads a field of this type (default formats); ValueError if it
    cannot be."""
    if kind == "number":
        number = float(value)
        return int(number) if number.is_integer() and "." not in value else number
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        if value not in ("true", "false"):
            raise ValueError(value)
        return value == "true"
    if kind == "date":
        date.fromisoformat(value)
    elif kind == "time":
        if not re.fullmatch(r"\d\d:\d\d:\d\d", value):
            raise ValueError(value)
    elif kind == "datetime":
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", value):
            raise ValueError(value)
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def tabular_errors(row, resource):
    """What is wrong with one CSV row (a dict of cells) against the resource's table schema: required
    cells, types, enums and the uuid, email and uri formats."""
    problems = []
    for spec in resource["schema"]["fields"]:
        name, kind = spec["name"], spec.get("type", "string")
        constraints = spec.get("constraints", {})
        value = row.get(name, "")
        if value == "":
            if constraints.get("required"):
                problems.append(f"{name}: required but empty")
            continue
        try:
            _typed(value, kind)
        except ValueError:
            problems.append(f"{name}: {value!r} is not a {kind}")
        if "enum" in constraints and value not in constraints["enum"]:
            problems.append(f"{name}: {value!r} is not one of {constraints['enum']}")
        fmt = spec.get("format")
        if fmt == "uuid" and not UUID.fullmatch(value):
            problems.append(f"{name}: {value!r} is not a uuid")
        elif fmt == "email" and not EMAIL.fullmatch(value):
            problems.append(f"{name}: {value!r} is not an email address")
        elif fmt == "uri" and not _is_uri(value):
            problems.append(f"{name}: {value!r} is not a uri")
    return problems


def row_to_json(row, resource):
    """One CSV row as the JSON object it stands for (empty cells left out, numbers as numbers)."""
    types = {spec["name"]: spec.get("type", "string") for spec in resource["schema"]["fields"]}
    return {name: _typed(value, types.get(name, "string")) for name, value in row.items() if value != ""}


# --- the Open Referral UK profile (3.0) -------------------------------------------------------------------

ORUK = (STANDARDS.parent / "real-data" / "oruk" / "uk-profile-3.0").resolve()


@lru_cache
def oruk(relative):
    """A file of the Open Referral UK profile, e.g. 'openapi30.json' or 'schema/compiled/service.json'."""
    path = ORUK / relative
    if not path.is_file():
        raise RuntimeError(
            f"The Open Referral UK profile is not at {ORUK}: check out ../shared beside the repository."
        )
    return json.loads(path.read_text(encoding="utf-8"))


def oruk_errors(instance, relative):
    """Problems with an instance against one of the profile's compiled schemas (self-contained)."""
    found = Draft202012Validator(oruk(relative), format_checker=FORMATS).iter_errors(instance)
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in found]
