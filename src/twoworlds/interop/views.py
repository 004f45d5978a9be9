"""The open data API under /api/: the Open Referral HSDS 3.0 API (services, organizations, taxonomies,
taxonomy terms, service-at-locations), read-only, open to any origin, no keys.

Search parameters are the search page's own (validated by `search.forms.SearchForm`, run by
`search.services.find_groups`), plus the HSDS and Open Referral UK ones: `search`, `postcode`, `proximity`,
`taxonomy_term_id`, `taxonomy_id`, `organization_id`, `modified_after`, `full`, `minimal`, `format`, and the
Open Referral UK profile's `minimum_age`, `maximum_age`, `start_time`, `end_time` (and `day` as Monday or MO).
Parameters are cumulative (AND). Errors are RFC 9457 problem details (see problems.py)."""

import json
import logging
import math
import uuid
from datetime import time
from functools import wraps

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from twoworlds.directory import hsds
from twoworlds.directory import queries as directory
from twoworlds.directory.models import Category, Group, Meeting, Organisation, normalise_postcode
from twoworlds.safety.services import crisis_contacts
from twoworlds.search.forms import SearchForm
from twoworlds.search.services import DAYS, Hit, find_groups

from . import openapi
from .exporting import parse_timestamp
from .problems import PROBLEM_TYPES, ApiProblem, InvalidParameters, from_exception, problem_response

log = logging.getLogger(__name__)

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
MAX_PAGE = 1_000_000
MAX_TEXT = 200
MAX_PROXIMITY_METRES = 1_000_000  # about 620 miles: the whole of Great Britain
METRES_PER_MILE = 1609.344
RESPONSE_FORMATS = ("json", "ndjson")
NDJSON_BATCH = 100
TRUE = {"true", "1", "yes", "on"}
FALSE = {"false", "0", "no", "off"}
# Days as Open Referral UK tools send them (Monday, MO, mon) -> the search page's names
DAY_ALIASES = {
    alias: day
    for day, code in zip(DAYS, ["mo", "tu", "we", "th", "fr", "sa", "su"], strict=True)
    for alias in (day, code, day[:3])
}
MAX_AGE = 150
# SearchForm field -> the API parameter it came from
FORM_PARAMETERS = {
    "q": "search",
    "near": "near",
    "distance": "distance",
    "day": "day",
    "time": "time",
    "format": "format",
    "language": "language",
    "category": "category",
}


# --- plumbing ---------------------------------------------------------------------------------------------


def with_cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "Content-Type, Allow"
    return response


