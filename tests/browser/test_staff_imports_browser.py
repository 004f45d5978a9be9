"""A staff member previews and imports an HSDS file in a real browser, reads the report, maps a term and
decides a conflict; every page passes axe (WCAG 2.2 AA)."""

import json
import os

from twoworlds.core import testing as t
from twoworlds.directory.models import Group
from twoworlds.directory.snapshots import apply_snapshot, take_snapshot
from twoworlds.interop.importer import import_services, source_named
from twoworlds.interop.models import TermMapping
from twoworlds.interop.tests.import_support import service, staff_member

from .conftest import axe_violations

SHOTS = os.environ.get("TW_SCREENSHOTS")


def _look(page, name):
    assert axe_violations(page) == [], name
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_staff_preview_import_map_and_decide(browse, transactional_db, tmp_path):
    page = browse(staff_member())
    path = tmp_path / "services.json"
    path.write_text(json.dumps([service(), {"id": "broken-1", "name": ""}, service(sid="x2", email="nope")]))

    page.goto("/staff/imports/upload/")
    _look(page, "imports-upload")
    page.get_by_role("button", name="Import").click()
    assert page.locator(".error-summary").is_visible()
    _look(page, "imports-upload-errors")

    page.get_by_label("HSDS file").set_input_files(str(path))
    page.get_by_label("Where it comes from").fill("Voices network")
    page.get_by_role("button", name="Import").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Preview of an import: Voices network"
    assert page.get_by_text("the name is missing").is_visible()
    assert Group.objects.count() == 0
    _look(page, "imports-preview")

    form = page.locator("section", has=page.get_by_role("heading", name="Import it for real"))
    form.get_by_label("HSDS file").set_input_files(str(path))
    form.get_by_role("button", name="Import").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Import report: Voices network"
    assert Group.objects.count() == 2
    _look(page, "imports-report")

    page.goto("/staff/imports/")
    _look(page, "imports-index")

    t.category("Growing things")
    page.goto("/staff/imports/terms/")
    _look(page, "imports-terms")
    term = TermMapping.objects.get()
    page.get_by_label("Our category for “Allotment gardening”").select_option(label="Growing things")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("2 groups got the category").is_visible()
    voices = Group.objects.get(pk=service()["id"])
    assert voices.categories.get().name == "Growing things"
    assert TermMapping.objects.get(pk=term.pk).category is not None

    group = voices
    snapshot = take_snapshot(group)
    snapshot["name"] = "Voices (our name)"
    apply_snapshot(snapshot, group)
    import_services(source_named("Voices network"), [("item 1", service(name="Voices (their name)"))])
    page.goto("/staff/imports/conflicts/")
    _look(page, "imports-conflicts")
    page.get_by_label("Take the imported version").check()
    page.get_by_role("button", name="Decide").click()
    assert page.get_by_text("now has the imported version").is_visible()
    group.refresh_from_db()
    assert group.name == "Voices (their name)"

    page.goto(f"/staff/imports/sources/{source_named('Voices network').pk}/")
    _look(page, "imports-source")
