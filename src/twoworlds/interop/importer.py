"""Import Open Referral HSDS 3.0 services into the directory.

`import_services(source, services)` takes (position, service dict) pairs, as the readers in
`twoworlds.interop.readers` yield them, and in one transaction:
- checks every record (an HSDS id, a name; emails, web addresses, phone numbers, ages, times well formed)
  and maps it onto our groups, organisations, venues, meetings and contact routes. A record without an id
  or a name, or whose id came earlier in the same run, is rejected; a bad value in an otherwise good record
  is left out and the rest is kept. Every problem is reported with its position, field and a reason in
  plain words;
- upserts by HSDS id: the `ImportedRecord` of (source, kind, id) says which of our rows the record became,
  with the fingerprint of the record as we last applied it (same fingerprint: "unchanged") and of our
  listing right after (a different fingerprint now: the group or staff edited it since — we keep our version
  and open an `ImportConflict` for staff instead of overwriting it);
- maps taxonomy terms onto our categories (`TermMapping`; unknown terms are kept for staff to map);
- writes in batches through `directory.services.import_listings_bulk`, with the search index updated once
  at the end (`reindex_imported`, which the command runs after the import, timed separately).

A dry run does all of it and rolls back, so its report says exactly what a real run would do."""

import hashlib
import html
import json
import logging
import re
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twoworlds.directory import hsds as our_hsds
from twoworlds.directory import services as directory_services
from twoworlds.directory.models import (
    Category,
    ContactRoute,
    Group,
    Language,
    Meeting,
    Organisation,
    Venue,
    normalise_postcode,
)
from twoworlds.directory.snapshots import (
    GROUP_FIELDS,
    MEETING_FIELDS,
    ROUTE_FIELDS,
    VENUE_FIELDS,
    _fields,
    take_snapshots,
)

from .models import ImportConflict, ImportedRecord, ImportedTerm, ImportRun, Source, TermMapping

log = logging.getLogger(__name__)
BATCH = 1000
NAMESPACE = uuid.UUID("a3c1f1d6-5e0b-4c36-9a0e-6f2b8c1d7e45")
OUTCOMES = ("created", "updated", "unchanged", "rejected", "conflicts")
FIELD_LIMITS = {
    "name": 200,
    "alternate_name": 200,
    "cost_note": 200,
    "eligibility_note": 300,
    "status_note": 300,
}
DAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
ATTENDANCE = {
    "in_person": Meeting.Attendance.IN_PERSON,
    "in person": Meeting.Attendance.IN_PERSON,
    "online": Meeting.Attendance.ONLINE,
    "phone": Meeting.Attendance.TELEPHONE,
    "telephone": Meeting.Attendance.TELEPHONE,
    "hybrid": Meeting.Attendance.HYBRID,
}
STATUS = {
    "active": Group.Status.ACTIVE,
    "inactive": Group.Status.CLOSED,
    "defunct": Group.Status.CLOSED,
}
ACCESSIBILITY = {
    "step-free access": "step_free",
    "step free access": "step_free",
    "wheelchair accessible": "step_free",
    "hearing loop": "hearing_loop",
    "accessible toilet": "accessible_toilet",
    "parking": "parking",
    "near public transport": "near_public_transport",
}
RESTART = re.compile(r"restart on (\d{1,2} [A-Za-z]+ \d{4})")
PHONE = re.compile(r"[0-9 +()-]{3,20}")
TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(p|h[1-6]|li|div|tr)>|<br\s*/?>", re.I)
# What an import writes of a row that is already here (the rest, e.g. a charity number, is left alone).
ORGANISATION_FIELDS = ["name", "description", "website", "email"]
VENUE_WRITE_FIELDS = [
    "name",
    "address_1",
    "address_2",
    "town",
    "county",
    "postcode",
    "country",
    "directions",
    "address_disclosure",
    "latitude",
    "longitude",
    "access_notes",
    "step_free",
    "hearing_loop",
    "accessible_toilet",
    "parking",
    "near_public_transport",
]
GROUP_WRITE_FIELDS = [
    "organisation_id",
    "name",
    "alternate_name",
    "group_type",
    "description",
    "what_to_expect",
    "minimum_age",
    "maximum_age",
    "eligibility_note",
    "home_visits",
    "phone_support",
    "cost",
    "cost_note",
    "website",
    "status",
    "paused_until",
    "status_note",
    "last_confirmed",
]


@dataclass
class Problem:
    """Something in the input we could not take, in words a staff member understands. `rejected` is True
    when the whole record was left out, False when only this value was (the rest was imported)."""

    position: str
    record_id: str
    field: str
    reason: str
    rejected: bool = True

    def as_text(self):
        where = f"{self.position}" + (f" (id {self.record_id})" if self.record_id else "")
        what = f"{self.field}: " if self.field else ""
        return f"{where}: {what}{self.reason}"


@dataclass
class ImportReport:
    """What one run did: how many records ended each way, every problem, and the conflicts it found."""

    source_name: str = ""
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    changed_group_ids: set = field(default_factory=set)
    error: str = ""
    run_id: int | None = None

    @property
    def ok(self):
        """Nothing rejected, no value left out, and the run itself did not fail."""
        return not self.error and not self.problems

    @property
    def rejected_records(self):
        return [p for p in self.problems if p.rejected]

    def problem(self, position, record_id, field_name, reason, *, rejected=False):
        self.problems.append(Problem(str(position), str(record_id or ""), field_name, str(reason), rejected))

    def counts_dict(self):
        return {outcome: self.counts.get(outcome, 0) for outcome in OUTCOMES}

    def as_text(self):
        c = self.counts_dict()
        lines = []
        if self.dry_run:
            lines.append(_("Preview only: nothing was saved."))
        if self.error:
            lines.append(_("The import stopped and nothing was saved: %(error)s") % {"error": self.error})
        lines.append(
            _(
                "%(created)s new, %(updated)s updated, %(unchanged)s unchanged, %(rejected)s rejected, "
                "%(conflicts)s kept as edited here (conflicts for staff)."
            )
            % c
        )
        values = [p for p in self.problems if not p.rejected]
        if self.rejected_records:
            lines.append(
                ngettext(
                    "%(n)s record was rejected:",
                    "%(n)s records were rejected:",
                    len(self.rejected_records),
                )
                % {"n": len(self.rejected_records)}
            )
            lines += [f"  - {p.as_text()}" for p in self.rejected_records]
        if values:
            lines.append(
                ngettext(
                    "%(n)s value was left out (the rest of its record was imported):",
                    "%(n)s values were left out (the rest of their records was imported):",
                    len(values),
                )
                % {"n": len(values)}
            )
            lines += [f"  - {p.as_text()}" for p in values]
        for conflict in self.conflicts:
            lines.append(
                _("  - %(group)s was edited here since the last import; kept our version of: %(fields)s")
                % {"group": conflict["group"], "fields": ", ".join(conflict["fields"])}
            )
        return "\n".join(lines)


