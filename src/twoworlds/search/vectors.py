"""Meaning-based retrieval: one sentence embedding per search document, and the nearest documents to a query.

Where the vectors live:
- In the database (SearchVector, float16): the truth, so any app server can build its index from it. A text
  hash (of the embedded text and the model's name) spares re-embedding text that did not change.
- In each process, loaded lazily on the first search: an exact index (a float32 matrix and one product) while
  the directory is small, and from SEARCH_ANN_THRESHOLD vectors an HNSW graph (usearch) with int8-quantised
  vectors: about 0.6 GB at a million documents instead of 1.5 GB for float32. The graph is persisted at
  SEARCH_VECTOR_INDEX (with a .json of its build state) so a new process loads it in seconds instead of
  rebuilding it, then catches up from the database.

Keeping in step: `update_vectors` (from search.services.index_groups, after every listing change) re-embeds
the changed documents, stores them and updates this process's index at once; other processes pick the change
up from the database within SYNC_SECONDS (rows changed since their last look). A deleted document vanishes
from results at once everywhere: every candidate is confirmed against the database, which also gives the exact
similarity (the graph's int8 similarities only choose the candidates). `rebuild_vectors` (from rebuild_index,
so `twoworlds rebuild_search_index`) embeds what changed and rebuilds and saves the index.

What is embedded: the group's name, its categories (with their everyday words) and the start of its
description. The model reads at most 256 word pieces (and was trained on 128), so the name and categories come
first, where truncation cannot drop them; places are left out on purpose, because distance is a filter, not
a meaning.
"""

import hashlib
import json
import logging
import math
import os
import threading
import time
from collections import OrderedDict
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from . import embeddings
from .models import SearchDocument, SearchVector

log = logging.getLogger(__name__)

STORED_DTYPE = np.dtype("<f2")
BODY_CHARS = 1000  # the 256-token limit is reached around here; more text is only tokenised to be cut off
EMBED_CHUNK = 512  # documents read, embedded and written together during a rebuild
SYNC_SECONDS = 1.0  # how often a process looks for vectors changed by other processes
SYNC_MARGIN = timedelta(minutes=2)  # rows written in a transaction that committed late are still seen
# Filtered search beside the graph. An `allowed` set up to EXACT_ALLOWED_LIMIT is compared one by one
# (about 2 us a vector); a larger one is searched in the graph for enough neighbours that `count` of them pass
# at its share of the directory, but never more than GRAPH_FETCH_LIMIT (about 11 ms of graph search at 100,000
# documents): a filter letting through under a few percent of a large directory then yields fewer neighbours
# by meaning, and keyword and category matches carry the search.
EXACT_ALLOWED_LIMIT = 3_000
GRAPH_FETCH_LIMIT = 5_000
RERANK_MIN = 40  # the graph proposes at least this many candidates, re-scored exactly
SYNC_CHUNK = 5000  # rows read at a time when catching up
SAME_VECTOR = 0.995  # a stored vector and the graph's int8 copy of it are at least this close
HNSW = {"connectivity": 16, "expansion_add": 128, "expansion_search": 200, "dtype": "i8"}


# --- what is embedded -------------------------------------------------------------------------------------


def document_text(name, categories_text, body):
    return "\n".join(part for part in (name, categories_text, (body or "")[:BODY_CHARS]) if part)


def text_hash(text):
    return hashlib.blake2b(f"{embeddings.MODEL_NAME}\n{text}".encode(), digest_size=16).hexdigest()


def _to_bytes(vector):
    return np.asarray(vector, dtype=STORED_DTYPE).tobytes()


def _from_bytes(raw):
    return np.frombuffer(bytes(raw), dtype=STORED_DTYPE).astype(np.float32)


def _matrix(raws):
    if not raws:
        return np.zeros((0, embeddings.DIMENSIONS), dtype=np.float32)
    return (
        np.frombuffer(b"".join(bytes(r) for r in raws), dtype=STORED_DTYPE)
        .reshape(len(raws), -1)
        .astype(np.float32)
    )


# --- the in-memory indexes --------------------------------------------------------------------------------


