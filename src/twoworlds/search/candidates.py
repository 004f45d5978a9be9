"""Bounded candidate generation: what search scores is never the whole directory.

At a million listings no step of a search may touch every listing. Each signal proposes at most a fixed
number of documents, with the filters inside the same SQL, and only those few are scored (ranking.combine):

- words:    the best KEYWORD_LIMIT documents by BM25 / ts_rank among at most KEYWORD_SCAN matches
            scored (keyword.top_keyword_scores);
- issues:   up to CATEGORY_LIMIT documents listed under the issues the query names (those under all of them
            first), found on the (facet, value, document) index;
- meaning:  the MEANING_NEIGHBOURS nearest documents from the vector index: restricted to the filters'
            documents when those are few (ALLOWED_LIMIT), otherwise over-fetched and checked in SQL;
- no words: the filters alone, in name order with LIMIT, and a count that stops at HIT_LIMIT.

The filters are a `Scope`: an SQL condition on the document table (aliased `d`): listed, local or national,
facet EXISTS look-ups, and for "near" a bounding box on the points (or no point at all: online and telephone
groups). When a signal had more documents than it proposed, the result says so (`capped`), and the total
shown is "more than" what was found.
"""

import math
from dataclasses import dataclass, field, replace

from django.db import connection

from .keyword import top_keyword_scores

HIT_LIMIT = 1000  # at most this many hits per side; beyond it the total reads "more than 1,000"
KEYWORD_LIMIT = 300
KEYWORD_SCAN = 600  # at most this many keyword matches are scored per step (see keyword.py)
CATEGORY_LIMIT = 500
ALLOWED_LIMIT = 2000  # a filtered set this small is handed to the vector index as the allowed set
MEANING_OVERFETCH = 5  # otherwise this many times the neighbours are fetched and checked against the filters
CHUNK = 900  # ids per IN (...) list, under SQLite's variable limit
SMALL_SCOPE = 300  # a scope this small (national organisations) is listed first and searched by id


@dataclass
class Scope:
    """Which documents a search may return, as SQL."""

    national: bool = False
    facets: list = field(default_factory=list)  # [(facet, value)], all required
    box: tuple | None = None  # (south, north, west, east): near a place; documents without points pass too

    @classmethod
    def around(cls, national, facets, latitude, longitude, radius):
        """The scope near (latitude, longitude): a box `radius` miles each way (distances are exact later)."""
        lat_span = radius / 69.0
        lon_span = radius / max(1.0, 69.0 * math.cos(math.radians(latitude)))
        box = (latitude - lat_span, latitude + lat_span, longitude - lon_span, longitude + lon_span)
        return cls(national=national, facets=list(facets), box=box)

    @property
    def narrowed(self):
        return bool(self.facets)

    def where(self):
        """(SQL condition on `d`, parameters)."""
        sql, params = ["d.listed = %s", "d.national = %s"], [True, self.national]
        for facet, value in self.facets:
            sql.append(
                "EXISTS (SELECT 1 FROM search_searchfacet f "
                "WHERE f.facet = %s AND f.value = %s AND f.document_id = d.id)"
            )
            params += [facet, value]
        if self.box is not None:
            sql.append(
                "(EXISTS (SELECT 1 FROM search_searchpoint p WHERE p.document_id = d.id "
                "AND p.latitude BETWEEN %s AND %s AND p.longitude BETWEEN %s AND %s) "
                "OR NOT EXISTS (SELECT 1 FROM search_searchpoint p WHERE p.document_id = d.id))"
            )
            params += list(self.box)
        return " AND ".join(sql), params


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def chunks(ids):
    """The ids in lists short enough for one IN (...) (SQLite's limit on variables)."""
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


def among(column, ids):
    """(SQL, params) for `column` being one of these ids: one array parameter on PostgreSQL."""
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [list(ids)]
    return f"{column} IN ({_placeholders(ids)})", list(ids)


# --- the signals ------------------------------------------------------------------------------------------


def keyword(terms, scope, limit=KEYWORD_LIMIT, scan=KEYWORD_SCAN, half_typed=None):
    """({document id: keyword score}, capped) for the best `limit` documents in scope."""
    where, params = scope.where()
    return top_keyword_scores(
        list(terms), where, params, limit, scan, within=small_scope(scope), half_typed=half_typed
    )


def small_scope(scope):
    """The ids in a national scope when there are at most SMALL_SCOPE (else None). National organisations are
    few among many local groups: walking every keyword match or issue member to find them costs what the
    whole directory costs, looking up these few does not."""
    if not scope.national:
        return None
    if not hasattr(scope, "_small"):
        ids, more = scope_ids(scope, SMALL_SCOPE)
        scope._small = None if more else ids
    return scope._small


