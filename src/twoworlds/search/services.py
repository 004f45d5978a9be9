"""Search: the one entry point (`find_groups`) and index upkeep (`index_groups`, `rebuild_index`).

Data flow: view -> find_groups(query, filters) -> ranked group ids with scores, distances and reasons ->
directory reads the groups for the page being shown. Typos are corrected first (spelling.py); the order
combines keywords, the issue taxonomy and meaning (ranking.py)."""

import logging
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from django.db import transaction

from twoworlds.directory import queries as directory
from twoworlds.safety.services import reads_as_crisis

from . import candidates, ranking, spelling
from .documents import build_document
from .geocoding import distance_miles, locate, rebuild_places
from .keyword import may_be_half_typed, query_terms
from .models import SearchDocument, SearchFacet, SearchPoint
from .vectors import rebuild_vectors, update_vectors

log = logging.getLogger(__name__)

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
TIMES = ["morning", "afternoon", "evening"]
FORMATS = ["in_person", "online", "telephone", "home_visits"]
DISTANCES = [1, 3, 5, 10, 25, 50]
DEFAULT_DISTANCE = 10
NATIONAL_LIMIT = 6
PLACE_WORD = re.compile(r"(?:^|[\s,]+)(?:near|in|around)\s+", re.IGNORECASE)


@dataclass
class Filters:
    """What narrows a search. Values are already validated (see forms.SearchForm)."""

    near: str = ""
    distance: int | None = None
    day: str = ""
    time: str = ""
    format: str = ""
    language: str = ""
    category: str = ""


@dataclass
class Hit:
    group_id: object
    score: float = 0.0
    distance: float | None = None
    reasons: list = field(default_factory=list)
    group: object = None
    document_id: object = None
    confident: bool = True  # found by words, issue, or close meaning (not only loosely related)

    @property
    def why(self):
        """Why this matched, for the result: the issues (at most two), the words found, or meaning."""
        words = [value for kind, value in self.reasons if kind == "words"]
        return {
            "categories": list(dict.fromkeys(v for k, v in self.reasons if k == "category"))[:2],
            "words": words[0] if words else "",
            "some_words": bool(words),
            "meaning": any(kind == "meaning" for kind, _ in self.reasons),
        }


@dataclass
class Outcome:
    query: str
    filters: Filters
    hits: list
    national: list
    located: object = None
    place_not_found: bool = False
    matched_categories: list = field(default_factory=list)
    crisis: bool = False
    corrected_query: str = ""  # what was searched for when typos were corrected ("Showing results for …")
    place_from_query: str = ""  # "dementia near NG7": the place read from the words
    terms: list = field(default_factory=list)
    by_meaning: bool = False  # whether meaning (embeddings) took part
    more: bool = False  # more groups matched than the hits hold (candidates.HIT_LIMIT): the total is a floor

    @property
    def total(self):
        return len(self.hits)

    @property
    def local_fits(self):
        """Whether some local group fits well; if not, national organisations are shown first."""
        return any(hit.confident for hit in self.hits)

    def load(self, start=0, stop=None):
        """Attach the groups for the hits in [start:stop] (the page being shown) and return those hits."""
        chosen = self.hits[start:stop]
        groups = {g.pk: g for g in directory.groups_by_ids([h.group_id for h in chosen])}
        for hit in chosen:
            hit.group = groups.get(hit.group_id)
        _name_matched_words(chosen, self.terms)
        return [h for h in chosen if h.group is not None]

    def load_national(self):
        groups = {g.pk: g for g in directory.groups_by_ids([h.group_id for h in self.national])}
        for hit in self.national:
            hit.group = groups.get(hit.group_id)
        _name_matched_words(self.national, self.terms)
        return [h for h in self.national if h.group is not None]


def _name_matched_words(hits, terms):
    """Fill in which of the query's words each hit's listing contains (for 'why this matched')."""
    wanted = [h for h in hits if any(kind == "words" and not value for kind, value in h.reasons)]
    if not wanted or not terms:
        return
    texts = {
        pk: " ".join(parts)
        for pk, *parts in SearchDocument.objects.filter(pk__in=[h.document_id for h in wanted]).values_list(
            "pk", "name", "categories_text", "body"
        )
    }
    for hit in wanted:
        words = ranking.matched_words(terms, texts.get(hit.document_id, ""))
        hit.reasons = [
            ("words", ", ".join(words)) if kind == "words" and not value else (kind, value)
            for kind, value in hit.reasons
        ]


# --- index upkeep -----------------------------------------------------------------------------------------


