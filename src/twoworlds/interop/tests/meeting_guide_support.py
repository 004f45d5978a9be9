"""Shared helpers for the Meeting Guide import tests: the real feeds beside the repository (read in place,
never copied), small feeds written to a temporary folder, and a quick import."""

import json
from pathlib import Path

import pytest

from twoworlds.core import testing as t
from twoworlds.interop.meeting_guide_import import import_feed

PROJECT_ROOT = Path(__file__).resolve().parents[4]
REAL_FEEDS = PROJECT_ROOT.parent / "shared" / "real-data" / "meeting-guide"


def real_feed(name):
    """The path of a real feed under ../shared/real-data/meeting-guide, or skip when it is not there."""
    path = REAL_FEEDS / name
    if not path.exists():
        pytest.skip(
            f"The real Meeting Guide feeds are not at {REAL_FEEDS} (check out ../shared beside the repo)."
        )
    return path


def write_feed(folder, meetings, name="meetings.json"):
    path = Path(folder) / name
    path.write_text(json.dumps(meetings), encoding="utf-8")
    return path


def meeting(slug, **fields):
    """A Meeting Guide meeting as the specification describes it, in person at a UK church hall."""
    return {
        "name": fields.pop("name", slug.replace("-", " ").title()),
        "slug": slug,
        "day": 2,
        "time": "19:00",
        "end_time": "20:30",
        "location": "St Mary's Church Hall",
        "address": "12 High Street",
        "city": "Nottingham",
        "postal_code": "NG1 1AA",
        "country": "UK",
        "types": ["O"],
        **fields,
    }


def run(path, organisation=None, **options):
    return import_feed(path, organisation or t.organisation("Fellowship Intergroup"), **options)