def _as_lookup(allowed):
    """`allowed` as something with fast `in` and `len` (sets and dicts already are)."""
    if allowed is None or isinstance(allowed, set | frozenset | dict):
        return allowed
    return set(allowed)


def _top(ids, similarities, count):
    if len(ids) > count:
        chosen = np.argpartition(-similarities, count - 1)[:count]
        ids, similarities = ids[chosen], similarities[chosen]
    return ids[np.argsort(-similarities, kind="stable")]


class ExactIndex:
    """Every vector in one float32 matrix; a search is one matrix-vector product (about 2 ms at 20,000)."""

    exact = True

    def __init__(self, dimensions=embeddings.DIMENSIONS):
        self.ids = np.zeros(0, dtype=np.int64)
        self.matrix = np.zeros((0, dimensions), dtype=np.float32)
        self.size = 0
        self.row = {}

    def __len__(self):
        return self.size

    def upsert(self, ids, vectors):
        for document_id, vector in zip(ids, vectors, strict=True):
            document_id = int(document_id)
            row = self.row.get(document_id)
            if row is not None:
                self.matrix[row] = vector
                continue
            if self.size == len(self.ids):
                capacity = max(64, 2 * self.size)
                grown = np.zeros((capacity, self.matrix.shape[1]), dtype=np.float32)
                grown[: self.size] = self.matrix[: self.size]
                self.matrix, self.ids = grown, np.resize(self.ids, capacity)
            # Fill the row first, then make it visible to searches.
            row = self.size
            self.ids[row], self.matrix[row] = document_id, vector
            self.row[document_id] = row
            self.size += 1

    def remove(self, ids):
        for document_id in ids:
            row = self.row.pop(int(document_id), None)
            if row is None:
                continue
            last = self.size - 1
            if row != last:  # the last row fills the gap
                moved = int(self.ids[last])
                self.ids[row], self.matrix[row] = moved, self.matrix[last]
                self.row[moved] = row
            self.size = last

    def candidates(self, query, count, allowed=None):
        # Searches take no lock: they read a snapshot of the arrays, and writers only overwrite a row, append
        # past the snapshot's size, or swap in grown arrays. A row moved by a concurrent removal may show up
        # twice or stale; nearest() re-reads the candidates' vectors from the database anyway.
        ids, matrix, size, row = self.ids, self.matrix, self.size, self.row
        if allowed is None:
            rows = slice(0, size)
        else:
            rows = np.fromiter(
                (r for d in allowed if (r := row.get(d)) is not None and r < size), dtype=np.int64
            )
        return _top(ids[rows], matrix[rows] @ query, count)

    def vectors(self):
        return self.ids[: self.size].copy(), self.matrix[: self.size].copy()


