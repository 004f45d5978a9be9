"""The vector index: kept in step with every listing change, exact while small and an HNSW graph when large
(agreeing with exact search), persisted and reloaded, rebuilt by the command, and filtered by `allowed`."""

import json
from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command
from django.utils import timezone

from twoworlds.core import testing as t
from twoworlds.directory import services
from twoworlds.search import embeddings, vectors
from twoworlds.search.models import SearchDocument, SearchVector

pytestmark = pytest.mark.skipif(not embeddings.available(), reason="the model package is not installed")


@pytest.fixture(autouse=True)
def fresh_index(settings, tmp_path):
    settings.SEARCH_VECTOR_INDEX = tmp_path / "search-vectors.usearch"
    vectors.forget_index()
    yield
    vectors.forget_index()


@pytest.fixture
def listings(db, indexed):
    with indexed():
        built = {
            "tinnitus": t.group("Thursday Circle", [], description="For people living with tinnitus."),
            "gambling": t.group("Fresh Start", [], description="Recovery from gambling addiction."),
            "stroke": t.group("Stroke Club", [], description="For stroke survivors and their families."),
        }
    return {key: SearchDocument.objects.get(group=group).pk for key, group in built.items()}


def nearest_ids(query, **options):
    return [document_id for document_id, _ in vectors.nearest(embeddings.embed_query(query), **options)]


def test_every_listing_gets_a_vector_and_is_found_by_meaning_at_once(listings):
    assert SearchVector.objects.count() == 3
    assert nearest_ids("ringing in my ears all the time")[0] == listings["tinnitus"]
    assert nearest_ids("I can't stop betting on my phone")[0] == listings["gambling"]
    assert nearest_ids("my husband had a stroke")[0] == listings["stroke"]


def test_a_changed_listing_is_re_embedded_at_once(listings, indexed):
    before = SearchVector.objects.get(pk=listings["tinnitus"]).text_hash
    assert nearest_ids("I can't stop betting on my phone")[0] == listings["gambling"]
    group = SearchDocument.objects.get(pk=listings["tinnitus"]).group
    with indexed():
        group.description = "Peer support for people who bet compulsively on sports apps and slot machines."
        services.save_group(group)
    assert SearchVector.objects.get(pk=listings["tinnitus"]).text_hash != before
    assert set(nearest_ids("I can't stop betting on my phone", k=2)) == {
        listings["tinnitus"],
        listings["gambling"],
    }
    assert nearest_ids("ringing in my ears all the time")[0] != listings["tinnitus"]


def test_unchanged_text_is_not_embedded_again(listings):
    stamped = SearchVector.objects.get(pk=listings["stroke"]).updated_at
    assert vectors.update_vectors([listings["stroke"]]) == 0
    assert SearchVector.objects.get(pk=listings["stroke"]).updated_at == stamped


def test_a_deleted_listing_disappears_even_if_search_was_not_told(listings):
    assert listings["tinnitus"] in nearest_ids("tinnitus")
    SearchDocument.objects.get(pk=listings["tinnitus"]).group.delete()
    assert listings["tinnitus"] not in nearest_ids("tinnitus")
    assert not SearchVector.objects.filter(pk=listings["tinnitus"]).exists()


def test_allowed_limits_the_results_to_those_documents(listings):
    only_stroke = vectors.nearest(embeddings.embed_query("tinnitus"), allowed={listings["stroke"]})
    assert [d for d, _ in only_stroke] == [listings["stroke"]]
    assert vectors.nearest(embeddings.embed_query("tinnitus"), allowed=set()) == []
    assert (
        vectors.nearest(embeddings.embed_query("tinnitus"), allowed=[listings["gambling"]])[0][0]
        == (listings["gambling"])
    )


