"""A later edit here is not silently overwritten by the next import: the import keeps our version, opens a
conflict for staff, and staff keep ours or take theirs."""

import pytest

from twoworlds.directory.models import Group
from twoworlds.directory.snapshots import apply_snapshot, take_snapshot
from twoworlds.interop.importer import import_services, resolve_conflict, source_named
from twoworlds.interop.models import ImportConflict

from .import_support import service, staff_member

pytestmark = pytest.mark.django_db


def _edited_locally():
    source = source_named("voices")
    import_services(source, [("item 1", service())])
    group = Group.objects.get()
    snapshot = take_snapshot(group)
    snapshot["description"] = "Our own words, written by the group."
    apply_snapshot(snapshot, group, source="group", reason="The group edited its listing")
    return source, group


def test_import_keeps_a_local_edit_and_reports_a_conflict():
    source, group = _edited_locally()
    report = import_services(source, [("item 1", service(description="The council's new text."))])
    assert report.counts_dict() == {"created": 0, "updated": 0, "unchanged": 0, "rejected": 0, "conflicts": 1}
    group.refresh_from_db()
    assert group.description == "Our own words, written by the group."
    conflict = ImportConflict.objects.get()
    assert conflict.group == group and conflict.is_open
    assert conflict.fields == ["description"]
    assert conflict.incoming["description"] == "The council's new text."
    assert conflict.ours["description"] == "Our own words, written by the group."
    assert "kept our version of: description" in report.as_text()
    # The same change imported again does not open a second conflict.
    again = import_services(source, [("item 1", service(description="The council's new text."))])
    assert again.counts_dict()["conflicts"] == 1 and ImportConflict.objects.count() == 1


def test_unchanged_source_leaves_a_local_edit_alone():
    source, group = _edited_locally()
    report = import_services(source, [("item 1", service())])
    assert report.counts_dict()["unchanged"] == 1 and not ImportConflict.objects.exists()


def test_a_changed_source_updates_a_listing_nobody_edited():
    source = source_named("voices")
    import_services(source, [("item 1", service())])
    report = import_services(source, [("item 1", service(description="New text."))])
    assert report.counts_dict()["updated"] == 1 and not ImportConflict.objects.exists()
    assert Group.objects.get().description == "New text."


def test_staff_take_theirs_then_later_imports_apply_again():
    source, group = _edited_locally()
    import_services(source, [("item 1", service(description="The council's new text."))])
    editor = staff_member()
    resolve_conflict(ImportConflict.objects.get(), take_theirs=True, user=editor)
    group.refresh_from_db()
    assert group.description == "The council's new text."
    conflict = ImportConflict.objects.get()
    assert conflict.resolution == "took_theirs" and conflict.resolved_by == editor
    # The next import rewrites the whole record (meetings and contacts too; here they had not changed).
    again = import_services(source, [("item 1", service(description="The council's new text."))])
    assert again.counts_dict()["unchanged"] == 1 and ImportConflict.objects.count() == 1
    later = import_services(source, [("item 1", service(description="Newer still."))])
    assert later.counts_dict()["updated"] == 1
    group.refresh_from_db()
    assert group.description == "Newer still."


def test_staff_keep_ours():
    source, group = _edited_locally()
    import_services(source, [("item 1", service(description="The council's new text."))])
    resolve_conflict(ImportConflict.objects.get(), take_theirs=False)
    group.refresh_from_db()
    assert group.description == "Our own words, written by the group."
    assert ImportConflict.objects.get().resolution == "kept_ours"
    # The same incoming version does not ask again.
    assert (
        import_services(source, [("item 1", service(description="The council's new text."))]).counts[
            "unchanged"
        ]
        == 1
    )