class GraphIndex:
    """An HNSW graph (usearch) over int8-quantised vectors, for large directories.

    The graph is built in one go (by a rebuild, or when the directory outgrows exact search) and then only
    read. Loaded from its file it is memory-mapped, so an app server's worker processes share one copy in the
    page cache. Changes made since go to a small exact index beside it (`delta`), and the graph's copies of
    changed or removed documents are hidden; the next rebuild folds them into a new graph."""

    exact = False

    def __init__(self, graph=None, dimensions=embeddings.DIMENSIONS):
        from usearch.index import Index

        self.graph = graph if graph is not None else Index(ndim=dimensions, metric="cos", **HNSW)
        self.graph.expansion_search = HNSW["expansion_search"]
        self.delta = ExactIndex(dimensions)
        self.hidden = set()

    def __len__(self):
        return len(self.graph) - len(self.hidden) + len(self.delta)

    def add(self, ids, vectors):
        """Add to the graph itself: only while building it."""
        self.graph.add(np.asarray(ids, dtype=np.uint64), np.asarray(vectors, dtype=np.float32))

    def _in_graph(self, ids):
        return np.asarray(self.graph.contains(np.asarray(ids, dtype=np.uint64)), dtype=bool).reshape(-1)

    def upsert(self, ids, vectors):
        ids = np.asarray(ids, dtype=np.int64)
        if len(ids):
            self.hidden.update(ids[self._in_graph(ids)].tolist())
            self.delta.upsert(ids, vectors)

    def remove(self, ids):
        ids = np.asarray(list(ids), dtype=np.int64)
        if len(ids):
            self.hidden.update(ids[self._in_graph(ids)].tolist())
            self.delta.remove(ids.tolist())

    def candidates(self, query, count, allowed=None):
        found = self._from_graph(query, count, allowed)
        if len(self.delta):
            found = np.concatenate([found, self.delta.candidates(query, count, allowed)])
        return found

    def _from_graph(self, query, count, allowed):
        size, hidden = len(self.graph), self.hidden
        if not size:
            return np.zeros(0, dtype=np.int64)
        if allowed is not None and len(allowed) <= EXACT_ALLOWED_LIMIT:
            # A narrow filter: compare with each allowed vector (quantised) rather than hope the graph's
            # neighbourhood holds enough of them.
            ids = np.fromiter((d for d in allowed if d not in hidden), dtype=np.int64)
            ids = ids[self._in_graph(ids)] if len(ids) else ids
            if not len(ids):
                return ids
            # The graph's own int8 copies (fetching them as float32 is ten times slower); at about 127 times
            # unit length they rank like the cosine, and nearest() re-scores the chosen ones exactly.
            matrix = np.stack(self.graph.get(ids.astype(np.uint64))).astype(np.float32)
            return _top(ids, matrix @ query, count)
        if allowed is None:
            fetch = min(size, count + len(hidden))
        else:
            share = max(len(allowed) / size, 1e-6)
            fetch = min(size, GRAPH_FETCH_LIMIT, math.ceil(count / share * 1.2) + count + len(hidden))
        keys = self.graph.search(query, fetch).keys.tolist()
        if hidden or allowed is not None:
            keys = [k for k in keys if k not in hidden and (allowed is None or k in allowed)]
        return np.asarray(keys[:count], dtype=np.int64)

    def save(self, path):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
        self.graph.save(str(temporary))
        os.replace(temporary, path)

    @classmethod
    def load(cls, path):
        from usearch.index import Index

        return cls(Index.restore(str(path), view=True))


def build_index(ids, vectors, threshold=None):
    """The right index for this many vectors: exact below the threshold, a graph from there on."""
    threshold = settings.SEARCH_ANN_THRESHOLD if threshold is None else threshold
    if len(ids) < threshold:
        index = ExactIndex()
        index.upsert(ids, vectors)
    else:
        index = GraphIndex()
        index.add(ids, vectors)
    return index


# --- this process's copy ----------------------------------------------------------------------------------


class _Process:
    lock = threading.RLock()
    index = None
    synced_to = None  # rows changed from (this - SYNC_MARGIN) on are looked at on the next sync
    applied = {}  # document id -> updated_at of rows applied inside the margin, not to be applied twice
    checked = 0.0
    state_mtime = None


def _state_path():
    path = Path(settings.SEARCH_VECTOR_INDEX)
    return path.with_name(path.name + ".json")


def _state_mtime():
    try:
        return _state_path().stat().st_mtime_ns
    except FileNotFoundError:
        return None


def forget_index():
    """Drop this process's index; the next search loads it again (tests; after switching databases)."""
    with _Process.lock:
        _Process.index, _Process.synced_to, _Process.applied = None, None, {}
        _Process.checked, _Process.state_mtime = 0.0, None


def _current_vectors(since=None):
    rows = SearchVector.objects.filter(model=embeddings.MODEL_NAME)
    if since is not None:
        rows = rows.filter(updated_at__gte=since)
    return rows


def _stored_chunks(chunk=20_000):
    """All stored vectors of the current model, in chunks of (ids, float32 matrix): at a million documents
    the whole float32 matrix (1.5 GB) is never in memory at once."""
    last = None
    while True:
        rows = _current_vectors().order_by("pk")
        if last is not None:
            rows = rows.filter(pk__gt=last)
        batch = list(rows.values_list("pk", "vector")[:chunk])
        if not batch:
            return
        yield np.asarray([pk for pk, _ in batch], dtype=np.int64), _matrix([raw for _, raw in batch])
        last = batch[-1][0]