def category_members(slugs, scope, limit=CATEGORY_LIMIT):
    """({document id: [slugs of these issues it is listed under]}, capped): up to `limit` documents in scope
    listed under any of the issues, those listed under all of them first (they score highest)."""
    slugs = list(dict.fromkeys(slugs))
    if not slugs:
        return {}, False
    within = small_scope(scope)
    if within is not None:
        listed = categories_of(within, slugs)
        best = sorted(listed, key=lambda d: (-len(listed[d]), d))
        return {d: listed[d] for d in best[:limit]}, len(best) > limit
    where, params = scope.where()
    found, capped = [], False
    groups = [slugs] + ([[s] for s in slugs] if len(slugs) > 1 else [])
    for required in groups:
        wanted = limit - len(found)
        if wanted <= 0:
            capped = True
            break
        first, *others = required
        extra = "".join(
            " AND EXISTS (SELECT 1 FROM search_searchfacet o WHERE o.facet = 'cat' AND o.value = %s "
            "AND o.document_id = c.document_id)"
            for _ in others
        )
        seen = [d for (d,) in found]
        rows = _rows(
            "SELECT c.document_id FROM search_searchfacet c "
            "JOIN search_searchdocument d ON d.id = c.document_id "
            f"WHERE c.facet = 'cat' AND c.value = %s{extra} AND {where} LIMIT %s",
            [first, *others, *params, wanted + len(seen) + 1],
        )
        seen_set = set(seen)
        fresh = [(d,) for (d,) in rows if d not in seen_set]
        if len(fresh) > wanted:
            capped = True
        found += fresh[:wanted]
    return categories_of([d for (d,) in found], slugs), capped


def categories_of(document_ids, slugs):
    """{document id: [those of these issue slugs it is listed under]} for these documents."""
    slugs = list(dict.fromkeys(slugs))
    listed = {}
    if not slugs:
        return listed
    for chunk in chunks(document_ids):
        condition, ids = among("document_id", chunk)
        rows = _rows(
            "SELECT document_id, value FROM search_searchfacet WHERE facet = 'cat' "
            f"AND value IN ({_placeholders(slugs)}) AND {condition}",
            [*slugs, *ids],
        )
        for document_id, slug in rows:
            listed.setdefault(document_id, []).append(slug)
    order = {s: i for i, s in enumerate(slugs)}
    return {d: sorted(found, key=order.__getitem__) for d, found in listed.items()}


def in_scope(document_ids, scope):
    """Those of these documents the scope lets through."""
    where, params = scope.where()
    passed = set()
    for chunk in chunks(document_ids):
        condition, ids = among("d.id", chunk)
        sql = f"SELECT d.id FROM search_searchdocument d WHERE {condition} AND {where}"
        rows = _rows(sql, [*ids, *params])
        passed.update(d for (d,) in rows)
    return passed


def scope_ids(scope, limit):
    """The ids of up to `limit` documents in scope, and whether there are more."""
    where, params = scope.where()
    if scope.facets and not scope.national and connection.vendor == "sqlite":
        # On SQLite, found through the first facet's index rows: walking the documents to find the few a
        # facet lets through reads a large share of them. (PostgreSQL plans the EXISTS form better itself;
        # national organisations are few and have their own index.)
        (facet, value), rest = scope.facets[0], replace(scope, facets=scope.facets[1:])
        where, params = rest.where()
        rows = _rows(
            "SELECT d.id FROM search_searchfacet c JOIN search_searchdocument d ON d.id = c.document_id "
            f"WHERE c.facet = %s AND c.value = %s AND {where} LIMIT %s",
            [facet, value, *params, limit + 1],
        )
    else:
        rows = _rows(f"SELECT d.id FROM search_searchdocument d WHERE {where} LIMIT %s", [*params, limit + 1])
    return [d for (d,) in rows[:limit]], len(rows) > limit


def _in_name_order(ids, where, params, limit):
    """(Those of these few ids in scope, in name order, at most `limit`; capped)."""
    if not ids:
        return [], False
    condition, id_params = among("d.id", ids)
    rows = _rows(
        f"SELECT d.id FROM search_searchdocument d WHERE {condition} AND {where} "
        "ORDER BY d.sort_name, d.id LIMIT %s",
        [*id_params, *params, limit + 1],
    )
    return [d for (d,) in rows[:limit]], len(rows) > limit


