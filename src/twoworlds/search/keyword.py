"""Keyword relevance, per database: SQLite FTS5 with BM25, PostgreSQL full-text search with ts_rank.
Both take the same word list and return {document id: score} where higher is better."""

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


def query_terms(text):
    """The words of a query that carry meaning, lower-cased, in order, without repeats."""
    words = re.findall(r"[^\W_]+", (text or "").lower())
    return list(dict.fromkeys(w for w in words if w not in STOPWORDS and len(w) > 1))[:MAX_TERMS]


def keyword_scores(terms):
    if not terms:
        return {}
    if connection.vendor == "postgresql":
        return _postgres_scores(terms)
    return _sqlite_scores(terms)


def _sqlite_scores(terms):
    # Any of the words may match (people type sentences); BM25 ranks documents matching more of them higher.
    # The last word is a prefix so that a half-typed word still finds something.
    parts = [f'"{t}"' for t in terms[:-1]] + [f'"{terms[-1]}"' + ("*" if len(terms[-1]) > 2 else "")]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, -bm25(search_fts, 8.0, 4.0, 1.0, 2.0) FROM search_fts WHERE search_fts MATCH %s",
            [" OR ".join(parts)],
        )
        return {row[0]: row[1] for row in cursor.fetchall()}


def _postgres_scores(terms):
    parts = list(terms[:-1]) + [terms[-1] + (":*" if len(terms[-1]) > 2 else "")]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, ts_rank(search_tsv, q) FROM search_searchdocument, to_tsquery('english', %s) q "
            "WHERE search_tsv @@ q",
            [" | ".join(parts)],
        )
        return {row[0]: row[1] for row in cursor.fetchall()}
