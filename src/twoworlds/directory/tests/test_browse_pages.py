"""The home page and the pages per issue."""

from twoworlds.core import testing as t
from twoworlds.directory.models import Group
from twoworlds.search.services import rebuild_index


def test_home_offers_search_and_every_first_level_issue(client, listing):
    page = client.get("/").content.decode()
    assert 'name="q"' in page and 'name="near"' in page
    assert "Specific conditions" in page and "Stroke" in page


def test_a_category_page_lists_its_groups(client, listing):
    page = client.get("/issues/t-stroke/").content.decode()
    assert "Sneinton Stroke Club" in page
    assert "1 local group" in page


def test_a_first_level_category_page_includes_groups_of_its_sub_issues(client, listing):
    assert "Sneinton Stroke Club" in client.get("/issues/t-specific-conditions/").content.decode()


def test_a_category_with_no_local_group_offers_national_organisations(client, db):
    loss = t.category("Baby loss")
    t.group("Sands UK", [loss], group_type=Group.Type.NATIONAL, description="National baby loss charity.")
    rebuild_index()
    page = client.get("/issues/t-baby-loss/").content.decode()
    assert "No local group yet. These national organisations can help" in page
    assert "Sands UK" in page


def test_an_unknown_category_is_404(client, db):
    assert client.get("/issues/nothing-here/").status_code == 404


def test_the_issues_index_lists_categories(client, listing):
    assert "Stroke" in client.get("/issues/").content.decode()


def test_a_category_page_says_when_more_groups_match_than_it_shows(client, db, monkeypatch):
    from twoworlds.search import candidates

    stroke = t.category("Stroke")
    for name in ("Arnold Stroke Club", "Beeston Stroke Club", "Clifton Stroke Club"):
        t.group(name, [stroke])
    rebuild_index()
    monkeypatch.setattr(candidates, "HIT_LIMIT", 2)
    page = client.get("/issues/t-stroke/").content.decode()
    assert "More than 2 local groups" in page
    # Which two are shown is the first two found (on SQLite in name order; on PostgreSQL not necessarily).
    names = ("Arnold Stroke Club", "Beeston Stroke Club", "Clifton Stroke Club")
    assert len([name for name in names if name in page]) == 2
