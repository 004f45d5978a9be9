"""The rule that recognises one group arriving from two sources: the same normalised name AND one shared
concrete detail (postcode of a meeting place, website, email, phone). Never the name alone."""

import pytest

from twoworlds.core import testing as t
from twoworlds.directory.models import ContactRoute, Group
from twoworlds.interop.federation import find_same_group, normalised_website, phone_digits, sources_of
from twoworlds.interop.meeting_guide_import import ALSO_LISTED
from twoworlds.interop.models import ImportedRecord, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def hope():
    """'The Hope Group', meeting at NG7 2UH, with a website, an email and a phone number."""
    return t.group(
        "The Hope Group",
        meetings=[{"weekday": 1, "start_time": "19:00", "venue": t.venue(postcode="NG7 2UH")}],
        routes=[
            {"kind": ContactRoute.Kind.EMAIL, "value": "hope@example.org"},
            {"kind": ContactRoute.Kind.PHONE, "value": "0115 496 0000"},
        ],
        website="https://www.hope.example.org/",
    )


@pytest.mark.parametrize(
    "details",
    [
        {"postcodes": ["ng72uh"]},
        {"websites": ["http://hope.example.org"]},
        {"emails": ["HOPE@example.org"]},
        {"phones": ["+44 115 496 0000"]},
    ],
)
def test_same_name_and_one_shared_detail_is_the_same_group(hope, details):
    assert find_same_group("hope", **details) == hope
    assert find_same_group("Hope Group!", **details) == hope


@pytest.mark.parametrize(
    "name, details",
    [
        ("Hope", {}),  # the name alone
        ("Hope", {"postcodes": ["NG1 1AA"], "emails": ["other@example.org"]}),  # nothing shared
        ("Calm Waters", {"postcodes": ["NG7 2UH"], "emails": ["hope@example.org"]}),  # details, other name
    ],
)
def test_a_name_alone_or_a_detail_alone_is_not_enough(hope, name, details):
    assert find_same_group(name, **details) is None


def test_a_closed_group_and_the_sources_own_groups_are_not_matched(hope):
    source = Source.objects.create(name="County list", kind=Source.Kind.HSDS_API)
    ImportedRecord.objects.create(source=source, kind="service", external_id="1", group=hope)
    assert find_same_group("Hope", postcodes=["NG7 2UH"], exclude_source=source) is None
    Group.objects.filter(pk=hope.pk).update(status=Group.Status.CLOSED)
    assert find_same_group("Hope", postcodes=["NG7 2UH"]) is None


def test_sources_of_a_group_first_the_one_that_looks_after_it(hope):
    first = Source.objects.create(name="First", kind=Source.Kind.HSDS_API)
    second = Source.objects.create(name="Second", kind=Source.Kind.MEETING_GUIDE)
    ImportedRecord.objects.create(source=first, kind="service", external_id="a", group=hope)
    ImportedRecord.objects.create(
        source=second, kind="service", external_id="b", group=hope, local_fingerprint=ALSO_LISTED
    )
    assert sources_of(hope) == [
        {"source": first, "also_listed": False},
        {"source": second, "also_listed": True},
    ]


def test_how_details_are_compared():
    assert normalised_website("HTTPS://www.Example.org/groups/") == "example.org/groups"
    assert phone_digits("+44 (0)115 496-0000") == phone_digits("0115 496 0000")
    assert phone_digits("12") == ""
