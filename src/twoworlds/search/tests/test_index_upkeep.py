"""The index follows every change at once, and can be rebuilt from scratch."""

from io import StringIO

from django.core.management import call_command

from twoworlds.core import testing as t
from twoworlds.directory import services
from twoworlds.directory.models import Group
from twoworlds.search.models import SearchDocument
from twoworlds.search.services import find_groups


def names(query="", **filters):
    return {hit.group.name for hit in find_groups(query).load()}


def test_a_new_group_is_found_once_committed(db, indexed):
    with indexed():
        t.group("Kintsugi Hope", [], description="Broken pieces made beautiful")
    assert names("kintsugi") == {"Kintsugi Hope"}


def test_a_change_to_a_group_is_searchable_at_once(db, indexed):
    with indexed():
        group = t.group("Kintsugi Hope", [], description="Broken pieces")
    with indexed():
        group.name = "Golden Repair Circle"
        services.save_group(group)
    assert names("golden") == {"Golden Repair Circle"}
    assert names("kintsugi") == set()


def test_a_change_to_a_shared_venue_reaches_every_group_meeting_there(db, indexed):
    with indexed():
        hall = t.venue("Old Hall")
        t.group("First", [], meetings=[t.weekly(0, venue=hall)])
        t.group("Second", [], meetings=[t.weekly(1, venue=hall)])
    with indexed():
        hall.name = "Quaker Meeting House"
        services.save_venue(hall)
    assert names("quaker") == {"First", "Second"}


def test_closing_a_group_takes_it_out_of_search(db, indexed):
    with indexed():
        group = t.group("Closing Soon", [])
    with indexed():
        group.status = Group.Status.CLOSED
        services.save_group(group)
    assert names("closing") == set()


def test_deleting_a_group_removes_its_document(db, indexed):
    with indexed():
        group = t.group("Short Lived", [])
    group.delete()
    assert not SearchDocument.objects.exists()
    assert names("short") == set()


def test_rebuild_command(db):
    t.group("Rebuilt Group", [])
    SearchDocument.objects.all().delete()
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexed 1 groups" in out.getvalue()
    assert names("rebuilt") == {"Rebuilt Group"}


def test_bulk_writers_can_defer_indexing_and_index_once(db, indexed):
    from twoworlds.search.services import index_groups

    with indexed(), services.deferred_indexing() as changed:
        first = t.group("Deferred One", [])
        second = t.group("Deferred Two", [], meetings=[t.weekly(0)])
    assert changed == {first.pk, second.pk}
    assert names("deferred") == set()  # nothing was indexed behind the bulk writer's back
    index_groups(changed)
    assert names("deferred") == {"Deferred One", "Deferred Two"}
