"""The directory in Open Referral HSDS 3.0 shapes: groups as services, venues as locations, meetings as
schedules, public contact routes as phones and contacts, categories as taxonomy terms.

Plain functions from model instances to JSON-ready dicts. They never query for more than the instance's own
relations, so pass groups loaded with `queries.groups_with_details()` (or `get_group_by_id`). The API
(`twoworlds.interop`) and the exporters call these; the output validates against the official compiled
schemas (`compiled/service.json`, `compiled/service_list.json`, `compiled/organization.json`…).

Rules kept here, in one place:
- Only contact routes shown to everyone (visibility "public") are ever exported.
- A venue that is a member's home is exported without its street address or name: its postcode district,
  town and county, and coordinates rounded to two decimals (about a kilometre).
- Ids of derived objects (addresses, accessibility entries, attributes, languages, service-at-locations,
  facet terms) are uuid5 values of what they describe, so exports are stable from one run to the next.
"""

import uuid
from datetime import UTC
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone
from django.utils.translation import get_language, gettext

from .models import ContactRoute, Group, Meeting
from .schedules import rrule_parts

HSDS_VERSION = "3.0"
# Fixed for ever: every derived id is uuid5(NAMESPACE, "<kind>/<parts>").
NAMESPACE = uuid.UUID("5b0f3c56-7a1e-5d2b-9a43-2f7c1d0e8a61")

ISSUES_TAXONOMY = "twoworlds-issues"
FACETS_TAXONOMY = "twoworlds-facets"

STATUS = {
    Group.Status.ACTIVE: "active",
    Group.Status.PAUSED: "temporarily closed",
    Group.Status.CLOSED: "inactive",
}
ATTENDING_TYPE = {
    Meeting.Attendance.IN_PERSON: "in_person",
    Meeting.Attendance.ONLINE: "online",
    Meeting.Attendance.TELEPHONE: "phone",
    Meeting.Attendance.HYBRID: "hybrid",
}
PRIVATE_VENUE_NAME = "Private venue (address on request)"
PRIVATE_ADDRESS_LINE = "Address given on request"


@lru_cache(maxsize=2048)
def _translated(language, message):
    return gettext(message)


def _(message):
    """gettext, remembered per language: an export of 100,000 services asks for the same few labels
    millions of times, and each uncached look-up walks Django's chain of catalogues."""
    return _translated(get_language(), message)


def derived_id(kind, *parts):
    """A stable UUID (as a string) for an object that has no primary key of its own."""
    return str(uuid.uuid5(NAMESPACE, "/".join([kind, *(str(p) for p in parts)])))


def _compact(data):
    """Drop keys whose value is None or an empty string (HSDS fields are optional unless required)."""
    return {key: value for key, value in data.items() if value is not None and value != ""}