def api_view(view):
    """Read-only API view: GET and HEAD run the view; OPTIONS answers a CORS preflight; any other method
    gets a 405 problem. Problems raised become problem+json; every response is open to any origin.

    CSRF exemption is safe here because no method other than GET/HEAD/OPTIONS ever reaches the view, and
    those change nothing; it lets a POST get its proper 405 rather than a CSRF failure page."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ALLOWED_METHODS
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, Content-Type"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in ("GET", "HEAD"):
            response = problem_response(
                request,
                "method-not-allowed",
                f"{request.method} is not allowed here: this API is read-only.",
                headers={"Allow": ALLOWED_METHODS},
            )
        else:
            try:
                response = view(request, *args, **kwargs)
            except ApiProblem as problem:
                response = from_exception(request, problem)
            except Exception:  # noqa: BLE001 - a client must always get problem+json, never an HTML page
                log.exception("API error on %s", request.get_full_path())
                response = problem_response(request, "server-error")
        return with_cors(response)

    return wrapped


def json_response(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def not_found(detail="There is no record with this id."):
    return ApiProblem("not-found", detail)


def _uuid_or_404(value, what):
    try:
        return uuid.UUID(str(value))
    except (ValueError, AttributeError, TypeError):
        raise not_found(f"There is no {what} with the id {value!r}.") from None


class Params:
    """Reads query parameters, collecting every problem so that one 400 can list them all."""

    def __init__(self, query):
        self.query = query
        self.errors = {}

    def raw(self, name):
        return self.query.get(name, "")

    def error(self, name, message):
        self.errors.setdefault(name, message)

    def text(self, name, max_length=MAX_TEXT):
        value = self.raw(name)
        if "\x00" in value or any(not ch.isprintable() for ch in value):
            self.error(name, "Remove the control characters.")
            return ""
        if len(value) > max_length:
            self.error(name, f"Use at most {max_length} characters.")
            return ""
        return value.strip()

    def integer(self, name, default, minimum, maximum):
        value = self.raw(name).strip()
        if value == "":
            return default
        try:
            number = int(value) if len(value) <= 20 else None
        except ValueError:
            number = None
        if number is None:
            self.error(name, "Give a whole number.")
            return default
        if not minimum <= number <= maximum:
            self.error(name, f"Give a whole number from {minimum} to {maximum}.")
            return default
        return number

    def number(self, name, maximum):
        value = self.raw(name).strip()
        if value == "":
            return None
        try:
            number = float(value) if len(value) <= 30 else math.nan
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or not 0 < number <= maximum:
            self.error(name, f"Give a number greater than 0 and at most {maximum}.")
            return None
        return number

    def clock(self, name):
        """A time of day, HH:MM or HH:MM:SS."""
        value = self.raw(name).strip()
        if value == "":
            return None
        try:
            moment = time.fromisoformat(value) if len(value) in (5, 8) and value[2] == ":" else None
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is None:
            return moment
        self.error(name, "Give a time of day such as 18:30.")
        return None

    def boolean(self, name, default=False):
        value = self.raw(name).strip().lower()
        if value == "":
            return default
        if value in TRUE:
            return True
        if value in FALSE:
            return False
        self.error(name, "Give true or false.")
        return default

    def uuid(self, name):
        value = self.raw(name).strip()
        if value == "":
            return None
        try:
            return uuid.UUID(value) if len(value) <= 45 else None
        except ValueError:
            pass
        self.error(name, "Give an id (a UUID such as 123e4567-e89b-12d3-a456-426614174000).")
        return None

    def timestamp(self, name):
        value = self.raw(name).strip()
        if value == "":
            return None
        try:
            return parse_timestamp(value)
        except ValueError:
            self.error(name, "Give a date or date and time, such as 2025-01-31 or 2025-01-31T09:00:00Z.")
            return None

    def response_format(self, value):
        if value in ("", *RESPONSE_FORMATS):
            return value or "json"
        self.error("format", "Use json or ndjson.")
        return "json"

    def paging(self, default_per_page=None):
        page = self.integer("page", 1, 1, MAX_PAGE)
        per_page = self.integer(
            "per_page", default_per_page or settings.API_PAGE_SIZE, 1, settings.API_MAX_PAGE_SIZE
        )
        return page, per_page

    def check(self):
        if self.errors:
            raise InvalidParameters(self.errors)


def page_body(total, page, per_page, contents, **extra):
    total_pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "per_page": per_page,
        "contents": contents,
        **extra,
    }


def listing(params, total, fetch, *, response_format="json", default_per_page=None, extra=None):
    """A page of `fetch(start, stop)` (a list of dicts), or with format=ndjson every item, one per line."""
    page, per_page = params.paging(default_per_page)
    params.check()
    if response_format == "ndjson":

        def lines():
            for start in range(0, total, NDJSON_BATCH):
                for item in fetch(start, start + NDJSON_BATCH):
                    yield json.dumps(item, ensure_ascii=False) + "\n"

        return StreamingHttpResponse(lines(), content_type="application/x-ndjson")
    start = (page - 1) * per_page
    contents = fetch(start, start + per_page) if start < total else []
    return json_response(page_body(total, page, per_page, contents, **(extra or {})))


# --- finding services -------------------------------------------------------------------------------------


def _facet_condition(code):
    attendance = Meeting.Attendance
    return {
        "self_help": Q(group_type=Group.Type.SELF_HELP),
        "professionally_led": Q(group_type=Group.Type.PROFESSIONALLY_LED),
        "national": Q(group_type=Group.Type.NATIONAL),
        "in_person": Q(meetings__attendance__in=[attendance.IN_PERSON, attendance.HYBRID]),
        "online": Q(meetings__attendance__in=[attendance.ONLINE, attendance.HYBRID]),
        "telephone": Q(meetings__attendance=attendance.TELEPHONE) | Q(phone_support=True),
        "home_visits": Q(home_visits=True),
    }.get(code, Q())


class ServiceSearch:
    """The services a request asks for, in search order: SearchForm and find_groups for the search
    page's filters, then the HSDS filters that search does not know about."""

    def __init__(self, params):
        self.params = params
        self.nothing = False  # a filter names something that does not exist: no results
        self.conditions = []  # Q objects on Group, each applied on its own (AND)
        self.outcome = None
        self.hits = []
        self._read()

    def _read(self):
        p = self.params
        chosen_format = p.text("format", 40)
        self.response_format = chosen_format if chosen_format in RESPONSE_FORMATS else "json"
        attendance = "" if chosen_format in RESPONSE_FORMATS else chosen_format
        near, postcode = p.text("near", 100), p.text("postcode", 100)
        if near and postcode and normalise_postcode(near) != normalise_postcode(postcode):
            p.error("postcode", "Give near or postcode, not both.")
        self.place_parameter = "near" if near or not postcode else "postcode"
        proximity = p.number("proximity", MAX_PROXIMITY_METRES)
        if proximity is not None and p.raw("distance").strip():
            p.error("proximity", "Give distance (miles) or proximity (metres), not both.")
        self.full = p.boolean("full")
        self.minimal = p.boolean("minimal")
        term_id = p.uuid("taxonomy_term_id")
        chosen_taxonomy = p.uuid("taxonomy_id")
        organisation_id = p.uuid("organization_id")
        modified_after = p.timestamp("modified_after")

        data = {
            "q": self.params.raw("search"),
            "near": near or postcode,
            "distance": p.raw("distance"),
            "day": DAY_ALIASES.get(p.raw("day").strip().lower(), p.raw("day")),
            "time": p.raw("time"),
            "format": attendance,
            "language": p.raw("language"),
            "category": p.raw("category"),
        }
        form = SearchForm(data)
        if term_id:
            self._term(term_id, form, data)
        if not form.is_valid():
            for field, messages in form.errors.items():
                name = self.place_parameter if field == "near" else FORM_PARAMETERS.get(field, field)
                p.error(name, " ".join(messages))
        self.form = form
        self.proximity_miles = proximity / METRES_PER_MILE if proximity is not None else None

        if chosen_taxonomy:
            if str(chosen_taxonomy) == hsds.taxonomy_id(hsds.ISSUES_TAXONOMY):
                self.conditions.append(Q(categories__isnull=False))
            elif str(chosen_taxonomy) != hsds.taxonomy_id(hsds.FACETS_TAXONOMY):
                self.nothing = True
        if organisation_id:
            self.conditions.append(Q(organisation_id=organisation_id))
        self._open_referral_uk_filters()
        if modified_after:
            self.conditions.append(directory.modified_since(modified_after))

    def _open_referral_uk_filters(self):
        """minimum_age, maximum_age, start_time and end_time, as the Open Referral UK profile words them:
        a minimum age of at least, a maximum age of at most; a meeting starting at or after, ending at or
        before (the same meeting when both are given)."""
        p = self.params
        minimum_age = p.integer("minimum_age", None, 0, MAX_AGE)
        maximum_age = p.integer("maximum_age", None, 0, MAX_AGE)
        starts, ends = p.clock("start_time"), p.clock("end_time")
        if minimum_age is not None:
            self.conditions.append(Q(minimum_age__gte=minimum_age))
        if maximum_age is not None:
            self.conditions.append(Q(maximum_age__lte=maximum_age))
        meeting = {}
        if starts is not None:
            meeting["meetings__start_time__gte"] = starts
        if ends is not None:
            meeting["meetings__end_time__lte"] = ends
        if meeting:
            self.conditions.append(Q(**meeting))

    def _term(self, term_id, form, data):
        """taxonomy_term_id: an issue (Category) or a facet. Given to search as its category or format
        filter when that is free, otherwise applied on top."""
        category = Category.objects.filter(pk=term_id).first()
        if category is not None:
            offered = {value for value, _label in form.fields["category"].choices}
            if not data["category"] and category.slug in offered:
                data["category"] = category.slug
            else:
                self.conditions.append(directory.in_category(category))
            return
        code = hsds.facet_code_for_term_id(term_id)
        if code is None:
            self.nothing = True
        elif code in hsds.FORMAT_CODES and not data["format"]:
            data["format"] = code
        else:
            self.conditions.append(_facet_condition(code))

    def run(self):
        """Search (after params.check()). Returns the hits in order, local first, then national."""
        if self.nothing:
            return []
        filters = self.form.filters()
        if self.proximity_miles is not None:
            filters.distance = self.proximity_miles
        self.outcome = find_groups(self.form.cleaned_data["q"], filters)
        if self.outcome.place_not_found:
            raise InvalidParameters(
                {
                    self.place_parameter: "We do not know where this is. Try a full postcode, a postcode "
                    "district (such as NG7) or a town."
                }
            )
        hits = list(self.outcome.hits)
        seen = {hit.group_id for hit in hits}
        hits += [hit for hit in self.outcome.national if hit.group_id not in seen]
        hits += self._national_for_a_plain_listing(filters, seen | {hit.group_id for hit in hits})
        if self.conditions:
            allowed = Group.objects.all()
            for condition in self.conditions:
                allowed = allowed.filter(condition)
            allowed = set(allowed.values_list("pk", flat=True).distinct())
            hits = [hit for hit in hits if hit.group_id in allowed]
        self.outcome.hits = hits
        self.hits = hits
        return hits

    def _national_for_a_plain_listing(self, filters, seen):
        """Search shows national organisations only beside an issue (words or a category). A feed read
        with no search filters (say, every service modified since yesterday) must still include them."""
        if (
            self.outcome.query
            or filters.category
            or filters.near
            or filters.day
            or filters.time
            or filters.format
        ):
            return []
        national = directory.listed_groups().filter(group_type=Group.Type.NATIONAL)
        if filters.language:
            national = national.filter(languages__code=filters.language)
        ids = national.order_by("name", "pk").values_list("pk", flat=True).distinct()
        return [Hit(group_id) for group_id in ids if group_id not in seen]

    def extra(self):
        """Crisis signposting rides along with any search that reads like acute distress."""
        if self.outcome is not None and self.outcome.crisis:
            return {"crisis_contacts": crisis_contacts()}
        return {}


