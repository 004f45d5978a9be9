"""Plain-language queries against the demo directory find the right group in the top 3.

A dozen of the labelled queries of bench/data/relevance_queries.json (the relevance harness scores all of
them); "the right group" is one labelled 2 (exactly right). They must pass on keywords and the issue
taxonomy alone, as a deployment without the embedding model searches, and with meaning too (skipped when
the model is not installed)."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from twoworlds.directory.models import Group
from twoworlds.search import embeddings, ranking
from twoworlds.search.services import find_groups

QUERIES = Path(__file__).resolve().parents[4] / "bench" / "data" / "relevance_queries.json"
LABELS = {entry["query"]: entry["relevant"] for entry in json.loads(QUERIES.read_text())["queries"]}

KEYWORD_AND_TAXONOMY = [
    "ringing in my ears all the time",
    "ME",
    "my husband had a stroke and I can't cope",
    "we lost one of our twins",
    "I can't stop betting on my phone",
    "demntia",
    "alzeimers",
    "bereavment group",
    "tinitus",
    "my mum has dementia and I'm struggling",
    "hot flushes and night sweats",
    "dementia near NG7",
]
# In the top three only with meaning: by keywords and the taxonomy alone, groups for parents of teenagers
# come first (the harness lists the queries meaning rescues).
NEEDS_MEANING = ["transgender teenager"]


@pytest.fixture
def demo_directory(db, tmp_path):
    """The 250-group demo directory, indexed without the model (keyword index only, quick)."""
    with override_settings(SEARCH_MODEL_DIR=str(tmp_path / "no-model")):
        embeddings.forget_models()
        call_command("demo_data", no_staff=True, verbosity=0)
    embeddings.forget_models()
    return dict(Group.objects.values_list("pk", "slug"))


def top_three(outcome, slugs):
    local = [slugs[h.group_id] for h in outcome.hits[:3]]
    national = [slugs[h.group_id] for h in outcome.national[:3]]
    return (local + national if outcome.local_fits else national + local)[:3]


def misses(queries, slugs):
    """The queries whose top three holds none of the groups labelled exactly right, with what came back."""
    found = {}
    for query in queries:
        right = {slug for slug, grade in LABELS[query].items() if grade == 2}
        top = top_three(find_groups(query), slugs)
        if not right & set(top):
            found[query] = top
    return found


def test_keywords_and_taxonomy_alone_find_the_right_group(demo_directory):
    with ranking.keyword_only():
        assert misses(KEYWORD_AND_TAXONOMY, demo_directory) == {}


@pytest.mark.skipif(not ranking.meaning_available(), reason="the embedding model is not installed")
def test_with_meaning_the_right_group_is_in_the_top_three(demo_directory):
    from twoworlds.search import vectors

    vectors.rebuild_vectors()
    assert find_groups("ME").by_meaning
    assert misses(KEYWORD_AND_TAXONOMY, demo_directory) == {}
    rescued = misses(NEEDS_MEANING, demo_directory)
    if rescued and connection.vendor == "postgresql":
        # Known: ts_rank scores "teenager" in the parents-of-teenagers groups higher than BM25 does, and the
        # query's similarity to them (0.35) equals its similarity to the LGBTQ+ groups, so meaning cannot lift
        # those into the top three on PostgreSQL.
        pytest.xfail(f"meaning does not rescue {sorted(rescued)} on PostgreSQL")
    assert rescued == {}