def test_passes_filters_the_candidates_before_their_vectors_are_read(listings, django_assert_num_queries):
    asked = []

    def passes(ids):
        asked.append(list(ids))
        return {listings["stroke"]}

    query = embeddings.embed_query("tinnitus")
    vectors.nearest(query)  # loads the index
    with django_assert_num_queries(1):  # the passing candidate's vector only
        found = vectors.nearest(query, passes=passes)
    assert [d for d, _ in found] == [listings["stroke"]]
    assert set(asked[0]) == set(listings.values())
    assert vectors.nearest(query, passes=lambda ids: set()) == []


def test_similarities_are_cosines_in_order(listings):
    found = vectors.nearest(embeddings.embed_query("ringing in my ears"))
    similarities = [s for _, s in found]
    assert similarities == sorted(similarities, reverse=True)
    assert all(-1.0 <= s <= 1.0 for s in similarities)


def test_a_change_made_by_another_process_is_picked_up(listings, monkeypatch):
    assert nearest_ids("tinnitus")[0] == listings["tinnitus"]
    # Another app server re-embedded the stroke club as a tinnitus group: only the database tells us.
    tinnitus_vector = SearchVector.objects.get(pk=listings["tinnitus"]).vector
    SearchVector.objects.filter(pk=listings["stroke"]).update(
        vector=tinnitus_vector, updated_at=timezone.now()
    )
    SearchVector.objects.filter(pk=listings["tinnitus"]).delete()
    monkeypatch.setattr(vectors, "SYNC_SECONDS", 0)
    assert nearest_ids("tinnitus")[0] == listings["stroke"]


def test_the_rebuild_command_embeds_what_changed_and_saves_the_graph(listings, settings, indexed):
    settings.SEARCH_ANN_THRESHOLD = 2  # three documents: large enough for the graph
    stroke = SearchDocument.objects.get(pk=listings["stroke"]).group
    type(stroke).objects.filter(pk=stroke.pk).update(description="Changed behind search's back.")
    stamped = dict(SearchVector.objects.values_list("pk", "updated_at"))
    with indexed():  # the index is saved once the rebuild commits
        call_command("rebuild_search_index", stdout=StringIO())
    after = dict(SearchVector.objects.values_list("pk", "updated_at"))
    assert [pk for pk in after if after[pk] != stamped[pk]] == [listings["stroke"]]

    assert settings.SEARCH_VECTOR_INDEX.is_file()
    state = json.loads(vectors._state_path().read_text())
    assert state["kind"] == "graph" and state["count"] == 3 and state["model"] == embeddings.MODEL_NAME


def test_a_new_process_loads_the_saved_graph_and_catches_up(listings, settings, indexed):
    settings.SEARCH_ANN_THRESHOLD = 2
    with indexed():
        call_command("rebuild_search_index", stdout=StringIO())
    saved = settings.SEARCH_VECTOR_INDEX.stat().st_mtime_ns
    vectors.forget_index()  # as a new process
    with indexed():
        t.group("Hear Here", [], description="A tinnitus and hearing loss support group.")
    found = nearest_ids("ringing in my ears", k=5)
    assert isinstance(vectors._Process.index, vectors.GraphIndex)
    assert settings.SEARCH_VECTOR_INDEX.stat().st_mtime_ns == saved  # loaded, not rebuilt
    assert set(found[:2]) == {listings["tinnitus"], SearchDocument.objects.get(name="Hear Here").pk}


def test_a_directory_grown_past_the_threshold_gets_a_graph_at_the_next_start(listings, settings, indexed):
    settings.SEARCH_ANN_THRESHOLD = 4
    nearest_ids("tinnitus")
    assert isinstance(vectors._Process.index, vectors.ExactIndex)
    with indexed():
        t.group("Hear Here", [], description="A tinnitus support group.")
    assert isinstance(vectors._Process.index, vectors.ExactIndex)  # no minutes-long build in a request
    assert len(nearest_ids("tinnitus")) == 4
    vectors.forget_index()  # as a new process
    assert len(nearest_ids("tinnitus")) == 4
    assert isinstance(vectors._Process.index, vectors.GraphIndex)
    assert settings.SEARCH_VECTOR_INDEX.is_file()


