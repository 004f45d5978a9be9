"""Keyword relevance, per database: SQLite FTS5 with BM25, PostgreSQL full-text search with ts_rank.

`top_keyword_scores` takes the query's words and returns the best `limit` documents ({document id: score},
higher is better), with the filters inside the same SQL and a bounded number of matches scored.

Why BM25 on SQLite is partly worked out here: FTS5's bm25() first counts, for every word of the query, how
many documents in the whole index hold it (its IDF), by walking that word's entire list of documents, once
per statement, and once per id when the statement looks documents up by id. At a million listings a common
word ("time", "one", "carers") is in a few hundred thousand documents, and that count costs 10-30 ms, or
seconds when repeated per id. So on SQLite:
- document counts per word are cached per process (`document_count`, DOCUMENT_COUNT_TTL): they change
  slowly and only weigh the words against each other;
- a word in a large share of a large directory (COMMON_SHARE, COMMON_MIN) is left out of a query that has
  rarer words (as Lucene's common-terms query does): it matches nearly everything and weighs little;
- a small scope looked up by id (national organisations) is scored here, with exactly FTS5's formula
  (`_bm25`): how often each word occurs per column comes from highlight(), the lengths from FTS5's own
  docsize and averages records.
"""

import math
import os
import re
import threading
import time

from django.db import connection

STOPWORDS = set(
    """a about after all also am an and any are as at be been being but by can cant could did do does dont
    for from get got had has have having he her him his how i im if in into is it its ive just me my myself
    no not now of on or our out she so some t than that the their them then there they this to too up us
    very was we were what when where which who why will with would you your yours s d ll re ve m help need
    want looking look find group groups support someone people near""".split()
)
MAX_TERMS = 24
# BM25 weights per FTS5 column (name, categories, body, place): the name counts most.
COLUMN_WEIGHTS = (8.0, 4.0, 1.0, 2.0)
SQLITE_RANK = f"bm25(search_fts, {', '.join(map(str, COLUMN_WEIGHTS))})"
BM25_K1, BM25_B = 1.2, 0.75  # FTS5's constants
COMMON_SHARE = 0.1
COMMON_MIN = 5000
DOCUMENT_COUNT_TTL = 600  # seconds a cached document count per word is used
MARKED = re.compile("\x02([^\x03]*)\x03")

_counts_lock = threading.Lock()
_counts = {}  # (database name, phrase) -> (documents holding it, when counted)


def query_terms(text):
    """The words of a query that carry meaning, lower-cased, in order, without repeats."""
    words = re.findall(r"[^\W_]+", (text or "").lower())
    return list(dict.fromkeys(w for w in words if w not in STOPWORDS and len(w) > 1))[:MAX_TERMS]


def may_be_half_typed(terms):
    """Whether the last word may be taken as a prefix, so that a half-typed word still finds something: when
    it is the only word (someone typing into the box). In a sentence the last word is whole, and a prefix
    there makes the index merge every word it begins (all the "time…" words for "…all the time"), which at
    a million listings costs a second."""
    return len(terms) == 1 and len(terms[-1]) > 2


def _sqlite_phrases(terms, half_typed):
    return [f'"{t}"' for t in terms[:-1]] + [f'"{terms[-1]}"' + ("*" if half_typed else "")]


def _postgres_query(terms, joiner, half_typed):
    parts = list(terms[:-1]) + [terms[-1] + (":*" if half_typed else "")]
    return f" {joiner} ".join(parts)


def top_keyword_scores(terms, where, params, limit, scan, within=None, half_typed=None):
    """The best `limit` documents for these words among those `where` lets through, as
    ({document id: score}, whether more documents matched than were scored).

    where/params: an SQL condition on the document table aliased `d` (the filters). Bounded work: documents
    holding any of the words are scored, at most `scan` of them, so a common word at a million listings costs
    what it costs at a few thousand. Within the scan the order is exact BM25 / ts_rank; when more documents
    match than `scan`, the ones scored are the first in the index's order (the result says so). (Asking for
    all the words first was tried: when few documents hold them all, finding those few walks every match.)
    within: the ids of a small scope (national organisations): looked up one by one in the index, instead of
    walking every match to find the few in scope. half_typed: take the last word as a prefix (default:
    `may_be_half_typed`; the caller knows better when the word is a whole word it has seen)."""
    if not terms:
        return {}, False
    if half_typed is None:
        half_typed = may_be_half_typed(terms)
    if within is not None and not within:
        return {}, False
    if connection.vendor == "postgresql":
        if within is not None:
            where, params = f"d.id = ANY(%s) AND {where}", [list(within), *params]
        rows = _postgres_scan(terms, where, params, scan + 1, half_typed)
    elif within is not None:
        rows = _sqlite_scan_by_id(_sqlite_phrases(terms, half_typed), within, where, params)
    else:
        rows = _sqlite_scan(_sqlite_phrases(terms, half_typed), where, params, scan + 1)
    capped = len(rows) > scan
    best = sorted(rows[:scan], key=lambda item: (-item[1], item[0]))
    return dict(best[:limit]), capped or len(best) > limit


