"""The OpenAPI 3.1 description of our API (served at /api/openapi.json).

It follows the official HSDS 3.0 API description (same paths and parameters) and adds our search filters
with their allowed values. Response bodies are described as JSON Schema objects in `components/schemas`,
each the HSDS 3.0 shape of that object (linked by `externalDocs`) narrowed to the fields we publish."""

from django.conf import settings
from django.urls import reverse

from twoworlds.directory import hsds
from twoworlds.directory import queries as directory
from twoworlds.search.services import DAYS, DISTANCES, FORMATS, TIMES

API_VERSION = "1.0.0"
PROFILE_URL = "https://github.com/openreferral/specification/tree/3.0"
HSDS_SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
ATTENDING_TYPES = ["in_person", "online", "phone", "hybrid"]


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _array(items, description=None):
    schema = {"type": "array", "items": items}
    if description:
        schema["description"] = description
    return schema


def _s(description=None, **extra):
    schema = {"type": "string", **extra}
    if description:
        schema["description"] = description
    return schema


UUID = {"type": "string", "format": "uuid"}


def _object(hsds_name, required, properties, description=None):
    schema = {
        "type": "object",
        "required": required,
        "properties": properties,
        "externalDocs": {
            "description": f"HSDS 3.0 {hsds_name}",
            "url": f"{HSDS_SCHEMA_BASE}{hsds_name}.json",
        },
    }
    if description:
        schema["description"] = description
    return schema


