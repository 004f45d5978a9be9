"""Shared by the import tests (no tests here): where the real third-party files are, a staff member, and a
small HSDS 3.0 service to import."""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as Role

from twoworlds.accounts.roles import EDITOR, ensure_roles
from twoworlds.interop.importer import import_services, source_named
from twoworlds.interop.readers import open_input

PROJECT_ROOT = Path(__file__).resolve().parents[4]
REAL_DATA = Path(
    os.environ.get("TWOWORLDS_REAL_DATA_DIR") or PROJECT_ROOT / ".." / "shared" / "real-data"
).resolve()
HSDS_DATA = REAL_DATA / "hsds"


def real(relative):
    """A real third-party file; the test is skipped, saying why, when the shared folder is not there."""
    path = HSDS_DATA / relative
    if not path.exists():
        pytest.skip(
            f"The shared real-data folder is missing ({path}): these tests read the real files there."
        )
    return path


def import_file(path, source="test source", **options):
    found = open_input(path)
    return import_services(source_named(source), found.services, **options)


def staff_member(username="editor"):
    ensure_roles()
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@clearinghouse.example", password=None, is_staff=True
    )
    user.groups.add(Role.objects.get(name=EDITOR))
    return user


def someone(username="member"):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=None
    )


LOCATION_ID = "6c0d3bb0-2c55-4a2a-9b1e-6a0b1b6a0c01"


def service(sid="9d1f5a3c-0a51-4d8e-a3a8-3b8c6b6c1a01", **overrides):
    """One HSDS 3.0 service with an organisation, a venue, a weekly meeting, a phone and a term."""
    data = {
        "id": sid,
        "name": "Hearing Voices Group Nottingham",
        "description": "<p>A peer support group for people who hear voices.</p>",
        "email": "voices@example.org",
        "url": "https://voices.example.org",
        "status": "active",
        "organization": {
            "id": "0e6c0c57-7d7e-4d3c-8e34-1c8a8c5e2b01",
            "name": "Voices Network",
            "description": "Peer support.",
        },
        "phones": [{"id": "p1", "number": "0115 496 0000", "description": "Evenings"}],
        "service_at_locations": [
            {
                "id": "sal1",
                "location": {
                    "id": LOCATION_ID,
                    "location_type": "physical",
                    "name": "Friends Meeting House",
                    "latitude": 52.95,
                    "longitude": -1.15,
                    "addresses": [
                        {
                            "id": "a1",
                            "address_1": "Clarendon Street",
                            "city": "Nottingham",
                            "state_province": "Nottinghamshire",
                            "postal_code": "ng1 5jd",
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "schedules": [
            {
                "id": "s1",
                "freq": "WEEKLY",
                "byday": "TU",
                "opens_at": "19:00",
                "closes_at": "21:00",
                "location_id": LOCATION_ID,
            }
        ],
        "attributes": [
            {
                "id": "at1",
                "taxonomy_term": {
                    "id": "t-esd-9999",
                    "code": "ESD-9999",
                    "name": "Allotment gardening",
                    "taxonomy": "example-taxonomy",
                },
            }
        ],
    }
    data.update(overrides)
    return data


def assert_fingerprints_agree():
    """Every imported listing's stored fingerprint is that of the listing as it reads now (the importer
    builds it from what it writes, without reading back: they must agree, or every later import of a
    changed record would be taken for a local edit)."""
    from twoworlds.directory.snapshots import take_snapshot
    from twoworlds.interop.importer import listing_fingerprint
    from twoworlds.interop.models import ImportedRecord

    records = ImportedRecord.objects.filter(kind="service", group__isnull=False).select_related("group")
    assert records.exists()
    for record in records:
        assert listing_fingerprint(take_snapshot(record.group)) == record.local_fingerprint, (
            record.external_id
        )
