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