class ImportFailed(Exception):
    """The input cannot be imported at all (unreadable, or not HSDS 3.0): nothing was saved."""


# --- small checks -----------------------------------------------------------------------------------------

_email = EmailValidator()
_url = URLValidator(schemes=["http", "https"])


def plain_text(value):
    """HTML from a council feed as plain text: tags out, entities decoded, paragraphs kept as lines."""
    if not isinstance(value, str):
        return ""
    if "<" in value or "&" in value:
        value = BLOCK_END.sub("\n", value)
        value = html.unescape(TAG.sub("", value)).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in value.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def text(value, limit=None):
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return ""
    value = value.strip()
    return value[:limit].rstrip() if limit else value


def fingerprint(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def listing_fingerprint(snapshot):
    """The fingerprint of one of our listings (a `take_snapshot` dict), independent of row order."""
    snapshot = dict(snapshot)
    snapshot["meetings"] = sorted(snapshot.get("meetings", []), key=lambda m: m["id"])
    snapshot["contact_routes"] = sorted(snapshot.get("contact_routes", []), key=lambda r: r["id"])
    return fingerprint(snapshot)


def as_uuid(value):
    try:
        return uuid.UUID(str(value))
    except (ValueError, AttributeError, TypeError):
        return None


def derived_uuid(source, kind, external_id):
    return uuid.uuid5(NAMESPACE, f"{source.pk}/{kind}/{external_id}")


def record_id(value):
    """An HSDS id as text. Converted data sometimes wraps it in a list ([{"id": "3695"}]): unwrap one."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0].get("id") if isinstance(value[0], dict) else value[0]
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value.strip() if isinstance(value, str) else None


TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?")


def parse_time(value):
    value = text(value)
    if not value:
        return None
    quick = TIME.fullmatch(value)
    if quick and int(quick.group(1)) < 24 and int(quick.group(2)) < 60 and int(quick.group(3) or 0) < 60:
        return time(int(quick.group(1)), int(quick.group(2)), int(quick.group(3) or 0))
    for pattern in ("%H:%M", "%H:%M:%S", "%H:%M:%S%z", "%I:%M %p", "%I:%M%p"):
        try:
            return datetime.strptime(value.upper() if "M" in value.upper() else value, pattern).time()
        except ValueError:
            continue
    raise ValueError(value)


def parse_date(value):
    value = text(value)
    return date.fromisoformat(value[:10]) if value else None


# --- one service, mapped onto our rows --------------------------------------------------------------------


@dataclass
class Incoming:
    """One HSDS service mapped onto our rows, before anything is written."""

    position: str
    external_id: str
    fingerprint: str
    group: dict
    organisation: tuple  # (external id or None, fields)
    venues: list  # [(external id, fields)]
    meetings: list  # [(external id, fields, venue external id or None)]
    routes: list  # [fields]
    terms: list  # [(taxonomy, code, name, term id)]
    facets: set
    languages: list


class Mapper:
    """Turns HSDS service dicts into `Incoming` plans, reporting what it cannot take."""

    def __init__(self, source, report):
        self.source = source
        self.report = report
        self.cost_words = {str(label).lower().rstrip(".") for label in Group.Cost.labels}
        self.facet_ids = {our_hsds.facet_term_id(code): code for code in our_hsds.FACET_TERMS}
        self.languages = {}
        for language in Language.objects.all():
            self.languages[language.code.lower()] = language.pk
            self.languages[language.name.lower()] = language.pk

    def note(self, position, rid, field_name, reason):
        self.report.problem(position, rid, field_name, reason, rejected=False)

    def map(self, position, service):
        if not isinstance(service, dict):
            self.report.problem(position, "", "", _("this is not a service record"), rejected=True)
            return None
        rid = record_id(service.get("id"))
        if not rid:
            self.report.problem(
                position, "", "id", _("the record has no id, so it cannot be matched later"), rejected=True
            )
            return None
        if isinstance(service.get("id"), list):
            self.note(position, rid, "id", _("the id was given as a list; its single value was used"))
        name = service.get("name")
        if not isinstance(name, str) or not plain_text(name):
            reason = _("the name is missing") if not name else _("the name is not text")
            self.report.problem(position, rid, "name", reason, rejected=True)
            return None
        name = plain_text(name)
        if len(name) > FIELD_LIMITS["name"]:
            self.note(position, rid, "name", _("the name was longer than 200 characters and was shortened"))
        group = {
            "name": name[:200].strip(),
            "alternate_name": text(plain_text(service.get("alternate_name")), 200),
            "description": plain_text(service.get("description")) or name,
            "what_to_expect": plain_text(service.get("application_process")),
            "eligibility_note": text(plain_text(service.get("eligibility_description")), 300),
            "status_note": text(plain_text(service.get("alert")), 300),
        }
        self._status(position, rid, service, group)
        self._ages(position, rid, service, group)
        self._cost(service, group)
        group["website"] = self._url(position, rid, "url", service.get("url"))
        assured = service.get("assured_date")
        try:
            group["last_confirmed"] = parse_date(assured) or timezone.localdate()
        except (ValueError, TypeError):
            self.note(position, rid, "assured_date", _("'%(value)s' is not a date") % {"value": assured})
            group["last_confirmed"] = timezone.localdate()

        routes = []
        self._email_route(position, rid, "email", service.get("email"), "", routes)
        for i, phone in enumerate(self._list(position, rid, service, "phones")):
            self._phone_route(position, rid, f"phones[{i}]", phone, routes)
        for i, contact in enumerate(self._list(position, rid, service, "contacts")):
            if not isinstance(contact, dict):
                continue
            first_name = text(contact.get("name")).split(" ")[0][:60] if contact.get("name") else ""
            self._email_route(position, rid, f"contacts[{i}].email", contact.get("email"), first_name, routes)
            for j, phone in enumerate(contact.get("phones") or []):
                self._phone_route(position, rid, f"contacts[{i}].phones[{j}]", phone, routes, first_name)
        for n, route in enumerate(routes):
            route["position"] = n

        venues, online_places = self._places(position, rid, service)
        meetings = self._meetings(position, rid, service, venues, online_places)
        terms, facets = self._terms(position, rid, service)
        languages = self._languages(position, rid, service)
        group["group_type"] = next(
            (code for code in our_hsds.GROUP_TYPE_CODES if code in facets), Group.Type.SELF_HELP
        )
        group["home_visits"] = "home_visits" in facets
        group["phone_support"] = "telephone" in facets and not any(
            m[1]["attendance"] == Meeting.Attendance.TELEPHONE for m in meetings
        )
        organisation = self._organisation(position, rid, service)
        return Incoming(
            position=str(position),
            external_id=rid,
            fingerprint=fingerprint(service),
            group=group,
            organisation=organisation,
            venues=venues,
            meetings=meetings,
            routes=routes,
            terms=terms,
            facets=facets,
            languages=languages,
        )

    def _list(self, position, rid, data, key):
        value = data.get(key)
        if value in (None, ""):
            return []
        if not isinstance(value, list):
            self.note(position, rid, key, _("expected a list; left out"))
            return []
        return value

    def _status(self, position, rid, service, group):
        status = text(service.get("status")).lower()
        group["paused_until"] = None
        if status == "temporarily closed":
            found = RESTART.search(group["status_note"])
            restart = None
            if found:
                try:
                    restart = datetime.strptime(found.group(1), "%d %B %Y").date()
                except ValueError:
                    restart = None
            if restart:
                group["status"], group["paused_until"] = Group.Status.PAUSED, restart
            else:
                group["status"] = Group.Status.ACTIVE
                group["status_note"] = group["status_note"] or _("Temporarily closed.")
        elif status in STATUS:
            group["status"] = STATUS[status]
        else:
            if status:
                self.note(
                    position,
                    rid,
                    "status",
                    _("'%(value)s' is not an HSDS status; taken as active") % {"value": status},
                )
            group["status"] = Group.Status.ACTIVE

    def _ages(self, position, rid, service, group):
        for key in ("minimum_age", "maximum_age"):
            value = service.get(key)
            group[key] = None
            if value in (None, ""):
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 150:
                self.note(position, rid, key, _("'%(value)s' is not an age in years") % {"value": value})
                continue
            group[key] = int(value)
        if group["minimum_age"] and group["maximum_age"] and group["minimum_age"] > group["maximum_age"]:
            self.note(position, rid, "maximum_age", _("the maximum age is below the minimum age"))
            group["maximum_age"] = None

    def _cost(self, service, group):
        described = plain_text(service.get("fees_description") or service.get("fees"))
        lowered = described.lower()
        amounts = [
            o.get("amount")
            for o in (service.get("cost_options") or [])
            if isinstance(o, dict) and isinstance(o.get("amount"), int | float)
        ]
        if "donation" in lowered:
            group["cost"] = Group.Cost.DONATION
        elif any(a > 0 for a in amounts) or (
            lowered and not re.search(r"\b(free|none|no charge|£?0)\b", lowered)
        ):
            group["cost"] = Group.Cost.CHARGE
        else:
            group["cost"] = Group.Cost.FREE
        our_words = self.cost_words
        parts = [p.strip() for p in described.split(".") if p.strip() and p.strip().lower() not in our_words]
        group["cost_note"] = text(". ".join(parts), 200)

    def _url(self, position, rid, field_name, value):
        value = text(value)
        if not value:
            return ""
        if not re.match(r"^https?://", value, re.I) and re.match(
            r"^www\.|^[a-z0-9-]+\.[a-z]{2,}", value, re.I
        ):
            value = f"https://{value}"
        try:
            _url(value)
        except ValidationError:
            self.note(position, rid, field_name, _("'%(value)s' is not a web address") % {"value": value})
            return ""
        if len(value) > 200:
            self.note(position, rid, field_name, _("the web address is longer than 200 characters"))
            return ""
        return value

    def _email_route(self, position, rid, field_name, value, first_name, routes):
        if value in (None, ""):
            return
        if not isinstance(value, str):
            self.note(position, rid, field_name, _("the email address is not text"))
            return
        # Invisible characters and a full stop typed after the address are common and harmless.
        value = value.replace("\u200b", "").replace("\ufeff", "").strip().rstrip(".")
        try:
            _email(value)
        except ValidationError:
            self.note(position, rid, field_name, _("'%(value)s' is not an email address") % {"value": value})
            return
        if any(r["kind"] == ContactRoute.Kind.EMAIL and r["value"] == value for r in routes):
            return
        routes.append(
            {"kind": ContactRoute.Kind.EMAIL, "contact_name": first_name, "value": value[:300], "note": ""}
        )

    def _phone_route(self, position, rid, field_name, phone, routes, first_name=""):
        if not isinstance(phone, dict):
            return
        number = text(phone.get("number"))
        if not number:
            self.note(position, rid, f"{field_name}.number", _("the phone number is missing"))
            return
        digits = re.sub(r"[^0-9+() -]", "", number.split(" ext")[0]).strip()
        if not PHONE.fullmatch(digits) or sum(ch.isdigit() for ch in digits) < 3:
            self.note(
                position,
                rid,
                f"{field_name}.number",
                _("'%(value)s' is not a phone number") % {"value": number},
            )
            return
        note = plain_text(phone.get("description"))
        asked = re.match(r"Ask for (\w+);? ?(.*)", note)
        if asked and not first_name:
            first_name, note = asked.group(1), asked.group(2)
        kind = ContactRoute.Kind.TEXT if text(phone.get("type")).lower() in ("text", "sms") else "phone"
        routes.append(
            {"kind": kind, "contact_name": first_name[:60], "value": digits[:300], "note": text(note, 200)}
        )

    def _places(self, position, rid, service):
        """Venues from service_at_locations[].location (or locations[]), and whether it meets remotely."""
        locations = []
        for i, sal in enumerate(self._list(position, rid, service, "service_at_locations")):
            if isinstance(sal, dict) and isinstance(sal.get("location"), dict):
                locations.append((f"service_at_locations[{i}].location", sal["location"]))
        for i, location in enumerate(self._list(position, rid, service, "locations")):
            if isinstance(location, dict):
                locations.append((f"locations[{i}]", location))
        venues, remote = [], set()
        seen = set()
        for where, location in locations:
            lid = record_id(location.get("id"))
            if not lid or lid in seen:
                continue
            seen.add(lid)
            if text(location.get("location_type")).lower() == "virtual":
                remote.add("telephone" if "telephone" in text(location.get("name")).lower() else "online")
                continue
            fields = self._venue(position, rid, where, location)
            if fields:
                venues.append((lid, fields))
        return venues, remote

    def _venue(self, position, rid, where, location):
        addresses = location.get("addresses")
        if addresses is None and location.get("addresss") is not None:
            addresses = location.get("addresss")
            self.note(position, rid, f"{where}.addresss", _("'addresss' is misspelt; read as 'addresses'"))
        address = next(
            (
                a
                for a in (addresses or [])
                if isinstance(a, dict) and a.get("address_type", "physical") != "postal"
            ),
            {},
        )
        line_1 = text(address.get("address_1"), 200)
        private = line_1 == our_hsds.PRIVATE_ADDRESS_LINE
        fields = {
            "name": text(plain_text(location.get("name")), 200)
            or line_1
            or text(address.get("city"), 100)
            or _("Venue"),
            "address_1": "" if private else line_1,
            "address_2": text(address.get("address_2"), 200),
            "town": text(address.get("city"), 100),
            "county": text(address.get("state_province") or address.get("region"), 100),
            "postcode": normalise_postcode(text(address.get("postal_code"), 10))[:10],
            "country": text(address.get("country")).upper()
            if len(text(address.get("country"))) == 2
            else "GB",
            "directions": plain_text(location.get("description")),
            "address_disclosure": Venue.Disclosure.ON_REQUEST if private else Venue.Disclosure.PUBLIC,
            "latitude": None,
            "longitude": None,
            "access_notes": "",
        }
        if private and fields["name"] == our_hsds.PRIVATE_VENUE_NAME:
            fields["name"] = _("Venue given on request")
        lat, lon = location.get("latitude"), location.get("longitude")
        if lat not in (None, "") or lon not in (None, ""):
            try:
                lat, lon = float(lat), float(lon)
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError
                fields["latitude"], fields["longitude"] = lat, lon
            except (TypeError, ValueError):
                self.note(
                    position,
                    rid,
                    f"{where}.latitude",
                    _("(%(lat)s, %(lon)s) are not a latitude and longitude; left out")
                    % {"lat": location.get("latitude"), "lon": location.get("longitude")},
                )
        for flag in ACCESSIBILITY.values():
            fields[flag] = False
        for entry in location.get("accessibility") or []:
            if not isinstance(entry, dict):
                continue
            label = text(entry.get("description")).lower()
            if label in ACCESSIBILITY:
                fields[ACCESSIBILITY[label]] = True
            elif text(entry.get("details")) or label:
                fields["access_notes"] = "\n".join(
                    filter(
                        None,
                        [
                            fields["access_notes"],
                            text(entry.get("details")) or text(entry.get("description")),
                        ],
                    )
                )
        return fields

    def _meetings(self, position, rid, service, venues, remote):
        schedules = [
            (f"schedules[{i}]", s) for i, s in enumerate(self._list(position, rid, service, "schedules"))
        ]
        for i, sal in enumerate(self._list(position, rid, service, "service_at_locations")):
            if isinstance(sal, dict):
                location_id = record_id((sal.get("location") or {}).get("id")) or record_id(
                    sal.get("location_id")
                )
                for j, schedule in enumerate(sal.get("schedules") or []):
                    if isinstance(schedule, dict):
                        schedule = {"location_id": location_id, **schedule}
                        schedules.append((f"service_at_locations[{i}].schedules[{j}]", schedule))
        venue_ids = [vid for vid, _fields in venues]
        meetings, seen = [], set()
        for where, schedule in schedules:
            if not isinstance(schedule, dict):
                continue
            sid = record_id(schedule.get("id"))
            if not sid:
                self.note(position, rid, f"{where}.id", _("the schedule has no id; left out"))
                continue
            if sid in seen:
                continue
            seen.add(sid)
            meetings += self._meeting(position, rid, where, sid, schedule, venue_ids, remote)
        return meetings

    def _attendance(self, position, rid, where, schedule, venue_ids, remote):
        """How people take part, and the venue (external id) of an in-person meeting; (None, None) when an
        in-person meeting has no place."""
        attendance = ATTENDANCE.get(text(schedule.get("attending_type")).lower())
        location_id = record_id(schedule.get("location_id"))
        venue = location_id if location_id in venue_ids else (venue_ids[0] if len(venue_ids) == 1 else None)
        if attendance is None:
            if venue:
                attendance = Meeting.Attendance.IN_PERSON
            elif "telephone" in remote:
                attendance = Meeting.Attendance.TELEPHONE
            else:
                attendance = Meeting.Attendance.ONLINE if remote else Meeting.Attendance.IN_PERSON
        if attendance in (Meeting.Attendance.IN_PERSON, Meeting.Attendance.HYBRID) and not venue:
            self.note(position, rid, where, _("an in-person meeting with no place to meet; left out"))
            return None, None
        if attendance not in (Meeting.Attendance.IN_PERSON, Meeting.Attendance.HYBRID):
            venue = None
        return attendance, venue

    def _arranged(self, position, rid, where, sid, schedule, venue_ids, remote):
        """A schedule with no day or time: a meeting 'by arrangement' when it says something, else nothing."""
        said = text(plain_text(schedule.get("notes"))) or text(plain_text(schedule.get("description")))
        if schedule.get("opens_at") or not said:
            self.note(position, rid, where, _("the schedule gives no day; left out"))
            return []
        attendance, venue = self._attendance(position, rid, where, schedule, venue_ids, remote)
        if attendance is None:
            return []
        fields = {
            "attendance": attendance,
            "frequency": Meeting.Frequency.BY_ARRANGEMENT,
            "weekday": None,
            "nth": None,
            "starts_on": None,
            "start_time": None,
            "end_time": None,
            "notes": said[:300],
            "online_joining": "",
        }
        return [(sid, fields, venue)]

    def _meeting(self, position, rid, where, sid, schedule, venue_ids, remote):
        freq = text(schedule.get("freq")).upper()
        byday = [d.strip().upper() for d in text(schedule.get("byday")).split(",") if d.strip()]
        if not freq and not byday:
            return self._arranged(position, rid, where, sid, schedule, venue_ids, remote)
        if freq not in ("", "WEEKLY", "MONTHLY"):
            self.note(
                position,
                rid,
                f"{where}.freq",
                _("'%(value)s' is not a frequency we can show (weekly or monthly); left out")
                % {"value": freq},
            )
            return []
        try:
            start = parse_time(schedule.get("opens_at"))
            end = parse_time(schedule.get("closes_at"))
        except ValueError as error:
            self.note(
                position, rid, where, _("'%(value)s' is not a time of day; left out") % {"value": error}
            )
            return []
        if start is None:
            self.note(position, rid, f"{where}.opens_at", _("the schedule has no start time; left out"))
            return []
        if end is not None and end <= start:
            self.note(
                position, rid, f"{where}.closes_at", _("the meeting ends before it starts; end left out")
            )
            end = None
        attendance, venue = self._attendance(position, rid, where, schedule, venue_ids, remote)
        if attendance is None:
            return []
        interval = schedule.get("interval") or 1
        try:
            starts_on = parse_date(schedule.get("dtstart"))
        except (ValueError, TypeError):
            starts_on = None
        notes = text(schedule.get("notes"))
        joining = ""
        if "How to join:" in notes:
            notes, joining = (part.strip() for part in notes.split("How to join:", 1))
            joining = joining.rstrip(".")
        common = {
            "attendance": attendance,
            "start_time": start,
            "end_time": end,
            "notes": notes[:300],
            "online_joining": joining[:300],
            "starts_on": starts_on,
            "nth": None,
        }
        found = []
        for day in byday or [None]:
            match = re.fullmatch(r"([+-]?\d)?([A-Z]{2})", day or "")
            if not match or match.group(2) not in DAYS:
                self.note(
                    position, rid, f"{where}.byday", _("'%(value)s' is not a day; left out") % {"value": day}
                )
                continue
            nth, weekday = match.group(1), DAYS[match.group(2)]
            fields = {**common, "weekday": weekday}
            if freq == "MONTHLY" or nth:
                if not nth or int(nth) not in (1, 2, 3, 4, -1):
                    self.note(
                        position,
                        rid,
                        f"{where}.byday",
                        _("a monthly meeting needs which week (e.g. 2TU); left out"),
                    )
                    continue
                fields.update(frequency=Meeting.Frequency.MONTHLY, nth=int(nth))
            elif interval == 2:
                if not starts_on:
                    self.note(
                        position,
                        rid,
                        f"{where}.dtstart",
                        _("a fortnightly meeting needs the date of one meeting; left out"),
                    )
                    continue
                fields["frequency"] = Meeting.Frequency.FORTNIGHTLY
            elif interval in (1, None):
                fields["frequency"] = Meeting.Frequency.WEEKLY
            else:
                self.note(
                    position,
                    rid,
                    f"{where}.interval",
                    _("every %(n)s weeks is not a frequency we can show; left out") % {"n": interval},
                )
                continue
            key = sid if len(byday) <= 1 else f"{sid}/{day}"
            found.append((key, fields, venue))
        return found

    def _terms(self, position, rid, service):
        terms, facets = [], set()
        for entry in self._list(position, rid, service, "attributes"):
            if not isinstance(entry, dict):
                continue
            term = entry.get("taxonomy_term") if isinstance(entry.get("taxonomy_term"), dict) else {}
            term_id = text(entry.get("taxonomy_term_id") or term.get("id"))
            detail = term.get("taxonomy_detail") if isinstance(term.get("taxonomy_detail"), dict) else {}
            taxonomy = text(term.get("taxonomy") or term.get("taxonomy_id") or detail.get("name"))
            code = text(term.get("code")) or term_id or text(term.get("name")) or text(entry.get("value"))
            if taxonomy == our_hsds.FACETS_TAXONOMY or term_id in self.facet_ids:
                facets.add(code if code in our_hsds.FACET_TERMS else self.facet_ids.get(term_id))
                continue
            if code:
                terms.append((taxonomy[:255], code[:255], text(term.get("name"), 255), term_id))
        for entry in self._list(position, rid, service, "service_taxonomys"):
            term = entry.get("taxonomy") if isinstance(entry, dict) else None
            if isinstance(term, dict) and (term.get("id") or term.get("name")):
                code = text(term.get("id")) or text(term.get("name"))
                terms.append(
                    (text(term.get("vocabulary"), 255), code[:255], text(term.get("name"), 255), code)
                )
        return terms, facets

    def _languages(self, position, rid, service):
        found = []
        for i, entry in enumerate(self._list(position, rid, service, "languages")):
            if not isinstance(entry, dict):
                continue
            code, name = text(entry.get("code")).lower(), text(entry.get("name")).lower()
            language = self.languages.get(code) or self.languages.get(name)
            if language:
                found.append(language)
            elif name not in ("english", "") or code not in ("en", ""):
                self.note(
                    position,
                    rid,
                    f"languages[{i}]",
                    _("'%(value)s' is not a language we list; left out")
                    % {"value": entry.get("name") or entry.get("code")},
                )
        return list(dict.fromkeys(found))

    def _organisation(self, position, rid, service):
        org = service.get("organization")
        if not isinstance(org, dict) or not plain_text(org.get("name")):
            if service.get("organization") is None and not service.get("organization_id"):
                return (None, {"name": plain_text(service.get("name"))[:200], "description": ""})
            oid = record_id((org or {}).get("id")) or record_id(service.get("organization_id"))
            return (oid, {"name": plain_text(service.get("name"))[:200], "description": ""})
        oid = record_id(org.get("id"))
        fields = {
            "name": plain_text(org.get("name"))[:200],
            "description": plain_text(org.get("description")),
            "website": self._url(position, rid, "organization.website", org.get("website") or org.get("url")),
            "email": "",
        }
        email = text(org.get("email"))
        if email:
            try:
                _email(email)
                fields["email"] = email
            except ValidationError:
                self.note(
                    position,
                    rid,
                    "organization.email",
                    _("'%(value)s' is not an email address") % {"value": email},
                )
        return (oid, fields)


# --- taxonomy terms ---------------------------------------------------------------------------------------


class Terms:
    """Our categories as import targets, and the term mappings known so far (created as terms are met)."""

    def __init__(self):
        self.by_key = {(t.taxonomy, t.code): t for t in TermMapping.objects.all()}
        self.categories = {}
        for category in Category.objects.all():
            for key in [
                str(category.pk),
                category.slug,
                category.name.lower(),
                *map(str.lower, category.lay_term_list),
            ]:
                self.categories.setdefault(key, category.pk)
        self.seen = Counter()

    def category_for(self, taxonomy, code, name, term_id):
        mapping = self.by_key.get((taxonomy, code))
        if mapping is None:
            guess = (
                self.categories.get(term_id)
                or self.categories.get(code)
                or self.categories.get(code.lower())
                or self.categories.get(name.lower())
            )
            mapping = TermMapping.objects.create(taxonomy=taxonomy, code=code, name=name, category_id=guess)
            self.by_key[(taxonomy, code)] = mapping
        self.seen[mapping.pk] += 1
        return mapping

    def save_counts(self):
        for pk, n in self.seen.items():
            TermMapping.objects.filter(pk=pk).update(seen_count=F("seen_count") + n)


# --- our listings as snapshots (for fingerprints and conflicts) -------------------------------------------


# --- the run ----------------------------------------------------------------------------------------------


class _Rollback(Exception):
    pass


class Importer:
    def __init__(self, source, report, progress=None):
        self.source = source
        self.report = report
        self.progress = progress
        self.mapper = Mapper(source, report)
        self.terms = Terms()
        self.seen_ids = {}
        self.organisations = {}  # external id -> our pk
        self.venues = {}  # external id -> our pk
        # What our listings' snapshots need of rows shared between groups, by our pk (see _snapshot).
        self.organisation_names = {}
        self.venue_fields = {}
        self.category_slugs = dict(Category.objects.values_list("pk", "slug"))
        self.language_codes = dict(Language.objects.values_list("pk", "code"))
        self.now = timezone.now()
        self.run = None

    # organisations and venues: one row per external id, shared by every service that names it
    def _resolve(self, kind, model, wanted, cache, lock_to=None):
        """Our pks for these {external id: fields}; new rows created, changed ones updated."""
        missing = [eid for eid in wanted if eid not in cache]
        records = {
            r.external_id: r
            for start in range(0, len(missing), 500)
            for r in ImportedRecord.objects.filter(
                source=self.source, kind=kind, external_id__in=missing[start : start + 500]
            )
        }
        target = "organisation_id" if kind == ImportedRecord.Kind.ORGANIZATION else "venue_id"
        create, update, new_records, changed_records = [], [], [], []
        for eid in missing:
            fields = wanted[eid]
            digest = fingerprint(fields)
            record = records.get(eid)
            our_pk = getattr(record, target) if record else None
            if record and our_pk:
                cache[eid] = our_pk
                if record.fingerprint != digest:
                    update.append(model(pk=our_pk, **fields))
                    record.fingerprint, record.seen_at = digest, self.now
                    changed_records.append(record)
                continue
            pk = self._free_pk(model, eid, kind)
            cache[eid] = pk
            create.append(model(pk=pk, **fields))
            if record:
                setattr(record, target, pk)
                record.fingerprint, record.seen_at = digest, self.now
                changed_records.append(record)
            else:
                new_records.append(
                    {
                        "source_id": self.source.pk,
                        "kind": kind,
                        "external_id": eid,
                        "fingerprint": digest,
                        "seen_at": self.now,
                        target: pk,
                    }
                )
        if kind == ImportedRecord.Kind.ORGANIZATION:
            directory_services.import_organisations_bulk(create, update, fields=ORGANISATION_FIELDS)
            self.organisation_names.update((o.pk, o.name) for o in [*create, *update])
        else:
            directory_services.import_venues_bulk(create, update, fields=VENUE_WRITE_FIELDS)
            self.venue_fields.update((v.pk, _fields(v, VENUE_FIELDS)) for v in [*create, *update])
        directory_services.insert_rows(ImportedRecord, new_records)
        ImportedRecord.objects.bulk_update(
            changed_records, [target, "fingerprint", "seen_at"], batch_size=BATCH
        )

    def _free_pk(self, model, eid, kind):
        """The record's own UUID when it is one we do not use yet (a round trip keeps ids), else a stable
        one derived from the source and the id."""
        candidate = as_uuid(eid)
        if candidate and candidate not in self._taken.get(model, set()):
            return candidate
        return derived_uuid(self.source, kind, eid)

    def _reserve(self, model, eids):
        ids = [u for u in (as_uuid(e) for e in eids) if u]
        taken = self._taken.setdefault(model, set())
        for start in range(0, len(ids), 500):
            taken.update(model.objects.filter(pk__in=ids[start : start + 500]).values_list("pk", flat=True))

    def run_batch(self, batch):
        self._taken = {}
        if self.source.organisation_id:
            org_ids = {}
        else:
            wanted = {}
            for item in batch:
                eid, fields = item.organisation
                eid = eid or f"service:{item.external_id}"
                item.organisation = (eid, fields)
                wanted.setdefault(eid, fields)
            self._reserve(Organisation, wanted)
            self._resolve(ImportedRecord.Kind.ORGANIZATION, Organisation, wanted, self.organisations)
            org_ids = self.organisations
        venues = {}
        for item in batch:
            for vid, fields in item.venues:
                venues.setdefault(vid, fields)
        if venues:
            self._reserve(Venue, venues)
            self._resolve(ImportedRecord.Kind.LOCATION, Venue, venues, self.venues)

        ids = [item.external_id for item in batch]
        records = {
            r.external_id: r
            for r in ImportedRecord.objects.filter(
                source=self.source, kind=ImportedRecord.Kind.SERVICE, external_id__in=ids
            )
        }
        self._reserve(Group, ids)
        changed = [
            records[i.external_id]
            for i in batch
            if i.external_id in records
            and records[i.external_id].group_id
            and records[i.external_id].fingerprint != i.fingerprint
        ]
        current = take_snapshots([r.group_id for r in changed]) if changed else {}
        creating, updating, unchanged_records = [], [], []
        for item in batch:
            record = records.get(item.external_id)
            if record and record.group_id:
                if record.fingerprint == item.fingerprint:
                    self.report.counts["unchanged"] += 1
                    unchanged_records.append(record.pk)
                    continue
                ours = current.get(record.group_id)
                if ours is not None and listing_fingerprint(ours) != record.local_fingerprint:
                    self._conflict(item, record, ours)
                    continue
                updating.append((item, record, ours))
            else:
                creating.append((item, record))
        ImportedRecord.objects.filter(pk__in=unchanged_records).update(seen_at=self.now)
        if not creating and not updating:
            return

        currently = {record.group_id: ours for _item, record, ours in updating}
        categories, languages, meetings, routes, groups_new, groups_changed, uses = {}, {}, {}, {}, [], [], []
        for item, record in creating + [(i, r) for i, r, _ours in updating]:
            pk = (
                record.group_id
                if record and record.group_id
                else self._free_pk(Group, item.external_id, "service")
            )
            org_pk = self.source.organisation_id or org_ids[item.organisation[0]]
            group = Group(pk=pk, organisation_id=org_pk, updated_at=self.now, **item.group)
            (groups_changed if record and record.group_id else groups_new).append(group)
            mapped = []
            for taxonomy, code, name, term_id in item.terms:
                mapping = self.terms.category_for(taxonomy, code, name, term_id)
                uses.append((mapping.pk, pk))
                if mapping.category_id:
                    mapped.append(mapping.category_id)
            categories[pk] = list(dict.fromkeys(mapped))
            languages[pk] = item.languages
            meetings[pk] = [
                {
                    "id": derived_uuid(self.source, "schedule", f"{item.external_id}/{sid}"),
                    "group_id": pk,
                    "venue_id": self.venues.get(vid) if vid else None,
                    **fields,
                }
                for sid, fields, vid in item.meetings
            ]
            routes[pk] = [
                {
                    "id": derived_uuid(self.source, "route", f"{item.external_id}/{n}"),
                    "group_id": pk,
                    "visibility": ContactRoute.Visibility.PUBLIC,
                    **r,
                }
                for n, r in enumerate(item.routes)
            ]
            item.group_pk = pk
        directory_services.import_listings_bulk(
            created=groups_new,
            updated=groups_changed,
            fields=GROUP_WRITE_FIELDS,
            categories=categories,
            languages=languages,
            meetings=meetings,
            routes=routes,
        )
        ImportedTerm.objects.filter(group_id__in=[g.pk for g in groups_changed]).delete()
        directory_services.insert_rows(
            ImportedTerm, [{"term_id": t, "group_id": g} for t, g in dict.fromkeys(uses)]
        )
        written = [i for i, _r in creating] + [i for i, _r, _o in updating]
        groups = {g.pk: g for g in [*groups_new, *groups_changed]}
        self._load_shared(groups.values(), meetings)
        after = {
            pk: self._snapshot(
                group, categories[pk], languages[pk], meetings[pk], routes[pk], currently.get(pk)
            )
            for pk, group in groups.items()
        }
        new_records, changed_records, history = [], [], []
        for item, record in creating:
            snapshot = after[item.group_pk]
            if record:
                record.group_id, record.fingerprint = item.group_pk, item.fingerprint
                record.local_fingerprint, record.seen_at = listing_fingerprint(snapshot), self.now
                changed_records.append(record)
            else:
                new_records.append(
                    {
                        "source_id": self.source.pk,
                        "kind": ImportedRecord.Kind.SERVICE,
                        "external_id": item.external_id,
                        "group_id": item.group_pk,
                        "organisation_id": self.source.organisation_id or org_ids[item.organisation[0]],
                        "fingerprint": item.fingerprint,
                        "local_fingerprint": listing_fingerprint(snapshot),
                        "seen_at": self.now,
                    }
                )
            history.append((groups[item.group_pk], None, snapshot))
        for item, record, ours in updating:
            snapshot = after[item.group_pk]
            record.fingerprint, record.local_fingerprint, record.seen_at = (
                item.fingerprint,
                listing_fingerprint(snapshot),
                self.now,
            )
            changed_records.append(record)
            if snapshot != ours:
                history.append((groups[item.group_pk], ours, snapshot))
            else:
                self.report.counts["unchanged"] += 1
                self.report.counts["updated"] -= 1
        directory_services.insert_rows(ImportedRecord, new_records)
        ImportedRecord.objects.bulk_update(
            changed_records, ["group_id", "fingerprint", "local_fingerprint", "seen_at"], batch_size=BATCH
        )
        directory_services.note_imported_listings(
            history, reason=_("Imported from %(source)s") % {"source": self.source.name}
        )
        self.report.counts["created"] += len(creating)
        self.report.counts["updated"] += len(updating)
        self.report.changed_group_ids.update(i.group_pk for i in written)

    def _load_shared(self, groups, meetings):
        """Organisation names and venue fields not met yet in this run (rows from earlier runs)."""
        org_pks = {g.organisation_id for g in groups} - set(self.organisation_names)
        if org_pks:
            self.organisation_names.update(
                Organisation.objects.filter(pk__in=org_pks).values_list("pk", "name")
            )
        venue_pks = {m["venue_id"] for ms in meetings.values() for m in ms if m["venue_id"]} - set(
            self.venue_fields
        )
        for venue in Venue.objects.filter(pk__in=venue_pks):
            self.venue_fields[venue.pk] = _fields(venue, VENUE_FIELDS)

    def _snapshot(self, group, category_ids, language_ids, meetings, routes, before):
        """`snapshots.take_snapshot(group)` as it will read once this batch is written, built from what we
        are writing rather than read back (the tests check that the two agree)."""
        data = _fields(group, GROUP_FIELDS)
        data["organisation"] = {
            "id": str(group.organisation_id),
            "name": self.organisation_names[group.organisation_id],
        }
        data["categories"] = sorted(self.category_slugs[c] for c in category_ids)
        data["languages"] = sorted(self.language_codes[lang] for lang in language_ids)
        data["logo"] = before["logo"] if before else ""
        data["meetings"] = [
            {
                "id": str(m["id"]),
                **{name: _plain(m[name]) for name in MEETING_FIELDS},
                "venue": {"id": str(m["venue_id"]), **self.venue_fields[m["venue_id"]]}
                if m["venue_id"]
                else None,
            }
            for m in meetings
        ]
        data["contact_routes"] = [
            {"id": str(r["id"]), **{name: _plain(r[name]) for name in ROUTE_FIELDS}} for r in routes
        ]
        return data

    def _conflict(self, item, record, ours):
        """Our listing was edited since the last import and the source changed too: keep ours, tell staff."""
        theirs = {key: _plain(value) for key, value in item.group.items()}
        differing = [key for key, value in theirs.items() if key in ours and ours[key] != value]
        meetings_theirs = sorted(
            (f["weekday"], _plain(f["start_time"]), f["frequency"]) for _sid, f, _vid in item.meetings
        )
        meetings_ours = sorted(
            (m["weekday"], m["start_time"], m["frequency"]) for m in ours.get("meetings", [])
        )
        if meetings_theirs != meetings_ours:
            differing.append("meetings")
            theirs["meetings"] = [list(m) for m in meetings_theirs]
        conflict = ImportConflict.objects.filter(record=record, resolved_at__isnull=True).first()
        values = {
            "run": self.run,
            "group_id": record.group_id,
            "fields": differing or ["listing"],
            "incoming": {"fingerprint": item.fingerprint, "position": item.position, **theirs},
            "ours": {key: ours.get(key) for key in differing if key in ours},
        }
        if conflict:
            for key, value in values.items():
                setattr(conflict, key, value)
            conflict.save()
        else:
            ImportConflict.objects.create(record=record, **values)
        record.seen_at = self.now
        record.save(update_fields=["seen_at"])
        self.report.counts["conflicts"] += 1
        self.report.conflicts.append(
            {"group": ours.get("name"), "record_id": item.external_id, "fields": values["fields"]}
        )


def _plain(value):
    if isinstance(value, date | time):
        return value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
    return value


def import_services(source, services, *, dry_run=False, progress=None, user=None, fail_after=None):
    """Import HSDS 3.0 services ((position, dict) pairs) from `source`. One transaction: a dry run, or any
    failure, leaves the database exactly as it was. `progress(n)` is called as records are read.
    `fail_after` (tests) raises after that many records, to prove a failure half-way writes nothing."""
    report = ImportReport(source_name=source.name, dry_run=dry_run)
    try:
        with transaction.atomic():
            with directory_services.deferred_indexing() as changed:
                run = ImportRun.objects.create(source=source, dry_run=dry_run, started_by=user)
                importer = Importer(source, report, progress)
                importer.run = run
                batch, n = [], 0
                for position, service in services:
                    n += 1
                    if fail_after is not None and n > fail_after:
                        raise RuntimeError("forced failure (test)")
                    item = importer.mapper.map(position, service)
                    if progress:
                        progress(1)
                    if item is None:
                        report.counts["rejected"] += 1
                        continue
                    first = importer.seen_ids.get(item.external_id)
                    if first is not None:
                        report.problem(
                            position,
                            item.external_id,
                            "id",
                            _("the same id came earlier (%(first)s); this copy was left out")
                            % {"first": first},
                            rejected=True,
                        )
                        report.counts["rejected"] += 1
                        continue
                    importer.seen_ids[item.external_id] = item.position
                    batch.append(item)
                    if len(batch) >= BATCH:
                        importer.run_batch(batch)
                        batch = []
                if batch:
                    importer.run_batch(batch)
                importer.terms.save_counts()
            report.changed_group_ids |= set(changed)
            _finish(run, report)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except ImportFailed as error:
        report.error = str(error)
    except Exception as error:  # never crash: the report says what happened, the database is unchanged
        log.exception("HSDS import from %s failed", source.name)
        report.error = _("an unexpected error (%(error)s)") % {"error": f"{type(error).__name__}: {error}"}
    if dry_run or report.error:
        report.changed_group_ids = set()
        # The run row was rolled back with everything else: keep a record of the attempt.
        run = ImportRun.objects.create(source=source, dry_run=dry_run, started_by=user)
        _finish(run, report)
    report.run_id = run.pk
    Source.objects.filter(pk=source.pk).update(
        last_run_at=timezone.now(), last_status=_status_line(report)[:200]
    )
    return report


def _status_line(report):
    if report.error:
        return _("Failed: nothing saved")
    c = report.counts_dict()
    return _("%(created)s new, %(updated)s updated, %(unchanged)s unchanged, %(rejected)s rejected") % c


def _finish(run, report):
    run.finished_at = timezone.now()
    run.counts = report.counts_dict()
    run.problems = [asdict(p) for p in report.problems]
    run.summary = report.as_text()
    run.ok = report.ok
    run.save()


def reindex_imported(report, progress=None):
    """Bring the search index up to date for the groups an import created or changed (after the import,
    outside its transaction). Returns how many groups were indexed."""
    from twoworlds.search.services import index_groups

    ids = list(report.changed_group_ids)
    for start in range(0, len(ids), 500):
        index_groups(ids[start : start + 500])
        if progress:
            progress(len(ids[start : start + 500]))
    return len(ids)


def source_named(name, *, kind=Source.Kind.HSDS_FILE, location=""):
    source, _created = Source.objects.get_or_create(name=name, defaults={"kind": kind, "location": location})
    if location and source.location != location:
        Source.objects.filter(pk=source.pk).update(location=location)
    return source


def apply_mapping(mapping):
    """Staff mapped a term to a category: every imported group that carried the term gets it now."""
    if not mapping.category_id:
        return 0
    through = Group.categories.through
    group_ids = set(ImportedTerm.objects.filter(term=mapping).values_list("group_id", flat=True))
    have = set(
        through.objects.filter(group_id__in=group_ids, category_id=mapping.category_id).values_list(
            "group_id", flat=True
        )
    )
    missing = [gid for gid in group_ids if gid not in have]
    directory_services.add_category_bulk(missing, mapping.category_id)
    return len(missing)


def resolve_conflict(conflict, *, take_theirs, user=None):
    """Staff decided: keep our version (the import stops asking until the source changes again), or take
    the imported version: the group's own fields are written now (through the directory's services, with
    history), and the record is marked so that the next import applies the whole record (meetings and
    contacts included) as for a listing nobody edited."""
    from twoworlds.directory.snapshots import apply_snapshot, take_snapshot

    with transaction.atomic():
        record = conflict.record
        group = conflict.group
        if take_theirs and group is not None:
            snapshot = take_snapshot(group)
            for key, value in conflict.incoming.items():
                if key in snapshot and key not in (
                    "meetings",
                    "contact_routes",
                    "categories",
                    "languages",
                    "organisation",
                ):
                    snapshot[key] = value
            apply_snapshot(
                snapshot,
                group,
                actor=user,
                source="import",
                reason=_("Imported values taken from %(source)s") % {"source": record.source.name},
            )
        if group is not None:
            record.local_fingerprint = listing_fingerprint(take_snapshot(group))
        # Kept ours: the same incoming version is "unchanged" from now on. Took theirs: no fingerprint
        # matches, so the next import rewrites the listing from the source.
        record.fingerprint = "" if take_theirs else conflict.incoming.get("fingerprint", record.fingerprint)
        record.save(update_fields=["local_fingerprint", "fingerprint"])
        conflict.resolved_at = timezone.now()
        conflict.resolved_by = user
        conflict.resolution = (
            ImportConflict.Resolution.TOOK_THEIRS if take_theirs else ImportConflict.Resolution.KEPT_OURS
        )
        conflict.save()
    return conflict


__all__ = [
    "ImportFailed",
    "ImportReport",
    "Problem",
    "apply_mapping",
    "import_services",
    "reindex_imported",
    "resolve_conflict",
    "source_named",
]
