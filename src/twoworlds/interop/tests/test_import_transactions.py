"""Re-importing the same file changes nothing; a dry run and a failure half-way leave the database exactly as
it was."""

import pytest

from twoworlds.directory.models import ContactRoute, Group, Meeting, Organisation, Venue
from twoworlds.interop.importer import import_services, source_named
from twoworlds.interop.models import ImportedRecord, ImportRun, TermMapping
from twoworlds.listings.models import ListingChange

from .import_support import assert_fingerprints_agree, import_file, real, service

pytestmark = pytest.mark.django_db


def _state():
    return {
        model.__name__: model.objects.count()
        for model in (
            Group,
            Organisation,
            Venue,
            Meeting,
            ContactRoute,
            ImportedRecord,
            TermMapping,
            ListingChange,
        )
    }


def test_second_run_of_the_same_file_changes_nothing():
    path = real("oruk1-northlincs-openplace/services.json")
    first = import_file(path, "North Lincolnshire")
    before = _state()
    updated_at = dict(Group.objects.values_list("pk", "updated_at"))
    second = import_file(path, "North Lincolnshire")
    assert first.counts_dict()["created"] == 738
    assert second.counts_dict() == {
        "created": 0,
        "updated": 0,
        "unchanged": 738,
        "rejected": 0,
        "conflicts": 0,
    }
    assert _state() == before
    assert dict(Group.objects.values_list("pk", "updated_at")) == updated_at


def test_a_changed_record_is_updated_with_history():
    source = source_named("voices")
    import_services(source, [("item 1", service())])
    changed = service(name="Hearing Voices Nottingham", schedules=[])
    report = import_services(source, [("item 1", changed)])
    assert report.counts_dict()["updated"] == 1
    group = Group.objects.get()
    assert group.name == "Hearing Voices Nottingham"
    assert not group.meetings.exists()
    history = ListingChange.objects.filter(group=group).order_by("created_at", "id")
    assert [h.source for h in history] == ["import", "import"]
    assert history.last().reason == "Imported from voices"
    assert history.last().before["name"] == "Hearing Voices Group Nottingham"
    assert_fingerprints_agree()


def test_dry_run_writes_nothing_but_reports_exactly():
    before = _state()
    report = import_file(real("oruk1-bristol-openplace/services.json"), "Bristol", dry_run=True)
    assert report.counts_dict()["created"] == 817 and report.counts_dict()["rejected"] == 2
    assert report.dry_run and "Preview only: nothing was saved." in report.as_text()
    assert _state() == before
    run = ImportRun.objects.get()  # the attempt itself is recorded, with its report
    assert run.dry_run and run.counts["created"] == 817 and len(run.problems) == len(report.problems)


def test_failure_half_way_leaves_the_database_unchanged():
    import_services(source_named("voices"), [("item 1", service())])
    before = _state()
    names = dict(Group.objects.values_list("pk", "name"))
    services = [(f"item {n}", service(sid=f"id-{n}", name=f"Group {n}")) for n in range(1, 2500)]
    services.insert(0, ("item 0", service(name="Renamed before the failure")))
    report = import_services(source_named("voices"), services, fail_after=2200)
    assert report.error and "forced failure" in report.error
    assert "nothing was saved" in report.as_text()
    assert _state() == before  # two full batches had been written inside the transaction, then undone
    assert dict(Group.objects.values_list("pk", "name")) == names


def test_one_bad_record_does_not_stop_the_others():
    services = [
        ("item 1", service()),
        ("item 2", {"id": "x2", "name": 42}),
        ("item 3", "not a record"),
        ("item 4", service(sid="x4", name="Another group", minimum_age="twelve", email="nope")),
    ]
    report = import_services(source_named("mixed"), services)
    assert report.counts_dict()["created"] == 2 and report.counts_dict()["rejected"] == 2
    problems = {(p.position, p.field): (p.reason, p.rejected) for p in report.problems}
    assert problems[("item 2", "name")] == ("the name is not text", True)
    assert problems[("item 3", "")] == ("this is not a service record", True)
    assert problems[("item 4", "minimum_age")] == ("'twelve' is not an age in years", False)
    assert problems[("item 4", "email")] == ("'nope' is not an email address", False)
