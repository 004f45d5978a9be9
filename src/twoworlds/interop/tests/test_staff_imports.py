"""Staff pages under /staff/imports/: only staff see or change anything; the pages import a file (with a
preview first), list runs with their reports, resolve conflicts and map taxonomy terms."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from twoworlds.core import testing as t
from twoworlds.directory.models import Group
from twoworlds.directory.snapshots import apply_snapshot, take_snapshot
from twoworlds.interop.importer import import_services, source_named
from twoworlds.interop.models import ImportConflict, ImportRun, TermMapping

from .import_support import service, someone, staff_member

pytestmark = pytest.mark.django_db

PAGES = ["/staff/imports/", "/staff/imports/upload/", "/staff/imports/conflicts/", "/staff/imports/terms/"]


@pytest.fixture
def imported():
    source = source_named("voices")
    report = import_services(source, [("item 1", service())])
    return source, report


def _upload(name, content, **fields):
    return {"file": SimpleUploadedFile(name, content), "source": "Voices network", **fields}


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]


@pytest.mark.parametrize("url", PAGES)
def test_people_who_are_not_staff_are_refused(client, url):
    client.force_login(someone())
    response = client.get(url)
    assert response.status_code == 403
    assert b"For clearinghouse staff only" in response.content


def test_posts_are_refused_to_non_staff(client, imported):
    source, report = imported
    term = TermMapping.objects.get()
    client.force_login(someone())
    for url, data in [
        ("/staff/imports/upload/", _upload("s.json", json.dumps([service()]).encode(), dry_run="")),
        (f"/staff/imports/terms/{term.pk}/", {f"t{term.pk}-category": t.category("X").pk}),
    ]:
        assert client.post(url, data).status_code == 403
    assert ImportRun.objects.count() == 1
    assert TermMapping.objects.get().category is None
    run = ImportRun.objects.get()
    assert client.get(f"/staff/imports/runs/{run.pk}/").status_code == 403
    assert client.get(f"/staff/imports/sources/{source.pk}/").status_code == 403


def test_preview_then_import_a_file(client):
    client.force_login(staff_member())
    content = json.dumps([service(), {"id": "bad", "name": ""}]).encode()
    response = client.post("/staff/imports/upload/", _upload("services.json", content, dry_run="on"))
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.dry_run and Group.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "Preview of an import" in page and "Preview only: nothing was saved." in page
    assert "the name is missing" in page and "services.json item 2" in page

    response = client.post("/staff/imports/upload/", _upload("services.json", content))
    assert response.status_code == 302
    assert Group.objects.get().name == "Hearing Voices Group Nottingham"
    page = client.get("/staff/imports/").content.decode()
    assert "Voices network" in page and "See problems" in page


def test_a_zip_of_csv_files(client):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("pkg/services.csv", "id,name,description\r\ns1,Tinnitus Circle,We meet.\r\n")
    client.force_login(staff_member())
    response = client.post("/staff/imports/upload/", _upload("package.zip", archive.getvalue()))
    assert response.status_code == 302
    assert Group.objects.get().name == "Tinnitus Circle"


def test_bad_upload_re_renders_with_errors(client):
    client.force_login(staff_member())
    response = client.post("/staff/imports/upload/", _upload("notes.txt", b"hello"))
    assert response.status_code == 400
    assert "Choose a .json file" in response.content.decode()
    assert 'value="Voices network"' in response.content.decode()  # what was typed is kept
    response = client.post("/staff/imports/upload/", _upload("old.zip", b"not a zip"))
    assert response.status_code == 400 and "cannot be opened" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_source_page_shows_where_groups_came_from(client, imported):
    source, _report = imported
    client.force_login(staff_member())
    page = client.get(f"/staff/imports/sources/{source.pk}/?q=Hearing").content.decode()
    assert "Hearing Voices Group Nottingham" in page and service()["id"] in page


def test_staff_map_a_term_and_the_groups_get_the_category(client, imported):
    term = TermMapping.objects.get()
    category = t.category("Growing things")
    client.force_login(staff_member())
    page = client.get("/staff/imports/terms/").content.decode()
    assert "Allotment gardening" in page
    response = client.post(f"/staff/imports/terms/{term.pk}/", {f"t{term.pk}-category": category.pk})
    assert response.status_code == 302
    assert list(Group.objects.get().categories.all()) == [category]
    assert "Every term met so far is mapped." in client.get("/staff/imports/terms/").content.decode()


def test_staff_resolve_a_conflict(client, imported):
    source, _report = imported
    group = Group.objects.get()
    snapshot = take_snapshot(group)
    snapshot["name"] = "Voices (our name)"
    apply_snapshot(snapshot, group)
    import_services(source, [("item 1", service(name="Voices (their name)"))])
    conflict = ImportConflict.objects.get()
    client.force_login(staff_member())
    page = client.get("/staff/imports/conflicts/").content.decode()
    assert "Voices (our name)" in page and "Voices (their name)" in page
    response = client.post(
        f"/staff/imports/conflicts/{conflict.pk}/resolve/", {f"c{conflict.pk}-decision": "theirs"}
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.name == "Voices (their name)"
    assert ImportConflict.objects.get().resolution == "took_theirs"
    # A decided conflict cannot be decided again.
    again = client.post(
        f"/staff/imports/conflicts/{conflict.pk}/resolve/", {f"c{conflict.pk}-decision": "ours"}
    )
    assert again.status_code == 404


def test_conflict_decision_needs_a_choice(client, imported):
    source, _report = imported
    group = Group.objects.get()
    snapshot = take_snapshot(group)
    snapshot["name"] = "Ours"
    apply_snapshot(snapshot, group)
    import_services(source, [("item 1", service(name="Theirs"))])
    conflict = ImportConflict.objects.get()
    client.force_login(staff_member())
    response = client.post(f"/staff/imports/conflicts/{conflict.pk}/resolve/", {})
    assert response.status_code == 302
    assert ImportConflict.objects.get().is_open