def _serialise_service(search):
    if search.minimal:
        return hsds.minimal_service_to_hsds
    if search.full:
        return lambda group: hsds.service_to_hsds(group, full=True)
    return lambda group: hsds.service_to_hsds(group, full=False)


# --- endpoints --------------------------------------------------------------------------------------------


@api_view
def index(request):
    return json_response(
        {
            "version": hsds.HSDS_VERSION,
            "profile": getattr(settings, "HSDS_PROFILE_URL", openapi.PROFILE_URL),
            "openapi_url": request.build_absolute_uri(reverse("interop:openapi")),
        }
    )


@api_view
def openapi_document(request):
    return json_response(openapi.build(request))


@api_view
def services(request):
    params = Params(request.GET)
    search = ServiceSearch(params)
    default_per_page = settings.API_MAX_PAGE_SIZE if search.minimal else None
    params.paging(default_per_page)
    params.check()
    hits = search.run()
    serialise = _serialise_service(search)

    def fetch(start, stop):
        return [serialise(hit.group) for hit in search.outcome.load(start, stop)] if search.outcome else []

    return listing(
        params,
        len(hits),
        fetch,
        response_format=search.response_format,
        default_per_page=default_per_page,
        extra=search.extra(),
    )


@api_view
def service_detail(request, service_id):
    pk = _uuid_or_404(service_id, "service")
    group = directory.groups_with_details().exclude(status=Group.Status.CLOSED).filter(pk=pk).first()
    if group is None:
        raise not_found(f"There is no service with the id {service_id}.")
    return json_response(hsds.service_to_hsds(group, full=True))


