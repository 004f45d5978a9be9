"""Keyword relevance, per database: SQLite FTS5 with BM25, PostgreSQL full-text search with ts_rank.

`top_keyword_scores` takes the query's words and returns the best `limit` documents ({document id: score},
higher is better), with the filters inside the same SQL and a bounded number of matches scored."""

import re

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
SQLITE_RANK = "bm25(search_fts, 8.0, 4.0, 1.0, 2.0)"


def query_terms(text):
    """The words of a query that carry meaning, lower-cased, in order, without repeats."""
    words = re.findall(r"[^\W_]+", (text or "").lower())
    return list(dict.fromkeys(w for w in words if w not in STOPWORDS and len(w) > 1))[:MAX_TERMS]


def _prefix(terms):
    """Whether the last word is taken as a prefix, so that a half-typed word still finds something: when it
    is the only word (someone typing into the box). In a sentence the last word is whole, and a prefix
    there makes the index merge every word it begins (all the "time…" words for "…all the time"), which at
    a million listings costs a second."""
    return len(terms) == 1 and len(terms[-1]) > 2


def _sqlite_match(terms, joiner):
    parts = [f'"{t}"' for t in terms[:-1]] + [f'"{terms[-1]}"' + ("*" if _prefix(terms) else "")]
    return f" {joiner} ".join(parts)


def _postgres_query(terms, joiner):
    parts = list(terms[:-1]) + [terms[-1] + (":*" if _prefix(terms) else "")]
    return f" {joiner} ".join(parts)


def top_keyword_scores(terms, where, params, limit, scan, within=None):
    """The best `limit` documents for these words among those `where` lets through, as
    ({document id: score}, whether more documents matched than were scored).

    where/params: an SQL condition on the document table aliased `d` (the filters). Bounded work: documents
    holding any of the words are scored, at most `scan` of them, so a common word at a million listings costs
    what it costs at a few thousand. Within the scan the order is exact BM25 / ts_rank; when more documents
    match than `scan`, the ones scored are the first in the index's order (the result says so). (Asking for
    all the words first was tried: when few documents hold them all, finding those few walks every match.)
    within: the ids of a small scope (national organisations): looked up one by one in the index, instead of
    walking every match to find the few in scope."""
    if not terms:
        return {}, False
    rows = _scan(terms, "OR", where, params, scan + 1, within)
    capped = len(rows) > scan
    best = sorted(rows[:scan], key=lambda item: (-item[1], item[0]))
    return dict(best[:limit]), capped or len(best) > limit


def _scan(terms, joiner, where, params, scan, within=None):
    if within is not None:
        if not within:
            return []
        where = f"d.id IN ({', '.join(['%s'] * len(within))}) AND {where}"
        params = [*within, *params]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Ranked by the any-word query in both steps (ts_rank scores AND and OR queries differently).
            cursor.execute(
                "SELECT m.id, ts_rank(m.search_tsv, r) "
                "FROM to_tsquery('english', %s) q, to_tsquery('english', %s) r, LATERAL ("
                "SELECT d.id, d.search_tsv FROM search_searchdocument d "
                f"WHERE d.search_tsv @@ q AND {where} LIMIT %s) m",
                [_postgres_query(terms, "&" if joiner == "AND" else "|"), _postgres_query(terms, "|")]
                + [*params, scan],
            )
        else:
            # With `within`, the rowid IN (...) makes FTS5 look each id up rather than walk every match.
            rowids = f"AND search_fts.rowid IN ({', '.join(['%s'] * len(within))}) " if within else ""
            cursor.execute(
                f"SELECT d.id, -{SQLITE_RANK} FROM search_fts "
                "JOIN search_searchdocument d ON d.id = search_fts.rowid "
                f"WHERE search_fts MATCH %s {rowids}AND {where} LIMIT %s",
                [_sqlite_match(terms, joiner), *(within or []), *params, scan],
            )
        return [(row[0], float(row[1])) for row in cursor.fetchall()]