def index_groups(group_ids):
    """Bring the index up to date for these groups (called after every committed change)."""
    spelling.note_changed(group_ids)  # the vocabulary for typo correction follows the index
    groups = {g.pk: g for g in directory.groups_with_details().filter(pk__in=list(group_ids))}
    with transaction.atomic():
        for group_id in group_ids:
            group = groups.get(group_id)
            if group is None:
                SearchDocument.objects.filter(group_id=group_id).delete()
            else:
                _store(group)
        update_vectors(SearchDocument.objects.filter(group_id__in=group_ids).values_list("pk", flat=True))


def _store(group):
    data = build_document(group)
    facets, points = data.pop("facets"), data.pop("points")
    document, _ = SearchDocument.objects.update_or_create(group=group, defaults=data)
    document.facets.all().delete()
    document.points.all().delete()
    SearchFacet.objects.bulk_create([SearchFacet(document=document, facet=f, value=v) for f, v in facets])
    SearchPoint.objects.bulk_create(
        [SearchPoint(document=document, latitude=a, longitude=b) for a, b in points]
    )


def rebuild_index(progress=None, batch_size=500):
    """Rebuild the gazetteer and every document. `progress(n)` is called as groups are done."""
    spelling.forget()
    rebuild_places()
    ids = list(directory.groups_with_details().values_list("pk", flat=True))
    with transaction.atomic():
        SearchDocument.objects.exclude(group_id__in=ids).delete()
        for start in range(0, len(ids), batch_size):
            batch = ids[start : start + batch_size]
            for group in directory.groups_with_details().filter(pk__in=batch):
                _store(group)
            if progress:
                progress(len(batch))
        rebuild_vectors(progress)
    return len(ids)


# --- searching --------------------------------------------------------------------------------------------


def _is_acronym(term):
    return term.isupper() and len(term) <= 4


@lru_cache(maxsize=4)
def _category_matchers(rows):
    """Compiled patterns per category, built once per version of the taxonomy.

    rows: (pk, name, lay terms) for every category."""
    matchers = {}
    for pk, name, lay_terms in rows:
        terms = [name, *(t.strip() for t in re.split(r"[,\n]", lay_terms) if t.strip())]
        words = [re.escape(t.lower()) for t in terms if not _is_acronym(t)]
        acronyms = [t for t in terms if _is_acronym(t)]
        matchers[pk] = (
            re.compile(rf"(?<!\w)(?:{'|'.join(words)})s?(?!\w)", re.IGNORECASE) if words else None,
            re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, acronyms))})(?!\w)") if acronyms else None,
            {a.lower() for a in acronyms},
        )
    return matchers


def matching_categories(text):
    """Categories whose name or everyday words appear in the query. Short capitalised terms such as 'ME'
    or 'MS' must be typed in capitals, unless they are the whole query, so 'help me' does not mean ME."""
    text = (text or "").strip()
    if not text:
        return []
    categories = directory.taxonomy().categories
    matchers = _category_matchers(tuple((c.pk, c.name, c.lay_terms) for c in categories))
    found = []
    for category in categories:
        words, acronyms, whole_queries = matchers[category.pk]
        if (
            (words and words.search(text))
            or (acronyms and acronyms.search(text))
            or text.lower() in whole_queries
        ):
            found.append(category)
    return found


def _facets(filters, national):
    """The filters as facet values a document must have (national organisations: issue and language only)."""
    facets = []
    if filters.category:
        facets.append(("cat", filters.category))
    if filters.language:
        facets.append(("lang", filters.language))
    if national:
        return facets
    if filters.format:
        facets.append(("format", filters.format))
    if filters.day and filters.time:
        facets.append(("slot", f"{DAYS.index(filters.day)}-{filters.time}"))
    elif filters.day:
        facets.append(("day", str(DAYS.index(filters.day))))
    elif filters.time:
        facets.append(("time", filters.time))
    return facets


def _filtered(filters, national, located=None):
    """The documents the filters let through, as an SQL scope (see candidates.Scope)."""
    facets = _facets(filters, national)
    if located and not national:
        radius = filters.distance or DEFAULT_DISTANCE
        return candidates.Scope.around(national, facets, located.latitude, located.longitude, radius)
    return candidates.Scope(national=national, facets=facets)


def _distances(document_ids, located, radius, box=None):
    """{document id: miles to its nearest public point} for documents with a point within `radius`;
    documents with no point at all (online, telephone) map to None."""
    points, with_points = candidates.points_of(document_ids, box)
    nearest = {}
    for document_id, places in points.items():
        miles = min(distance_miles(located.latitude, located.longitude, lat, lon) for lat, lon in places)
        if miles <= radius:
            nearest[document_id] = miles
    for document_id in set(document_ids) - with_points:
        nearest[document_id] = None
    return nearest


def _narrowed(filters):
    return any((filters.category, filters.language, filters.format, filters.day, filters.time))