def _places_by_group(group_ids=None):
    """{group id: [place, …]} for groups that are not closed, from one query over meetings."""
    rows = Meeting.objects.exclude(group__status=Group.Status.CLOSED)
    if group_ids is not None and len(group_ids) <= 500:
        rows = rows.filter(group_id__in=group_ids)
    meetings = {}
    for group_id, venue_id, attendance in rows.values_list("group_id", "venue_id", "attendance"):
        meetings.setdefault(group_id, []).append((venue_id, attendance))
    return {group_id: hsds.meeting_places(pairs) for group_id, pairs in meetings.items()}


@api_view
def service_at_locations(request):
    params = Params(request.GET)
    search = ServiceSearch(params)
    params.paging()
    params.check()
    hits = search.run()
    ids = [hit.group_id for hit in hits]
    places = _places_by_group(ids)
    entries = [(group_id, place) for group_id in ids for place in places.get(group_id, [])]

    def fetch(start, stop):
        chosen = entries[start:stop]
        groups = {g.pk: g for g in directory.groups_by_ids(list(dict.fromkeys(g for g, _p in chosen)))}
        return [
            hsds.service_at_location_to_hsds(groups[group_id], place, full=search.full, with_service=True)
            for group_id, place in chosen
            if group_id in groups
        ]

    return listing(params, len(entries), fetch, response_format=search.response_format, extra=search.extra())


