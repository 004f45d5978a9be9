"""A filtered HSDS export holds exactly the groups the filters choose (by issue, organisation, time of the
last change; cumulative), the same groups the open data API gives for the same filters."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.directory import services
from twoworlds.directory.models import Group
from twoworlds.interop import exporting

from .api import names, page
from .conftest import LISTED


def exported_names(tmp_path, **options):
    selection = exporting.Selection.from_options(**options)
    path = tmp_path / "services.json"
    exporting.export_json(path, selection)
    return sorted(s["name"] for s in json.loads(path.read_text(encoding="utf-8")))


def _names(directory, *keys):
    return sorted(directory["groups"][key].name for key in keys)


def test_everything_listed_without_filters(directory, tmp_path):
    assert exported_names(tmp_path) == _names(directory, *LISTED)


def test_by_issue_includes_its_sub_issues(directory, tmp_path):
    assert exported_names(tmp_path, category="api-carers") == _names(
        directory, "cafe", "polish", "kitchen", "paused", "lapsed", "national"
    )
    dementia = directory["categories"]["dementia"]
    assert exported_names(tmp_path, category=str(dementia.pk)) == _names(
        directory, "cafe", "polish", "kitchen", "national"
    )


def test_by_organisation_by_id_slug_or_name(directory, tmp_path, client):
    hospital = directory["organisations"]["hospital"]
    expected = _names(directory, "anxiety")
    for given in (str(hospital.pk), hospital.slug, "city hospital social work"):
        assert exported_names(tmp_path, organisation=given) == expected
    network = directory["organisations"]["network"]
    from_api = names(page(client, organization_id=str(network.pk), per_page=500))
    assert exported_names(tmp_path, organisation=str(network.pk)) == from_api


def test_by_last_change_follows_the_group_its_organisation_and_its_venues(directory, tmp_path, client):
    assert exported_names(tmp_path, modified_after="2000-01-01") == _names(directory, *LISTED)
    later = timezone.now()
    stamp = later.isoformat()
    assert exported_names(tmp_path, modified_after=stamp) == []
    beeston = directory["venues"]["beeston"]
    beeston.parking = False
    services.save_venue(beeston)
    Group.objects.filter(pk=directory["groups"]["anxiety"].pk).update(updated_at=later + timedelta(minutes=1))
    expected = _names(directory, "polish", "paused", "anxiety")
    assert exported_names(tmp_path, modified_after=stamp) == expected
    assert names(page(client, modified_after=stamp)) == expected  # the API's filter is the same one


def test_filters_add_up(directory, tmp_path):
    network = directory["organisations"]["network"]
    assert exported_names(tmp_path, category="api-bereavement", organisation=str(network.pk)) == _names(
        directory, "kitchen", "online", "phone"
    )
    assert exported_names(tmp_path, category="api-anxiety", organisation=str(network.pk)) == []


def test_tabular_export_holds_only_the_chosen_groups_and_what_belongs_to_them(directory, tmp_path):
    hospital = directory["organisations"]["hospital"]
    selection = exporting.Selection.from_options(organisation=str(hospital.pk))
    result = exporting.export_tables(tmp_path / "hsds", selection)
    anxiety = directory["groups"]["anxiety"]
    assert result.services == 1 and result.files["services.csv"] == 1
    assert result.files["organizations.csv"] == 1
    assert result.files["locations.csv"] == 1  # the one venue where it meets (hybrid)
    folder = tmp_path / "hsds"
    assert str(anxiety.pk) in (folder / "services.csv").read_text(encoding="utf-8")
    assert "Memory Lane" not in "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.csv"))
    described = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["description"]
    assert "City Hospital Social Work" in described


@pytest.mark.parametrize(
    "options, words",
    [
        ({"category": "no-such-issue"}, "no issue"),
        ({"organisation": "Nobody At All"}, "no organisation"),
        ({"organisation": "00000000-0000-0000-0000-000000000000"}, "no organisation"),
        ({"modified_after": "yesterday"}, "not a date"),
        ({"modified_after": "2025-13-01"}, "not a date"),
        ({"modified_after": "0001-01-01T00:00:00+05:00"}, "not a date"),
    ],
)
def test_a_filter_that_names_nothing_is_refused(directory, options, words):
    with pytest.raises(exporting.SelectionError, match=words):
        exporting.Selection.from_options(**options)