def _rank(
    query, filters, categories, national, located, *, terms=(), half_typed=False, vector=None, neighbours=None
):
    """(hits for one side (local or national) in order, whether more matched than the hits hold).

    Only bounded candidates are scored (candidates.py: the best keyword matches, members of the issues
    named, the nearest in meaning, all with the filters inside the SQL); ranking.combine orders them."""
    scope = _filtered(filters, national, located)
    if query.strip():
        keyword, more_words = ({}, False)
        if terms:
            keyword, more_words = candidates.keyword(terms, scope, half_typed=half_typed)
        slugs = [c.slug for c in categories]
        members, more_members = candidates.category_members(slugs, scope)
        similarity = candidates.meaning(
            vector,
            scope,
            ranking.MEANING_NEIGHBOURS,
            ranking.MEANING_FLOOR,
            restrict=_narrowed(filters),
            memo=neighbours,
        )
        # Every candidate's issues, not only those of the members found: the words' and meaning's too.
        by_slug = {c.slug: c for c in categories}
        listed = candidates.categories_of(set(keyword) | set(members) | set(similarity), slugs)
        in_categories = {d: [by_slug[s] for s in found] for d, found in listed.items()}
        scores, reasons = ranking.combine(keyword, in_categories, similarity, categories)
        confident = set(keyword) | set(in_categories)
        confident |= {d for d, cosine in similarity.items() if cosine >= ranking.CONFIDENT_MEANING}
        confident &= set(scores)
        more = more_words or more_members
    else:
        ids, more = candidates.filtered(scope)
        scores, reasons = dict.fromkeys(ids, 0.0), {}
        confident = set(ids)

    distances = {}
    if located and not national:
        distances = _distances(list(scores), located, filters.distance or DEFAULT_DISTANCE, scope.box)
        scores = {d: s for d, s in scores.items() if d in distances}
    listing = candidates.listing_of(list(scores))

    def order(document_id):
        miles = distances.get(document_id)
        # Relevance first; among equals, nearer first, and groups you travel to before ones you do not.
        return (
            -round(scores[document_id], 6),
            miles if miles is not None else math.inf,
            listing[document_id][1],
        )

    ordered = sorted((d for d in scores if d in listing), key=order)
    more = more or len(ordered) > candidates.HIT_LIMIT
    hits = []
    for d in ordered[: candidates.HIT_LIMIT]:
        hit = Hit(listing[d][0], scores[d], distances.get(d), reasons.get(d, []), document_id=d)
        hit.confident = d in confident
        hits.append(hit)
    return hits, more


def _place_in_query(query):
    """'dementia group near NG7', 'ringing in my ears in Mansfield': the words, and the place if the
    gazetteer knows what follows the last 'near', 'in' or 'around' that names one."""
    for match in reversed(list(PLACE_WORD.finditer(query))):
        place = query[match.end() :].strip(" ?.!")
        if 2 <= len(place) <= 60 and locate(place):
            return query[: match.start()].strip(), place
    return query, ""


def find_groups(query="", filters=None):
    """Search the directory. Returns an Outcome: local hits in order, and the national organisations for
    the same issue (shown first, said plainly, when nothing local fits)."""
    query = (query or "").strip()
    filters = filters or Filters()
    text, place = (query, "") if filters.near else _place_in_query(query)
    if place:
        filters = replace(filters, near=place)
    located = locate(filters.near) if filters.near else None
    corrected, corrections = spelling.correct(text) if text else (text, {})
    categories = matching_categories(corrected)
    terms = query_terms(corrected)
    vector = ranking.query_vector(corrected)
    # One word that is not a whole word the directory uses is taken as half-typed ("tinnit"); a whole word is
    # looked up as it is, which at a million listings spares merging every word it begins.
    half_typed = may_be_half_typed(terms) and not spelling.is_known_word(terms[0])
    ranked = {"terms": terms, "half_typed": half_typed, "vector": vector, "neighbours": {}}
    hits, more = _rank(corrected, filters, categories, national=False, located=located, **ranked)
    national = []
    if corrected or filters.category:
        national, _ = _rank(corrected, filters, categories, national=True, located=None, **ranked)
        national = [h for h in national if h.confident][:NATIONAL_LIMIT]
    shown = located or not filters.near
    return Outcome(
        query=query,
        filters=filters,
        hits=hits if shown else [],
        national=national,
        located=located,
        place_not_found=bool(filters.near) and located is None,
        matched_categories=categories,
        crisis=reads_as_crisis(query),
        corrected_query=corrected if corrections else "",
        place_from_query=place,
        terms=terms,
        by_meaning=vector is not None,
        more=more and bool(shown),
    )