@api_view
def service_at_location_detail(request, sal_id):
    wanted = str(_uuid_or_404(sal_id, "service at location"))
    for group_id, places in _places_by_group().items():
        for place in places:
            if hsds.service_at_location_id(group_id, place) == wanted:
                group = directory.get_group_by_id(group_id)
                data = hsds.service_at_location_to_hsds(group, place, full=True, with_service=True)
                # The HSDS 3.0 API description gives this response the *service* schema (which needs a
                # name and status); a service-at-location is what is meant, so it carries both.
                data.setdefault("name", f"{group.name}: {data['location'].get('name', '')}".rstrip(": "))
                data["status"] = data["service"]["status"]
                return json_response(data)
    raise not_found(f"There is no service at location with the id {sal_id}.")


def _organisation_services(organisations):
    groups = (
        directory.groups_with_details()
        .filter(organisation__in=organisations)
        .exclude(status=Group.Status.CLOSED)
        .order_by("name")
    )
    found = {}
    for group in groups:
        found.setdefault(group.organisation_id, []).append(group)
    return found


@api_view
def organizations(request):
    params = Params(request.GET)
    text = params.text("search")
    full = params.boolean("full")
    full_service = params.boolean("full_service")
    response_format = params.response_format(params.text("format", 40))
    params.paging()
    params.check()
    chosen = Organisation.objects.order_by("name", "pk")
    if text:
        chosen = chosen.filter(Q(name__icontains=text) | Q(description__icontains=text))

    def fetch(start, stop):
        page = list(chosen[start:stop])
        if not (full or full_service):
            return [hsds.organization_to_hsds(org) for org in page]
        services_of = _organisation_services(page)
        return [
            hsds.organization_to_hsds(
                org, full=True, services=services_of.get(org.pk, []), full_services=full_service
            )
            for org in page
        ]

    return listing(params, chosen.count(), fetch, response_format=response_format)


