"""Our own directory, serialised as HSDS 3.0 by directory/hsds.py, imports into an empty directory with no
rejections and nothing left out."""

import json

import pytest

from twoworlds.directory import demo, hsds, queries
from twoworlds.directory.models import Group, Meeting, Venue
from twoworlds.interop.importer import import_services, source_named
from twoworlds.interop.readers import open_input

from .import_support import assert_fingerprints_agree

pytestmark = pytest.mark.django_db


def _round_trip(tmp_path):
    groups = list(queries.groups_with_details())
    exported = [hsds.service_to_hsds(group) for group in groups]
    meetings = Meeting.objects.count()
    categories = {str(g.pk): sorted(c.slug for c in g.categories.all()) for g in groups}
    path = tmp_path / "services.json"
    path.write_text(json.dumps(exported))
    demo.clear_demo_data(everything=True)
    assert Group.objects.count() == 0

    report = import_services(source_named("ourselves"), open_input(path).services)
    assert report.problems == [] and report.ok
    assert report.counts_dict()["created"] == len(exported)
    assert Meeting.objects.count() == meetings
    assert Venue.objects.exists()
    assert_fingerprints_agree()
    for group in Group.objects.prefetch_related("categories"):
        assert sorted(c.slug for c in group.categories.all()) == categories[str(group.pk)]
    again = import_services(source_named("ourselves"), open_input(path).services)
    assert again.counts_dict()["unchanged"] == len(exported)


def test_api_test_directory_round_trip(directory, tmp_path):
    """Every kind of meeting, venue (a member's home too) and contact route."""
    _round_trip(tmp_path)


def test_demo_directory_round_trip(tmp_path):
    """The 250-group demo directory (`twoworlds demo_data`), written without indexing (search plays no
    part here)."""
    from twoworlds.directory.services import deferred_indexing

    with deferred_indexing():
        demo.write_in_bulk(demo.build_plan(250))
    _round_trip(tmp_path)
