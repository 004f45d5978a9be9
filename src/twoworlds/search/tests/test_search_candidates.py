"""Bounded candidates: each signal proposes a limited number of documents, with the filters inside the SQL,
and says honestly when more matched than it proposed."""

import pytest

from twoworlds.core.testing import category, group
from twoworlds.search import candidates
from twoworlds.search.models import SearchDocument
from twoworlds.search.services import rebuild_index


def document(group_):
    return SearchDocument.objects.get(group=group_).pk


def local():
    return candidates.Scope(national=False)


@pytest.fixture
def many(db):
    """Thirty local groups about stroke (ten of them also about carers), one national one, one unlisted."""
    stroke = category("Stroke", lay_terms="had a stroke")
    carers = category("Carers")
    built = [
        group(f"Stroke Club {n:02}", [stroke, carers] if n < 10 else [stroke], description="After a stroke.")
        for n in range(30)
    ]
    national = group("Stroke Association", [stroke], description="Stroke help.", group_type="national")
    closed = group("Stroke Old Club", [stroke], description="Stroke.", status="closed")
    rebuild_index()
    return {"local": built, "national": national, "closed": closed}


def test_keyword_candidates_are_the_best_few_and_say_when_there_are_more(many):
    found, more = candidates.keyword(["stroke"], local(), limit=5)
    assert len(found) == 5
    assert more
    assert set(found) <= {document(g) for g in many["local"]}
    everything, more = candidates.keyword(["stroke"], local(), limit=100)
    assert len(everything) == 30
    assert not more
    # The five returned are the five best of all thirty.
    assert min(found.values()) >= sorted(everything.values(), reverse=True)[4]


def test_keyword_scoring_is_bounded_by_the_scan(many):
    found, more = candidates.keyword(["stroke"], local(), limit=100, scan=12)
    assert len(found) == 12
    assert more


def test_a_document_holding_any_of_the_words_is_a_candidate(many):
    found, _ = candidates.keyword(["stroke", "nonsenseword"], local(), limit=100)
    assert len(found) == 30  # nothing holds both words; any word counts


def test_listed_and_national_are_inside_the_sql(many):
    national = candidates.Scope(national=True)
    assert set(candidates.keyword(["stroke"], national, limit=100)[0]) == {document(many["national"])}
    assert not SearchDocument.objects.filter(group=many["closed"], listed=True).exists()
    assert document(many["closed"]) not in candidates.keyword(["stroke"], local(), limit=100)[0]


def test_facet_filters_are_inside_the_sql(many):
    carers_only = candidates.Scope(national=False, facets=[("cat", "t-carers")])
    found, more = candidates.keyword(["stroke"], carers_only, limit=100)
    assert set(found) == {document(g) for g in many["local"][:10]}
    assert not more


def test_category_members_are_bounded_and_those_under_every_issue_come_first(many):
    members, more = candidates.category_members(["t-stroke", "t-carers"], local(), limit=10)
    assert more
    assert set(members) == {document(g) for g in many["local"][:10]}
    assert all(issues == ["t-stroke", "t-carers"] for issues in members.values())
    members, more = candidates.category_members(["t-stroke"], local(), limit=100)
    assert len(members) == 30
    assert not more


def test_without_words_the_filters_alone_in_name_order_with_an_honest_cap(many):
    ids, more = candidates.filtered(local(), limit=7)
    assert more
    names = list(SearchDocument.objects.filter(pk__in=ids).order_by("sort_name").values_list("pk", flat=True))
    assert ids == names
    assert ids == list(
        SearchDocument.objects.filter(listed=True, national=False)
        .order_by("sort_name")
        .values_list("pk", flat=True)[:7]
    )
    ids, more = candidates.filtered(local(), limit=1000)
    assert len(ids) == 30
    assert not more


def test_near_keeps_groups_in_the_box_and_groups_without_a_place(directory):
    near_beeston = candidates.Scope.around(False, [], 52.9260, -1.2150, radius=1)
    ids, more = candidates.filtered(near_beeston)
    names = set(SearchDocument.objects.filter(pk__in=ids).values_list("name", flat=True))
    assert names == {"Polish Carers Circle", "ME Connect Online", "Telephone Friends"}
    assert not more


def test_the_search_caps_hits_and_says_the_total_is_more(many, monkeypatch):
    from twoworlds.search.services import find_groups

    monkeypatch.setattr(candidates, "HIT_LIMIT", 12)
    outcome = find_groups("stroke")
    assert len(outcome.hits) == 12
    assert outcome.more
    monkeypatch.setattr(candidates, "HIT_LIMIT", 1000)
    outcome = find_groups("stroke")
    assert outcome.total == 30
    assert not outcome.more
