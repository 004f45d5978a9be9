"""Keyword scoring on SQLite without FTS5 counting every word's documents on each query (see keyword.py):
the same BM25 as FTS5's own, common words left out only in a large directory, whole words looked up whole."""

import pytest
from django.db import connection

from twoworlds.core.testing import category, group
from twoworlds.search import candidates, keyword
from twoworlds.search.models import SearchDocument
from twoworlds.search.services import find_groups, rebuild_index

sqlite_only = pytest.mark.skipif("connection.vendor != 'sqlite'", reason="FTS5 is SQLite's keyword index")


@pytest.fixture
def stroke_and_carers(db):
    stroke = category("Stroke", lay_terms="had a stroke")
    carers = category("Carers")
    for n in range(6):
        group(f"Stroke Club {n}", [stroke], description="After a stroke, time together. " * (n + 1))
        group(f"Carers Time {n}", [carers], description="Time out for carers, and time to talk.")
    group("Stroke Association", [stroke], description="Stroke help, any time.", group_type="national")
    group("Carers Trust", [carers], description="Carers of someone after a stroke.", group_type="national")
    group("Time To Talk UK", [carers], description="Talking therapies.", group_type="national")
    rebuild_index()
    keyword.forget_document_counts()


def fts5_bm25(terms):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, -{keyword.SQLITE_RANK} FROM search_fts WHERE search_fts MATCH %s",
            [" OR ".join(f'"{t}"' for t in terms)],
        )
        return dict(cursor.fetchall())


@sqlite_only
@pytest.mark.parametrize("terms", [["stroke"], ["stroke", "time"], ["carers", "stroke", "talk"]])
def test_scores_worked_out_by_id_equal_fts5s_own_bm25(stroke_and_carers, terms):
    national = candidates.Scope(national=True)
    scores, _ = candidates.keyword(terms, national, limit=100)
    expected = fts5_bm25(terms)
    assert scores, "the national organisations hold these words"
    for document_id, score in scores.items():
        assert score == pytest.approx(expected[document_id], rel=1e-9)
    names = set(SearchDocument.objects.filter(pk__in=scores).values_list("name", flat=True))
    assert names <= {"Stroke Association", "Carers Trust", "Time To Talk UK"}


@sqlite_only
def test_document_counts_are_cached_and_forgotten(stroke_and_carers):
    assert keyword.document_count('"stroke"') == 8
    group("Stroke Café", [], description="Stroke.")
    rebuild_index()
    assert keyword.document_count('"stroke"') == 8  # cached: counts only weigh words against each other
    keyword.forget_document_counts()
    assert keyword.document_count('"stroke"') == 9


@sqlite_only
def test_a_common_word_is_left_out_only_in_a_large_directory(stroke_and_carers, monkeypatch):
    phrases = ['"stroke"', '"time"']
    assert keyword._without_common(phrases) == phrases  # a small directory keeps every word
    monkeypatch.setattr(keyword, "COMMON_MIN", 0)
    monkeypatch.setattr(keyword, "COMMON_SHARE", 0.6)
    # "time" is in 13 of the 15 documents, "stroke" in 8: only the rarer word is looked up.
    assert keyword._without_common(phrases) == ['"stroke"']
    assert keyword._without_common(['"time"']) == ['"time"']  # never every word
    assert keyword._without_common(['"time"', '"together"']) == ['"together"']


def test_a_whole_word_is_looked_up_whole_and_a_half_typed_one_as_a_prefix(stroke_and_carers, monkeypatch):
    asked = []
    real = candidates.top_keyword_scores

    def spy(terms, *args, half_typed=None, **kwargs):
        asked.append((terms, half_typed))
        return real(terms, *args, half_typed=half_typed, **kwargs)

    monkeypatch.setattr(candidates, "top_keyword_scores", spy)
    assert {h.document_id for h in find_groups("strok").hits} >= stroke_clubs()
    assert asked[0] == (["strok"], True)  # not a word the directory uses: half-typed
    asked.clear()
    assert {h.document_id for h in find_groups("stroke").hits} >= stroke_clubs()
    assert asked[0] == (["stroke"], False)  # a whole word: no prefix merge
    asked.clear()
    find_groups("stroke club")
    assert asked[0] == (["stroke", "club"], False)  # in a sentence the last word is whole
    assert keyword.may_be_half_typed(["carers"]) and not keyword.may_be_half_typed(["my", "carers"])


def stroke_clubs():
    return set(SearchDocument.objects.filter(name__startswith="Stroke Club").values_list("pk", flat=True))