def _index_from_database():
    if _current_vectors().count() >= settings.SEARCH_ANN_THRESHOLD:
        index = GraphIndex()
        for ids, matrix in _stored_chunks():
            index.add(ids, matrix)
    else:
        index = ExactIndex()
        for ids, matrix in _stored_chunks():
            index.upsert(ids, matrix)
    return index


def _load():
    started = timezone.now()
    _Process.state_mtime = _state_mtime()
    state = _read_state()
    path = Path(settings.SEARCH_VECTOR_INDEX)
    _Process.applied = {}
    count = _current_vectors().count()
    # A saved graph is used unless the database has changed past it (another database, a reload).
    usable = state and state.get("kind") == "graph" and path.is_file()
    if usable and abs(count - state["count"]) <= max(1000, state["count"] // 5):
        _Process.index = GraphIndex.load(path)
        _Process.synced_to = datetime.fromisoformat(state["synced_to"])
        _sync()
    elif count >= settings.SEARCH_ANN_THRESHOLD:
        log.warning(
            "Building the vector index for %s documents now, as none fits the database; "
            "`twoworlds rebuild_search_index` does this ahead of time after a large import.",
            count,
        )
        save_index()
    else:
        _Process.index = _index_from_database()
        _Process.synced_to = started
    _Process.checked = time.monotonic()


def _read_state():
    try:
        state = json.loads(_state_path().read_text())
    except (FileNotFoundError, ValueError):
        return None
    same = state.get("model") == embeddings.MODEL_NAME and state.get("hnsw") == HNSW
    return state if same else None


def _sync():
    """Apply rows other processes changed since the last look."""
    started = timezone.now()
    since = _Process.synced_to - SYNC_MARGIN
    changed = dict(_current_vectors(since).values_list("pk", "updated_at"))
    todo = [pk for pk, at in changed.items() if _Process.applied.get(pk) != at]
    for start in range(0, len(todo), SYNC_CHUNK):  # in chunks: after a rebuild the margin holds every row
        chunk = todo[start : start + SYNC_CHUNK]
        rows = list(SearchVector.objects.filter(pk__in=chunk).values_list("pk", "vector", "updated_at"))
        ids = np.asarray([pk for pk, _, _ in rows], dtype=np.int64)
        matrix = _matrix([raw for _, raw, _ in rows])
        fresh = ~_already_in_graph(ids, matrix)
        _apply(ids[fresh].tolist(), matrix[fresh])
        _Process.applied.update((pk, at) for pk, _, at in rows)
    _Process.applied = {pk: at for pk, at in _Process.applied.items() if at >= since}
    _Process.synced_to = started
    _Process.checked = time.monotonic()


def _already_in_graph(ids, matrix):
    """Which of these rows the loaded graph already holds with the same vector. A graph loaded just after a
    rebuild finds every row it was built from inside SYNC_MARGIN; applying them again would copy them all into
    the exact delta (the whole directory, searched exactly on every query)."""
    index = _Process.index
    same = np.zeros(len(ids), dtype=bool)
    if index.exact or not len(ids):
        return same
    held = index._in_graph(ids) & ~np.isin(ids, np.fromiter(index.hidden, dtype=np.int64))
    if held.any():
        graph = np.asarray(index.graph.get(ids[held].astype(np.uint64), dtype=np.float32), dtype=np.float32)
        graph = graph.reshape(int(held.sum()), -1)
        stored = matrix[held]
        cosine = np.einsum("ij,ij->i", graph, stored) / np.maximum(
            np.linalg.norm(graph, axis=1) * np.linalg.norm(stored, axis=1), 1e-12
        )
        same[np.flatnonzero(held)] = cosine >= SAME_VECTOR
    return same


def _apply(ids, matrix):
    # An exact index that outgrows the threshold stays exact (a few milliseconds more per search) until the
    # next rebuild or process start builds the graph: minutes of work at scale, never inside a request.
    _Process.index.upsert(ids, matrix)


def _loaded_index():
    with _Process.lock:
        if _Process.index is None:
            _load()
        elif time.monotonic() - _Process.checked >= SYNC_SECONDS:
            if _state_mtime() != _Process.state_mtime:  # rebuilt elsewhere: start again from its files
                _load()
            else:
                _sync()
        return _Process.index


# --- public API -------------------------------------------------------------------------------------------


def candidate_count(k, exact):
    """How many candidates the index proposes for the k wanted: exact scores need only a margin for documents
    deleted meanwhile; the graph's int8 scores are re-scored exactly, so it proposes more."""
    return k + 8 if exact else k + max(RERANK_MIN, k // 4)


def nearest(query_vector, k=100, allowed=None, passes=None):
    """The k documents nearest in meaning to the query vector, as [(document id, cosine similarity)], most
    similar first. `allowed` (a set or dict of document ids, e.g. what the filters let through) limits them.
    `passes`: a function from candidate ids to those of them that may be returned (filters too broad to list
    as `allowed`), asked before the candidates' vectors are read. An empty list when there is no vector (model
    unavailable) or nothing indexed."""
    if query_vector is None or k <= 0:
        return []
    query = np.asarray(query_vector, dtype=np.float32).reshape(-1)
    allowed = _as_lookup(allowed)
    if allowed is not None and not allowed:
        return []
    index = _loaded_index()
    if not len(index):
        return []
    candidate_ids = list(
        dict.fromkeys(index.candidates(query, candidate_count(k, index.exact), allowed).tolist())
    )
    if passes is not None and candidate_ids:
        passed = passes(candidate_ids)
        candidate_ids = [d for d in candidate_ids if d in passed]
    if not candidate_ids:
        return []
    # Confirm against the database: a document deleted by another process (or without telling search) is
    # dropped, and for graph candidates the stored vectors give the exact similarity.
    rows = _stored_vectors(candidate_ids)
    gone = set(candidate_ids) - {pk for pk, _ in rows}
    if gone:
        with _Process.lock:
            index.remove(gone)
    if not rows:
        return []
    ids = np.asarray([pk for pk, _ in rows], dtype=np.int64)
    similarities = _matrix([raw for _, raw in rows]) @ query
    order = np.argsort(-similarities, kind="stable")[:k]
    return [(int(ids[i]), float(similarities[i])) for i in order]


def _stored_vectors(document_ids):
    """[(document id, stored vector bytes)] for those of these documents that have one (plain SQL: this is on
    every search's path, and the ORM's per-row work would double its cost)."""
    from .candidates import among, chunks

    found = []
    with connection.cursor() as cursor:
        for chunk in chunks(document_ids):
            condition, params = among("document_id", chunk)
            table = SearchVector._meta.db_table
            cursor.execute(f"SELECT document_id, vector FROM {table} WHERE {condition}", params)
            found += [(pk, bytes(raw)) for pk, raw in cursor.fetchall()]
    return found


def _embed_and_store(rows, stored_hashes=None):
    """rows: (pk, name, categories_text, body). Embeds those whose text changed and stores them.
    Returns (ids, vectors) of what was (re-)embedded."""
    texts = {pk: document_text(name, cats, body) for pk, name, cats, body in rows}
    hashes = {pk: text_hash(text) for pk, text in texts.items()}
    if stored_hashes is None:
        stored_hashes = dict(SearchVector.objects.filter(pk__in=list(texts)).values_list("pk", "text_hash"))
    todo = [pk for pk in texts if stored_hashes.get(pk) != hashes[pk]]
    if not todo:
        return [], _matrix([])
    stored = {pk: raw for pk in todo if (raw := _recently_embedded.get(hashes[pk])) is not None}
    new = [pk for pk in todo if pk not in stored]
    if new:
        for pk, vector in zip(new, embeddings.embed([texts[pk] for pk in new]), strict=True):
            stored[pk] = _to_bytes(vector)
            _remember(hashes[pk], stored[pk])
    SearchVector.objects.bulk_create(
        [
            SearchVector(document_id=pk, vector=stored[pk], text_hash=hashes[pk], model=embeddings.MODEL_NAME)
            for pk in todo
        ],
        update_conflicts=True,
        unique_fields=["document"],
        update_fields=["vector", "text_hash", "model", "updated_at"],
    )
    # What is in memory is float16-rounded, as the database holds it, so all processes agree exactly.
    return todo, _matrix([stored[pk] for pk in todo])


# Vectors of texts embedded lately, by text hash: the same text indexed again (a listing saved twice, a
# group's text restored, a directory loaded again) is not embedded again. About 6 MB when full.
_recently_embedded = OrderedDict()
RECENTLY_EMBEDDED_LIMIT = 4096


def _remember(digest, raw):
    with _Process.lock:
        _recently_embedded[digest] = raw
        while len(_recently_embedded) > RECENTLY_EMBEDDED_LIMIT:
            _recently_embedded.popitem(last=False)


def update_vectors(document_ids):
    """Bring these documents' vectors up to date at once (after a listing change); ids of documents that no
    longer exist are dropped from this process's index. Returns how many were embedded."""
    ids = list(document_ids)
    if not ids or not embeddings.available():
        return 0
    rows = list(
        SearchDocument.objects.filter(pk__in=ids).values_list("pk", "name", "categories_text", "body")
    )
    embedded, vectors = _embed_and_store(rows)
    with _Process.lock:
        if _Process.index is not None:
            _apply(embedded, vectors)
            gone = set(ids) - {row[0] for row in rows}
            if gone:
                _Process.index.remove(gone)
            # Rows this process wrote need not be applied again when the next sync sees them.
            written = SearchVector.objects.filter(pk__in=embedded).values_list("pk", "updated_at")
            _Process.applied.update(written)
    return len(embedded)


def rebuild_vectors(progress=None):
    """Embed every document whose text changed (all of them after a model change), then rebuild this process's
    index and save it for the others. `progress(n)` is called as documents are done. Returns how many were
    embedded; 0, with the warning, when the model is unavailable."""
    if not embeddings.available():
        return 0
    _extend_progress(progress, SearchDocument.objects.count(), "Embedding for search")
    embedded, last = 0, None
    while True:
        documents = SearchDocument.objects.order_by("pk")
        if last is not None:
            documents = documents.filter(pk__gt=last)
        rows = list(documents.values_list("pk", "name", "categories_text", "body")[:EMBED_CHUNK])
        if not rows:
            break
        done, _ = _embed_and_store(rows)
        embedded += len(done)
        last = rows[-1][0]
        if progress:
            progress(len(rows))
    # Vectors of another model are dead weight once everything has been re-embedded with this one.
    SearchVector.objects.exclude(model=embeddings.MODEL_NAME).delete()
    transaction.on_commit(save_index)
    return embedded


def _extend_progress(progress, more, description):
    """A progress bar (tqdm's `update`) that counted the words pass gets the embedding pass added to it."""
    bar = getattr(progress, "__self__", None)
    if bar is not None and getattr(bar, "total", None) is not None:
        bar.total += more
        bar.set_description(description, refresh=False)


def save_index():
    """Build the index from the database; a graph is saved to its file and mapped from there. The build state
    is written beside it, and other processes, seeing it change, load the new index."""
    with _Process.lock:
        started = timezone.now()
        index = _index_from_database()
        kind = "exact" if index.exact else "graph"
        if kind == "graph":
            index.save(settings.SEARCH_VECTOR_INDEX)
            index = GraphIndex.load(settings.SEARCH_VECTOR_INDEX)  # shared with the other workers, read-only
        _Process.index, _Process.synced_to, _Process.applied = index, started, {}
        _Process.checked = time.monotonic()
        state = {
            "kind": kind,
            "model": embeddings.MODEL_NAME,
            "hnsw": HNSW,
            "count": len(index),
            "synced_to": started.isoformat(),
        }
        path = _state_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(state, indent=1) + "\n")
        os.replace(temporary, path)
        _Process.state_mtime = _state_mtime()
