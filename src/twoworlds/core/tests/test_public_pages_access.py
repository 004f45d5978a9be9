"""The public pages are open to everyone for reading, and refuse anything but reading."""

import pytest


@pytest.fixture
def paths(db):
    from twoworlds.core import testing as t

    group = t.group("Open Door", [t.category("Open")])
    return ["/", "/search?q=open", "/issues/", "/issues/t-open/", group.get_absolute_url(), "/help-now/"]


def test_anyone_may_read_them_without_signing_in(client, paths):
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_they_refuse_writes(client, paths):
    for path in paths:
        assert client.post(path).status_code in (403, 405), path
        assert client.put(path).status_code == 405, path
        assert client.delete(path).status_code == 405, path


def test_staff_pages_refuse_visitors(client, db):
    response = client.get("/staff/directory/group/")
    assert response.status_code == 302
    assert "/staff/login/" in response["Location"]


def test_the_staff_home_links_to_the_clearinghouse_work(client, db):
    from twoworlds.accounts.roles import EDITOR
    from twoworlds.accounts.services import create_staff

    editor, _ = create_staff("index-editor", "ie@example.org", EDITOR)
    client.force_login(editor)
    page = client.get("/staff/").content.decode()
    assert "/staff/moderation/" in page and "/staff/confirmation/" in page