def _postgres_scan(terms, where, params, scan, half_typed):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT m.id, ts_rank(m.search_tsv, q) "
            "FROM to_tsquery('english', %s) q, LATERAL ("
            "SELECT d.id, d.search_tsv FROM search_searchdocument d "
            f"WHERE d.search_tsv @@ q AND {where} LIMIT %s) m",
            [_postgres_query(terms, "|", half_typed), *params, scan],
        )
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def _sqlite_scan(phrases, where, params, scan):
    """(id, BM25) of the first `scan` matches in scope, by FTS5's bm25() over the words not common."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.id, -{SQLITE_RANK} FROM search_fts "
            "JOIN search_searchdocument d ON d.id = search_fts.rowid "
            f"WHERE search_fts MATCH %s AND {where} LIMIT %s",
            [" OR ".join(_without_common(phrases)), *params, scan],
        )
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def _sqlite_scan_by_id(phrases, within, where, params):
    """(id, BM25) of the matches among these few ids. The rowid IN (...) makes FTS5 look each id up rather
    than walk every match; bm25() would count every word's documents again for each id, so the score is
    worked out here."""
    marks = ", ".join(f"highlight(search_fts, {column}, char(2), char(3))" for column in range(4))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.id, z.sz, {marks} FROM search_fts "
            "JOIN search_searchdocument d ON d.id = search_fts.rowid "
            "JOIN search_fts_docsize z ON z.id = search_fts.rowid "
            f"WHERE search_fts MATCH %s AND search_fts.rowid IN ({', '.join(['%s'] * len(within))}) "
            f"AND {where}",
            [" OR ".join(phrases), *within, *params],
        )
        rows = cursor.fetchall()
    if not rows:
        return []
    documents, tokens = _sqlite_totals()
    weights = [_idf(documents, document_count(phrase)) for phrase in phrases]
    words = [phrase.strip('"*') for phrase in phrases]
    average = tokens / documents if documents and tokens else 1.0
    return [(d, _bm25(columns, _varints(sizes), words, weights, average)) for d, sizes, *columns in rows]


def _bm25(columns, sizes, words, weights, average_length):
    """FTS5's bm25() for one document: columns are highlight()ed texts, sizes its tokens per column."""
    frequency = [0.0] * len(words)
    for weight, text in zip(COLUMN_WEIGHTS, columns, strict=True):
        for marked in MARKED.findall(text or ""):
            frequency[_word_of(marked.lower(), words)] += weight
    norm = BM25_K1 * (1 - BM25_B + BM25_B * sum(sizes) / average_length)
    return sum(w * f * (BM25_K1 + 1) / (f + norm) for w, f in zip(weights, frequency, strict=True))


def _word_of(token, words):
    """Which query word a marked token is an instance of: stemming only changes a word's end, so the one
    sharing the longest beginning with it ("caring" for "carers", "groups" for "group")."""
    shared = [len(os.path.commonprefix([token, word])) for word in words]
    return shared.index(max(shared))


def _idf(documents, holding):
    idf = math.log((documents - holding + 0.5) / (holding + 0.5))
    return idf if idf > 0 else 1e-6  # as FTS5 does for words in more than half the documents


def _varints(blob):
    """SQLite varints (FTS5's docsize and averages records)."""
    values, value = [], 0
    for byte in blob or b"":
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            values.append(value)
            value = 0
    return values


def _sqlite_totals():
    """(documents, tokens in all columns) of the FTS5 index, from its averages record."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT block FROM search_fts_data WHERE id = 1")
        row = cursor.fetchone()
    values = _varints(bytes(row[0])) if row else []
    return (values[0], sum(values[1:])) if values else (0, 0)


def document_count(phrase):
    """How many documents hold this FTS5 phrase, cached for DOCUMENT_COUNT_TTL seconds."""
    key = (connection.settings_dict["NAME"], phrase)
    now = time.monotonic()
    with _counts_lock:
        cached = _counts.get(key)
    if cached and now - cached[1] < DOCUMENT_COUNT_TTL:
        return cached[0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [phrase])
        holding = cursor.fetchone()[0]
    with _counts_lock:
        if len(_counts) > 50_000:
            _counts.clear()
        _counts[key] = (holding, now)
    return holding


def forget_document_counts():
    with _counts_lock:
        _counts.clear()


def _without_common(phrases):
    """The phrases without those in more than COMMON_SHARE of a directory of more than COMMON_MIN / share
    documents, when any rarer phrase is left."""
    if len(phrases) < 2:
        return phrases
    documents, _ = _sqlite_totals()
    if documents * COMMON_SHARE <= COMMON_MIN:
        return phrases
    rare = [p for p in phrases if document_count(p) <= documents * COMMON_SHARE]
    return rare or phrases
