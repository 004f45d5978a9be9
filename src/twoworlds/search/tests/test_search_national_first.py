"""When nothing local fits, the national organisations for the issue come first, said plainly; a query that
reads like crisis shows crisis help before anything else."""

import pytest

from twoworlds.core.testing import group
from twoworlds.directory.models import Category, Group
from twoworlds.search import ranking
from twoworlds.search.services import Filters, find_groups


@pytest.fixture
def gambling_nationally(directory, indexed):
    """Gambling help only nationally: no local group for it."""
    with indexed():
        group(
            "GambleFree UK",
            [Category.objects.get(slug="gambling")],
            group_type=Group.Type.NATIONAL,
            description="A national helpline and online meetings for people who want to stop gambling.",
        )
    return directory


def test_no_local_group_for_the_issue_puts_national_organisations_first(client, gambling_nationally):
    outcome = find_groups("I can't stop betting on my phone")
    assert not outcome.local_fits
    assert [hit.group.name for hit in outcome.load_national()] == ["GambleFree UK"]
    page = client.get("/search", {"q": "I can't stop betting on my phone"}).content.decode()
    assert "No local group fits yet. These national organisations can help" in page
    assert page.index("GambleFree UK") < page.index("result-count") or page.index(
        "No local group fits yet"
    ) < page.index("GambleFree UK")


def test_a_local_match_comes_before_national_organisations(client, directory):
    outcome = find_groups("dementia")
    assert outcome.local_fits
    page = client.get("/search", {"q": "dementia"}).content.decode()
    assert "No local group fits yet" not in page
    assert page.index("Memory Lane Carers Café") < page.index("National organisations for this")


def test_filters_that_leave_no_local_group_put_national_first(directory):
    outcome = find_groups("dementia", Filters(near="NG1", distance=1, format="in_person", day="sunday"))
    assert not outcome.hits and not outcome.local_fits
    assert [hit.group.name for hit in outcome.load_national()] == ["Dementia Society UK"]


def test_national_organisations_for_other_issues_are_not_offered(gambling_nationally):
    assert [hit.group.name for hit in find_groups("dementia").load_national()] == ["Dementia Society UK"]


def test_crisis_help_comes_first_even_when_groups_match(client, directory):
    page = client.get(
        "/search", {"q": "my dementia is getting worse and I want to end my life"}
    ).content.decode()
    assert page.index("crisis-box") < page.index("result-count")


@pytest.mark.skipif(not ranking.meaning_available(), reason="the embedding model is not installed")
def test_a_loosely_related_local_group_does_not_count_as_a_local_match(gambling_nationally):
    # Meaning may find something nearest to any query; only a close one counts as a local group that fits.
    outcome = find_groups("I can't stop betting on my phone")
    assert not outcome.local_fits
    assert all(not hit.confident for hit in outcome.hits)