def schemas():
    """JSON Schema (2020-12) for every body the API returns."""
    service_fields = {
        "id": UUID,
        "organization_id": UUID,
        "name": _s("The group's name."),
        "alternate_name": _s("Another name the group is known by."),
        "description": _s("About the group, in its own words."),
        "url": _s("The group's website.", format="uri"),
        "email": _s("The group's public email address.", format="email"),
        "status": _s(
            "active; 'temporarily closed' while paused; inactive when closed.",
            enum=["active", "inactive", "defunct", "temporarily closed"],
        ),
        "application_process": _s("What a first meeting is like."),
        "fees_description": _s("What it costs."),
        "eligibility_description": _s("Who can come."),
        "minimum_age": {"type": "number"},
        "maximum_age": {"type": "number"},
        "alert": _s("For example that the group is paused, and until when."),
        "assured_date": _s("When the group last confirmed its details.", format="date"),
        "last_modified": _s(
            "The latest change to the group, its organisation or a venue.", format="date-time"
        ),
        "organization": _ref("Organization"),
    }
    return {
        "ApiInformation": {
            "type": "object",
            "required": ["version", "profile", "openapi_url"],
            "properties": {
                "version": _s("HSDS version of this API.", enum=[hsds.HSDS_VERSION]),
                "profile": _s("The HSDS profile this API follows.", format="uri"),
                "openapi_url": _s("This document.", format="uri"),
            },
        },
        "Page": {
            "type": "object",
            "required": [
                "total_items",
                "total_pages",
                "page_number",
                "size",
                "first_page",
                "last_page",
                "empty",
                "contents",
            ],
            "properties": {
                "total_items": {"type": "integer", "minimum": 0},
                "total_pages": {"type": "integer", "minimum": 0},
                "page_number": {"type": "integer", "minimum": 1},
                "size": {"type": "integer", "minimum": 0, "description": "Items on this page."},
                "first_page": {"type": "boolean"},
                "last_page": {"type": "boolean"},
                "empty": {"type": "boolean", "description": "True when this page has no items."},
                "per_page": {"type": "integer", "minimum": 1},
                "contents": {"type": "array"},
                "crisis_contacts": _array(
                    {
                        "type": "object",
                        "required": ["name", "how"],
                        "properties": {
                            "name": _s(),
                            "how": _s(),
                            "href": _s(),
                            "when": _s(),
                            "summary": _s(),
                        },
                    },
                    "Present when the search text reads like acute distress: where to get help now.",
                ),
            },
        },
        "Problem": {
            "type": "object",
            "description": "RFC 9457 problem details.",
            "required": ["type", "title", "status", "detail"],
            "properties": {
                "type": _s(format="uri"),
                "title": _s(),
                "status": {"type": "integer"},
                "detail": _s(),
                "instance": _s(),
                "errors": _array(
                    {
                        "type": "object",
                        "required": ["parameter", "detail"],
                        "properties": {"parameter": _s(), "detail": _s()},
                    },
                    "One entry per query parameter that is not valid.",
                ),
            },
        },
        "Organization": _object(
            "organization",
            ["id", "name", "description"],
            {
                "id": UUID,
                "name": _s(),
                "description": _s("Falls back to the name when there is none."),
                "email": _s(format="email"),
                "website": _s(format="uri"),
                "legal_status": _s(),
            },
        ),
        "OrganizationIdentifier": _object(
            "organization_identifier",
            ["id", "identifier_type", "identifier"],
            {
                "id": UUID,
                "organization_id": UUID,
                "identifier_scheme": _s("org-id.guide scheme, e.g. GB-CHC."),
                "identifier_type": _s(),
                "identifier": _s(),
            },
        ),
        "OrganizationFull": {
            "allOf": [_ref("Organization")],
            "properties": {
                "organization_identifiers": _array(_ref("OrganizationIdentifier")),
                "services": _array(
                    {"anyOf": [_ref("Service"), _ref("ServiceFull")]},
                    "The organisation's groups that have not closed.",
                ),
            },
        },
        "Service": _object(
            "service",
            ["id", "name", "status"],
            service_fields,
            "A group (self-help, professionally led, or a national organisation's offer).",
        ),
        "ServiceMinimal": {
            "type": "object",
            "required": ["id", "name", "status", "last_modified"],
            "properties": {k: service_fields[k] for k in ("id", "name", "status", "last_modified")},
        },
        "ServiceFull": {
            "allOf": [_ref("Service")],
            "required": [
                "organization",
                "phones",
                "schedules",
                "service_at_locations",
                "languages",
                "contacts",
                "attributes",
                "cost_options",
            ],
            "properties": {
                "phones": _array(_ref("Phone"), "Public telephone and text numbers."),
                "schedules": _array(_ref("Schedule"), "One per meeting."),
                "service_at_locations": _array(_ref("ServiceAtLocation"), "One per place the group meets."),
                "languages": _array(_ref("Language")),
                "contacts": _array(_ref("Contact"), "Public email contacts."),
                "attributes": _array(
                    _ref("Attribute"), "Issues, who runs the group and how people take part."
                ),
                "cost_options": _array(_ref("CostOption")),
            },
        },
        "Phone": _object(
            "phone",
            ["id", "number"],
            {
                "id": UUID,
                "service_id": UUID,
                "number": _s(),
                "type": _s(enum=["voice", "text"]),
                "description": _s("Who answers and when."),
            },
        ),
        "Contact": _object(
            "contact",
            ["id"],
            {"id": UUID, "service_id": UUID, "name": _s("First name only."), "email": _s(format="email")},
        ),
        "Schedule": _object(
            "schedule",
            ["id"],
            {
                "id": UUID,
                "service_id": UUID,
                "location_id": UUID,
                "service_at_location_id": UUID,
                "dtstart": _s("The date of one meeting.", format="date"),
                "freq": _s(enum=["WEEKLY", "MONTHLY"]),
                "interval": {"type": "number", "description": "2 for every other week."},
                "byday": _s("RRULE BYDAY, e.g. TU or 2TU (second Tuesday) or -1FR (last Friday)."),
                "wkst": _s(enum=["MO", "TU", "WE", "TH", "FR", "SA", "SU"]),
                "opens_at": _s("HH:MM, local time (Europe/London).", pattern="^[0-2][0-9]:[0-5][0-9]$"),
                "closes_at": _s("HH:MM, local time.", pattern="^[0-2][0-9]:[0-5][0-9]$"),
                "description": _s("In plain words."),
                "attending_type": _s(enum=ATTENDING_TYPES),
                "notes": _s(),
            },
            "One meeting pattern. Meetings 'by arrangement' have no freq.",
        ),
        "Language": _object(
            "language", ["id"], {"id": UUID, "service_id": UUID, "name": _s(), "code": _s("ISO 639.")}
        ),
        "Taxonomy": _object(
            "taxonomy",
            ["id", "name", "description"],
            {
                "id": UUID,
                "name": _s(enum=list(hsds.TAXONOMIES)),
                "description": _s(),
                "uri": _s(format="uri"),
                "version": _s(),
            },
        ),
        "TaxonomyTerm": _object(
            "taxonomy_term",
            ["id", "name", "description"],
            {
                "id": UUID,
                "code": _s("A category's slug, or a facet code."),
                "name": _s(),
                "description": _s(),
                "parent_id": UUID,
                "taxonomy": _s(enum=list(hsds.TAXONOMIES)),
                "taxonomy_id": UUID,
                "taxonomy_detail": _ref("Taxonomy"),
                "language": _s(),
            },
        ),
        "Attribute": _object(
            "attribute",
            ["id"],
            {
                "id": UUID,
                "link_id": UUID,
                "link_type": _s(),
                "link_entity": _s(),
                "taxonomy_term_id": UUID,
                "taxonomy_term": _ref("TaxonomyTerm"),
            },
        ),
        "CostOption": _object(
            "cost_option",
            ["id"],
            {
                "id": UUID,
                "service_id": UUID,
                "option": _s(),
                "currency": _s(),
                "amount": {"type": "number"},
                "amount_description": _s(),
            },
        ),
        "Address": _object(
            "address",
            ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
            {
                "id": UUID,
                "location_id": UUID,
                "address_1": _s(),
                "address_2": _s(),
                "city": _s(),
                "state_province": _s("County, or empty."),
                "postal_code": _s("Only the district for a home."),
                "country": _s(),
                "address_type": _s(enum=["physical", "postal", "virtual"]),
            },
        ),
        "Accessibility": _object(
            "accessibility",
            ["id"],
            {"id": UUID, "location_id": UUID, "description": _s(), "details": _s()},
        ),
        "Location": _object(
            "location",
            ["id", "location_type"],
            {
                "id": UUID,
                "location_type": _s(enum=["physical", "postal", "virtual"]),
                "url": _s(format="uri"),
                "name": _s(),
                "description": _s(),
                "transportation": _s(),
                "latitude": {"type": "number"},
                "longitude": {"type": "number"},
                "addresses": _array(_ref("Address")),
                "accessibility": _array(_ref("Accessibility")),
            },
            "A venue. A member's home is published as 'Private venue (address on request)' with only its "
            "postcode district and town, and coordinates to two decimals.",
        ),
        "ServiceAtLocation": _object(
            "service_at_location",
            ["id"],
            {
                "id": UUID,
                "service_id": UUID,
                "location_id": UUID,
                "description": _s(),
                "location": _ref("Location"),
                "schedules": _array(_ref("Schedule")),
                "phones": _array(_ref("Phone")),
                "contacts": _array(_ref("Contact")),
                "service": _ref("Service"),
                "name": _s(),
                "status": service_fields["status"],
            },
        ),
    }


