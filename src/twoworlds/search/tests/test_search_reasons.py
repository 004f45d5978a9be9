"""Every result says briefly why it matched: the issue, the words found, or 'similar in meaning'."""

import pytest

from twoworlds.core.testing import group
from twoworlds.search import ranking
from twoworlds.search.services import find_groups


def hit_for(outcome, name):
    return next(hit for hit in outcome.load() if hit.group.name == name)


def test_an_issue_named_in_everyday_words_is_the_reason(directory):
    hit = hit_for(find_groups("ringing in my ears"), "Tinnitus Self Help Nottingham")
    assert ("category", "Tinnitus") in hit.reasons
    assert hit.why["categories"] == ["Tinnitus"]


def test_the_words_found_in_the_listing_are_named(directory):
    hit = hit_for(find_groups("kitchen table"), "Arnold Kitchen Table")
    assert hit.why["words"] == "kitchen, table"
    assert not hit.why["categories"]


def test_the_page_shows_the_reasons(client, directory):
    page = client.get("/search", {"q": "tinnitus"}).content.decode()
    assert "Why this matched:" in page
    assert "about Tinnitus" in page
    assert "mentions “tinnitus”" in page


def test_browsing_without_words_gives_no_reason(directory):
    assert all(not hit.reasons for hit in find_groups("").load())


@pytest.mark.skipif(not ranking.meaning_available(), reason="the embedding model is not installed")
def test_a_match_by_meaning_alone_says_so(db, indexed, client):
    with indexed():
        group("Quiet Minds", [], description="A group for people living with worry and panic.")
    query = "I feel anxious all the time"  # no word in common with the listing
    hit = hit_for(find_groups(query), "Quiet Minds")
    assert hit.reasons == [("meaning", "")] and hit.why["meaning"]
    page = client.get("/search", {"q": query}).content.decode()
    assert "similar in meaning to your words" in page
