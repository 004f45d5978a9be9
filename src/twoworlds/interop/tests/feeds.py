"""Helpers for the Meeting Guide feed and iCalendar tests: the demo directory, the official standard files,
and small explicit directories for the cases the demo may not hold."""

import copy
import json
from functools import lru_cache
from pathlib import Path

from twoworlds.core import testing as t
from twoworlds.directory import demo, services
from twoworlds.directory.models import Meeting, Venue

PROJECT_ROOT = Path(__file__).resolve().parents[4]
STANDARDS = PROJECT_ROOT.parent / "shared" / "standards" / "meeting-guide"
DRAFT_SCHEMA = PROJECT_ROOT.parent / "shared" / "real-data" / "meeting-guide" / "_draft-schema"

A = Meeting.Attendance
F = Meeting.Frequency


@lru_cache(maxsize=1)
def _demo_plan():
    return demo.build_plan(250)


def load_demo_directory():
    """The demo directory (250 groups around Nottingham), written as `twoworlds demo_data --bulk` writes it
    but without staff accounts. Not indexed for search: the feed reads the directory, and indexing (with
    its embeddings) would take most of a minute per test."""
    demo.write_in_bulk(copy.deepcopy(_demo_plan()))


def official_types():
    return json.loads((STANDARDS / "types.json").read_text(encoding="utf-8"))


def weekly(weekday, start="19:00", end="21:00", **extra):
    return t.weekly(weekday, start, end, **extra)


def fortnightly(weekday, starts_on, start="19:00", end="21:00", **extra):
    return {
        "frequency": F.FORTNIGHTLY,
        "weekday": weekday,
        "starts_on": starts_on,
        "start_time": start,
        "end_time": end,
        **extra,
    }


def monthly(weekday, nth, start="19:00", end="21:00", **extra):
    return {
        "frequency": F.MONTHLY,
        "weekday": weekday,
        "nth": nth,
        "start_time": start,
        "end_time": end,
        **extra,
    }


def venue(name, address_1, town, postcode, lat=None, lon=None, **flags):
    """A venue with its own street line, so a test can look for it in what is published."""
    return services.save_venue(
        Venue(
            name=name,
            address_1=address_1,
            town=town,
            postcode=postcode,
            latitude=lat,
            longitude=lon,
            **flags,
        )
    )


def home_venue():
    return venue(
        "Jo's house", "12 Acacia Avenue", "Arnold", "NG5 6AA", 53.00512, -1.12734, is_members_home=True
    )


def on_request_venue():
    return venue(
        "Quiet Room",
        "7 Larch Close",
        "Carlton",
        "NG4 1AA",
        52.96601,
        -1.08102,
        address_disclosure="on_request",
    )


def hidden_venue():
    return venue(
        "Secret Place",
        "3 Hidden Lane",
        "Hucknall",
        "NG15 7AA",
        53.03801,
        -1.20507,
        address_disclosure="hidden",
    )


def public_venue():
    return venue(
        "Friends Meeting House",
        "30 Clarendon Street",
        "Nottingham",
        "NG1 5FS",
        52.956234,
        -1.156189,
        county="Nottinghamshire",
        step_free=True,
        directions="Opposite the church.",
    )