@api_view
def organization_detail(request, organization_id):
    pk = _uuid_or_404(organization_id, "organization")
    params = Params(request.GET)
    full_service = params.boolean("full_service")
    params.check()
    org = Organisation.objects.filter(pk=pk).first()
    if org is None:
        raise not_found(f"There is no organization with the id {organization_id}.")
    groups = _organisation_services([org]).get(org.pk, [])
    return json_response(
        hsds.organization_to_hsds(org, full=True, services=groups, full_services=full_service)
    )


def _with_uri(request, taxonomy):
    return {**taxonomy, "uri": request.build_absolute_uri(reverse("interop:taxonomy", args=[taxonomy["id"]]))}


def _matches(item, text):
    text = text.lower()
    return any(text in str(item.get(key, "")).lower() for key in ("name", "code", "description"))


@api_view
def taxonomies(request):
    params = Params(request.GET)
    text = params.text("search")
    response_format = params.response_format(params.text("format", 40))
    chosen = [_with_uri(request, t) for t in hsds.taxonomies_to_hsds() if not text or _matches(t, text)]
    return listing(
        params, len(chosen), lambda start, stop: chosen[start:stop], response_format=response_format
    )


@api_view
def taxonomy_detail(request, taxonomy_id):
    wanted = str(_uuid_or_404(taxonomy_id, "taxonomy"))
    for taxonomy in hsds.taxonomies_to_hsds():
        if taxonomy["id"] == wanted:
            return json_response(_with_uri(request, taxonomy))
    raise not_found(f"There is no taxonomy with the id {taxonomy_id}.")


def _all_terms():
    terms = [hsds.taxonomy_term_to_hsds(c) for c in hsds.ordered_categories(directory.all_categories())]
    return terms + hsds.facet_terms_to_hsds()


@api_view
def taxonomy_terms(request):
    params = Params(request.GET)
    text = params.text("search")
    chosen_taxonomy = params.uuid("taxonomy_id")
    parent = params.uuid("parent_id")
    top_only = params.boolean("top_only")
    response_format = params.response_format(params.text("format", 40))
    params.paging()
    params.check()
    terms = _all_terms()
    if chosen_taxonomy:
        terms = [t for t in terms if t["taxonomy_id"] == str(chosen_taxonomy)]
    if parent:
        terms = [t for t in terms if t.get("parent_id") == str(parent)]
    if top_only:
        terms = [t for t in terms if not t.get("parent_id")]
    if text:
        terms = [t for t in terms if _matches(t, text)]
    return listing(params, len(terms), lambda start, stop: terms[start:stop], response_format=response_format)


@api_view
def taxonomy_term_detail(request, term_id):
    pk = _uuid_or_404(term_id, "taxonomy term")
    category = Category.objects.filter(pk=pk).first()
    if category is not None:
        term, taxonomy = hsds.taxonomy_term_to_hsds(category), hsds.ISSUES_TAXONOMY
    else:
        code = hsds.facet_code_for_term_id(pk)
        if code is None:
            raise not_found(f"There is no taxonomy term with the id {term_id}.")
        term, taxonomy = hsds.facet_term_to_hsds(code), hsds.FACETS_TAXONOMY
    term["taxonomy_detail"] = _with_uri(request, hsds.taxonomy_to_hsds(taxonomy))
    return json_response(term)


@api_view
def problem_type(request, slug):
    if slug not in PROBLEM_TYPES:
        raise not_found("There is no such problem type.")
    status, title, meaning = PROBLEM_TYPES[slug]
    return json_response({"type": slug, "title": title, "status": status, "description": meaning})


@csrf_exempt
def unknown(request, rest=""):
    """Any other address under /api/: a 404 problem, whatever the method."""
    return with_cors(
        problem_response(request, "not-found", "There is nothing at this address. See /api/openapi.json.")
    )
