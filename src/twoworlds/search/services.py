"""Search: the one entry point (`find_groups`) and index upkeep (`index_groups`, `rebuild_index`).

Data flow: view -> find_groups(query, filters) -> ranked group ids with scores, distances and reasons ->
directory reads the groups for the page being shown. A later plain-language ranker plugs in here."""

import logging
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import transaction
from django.db.models import Exists, OuterRef

from twoworlds.directory import queries as directory
from twoworlds.safety.services import reads_as_crisis

from .documents import build_document
from .geocoding import distance_miles, locate, rebuild_places
from .keyword import keyword_scores, query_terms
from .models import SearchDocument, SearchFacet, SearchPoint

log = logging.getLogger(__name__)

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
TIMES = ["morning", "afternoon", "evening"]
FORMATS = ["in_person", "online", "telephone", "home_visits"]
DISTANCES = [1, 3, 5, 10, 25, 50]
DEFAULT_DISTANCE = 10
CATEGORY_BOOST = 1.0
NATIONAL_LIMIT = 6


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

    @property
    def total(self):
        return len(self.hits)

    def load(self, start=0, stop=None):
        """Attach the groups for the hits in [start:stop] (the page being shown) and return those hits."""
        chosen = self.hits[start:stop]
        groups = {g.pk: g for g in directory.groups_by_ids([h.group_id for h in chosen])}
        for hit in chosen:
            hit.group = groups.get(hit.group_id)
        return [h for h in chosen if h.group is not None]

    def load_national(self):
        groups = {g.pk: g for g in directory.groups_by_ids([h.group_id for h in self.national])}
        for hit in self.national:
            hit.group = groups.get(hit.group_id)
        return [h for h in self.national if h.group is not None]


# --- index upkeep -----------------------------------------------------------------------------------------


def index_groups(group_ids):
    """Bring the index up to date for these groups (called after every committed change)."""
    groups = {g.pk: g for g in directory.groups_with_details().filter(pk__in=list(group_ids))}
    with transaction.atomic():
        for group_id in group_ids:
            group = groups.get(group_id)
            if group is None:
                SearchDocument.objects.filter(group_id=group_id).delete()
            else:
                _store(group)


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
    categories = list(directory.all_categories())
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


def _with_facet(queryset, facet, value):
    return queryset.filter(
        Exists(SearchFacet.objects.filter(document=OuterRef("pk"), facet=facet, value=value))
    )


def _filtered(filters, national):
    documents = SearchDocument.objects.filter(listed=True, national=national)
    if filters.category:
        documents = _with_facet(documents, "cat", filters.category)
    if filters.language:
        documents = _with_facet(documents, "lang", filters.language)
    if national:
        return documents
    if filters.format:
        documents = _with_facet(documents, "format", filters.format)
    if filters.day and filters.time:
        documents = _with_facet(documents, "slot", f"{DAYS.index(filters.day)}-{filters.time}")
    elif filters.day:
        documents = _with_facet(documents, "day", str(DAYS.index(filters.day)))
    elif filters.time:
        documents = _with_facet(documents, "time", filters.time)
    return documents


def _distances(document_ids, located, radius):
    """{document id: miles to its nearest public point} for documents with a point within `radius`;
    documents with no point at all (online, telephone) map to None."""
    lat_span = radius / 69.0
    lon_span = radius / max(1.0, 69.0 * math.cos(math.radians(located.latitude)))
    nearest = {}
    points = SearchPoint.objects.filter(
        document_id__in=document_ids,
        latitude__range=(located.latitude - lat_span, located.latitude + lat_span),
        longitude__range=(located.longitude - lon_span, located.longitude + lon_span),
    ).values_list("document_id", "latitude", "longitude")
    for document_id, lat, lon in points:
        miles = distance_miles(located.latitude, located.longitude, lat, lon)
        if miles <= radius and miles < nearest.get(document_id, math.inf):
            nearest[document_id] = miles
    with_points = set(
        SearchPoint.objects.filter(document_id__in=document_ids).values_list("document_id", flat=True)
    )
    for document_id in set(document_ids) - with_points:
        nearest[document_id] = None
    return nearest


def _rank(query, filters, categories, national, located):
    documents = _filtered(filters, national)
    candidates = dict(documents.values_list("pk", "group_id"))
    terms = query_terms(query)
    category_slugs = {c.slug for c in categories}
    scores, reasons = {}, {}
    if query.strip():
        keyword = keyword_scores(terms)
        top = max(keyword.values(), default=0) or 1
        for document_id, score in keyword.items():
            if document_id in candidates:
                scores[document_id] = score / top
                reasons.setdefault(document_id, []).append(("words", None))
        if category_slugs:
            in_category = SearchFacet.objects.filter(
                document_id__in=candidates, facet="cat", value__in=category_slugs
            ).values_list("document_id", "value")
            names = {c.slug: c.name for c in categories}
            for document_id, slug in in_category:
                if ("category", names[slug]) not in reasons.get(document_id, []):
                    scores[document_id] = scores.get(document_id, 0) + CATEGORY_BOOST
                    reasons.setdefault(document_id, []).insert(0, ("category", names[slug]))
    else:
        scores = dict.fromkeys(candidates, 0.0)

    distances = {}
    if located and not national:
        distances = _distances(list(scores), located, filters.distance or DEFAULT_DISTANCE)
        scores = {d: s for d, s in scores.items() if d in distances}
    names = dict(SearchDocument.objects.filter(pk__in=list(scores)).values_list("pk", "sort_name"))

    def order(document_id):
        miles = distances.get(document_id)
        # Relevance first; among equals, nearer first, and groups you travel to before ones you do not.
        return (-round(scores[document_id], 6), miles if miles is not None else math.inf, names[document_id])

    return [
        Hit(candidates[d], scores[d], distances.get(d), reasons.get(d, [])) for d in sorted(scores, key=order)
    ]


def find_groups(query="", filters=None):
    """Search the directory. Returns an Outcome: local hits in order, and the national organisations for
    the same issue (shown first, said plainly, when nothing local fits)."""
    query = (query or "").strip()
    filters = filters or Filters()
    located = locate(filters.near) if filters.near else None
    categories = matching_categories(query)
    hits = _rank(query, filters, categories, national=False, located=located)
    national = []
    if query or filters.category:
        national = _rank(query, filters, categories, national=True, located=None)[:NATIONAL_LIMIT]
    return Outcome(
        query=query,
        filters=filters,
        hits=hits if (located or not filters.near) else [],
        national=national,
        located=located,
        place_not_found=bool(filters.near) and located is None,
        matched_categories=categories,
        crisis=reads_as_crisis(query),
    )
