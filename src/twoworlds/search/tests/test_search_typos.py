"""Typos are tolerated: a misspelt word is read as the nearest word the directory uses; the page says so."""

import pytest

from twoworlds.core.testing import group
from twoworlds.search import spelling
from twoworlds.search.services import find_groups


@pytest.fixture
def with_bereavement_and_dementia(directory, indexed):
    """The small directory plus groups under the seeded Dementia and Grief categories."""
    from twoworlds.directory.models import Category

    with indexed():
        group(
            "Hucknall Memory Café",
            [Category.objects.get(slug="dementia")],
            description="For people living with Alzheimer's and the people who love them.",
        )
        group(
            "Bereavement Walk and Talk",
            [Category.objects.get(slug="grief")],
            description="A gentle walk for anyone grieving.",
        )
    return directory


def names(outcome):
    return [hit.group.name for hit in outcome.load()]


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("demntia", "dementia"),
        ("alzeimers", "alzheimers"),
        ("bereavment", "bereavement"),
        ("tinitus", "tinnitus"),
    ],
)
def test_common_misspellings_are_corrected(with_bereavement_and_dementia, typed, meant):
    corrected, corrections = spelling.correct(f"support for {typed}")
    assert corrections == {typed: meant}
    assert corrected == f"support for {meant}"


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("demntia", "Hucknall Memory Café"),
        ("alzeimers", "Hucknall Memory Café"),
        ("bereavment group", "Bereavement Walk and Talk"),
        ("tinitus", "Tinnitus Self Help Nottingham"),
    ],
)
def test_a_misspelt_search_finds_the_right_group(with_bereavement_and_dementia, typed, expected):
    outcome = find_groups(typed)
    assert expected in names(outcome)[:3]
    assert outcome.corrected_query and outcome.corrected_query != typed


def test_the_page_says_what_it_searched_for(client, with_bereavement_and_dementia):
    page = client.get("/search", {"q": "tinitus"}).content.decode()
    assert "Showing results for “tinnitus”" in page
    assert "You typed “tinitus”" in page
    assert "Tinnitus Self Help Nottingham" in page


def test_words_spelt_right_are_left_alone(with_bereavement_and_dementia):
    for text in ["dementia carers", "ringing in my ears", "Wspieramy opiekunów"]:
        assert spelling.correct(text) == (text, {})
    assert find_groups("dementia").corrected_query == ""


def test_acronyms_short_words_and_half_typed_words_are_not_corrected(with_bereavement_and_dementia):
    assert spelling.correct("COPD") == ("COPD", {})
    assert spelling.correct("my mum") == ("my mum", {})
    assert spelling.correct("tinnit") == ("tinnit", {})  # still being typed


def test_a_word_new_to_the_index_is_known_at_once(with_bereavement_and_dementia, indexed):
    spelling.vocabulary()  # built before the new group exists
    with indexed():
        group("Zumbathon Friends", [], description="Dancing together.")
    assert spelling.correct("zumbathon") == ("zumbathon", {})


def test_edit_distance_counts_a_swap_as_one():
    assert spelling.edit_distance("dementia", "demetnia") == 1
    assert spelling.edit_distance("tinitus", "tinnitus") == 1
    assert spelling.edit_distance("bereavment", "bereavement") == 1
    assert spelling.edit_distance("cat", "elephant") > spelling.MAX_DISTANCE