def meaning(vector, scope, k, floor, restrict, memo=None):
    """{document id: cosine} for up to k documents in scope nearest the query vector, at or above `floor`.

    restrict: the filters narrow the directory, so look among their documents only. When those are at most
    ALLOWED_LIMIT they are handed to the vector index; otherwise (and when not restricting) the nearest
    documents overall are fetched and the filters checked in SQL, fetching MEANING_OVERFETCH times more
    when restricting, so that enough pass. memo: a dict kept for one search, so that its local and national
    sides share one look-up of the nearest documents overall."""
    if vector is None or k <= 0:
        return {}
    from . import vectors

    if restrict:
        allowed, more = scope_ids(scope, ALLOWED_LIMIT)
        if not more:
            found = vectors.nearest(vector, k=min(k, len(allowed)), allowed=set(allowed)) if allowed else []
        else:
            in_filters = lambda ids: in_scope(ids, scope)  # noqa: E731 - read as a condition
            found = vectors.nearest(vector, k=k * MEANING_OVERFETCH, passes=in_filters)[:k]
        return {d: float(s) for d, s in found if s >= floor}
    wanted = k
    memo = {} if memo is None else memo
    if k not in memo:
        memo[k] = vectors.nearest(vector, k=k)
    found = memo[k]
    found = [(d, s) for d, s in found if s >= floor]
    passed = in_scope([d for d, _ in found], scope)
    return {d: float(s) for d, s in [(d, s) for d, s in found if d in passed][:wanted]}


# --- what the page needs ----------------------------------------------------------------------------------


def listing_of(document_ids):
    """{document id: (group id, sort name)} for these documents."""
    from .models import SearchDocument

    group_id = SearchDocument._meta.get_field("group").target_field.to_python  # UUIDs: text on SQLite
    found = {}
    for chunk in chunks(document_ids):
        condition, ids = among("id", chunk)
        rows = _rows(f"SELECT id, group_id, sort_name FROM search_searchdocument WHERE {condition}", ids)
        found.update((d, (group_id(g), n)) for d, g, n in rows)
    return found


def points_of(document_ids, box=None):
    """{document id: [(latitude, longitude)]} for these documents' points (inside the box, if given), and the
    set of these documents that have any point at all."""
    points, with_points = {}, set()
    for chunk in chunks(document_ids):
        condition, ids = among("document_id", chunk)
        sql = f"SELECT document_id, latitude, longitude FROM search_searchpoint WHERE {condition}"
        rows = _rows(sql, ids)
        for document_id, lat, lon in rows:
            with_points.add(document_id)
            if box is None or (box[0] <= lat <= box[1] and box[2] <= lon <= box[3]):
                points.setdefault(document_id, []).append((lat, lon))
    return points, with_points


def filtered(scope, limit=None):
    """For a search without words: (document ids in scope, name order, at most `limit`; capped). With more
    than `limit` under a filter, the `limit` put in name order are the first found, not the first by name.

    Near a place, the documents with a point in the box come first (they are ordered by distance later),
    then those without a point (online, telephone) in name order."""
    limit = HIT_LIMIT if limit is None else limit
    where, params = scope.where()
    within = small_scope(scope)
    if within is not None:
        return _in_name_order(within, where, params, limit)
    if scope.box is None and scope.facets:
        # Found through the first facet's index rows, then put in name order: ordering the whole directory
        # by name to find the few a narrow filter lets through would walk all of it.
        (facet, value), rest = scope.facets[0], replace(scope, facets=scope.facets[1:])
        where, params = rest.where()  # the first facet is the join itself
        rows = _rows(
            "SELECT d.id, d.sort_name FROM search_searchfacet c "
            "JOIN search_searchdocument d ON d.id = c.document_id "
            f"WHERE c.facet = %s AND c.value = %s AND {where} LIMIT %s",
            [facet, value, *params, limit + 1],
        )
        ordered = sorted(rows[:limit], key=lambda row: (row[1], row[0]))
        return [d for d, _ in ordered], len(rows) > limit
    if scope.box is None:
        rows = _rows(
            f"SELECT d.id FROM search_searchdocument d WHERE {where} ORDER BY d.sort_name, d.id LIMIT %s",
            [*params, limit + 1],
        )
        return [d for (d,) in rows[:limit]], len(rows) > limit
    south, north, west, east = scope.box
    plain = Scope(national=scope.national, facets=scope.facets)
    plain_where, plain_params = plain.where()
    placed = _rows(
        "SELECT DISTINCT d.id FROM search_searchpoint p "
        "JOIN search_searchdocument d ON d.id = p.document_id "
        f"WHERE p.latitude BETWEEN %s AND %s AND p.longitude BETWEEN %s AND %s AND {plain_where} LIMIT %s",
        [south, north, west, east, *plain_params, limit + 1],
    )
    ids = [d for (d,) in placed[:limit]]
    capped = len(placed) > limit
    room = limit - len(ids)
    if room > 0:
        pointless = _rows(
            f"SELECT d.id FROM search_searchdocument d WHERE {plain_where} AND NOT EXISTS "
            "(SELECT 1 FROM search_searchpoint p WHERE p.document_id = d.id) "
            "ORDER BY d.sort_name, d.id LIMIT %s",
            [*plain_params, room + 1],
        )
        ids += [d for (d,) in pointless[:room]]
        capped = capped or len(pointless) > room
    return ids, capped