def _param(name, description, schema, location="query", required=False):
    return {"name": name, "in": location, "required": required, "description": description, "schema": schema}


def parameters():
    languages = [language.code for language in directory.all_languages()]
    categories = [category.slug for category in directory.all_categories().order_by("slug")]

    def maybe_enum(values):
        return {"type": "string", "enum": values} if values else {"type": "string"}

    return {
        "search": _param("search", "Free text, in the person's own words.", _s(maxLength=200)),
        "page": _param(
            "page",
            "Page number, from 1.",
            {"type": "integer", "minimum": 1, "maximum": 1_000_000, "default": 1},
        ),
        "per_page": _param(
            "per_page",
            "Items per page.",
            {
                "type": "integer",
                "minimum": 1,
                "maximum": settings.API_MAX_PAGE_SIZE,
                "default": settings.API_PAGE_SIZE,
            },
        ),
        "format": _param(
            "format",
            "Response format: json (pages, the default) or ndjson (every item, one per line).",
            _s(enum=["json", "ndjson"]),
        ),
        "service_format": _param(
            "format",
            "json or ndjson choose the response format; any other value filters by how people take part "
            "(the search page's 'How').",
            _s(enum=["json", "ndjson", *FORMATS]),
        ),
        "near": _param("near", "A UK postcode, postcode district or town.", _s(maxLength=100)),
        "postcode": _param("postcode", "Open Referral UK name for near.", _s(maxLength=100)),
        "distance": _param(
            "distance", "Miles from near (default 10).", {"type": "integer", "enum": DISTANCES}
        ),
        "proximity": _param(
            "proximity",
            "Metres from postcode (Open Referral UK); instead of distance.",
            {"type": "number", "exclusiveMinimum": 0, "maximum": 1_000_000},
        ),
        "day": _param(
            "day",
            "Meets on this day. Monday, MO and mon (as Open Referral UK tools send days) are read as monday.",
            _s(enum=DAYS),
        ),
        "minimum_age": _param(
            "minimum_age",
            "Open Referral UK: services whose minimum age is at least this.",
            {"type": "integer", "minimum": 0, "maximum": 150},
        ),
        "maximum_age": _param(
            "maximum_age",
            "Open Referral UK: services whose maximum age is at most this.",
            {"type": "integer", "minimum": 0, "maximum": 150},
        ),
        "start_time": _param(
            "start_time",
            "Open Referral UK: meets at a time starting at or after this (HH:MM).",
            _s(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
        ),
        "end_time": _param(
            "end_time",
            "Open Referral UK: meets at a time ending at or before this (HH:MM); with start_time, the same "
            "meeting.",
            _s(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
        ),
        "time": _param("time", "Meets at this time of day.", _s(enum=TIMES)),
        "language": _param("language", "Meets in this language (ISO 639 code).", maybe_enum(languages)),
        "category": _param("category", "About this issue (a category's code).", maybe_enum(categories)),
        "taxonomy_term_id": _param("taxonomy_term_id", "Has this taxonomy term (an issue or a facet).", UUID),
        "taxonomy_id": _param("taxonomy_id", "Has any term from this taxonomy.", UUID),
        "organization_id": _param("organization_id", "Run by this organization.", UUID),
        "modified_after": _param(
            "modified_after",
            "Changed on or after this date or date-time (UTC unless an offset is given).",
            _s(format="date-time"),
        ),
        "full": _param("full", "Fully nested items.", {"type": "boolean", "default": False}),
        "minimal": _param(
            "minimal",
            "Only id, name, status and last_modified; 500 per page unless per_page is given.",
            {"type": "boolean", "default": False},
        ),
        "full_service": _param(
            "full_service", "Nest the organization's services in full.", {"type": "boolean", "default": False}
        ),
        "top_only": _param("top_only", "Only terms with no parent.", {"type": "boolean", "default": False}),
        "parent_id": _param("parent_id", "Only the children of this term.", UUID),
    }


def _p(name):
    return {"$ref": f"#/components/parameters/{name}"}


def _ok(description, schema, ndjson_item=None):
    """A 200 answer; a list also comes as newline-delimited JSON (format=ndjson), one item a line."""
    content = {"application/json": {"schema": schema}}
    if ndjson_item is not None:
        content["application/x-ndjson"] = {"schema": ndjson_item}
    return {"description": description, "content": content}


def _page_of(item):
    return {"allOf": [_ref("Page")], "properties": {"contents": _array(item)}}


PROBLEM = {"application/problem+json": {"schema": _ref("Problem")}}
ERRORS = {
    "400": {"description": "A query parameter is not valid (see errors).", "content": PROBLEM},
    "404": {"description": "No record with this id, or no such address.", "content": PROBLEM},
    "405": {"description": "Only GET, HEAD and OPTIONS are allowed.", "content": PROBLEM},
}


def _get(operation_id, summary, parameters_, responses):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": parameters_,
            "responses": {**responses, **ERRORS},
        }
    }


