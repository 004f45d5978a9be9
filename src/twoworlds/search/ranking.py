"""How search orders what it finds: keyword relevance, the issue taxonomy and meaning, in one score.

For each candidate document (already narrowed by the filters) three signals are worked out, each in [0, 1]:

- words:    keyword relevance (BM25 on SQLite, ts_rank on PostgreSQL) divided by the best keyword score
            among the candidates, so the best keyword match scores 1.
- category: the share of the issues named in the query (`matching_categories`: names, lay words, synonyms)
            that the document is listed under, a first-level issue ("Carers", "Parenting") counting
            FIRST_LEVEL_WEIGHT of a second-level one. "my mum has dementia" names Dementia and Carers of
            people with dementia: a dementia carers' group listed under both scores 1.0, a memory café
            for people with dementia 0.5.
- meaning:  cosine similarity between the query's sentence embedding and the document's, rescaled so that
            MEANING_FLOOR maps to 0 and 1 to 1: (cos - floor) / (1 - floor). Below the floor it is 0 and the
            document is not found by meaning at all, so unrelated groups are not shown just because they
            happen to be the nearest.

    score = W_WORDS * words + W_CATEGORY * category + W_MEANING * meaning

A document is a hit when any signal is above zero and its score is at least RELATIVE_FLOOR of the best
score (so a group matching only "phone" in "betting on my phone" is not listed under the gambling groups).
The weights and the floors were tuned on the tuning part of bench/data/relevance_queries.json and checked
on its held-out part (`python bench/relevance.py`).
When the embedding model is not installed, meaning is 0 for every document and search is keyword and
taxonomy only (embeddings.available() says why, in the logs).
"""

import contextlib
import logging
import re

log = logging.getLogger(__name__)

# Tuned with `python bench/relevance.py --tune` (coordinate search on the tuning queries, twice: the second
# time after the lay terms were extended). The surface is flat near these values (±0.002 nDCG@10); a floor
# of 0.25 scored 0.001 better in the first search, and we keep 0.3, safer against loosely related groups.
W_WORDS = 1.0
W_CATEGORY = 3.0
W_MEANING = 1.5
MEANING_FLOOR = 0.3
MEANING_NEIGHBOURS = 200
FIRST_LEVEL_WEIGHT = 0.5
RELATIVE_FLOOR = 0.3
# A local result found only by meaning must be at least this close before it counts as "a local match";
# below it, national organisations for the issue come first.
CONFIDENT_MEANING = 0.45

_switch = {"meaning": True}


@contextlib.contextmanager
def keyword_only():
    """Rank without embeddings inside this block (the relevance harness compares both ways)."""
    before = _switch["meaning"]
    _switch["meaning"] = False
    try:
        yield
    finally:
        _switch["meaning"] = before


def _embeddings():
    try:
        from . import embeddings, vectors
    except ImportError:
        return None, None
    return embeddings, vectors


def meaning_available():
    if not _switch["meaning"]:
        return False
    embeddings, vectors = _embeddings()
    return bool(embeddings and vectors and embeddings.available())


def query_vector(text):
    """The query's embedding, or None (no text, or no model: keyword-only search)."""
    if not text or not meaning_available():
        return None
    embeddings, _ = _embeddings()
    try:
        return embeddings.embed_query(text)
    except Exception:  # a broken model must never break search; keyword search still answers
        log.exception("Query embedding failed; searching by keyword only")
        return None


def meaning_scores(vector, candidate_ids, restrict):
    """{document id: cosine similarity} for candidates at or above MEANING_FLOOR.

    restrict: pass the candidate ids to the vector index as the allowed set (filters are narrowing); when
    False the nearest documents overall are fetched and intersected with the candidates (cheaper when the
    candidates are nearly everything)."""
    if vector is None or not candidate_ids:
        return {}
    _, vectors = _embeddings()
    allowed = set(candidate_ids) if restrict else None
    k = min(MEANING_NEIGHBOURS, len(candidate_ids)) if restrict else MEANING_NEIGHBOURS
    found = vectors.nearest(vector, k=k, allowed=allowed)
    return {
        document_id: float(similarity)
        for document_id, similarity in found
        if similarity >= MEANING_FLOOR and document_id in candidate_ids
    }


def category_weight(category):
    return FIRST_LEVEL_WEIGHT if category.parent_id is None else 1.0


def combine(keyword, in_categories, similarity, categories):
    """Scores and reasons per document.

    keyword: {document id: raw keyword score}; in_categories: {document id: [categories it is listed under
    among those the query named]}; similarity: {document id: cosine}; categories: what the query named."""
    named = sum(category_weight(c) for c in categories) or 1
    scores, reasons = {}, {}
    best = max(keyword.values(), default=0) or 1
    for document_id, raw in keyword.items():
        scores[document_id] = W_WORDS * raw / best
        reasons[document_id] = [("words", "")]
    for document_id, listed in in_categories.items():
        share = sum(category_weight(c) for c in listed) / named
        scores[document_id] = scores.get(document_id, 0.0) + W_CATEGORY * share
        reasons[document_id] = [("category", c.name) for c in listed] + reasons.get(document_id, [])
    for document_id, cosine in similarity.items():
        scores[document_id] = scores.get(document_id, 0.0) + W_MEANING * meaning_strength(cosine)
        if document_id not in reasons:
            reasons[document_id] = [("meaning", "")]
    best = max(scores.values(), default=0)
    if best and RELATIVE_FLOOR:
        scores = {d: score for d, score in scores.items() if score >= RELATIVE_FLOOR * best}
    return scores, reasons


def meaning_strength(cosine):
    return max(0.0, (cosine - MEANING_FLOOR) / (1 - MEANING_FLOOR))


def matched_words(terms, text):
    """The query words found in a document's text (whole words, or a prefix for the half-typed last one),
    for the 'why this matched' line."""
    found = []
    lowered = (text or "").lower()
    for position, term in enumerate(terms):
        # Roughly what the keyword index's stemming does: "carers" is found by "caring", "group" by "groups".
        stem = re.sub(r"(?:ing|ers|er|es|ed|s|e|y)$", "", term) if len(term) > 4 else term
        ending = r"\w*" if position == len(terms) - 1 and len(term) > 2 else r"\w{0,4}"
        if re.search(rf"(?<!\w){re.escape(stem)}{ending}(?!\w)", lowered):
            found.append(term)
    return found
