"""A place typed among the words ("tinnitus near Mansfield", "carers in NG7") is searched as a place."""

from twoworlds.search.services import find_groups


def names(outcome):
    return [hit.group.name for hit in outcome.load()]


def test_near_a_town_in_the_words(directory):
    outcome = find_groups("tinnitus near Mansfield")
    assert outcome.place_from_query == "Mansfield" and outcome.located
    assert outcome.filters.near == "Mansfield"
    assert "Tinnitus Self Help Nottingham" in names(outcome)  # meets in Mansfield
    assert outcome.terms == ["tinnitus"]


def test_words_that_are_not_a_place_stay_words(directory):
    outcome = find_groups("ringing in my ears")
    assert outcome.place_from_query == "" and outcome.located is None
    assert "Tinnitus Self Help Nottingham" in names(outcome)


def test_the_last_place_word_that_names_a_place_counts(directory):
    outcome = find_groups("ringing in my ears in Mansfield")
    assert outcome.place_from_query == "Mansfield"
    assert outcome.terms == ["ringing", "ears"]


def test_the_near_field_wins_over_the_words(directory):
    from twoworlds.search.services import Filters

    outcome = find_groups("tinnitus near Mansfield", Filters(near="NG1"))
    assert outcome.place_from_query == "" and outcome.filters.near == "NG1"


def test_the_page_says_which_place_it_read(client, directory):
    page = client.get("/search", {"q": "tinnitus near Mansfield"}).content.decode()
    assert "Showing groups near Mansfield, the place in your search." in page
