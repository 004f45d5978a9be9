"""Keyword search: ranking, everyday words mapped onto categories, and why each result matched."""

from twoworlds.search.services import find_groups


def names(outcome):
    return [hit.group.name for hit in (outcome.load())]


def test_a_name_match_ranks_above_a_description_match(directory):
    outcome = find_groups("tinnitus")
    assert names(outcome)[0] == "Tinnitus Self Help Nottingham"


def test_a_sentence_finds_groups_matching_any_of_its_words(directory):
    outcome = find_groups("my mum is forgetting things and I am her carer")
    found = names(outcome)
    assert "Memory Lane Carers Café" in found
    assert "Polish Carers Circle" in found


def test_everyday_words_find_the_category(directory):
    outcome = find_groups("there is a ringing in my ears all the time")
    found = names(outcome)
    assert found[:2] == sorted(found[:2]) or set(found[:2]) == {
        "Tinnitus Self Help Nottingham",
        "Telephone Friends",
    }
    assert "Tinnitus Self Help Nottingham" in found
    hit = outcome.hits[0]
    assert ("category", "Tinnitus") in hit.reasons


def test_an_acronym_in_capitals_finds_its_category_but_the_word_me_does_not(directory):
    assert names(find_groups("ME")) == ["ME Connect Online"]
    assert "ME Connect Online" not in names(find_groups("can someone help me with my dementia"))


def test_a_half_typed_last_word_still_matches(directory):
    assert "Tinnitus Self Help Nottingham" in names(find_groups("tinnit"))


def test_closed_groups_are_never_found(directory):
    assert "Old Dementia Group" not in names(find_groups("dementia"))


def test_national_organisations_are_listed_apart_from_local_groups(directory):
    outcome = find_groups("dementia")
    assert "Dementia Society UK" not in names(outcome)
    assert [hit.group.name for hit in outcome.load_national()] == ["Dementia Society UK"]


def test_a_query_of_only_common_words_does_not_crash(directory):
    outcome = find_groups("the and of")
    assert outcome.total == 0


def test_punctuation_and_quotes_are_harmless(directory):
    for query in [
        '"dementia',
        "dementia*",
        "NEAR(dementia)",
        "dementia OR",
        "-dementia",
        "d'ementia",
        "（）",
    ]:
        find_groups(query)