def test_changes_after_the_graph_was_built_go_beside_it_until_the_next_rebuild(listings, settings, indexed):
    settings.SEARCH_ANN_THRESHOLD = 2
    with indexed():
        call_command("rebuild_search_index", stdout=StringIO())
    index = vectors._Process.index
    assert isinstance(index, vectors.GraphIndex) and len(index.delta) == 0
    group = SearchDocument.objects.get(pk=listings["stroke"]).group
    with indexed():
        group.description = "Support for people with tinnitus and hyperacusis."
        services.save_group(group)
    assert len(index.delta) == 1 and listings["stroke"] in index.hidden
    assert len(index) == 3
    assert set(nearest_ids("ringing in my ears", k=2)) == {listings["stroke"], listings["tinnitus"]}
    with indexed():
        group.delete()
    assert listings["stroke"] not in nearest_ids("ringing in my ears")


# --- the indexes themselves, on random vectors --------------------------------------------------------------


def clustered_vectors(n, seed=7, clusters=40):
    """Unit vectors in clusters, like sentence embeddings of a directory (a few hundred issues)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, 384))
    points = centres[rng.integers(0, clusters, n)] + 0.7 * rng.standard_normal((n, 384))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    return points.astype(np.float32), rng


def exact_top(matrix, ids, query, k):
    return list(ids[np.argsort(-(matrix @ query), kind="stable")[:k]])


def reranked(index, matrix, query, k):
    """What nearest() does with the graph's candidates: re-score them exactly and keep the best k."""
    candidates = index.candidates(query, vectors.candidate_count(k, index.exact))
    return exact_top(matrix[candidates], candidates, query, k)


def test_the_graph_agrees_with_exact_search():
    matrix, rng = clustered_vectors(3000)
    ids = np.arange(3000, dtype=np.int64)
    graph = vectors.build_index(ids, matrix, threshold=1)
    assert isinstance(graph, vectors.GraphIndex) and len(graph) == 3000
    queries = matrix[rng.choice(3000, 100)] + 0.3 * rng.standard_normal((100, 384)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    found = sum(
        len(set(reranked(graph, matrix, q, 10)) & set(exact_top(matrix, ids, q, 10))) for q in queries
    )
    assert found / 1000 >= 0.95


def test_both_indexes_keep_only_allowed_documents():
    matrix, rng = clustered_vectors(3000, seed=11)
    ids = np.arange(3000, dtype=np.int64)
    query = matrix[5]
    for threshold in (1, 10_000):  # graph, exact
        index = vectors.build_index(ids, matrix, threshold=threshold)
        narrow = set(rng.choice(3000, 50, replace=False).tolist())
        wide = set(range(0, 3000, 2))  # half the directory: the graph searches wider and filters
        for allowed in (narrow, wide):
            found = list(index.candidates(query, 10, allowed))
            assert len(found) == 10 and set(found) <= allowed
            allowed_ids = np.array(sorted(allowed))
            best = exact_top(matrix[allowed_ids], allowed_ids, query, 10)
            assert len(set(found) & set(best)) >= 8


def test_the_exact_index_updates_and_removes_in_place():
    matrix, _ = clustered_vectors(5, seed=3)
    index = vectors.ExactIndex()
    index.upsert([10, 20, 30], matrix[:3])
    index.upsert([20], matrix[3:4])
    index.remove([10, 99])
    assert len(index) == 2
    assert list(index.candidates(matrix[3], 1)) == [20]
    assert set(index.candidates(matrix[2], 5)) == {20, 30}


def test_a_saved_graph_loads_with_the_same_answers(tmp_path):
    matrix, _ = clustered_vectors(500, seed=5)
    graph = vectors.build_index(np.arange(500), matrix, threshold=1)
    graph.save(tmp_path / "graph.usearch")
    loaded = vectors.GraphIndex.load(tmp_path / "graph.usearch")
    for query in matrix[:20]:
        assert list(loaded.candidates(query, 10)) == list(graph.candidates(query, 10))