def _checked(validator, value):
    """The value if it is well formed, else None: imported data may not have been validated, and a
    malformed email or URL would make the whole export invalid."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        validator(value)
    except ValidationError:
        return None
    return value


def valid_email(value):
    return _checked(EmailValidator(), value)


def valid_url(value):
    return _checked(URLValidator(schemes=["http", "https"]), value)


def _sentence(text):
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?" else f"{text}."


def _long_date(value):
    return f"{value.day} {value:%B %Y}"


def _timestamp(value):
    return value.astimezone(UTC).isoformat() if value else None


# --- taxonomies -------------------------------------------------------------------------------------------

TAXONOMIES = {
    ISSUES_TAXONOMY: {
        "name": ISSUES_TAXONOMY,
        "description": "The issues self-help and support groups are about, in two levels "
        "(for example carers, then dementia).",
        "version": "1",
    },
    FACETS_TAXONOMY: {
        "name": FACETS_TAXONOMY,
        "description": "Who runs a group (its members, a professional, a national organisation) and how "
        "people take part (in person, online, by telephone, home visits).",
        "version": "1",
    },
}

# code: (parent code, name, description). Parents first.
FACET_TERMS = {
    "group_type": (
        None,
        "Who runs the group",
        "Whether a group is run by its members, led by a professional, or offered by a national "
        "organisation.",
    ),
    "self_help": (
        "group_type",
        "Self-help group",
        "Run by and for people who share the same experience, directly or as family and friends.",
    ),
    "professionally_led": (
        "group_type",
        "Professionally led group",
        "A support group led by a professional, for example hospital social workers.",
    ),
    "national": (
        "group_type",
        "National organisation",
        "A national body people can turn to, often with local branches.",
    ),
    "format": (
        None,
        "How people take part",
        "Whether people meet in person, online, by telephone, or are visited at home.",
    ),
    "in_person": ("format", "In person", "Meets face to face at a venue."),
    "online": ("format", "Online", "Meets online."),
    "telephone": ("format", "By telephone", "Meets or gives support by telephone."),
    "home_visits": ("format", "Home visits", "Visits people at home."),
}
GROUP_TYPE_CODES = [code for code, (parent, *_rest) in FACET_TERMS.items() if parent == "group_type"]
FORMAT_CODES = [code for code, (parent, *_rest) in FACET_TERMS.items() if parent == "format"]


def taxonomy_id(name=ISSUES_TAXONOMY):
    return derived_id("taxonomy", name)


def facet_term_id(code):
    return derived_id("taxonomy_term", FACETS_TAXONOMY, code)


def taxonomy_to_hsds(name=ISSUES_TAXONOMY):
    """One of our two taxonomies: 'twoworlds-issues' (the categories) or 'twoworlds-facets'."""
    return {"id": taxonomy_id(name), **TAXONOMIES[name]}


def taxonomies_to_hsds():
    return [taxonomy_to_hsds(name) for name in TAXONOMIES]


def taxonomy_term_to_hsds(category):
    """A Category as an HSDS taxonomy term (its id is the category's own UUID, its code the slug)."""
    return _compact(
        {
            "id": str(category.pk),
            "code": category.slug,
            "name": category.name,
            "description": category.description.strip() or category.name,
            "parent_id": str(category.parent_id) if category.parent_id else None,
            "taxonomy": ISSUES_TAXONOMY,
            "taxonomy_id": taxonomy_id(ISSUES_TAXONOMY),
            "language": "en",
        }
    )


def facet_term_to_hsds(code):
    parent, name, description = FACET_TERMS[code]
    return _compact(
        {
            "id": facet_term_id(code),
            "code": code,
            "name": name,
            "description": description,
            "parent_id": facet_term_id(parent) if parent else None,
            "taxonomy": FACETS_TAXONOMY,
            "taxonomy_id": taxonomy_id(FACETS_TAXONOMY),
            "language": "en",
        }
    )


def facet_terms_to_hsds():
    return [facet_term_to_hsds(code) for code in FACET_TERMS]


def facet_code_for_term_id(term_id):
    """The facet code ('self_help', 'online'…) whose term has this id, or None."""
    wanted = str(term_id)
    return next((code for code in FACET_TERMS if facet_term_id(code) == wanted), None)


def ordered_categories(categories):
    """First-level categories each followed by their children, in the directory's order."""
    categories = list(categories)
    children = {}
    for category in categories:
        if category.parent_id:
            children.setdefault(category.parent_id, []).append(category)
    ordered = []
    for category in categories:
        if not category.parent_id:
            ordered += [category, *children.pop(category.pk, [])]
    for orphans in children.values():  # a child whose parent was not passed in
        ordered += orphans
    return ordered


# --- organisations ----------------------------------------------------------------------------------------


def _charity_scheme(number):
    """org-id.guide scheme for a UK charity number: Scotland 'SC…', Northern Ireland 'NIC…', else England
    and Wales."""
    upper = number.upper()
    if upper.startswith("SC"):
        return "GB-SC"
    if upper.startswith("NIC"):
        return "GB-NIC"
    return "GB-CHC"


def organization_to_hsds(org, *, full=False, services=None, full_services=False):
    """An Organisation. With full=True, its identifiers; with `services` (groups), those groups as services
    (basic fields, or fully nested with full_services=True)."""
    data = _compact(
        {
            "id": str(org.pk),
            "name": org.name,
            "description": org.description.strip() or org.name,
            "email": valid_email(org.email),
            "website": valid_url(org.website),
            "legal_status": _("Registered charity") if org.charity_number.strip() else None,
        }
    )
    if full:
        number = org.charity_number.strip()
        data["organization_identifiers"] = (
            [
                {
                    "id": derived_id("organization_identifier", org.pk, number),
                    "organization_id": str(org.pk),
                    "identifier_scheme": _charity_scheme(number),
                    "identifier_type": "Registered charity number",
                    "identifier": number,
                }
            ]
            if number
            else []
        )
    if services is not None:
        data["services"] = [service_to_hsds(group, full=full_services) for group in services]
    return data


# --- venues -----------------------------------------------------------------------------------------------

ADDRESS_REQUIRED = {"id", "address_1", "city", "state_province", "postal_code", "country", "address_type"}


def location_to_hsds(venue):
    """A Venue as a physical location. A member's home, or an address the group gives only on request,
    keeps only its district, town and county; a venue the group does not show has no coordinates either."""
    private = not venue.shows_address
    lat, lon = venue.latitude, venue.longitude
    if not venue.shows_area:
        lat = lon = None
    elif private and lat is not None and lon is not None:
        lat, lon = round(lat, 2), round(lon, 2)
    address = {
        "id": derived_id("address", venue.pk),
        "location_id": str(venue.pk),
        "address_1": PRIVATE_ADDRESS_LINE if private else (venue.address_1.strip() or venue.name),
        "address_2": None if private else venue.address_2.strip(),
        "city": venue.town if venue.shows_area else "",
        "state_province": (venue.county or "") if venue.shows_area else "",
        "postal_code": venue.postcode if not private else (venue.district if venue.shows_area else ""),
        "country": venue.country or "GB",
        "address_type": "physical",
    }
    address = {k: v for k, v in address.items() if v is not None and (v != "" or k in ADDRESS_REQUIRED)}
    features = [
        ("step_free", venue.step_free, _("Step-free access")),
        ("hearing_loop", venue.hearing_loop, _("Hearing loop")),
        ("accessible_toilet", venue.accessible_toilet, _("Accessible toilet")),
        ("parking", venue.parking, _("Parking")),
        ("near_public_transport", venue.near_public_transport, _("Near public transport")),
    ]
    accessibility = [
        {"id": derived_id("accessibility", venue.pk, key), "location_id": str(venue.pk), "description": label}
        for key, present, label in features
        if present
    ]
    # Free-text notes about a home could identify it: they are given with the address, on request.
    if venue.access_notes.strip() and not private:
        accessibility.append(
            {
                "id": derived_id("accessibility", venue.pk, "access_notes"),
                "location_id": str(venue.pk),
                "description": _("Access notes"),
                "details": venue.access_notes.strip(),
            }
        )
    return _compact(
        {
            "id": str(venue.pk),
            "location_type": "physical",
            "name": PRIVATE_VENUE_NAME if private else venue.name,
            "description": None if private else venue.directions.strip(),
            "transportation": _("Near public transport.") if venue.near_public_transport else None,
            "latitude": lat,
            "longitude": lon,
            "addresses": [address],
            "accessibility": accessibility,
        }
    )


def virtual_location_to_hsds(group, kind):
    """Where a group that meets only online or by telephone 'is'."""
    name = _("By telephone") if kind == "telephone" else _("Online")
    described = _("This group meets by telephone.") if kind == "telephone" else _("This group meets online.")
    return _compact(
        {
            "id": derived_id("virtual_location", group.pk, kind),
            "location_type": "virtual",
            "name": name,
            "url": valid_url(group.website),
            "description": described,
        }
    )


# --- where a group meets ----------------------------------------------------------------------------------


def meeting_places(meetings):
    """Where a group is offered, from (venue_id, attendance) pairs in meeting order: ('venue', venue_id)
    for each venue of an in-person or hybrid meeting; if there is none, one ('virtual', 'online' or
    'telephone') when it meets online or by telephone."""
    places, remote = [], None
    for venue_id, attendance in meetings:
        in_person = attendance in (Meeting.Attendance.IN_PERSON, Meeting.Attendance.HYBRID)
        if in_person and venue_id and ("venue", venue_id) not in places:
            places.append(("venue", venue_id))
        elif attendance == Meeting.Attendance.ONLINE:
            remote = "online"
        elif attendance == Meeting.Attendance.TELEPHONE and remote is None:
            remote = "telephone"
    if not places and remote:
        places.append(("virtual", remote))
    return places


def service_at_location_id(group_id, place):
    kind, value = place
    return derived_id("service_at_location", group_id, value if kind == "venue" else f"virtual-{value}")


def _places_of(group):
    return meeting_places((m.venue_id, m.attendance) for m in group.meetings.all())


def _venues_of(group):
    return {m.venue_id: m.venue for m in group.meetings.all() if m.venue_id}


def service_at_location_to_hsds(group, place, *, full=True, with_service=False):
    """One place a group is offered: its location, and (full) the meetings there and the public phones and
    contacts. `with_service` nests the service's own fields (as a /service_at_locations item does)."""
    kind, value = place
    sal_id = service_at_location_id(group.pk, place)
    if kind == "venue":
        location = location_to_hsds(_venues_of(group)[value])
        meetings = [m for m in group.meetings.all() if m.venue_id == value and m.is_in_person]
    else:
        location = virtual_location_to_hsds(group, value)
        meetings = [m for m in group.meetings.all() if not m.is_in_person]
    when = "; ".join(m.describe() for m in meetings).rstrip(".")
    data = {
        "id": sal_id,
        "service_id": str(group.pk),
        "location_id": location["id"],
        "description": _("%(group)s meets here: %(when)s.") % {"group": group.name, "when": when}
        if when
        else None,
        "location": location,
    }
    if full:
        data["schedules"] = [schedule_to_hsds(m, service_at_location_id=sal_id) for m in meetings]
        data["phones"] = phones_to_hsds(group)
        data["contacts"] = contacts_to_hsds(group)
    if with_service:
        data["service"] = service_to_hsds(group, full=False)
    return _compact(data)


# --- groups -----------------------------------------------------------------------------------------------


def public_routes(group, *kinds):
    """The group's contact routes shown to everyone, of these kinds, in the group's order."""
    return [r for r in group.contact_routes.all() if r.is_public and (not kinds or r.kind in kinds)]


def phones_to_hsds(group):
    phones = []
    for route in public_routes(group, ContactRoute.Kind.PHONE, ContactRoute.Kind.TEXT):
        described = "; ".join(
            filter(
                None,
                [
                    _("Ask for %(name)s") % {"name": route.contact_name}
                    if route.contact_name.strip()
                    else "",
                    route.note.strip(),
                ],
            )
        )
        phones.append(
            _compact(
                {
                    "id": str(route.pk),
                    "service_id": str(group.pk),
                    "number": route.value,
                    "type": "text" if route.kind == ContactRoute.Kind.TEXT else "voice",
                    "description": described,
                }
            )
        )
    return phones


def contacts_to_hsds(group):
    return [
        _compact(
            {
                "id": str(route.pk),
                "service_id": str(group.pk),
                "name": route.contact_name.strip(),
                "email": valid_email(route.value),
            }
        )
        for route in public_routes(group, ContactRoute.Kind.EMAIL)
        if valid_email(route.value)
    ]


def schedule_to_hsds(meeting, *, service_at_location_id=None):
    rule = rrule_parts(meeting) or {}
    notes = [meeting.notes.strip()]
    if meeting.online_joining.strip():
        notes.append(_("How to join: %(how)s") % {"how": meeting.online_joining.strip()})
    located = meeting.venue_id and meeting.is_in_person
    return _compact(
        {
            "id": str(meeting.pk),
            "service_id": str(meeting.group_id),
            "location_id": str(meeting.venue_id) if located else None,
            "service_at_location_id": service_at_location_id,
            "dtstart": meeting.starts_on.isoformat() if meeting.starts_on else None,
            "freq": rule.get("freq"),
            "interval": rule.get("interval"),
            "byday": rule.get("byday"),
            "wkst": "MO" if rule else None,
            "opens_at": meeting.start_time.strftime("%H:%M") if meeting.start_time else None,
            "closes_at": meeting.end_time.strftime("%H:%M") if meeting.end_time else None,
            "description": meeting.describe(),
            "attending_type": ATTENDING_TYPE.get(meeting.attendance),
            "notes": " ".join(_sentence(n) for n in notes if n),
        }
    )


def group_formats(group):
    """How people take part, as facet codes (the same rules as the search index)."""
    found = set()
    for meeting in group.meetings.all():
        if meeting.is_in_person:
            found.add("in_person")
        if meeting.is_online:
            found.add("online")
        if meeting.attendance == Meeting.Attendance.TELEPHONE:
            found.add("telephone")
    if group.phone_support:
        found.add("telephone")
    if group.home_visits:
        found.add("home_visits")
    return [code for code in FORMAT_CODES if code in found]


def eligibility_text(group):
    who = []
    if group.for_people_affected:
        who.append(_("people affected"))
    if group.for_family_friends:
        who.append(_("family and friends"))
    if group.for_carers:
        who.append(_("carers"))
    parts = []
    if who:
        listed = who[0] if len(who) == 1 else ", ".join(who[:-1]) + _(" and ") + who[-1]
        parts.append(_("For %(who)s.") % {"who": listed})
    if group.gender == Group.Gender.WOMEN:
        parts.append(_("Women only."))
    elif group.gender == Group.Gender.MEN:
        parts.append(_("Men only."))
    if group.minimum_age and group.maximum_age:
        parts.append(_("Ages %(min)s to %(max)s.") % {"min": group.minimum_age, "max": group.maximum_age})
    elif group.minimum_age:
        parts.append(_("Aged %(min)s and over.") % {"min": group.minimum_age})
    elif group.maximum_age:
        parts.append(_("Aged up to %(max)s.") % {"max": group.maximum_age})
    parts.append(_sentence(group.eligibility_note))
    return " ".join(p for p in parts if p)


def fees_text(group):
    return " ".join(filter(None, [_sentence(str(group.get_cost_display())), _sentence(group.cost_note)]))


def alert_text(group, today=None):
    parts = []
    if group.status == Group.Status.PAUSED:
        today = today or timezone.localdate()
        if group.paused_until and group.paused_until >= today:
            parts.append(
                _("Not meeting at the moment: expected to restart on %(date)s.")
                % {"date": _long_date(group.paused_until)}
            )
        elif group.paused_until:
            parts.append(
                _("Not meeting at the moment: it was due to restart on %(date)s; check with the group.")
                % {"date": _long_date(group.paused_until)}
            )
        else:
            parts.append(_("Not meeting at the moment."))
    elif group.status == Group.Status.CLOSED:
        parts.append(_("This group has closed."))
    parts.append(_sentence(group.status_note))
    return " ".join(p for p in parts if p)


def last_modified(group):
    """The latest change to anything the listing shows: the group, its organisation or a venue."""
    stamps = [group.updated_at, group.organisation.updated_at]
    stamps += [m.venue.updated_at for m in group.meetings.all() if m.venue_id]
    return max(s for s in stamps if s)


def _attribute(group, term):
    return {
        "id": derived_id("attribute", group.pk, term["id"]),
        "link_id": str(group.pk),
        "link_type": "service_classification",
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def attributes_to_hsds(group):
    attributes = [_attribute(group, taxonomy_term_to_hsds(c)) for c in group.categories.all()]
    attributes.append(_attribute(group, facet_term_to_hsds(group.group_type)))
    attributes += [_attribute(group, facet_term_to_hsds(code)) for code in group_formats(group)]
    return attributes


def cost_options_to_hsds(group):
    option = {
        "id": derived_id("cost_option", group.pk, group.cost),
        "service_id": str(group.pk),
        "option": str(group.get_cost_display()),
        "currency": "GBP",
        "amount": 0 if group.cost in (Group.Cost.FREE, Group.Cost.DONATION) else None,
        "amount_description": group.cost_note.strip(),
    }
    return [_compact(option)]


def languages_to_hsds(group):
    return [
        {
            "id": derived_id("language", group.pk, language.code),
            "service_id": str(group.pk),
            "name": language.name,
            "code": language.code,
        }
        for language in group.languages.all()
    ]


def service_to_hsds(group, full=True):
    """A group as an HSDS service: with full=True fully nested (the body of /services/{id}, valid against
    compiled/service.json); with full=False its one-to-one fields and organisation only (an item of a
    /services page, valid against compiled/service_list.json)."""
    emails = [e for e in (valid_email(r.value) for r in public_routes(group, ContactRoute.Kind.EMAIL)) if e]
    websites = [u for u in (valid_url(r.value) for r in public_routes(group, ContactRoute.Kind.WEBSITE)) if u]
    data = _compact(
        {
            "id": str(group.pk),
            "organization_id": str(group.organisation_id),
            "name": group.name,
            "alternate_name": group.alternate_name.strip(),
            "description": group.description.strip(),
            "url": valid_url(group.website) or (websites[0] if websites else None),
            "email": emails[0] if emails else None,
            "status": STATUS.get(group.status, "inactive"),
            "application_process": group.what_to_expect.strip(),
            "fees_description": fees_text(group),
            "eligibility_description": eligibility_text(group),
            "minimum_age": group.minimum_age,
            "maximum_age": group.maximum_age,
            "alert": alert_text(group),
            "assured_date": group.last_confirmed.isoformat() if group.last_confirmed else None,
            "last_modified": _timestamp(last_modified(group)),
        }
    )
    data["organization"] = organization_to_hsds(group.organisation)
    if not full:
        return data
    data.update(
        phones=phones_to_hsds(group),
        schedules=[schedule_to_hsds(m) for m in group.meetings.all()],
        service_at_locations=[service_at_location_to_hsds(group, p, full=False) for p in _places_of(group)],
        languages=languages_to_hsds(group),
        contacts=contacts_to_hsds(group),
        attributes=attributes_to_hsds(group),
        cost_options=cost_options_to_hsds(group),
    )
    return data


def minimal_service_to_hsds(group):
    """Just enough to tell what changed: id, name, status and when it was last modified."""
    return {
        "id": str(group.pk),
        "name": group.name,
        "status": STATUS.get(group.status, "inactive"),
        "last_modified": _timestamp(last_modified(group)),
    }