def _by_id(what):
    return [
        {"in": "path", "name": "id", "required": True, "description": f"The {what}'s id.", "schema": UUID}
    ]


SEARCH_FILTERS = [
    "search",
    "near",
    "postcode",
    "distance",
    "proximity",
    "day",
    "time",
    "start_time",
    "end_time",
    "minimum_age",
    "maximum_age",
    "language",
    "category",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
]


def paths():
    service_item = {"anyOf": [_ref("Service"), _ref("ServiceFull"), _ref("ServiceMinimal")]}
    sal_item = _ref("ServiceAtLocation")
    organization_item = {"anyOf": [_ref("Organization"), _ref("OrganizationFull")]}
    paging = [_p("page"), _p("per_page")]
    return {
        "/": _get(
            "getAPIMetaInformation",
            "About this API and its relationship with HSDS.",
            [],
            {"200": _ok("About this API.", _ref("ApiInformation"))},
        ),
        "/openapi.json": _get(
            "getOpenAPIDocument", "This document.", [], {"200": _ok("This document.", {"type": "object"})}
        ),
        "/services": _get(
            "getPaginatedListOfServices",
            "Groups that are listed (active, or paused with a restart date to come), in search order.",
            [*(_p(n) for n in SEARCH_FILTERS), _p("service_format"), *paging, _p("full"), _p("minimal")],
            {"200": _ok("A page of services.", _page_of(service_item), service_item)},
        ),
        "/services/{id}": {
            "parameters": _by_id("service"),
            **_get(
                "getFullyNestedServiceById",
                "A fully nested service (any group that has not closed).",
                [],
                {"200": _ok("The service.", _ref("ServiceFull"))},
            ),
        },
        "/service_at_locations": _get(
            "getPaginatedListOfServiceAtLocation",
            "Each place a listed group meets (online-only groups have one virtual location).",
            [*(_p(n) for n in SEARCH_FILTERS), _p("service_format"), *paging, _p("full")],
            {"200": _ok("A page of service-at-locations.", _page_of(sal_item), sal_item)},
        ),
        "/service_at_locations/{id}": {
            "parameters": _by_id("service-at-location"),
            **_get(
                "getServiceAtLocationWithNestedDataById",
                "One place a group meets, fully nested.",
                [],
                {"200": _ok("The service-at-location.", sal_item)},
            ),
        },
        "/organizations": _get(
            "getPaginatedListOfOrganizations",
            "Organisations that run groups.",
            [_p("search"), _p("full"), _p("full_service"), _p("format"), *paging],
            {
                "200": _ok(
                    "A page of organizations.",
                    _page_of(organization_item),
                    organization_item,
                )
            },
        ),
        "/organizations/{id}": {
            "parameters": _by_id("organization"),
            **_get(
                "getOrganizationById",
                "An organisation with its groups.",
                [_p("full_service")],
                {"200": _ok("The organization.", _ref("OrganizationFull"))},
            ),
        },
        "/taxonomies": _get(
            "getPaginatedListOfTaxonomies",
            "Our two taxonomies: issues, and facets.",
            [_p("search"), _p("format"), *paging],
            {"200": _ok("A page of taxonomies.", _page_of(_ref("Taxonomy")), _ref("Taxonomy"))},
        ),
        "/taxonomies/{id}": {
            "parameters": _by_id("taxonomy"),
            **_get("getTaxonomyById", "One taxonomy.", [], {"200": _ok("The taxonomy.", _ref("Taxonomy"))}),
        },
        "/taxonomy_terms": _get(
            "getPaginatedListOfTaxonomyTerms",
            "Issues (two levels) and facets.",
            [_p("search"), _p("taxonomy_id"), _p("parent_id"), _p("top_only"), _p("format"), *paging],
            {"200": _ok("A page of taxonomy terms.", _page_of(_ref("TaxonomyTerm")), _ref("TaxonomyTerm"))},
        ),
        "/taxonomy_terms/{id}": {
            "parameters": _by_id("taxonomy term"),
            **_get(
                "getTaxonomyTermById",
                "One taxonomy term.",
                [],
                {"200": _ok("The taxonomy term.", _ref("TaxonomyTerm"))},
            ),
        },
    }


def build(request):
    """The document, with this server's address."""
    api_root = request.build_absolute_uri(reverse("interop:index")).rstrip("/")
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": f"{settings.SITE_NAME} open data API",
            "version": API_VERSION,
            "summary": "Self-help and support groups, as Open Referral HSDS 3.0.",
            "description": (
                f"Read-only, open to any origin, no keys. Run by {settings.SITE_OPERATOR}. Follows the Open "
                "Referral HSDS 3.0 API; the search filters are the search page's own. Parameters are "
                "cumulative (AND). Errors are RFC 9457 problem details."
            ),
        },
        "externalDocs": {"description": "HSDS 3.0 API reference", "url": PROFILE_URL},
        "servers": [{"url": api_root}],
        "paths": paths(),
        "components": {"schemas": schemas(), "parameters": parameters()},
    }
