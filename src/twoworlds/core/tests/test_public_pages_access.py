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
