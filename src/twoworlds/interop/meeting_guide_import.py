"""Import a Meeting Guide JSON feed (the format of the Meeting Guide app, TSML UI and the 12 Step Meeting List
plugin) into the directory: every meeting becomes a meeting of a group run by one organisation.

Feeds in the wild bend the specification (see `shared/real-data/meeting-guide/ANALYSIS.md`); this module
reads them as they are:

- `day` is an integer, a one-element array, a string ("1") or missing. One known export (the Online
  Intergroup of AA's "Central" database) numbers days 1–7, Monday = 1 … Sunday = 7: a feed with a day 7 (or
  that export's `{"$oid": …}` ids) is read that way, and the report says so.
- `time` is "19:00", "7:00" or "8:00 PM"; a meeting with neither day nor time is "by arrangement"; one with
  only one of the two is rejected, with the reason.
- `latitude`/`longitude` may be strings; `updated` may be "8/25/2022 11:17:07 AM"; `regions` may hold null;
  slugs may be long (up to 255 characters are kept; longer ones are identified by a hash); the entity's
  website is `entity_url` or `entity_website_url`.
- How people take part: `attendance_option` (in_person, online, hybrid, inactive) when the feed has it;
  otherwise as the 12 Step Meeting List plugin decides: a conference link or phone plus a street address is
  hybrid, plus "Location Temporarily Closed" (`TC`) or only an approximate address it is online (telephone
  when there is only a phone); `TC` with no way to join, or an approximate address with no way to join, is
  not running. Meetings that are not running ("inactive") are not listed: they are counted, and a meeting of
  ours that an earlier import created is taken off the group's timetable.

Grouping: meetings that name the same group (`group` and `group_id`) are one group; a meeting that names no
group is a group of its own, one per meeting name at one address.

Type codes (`types`) map onto our fields (see `group_fields`, `ELIGIBILITY_TYPES`, `meeting_guide_codes`):
Open (`O`) means family and friends are welcome, Closed (`C`) that the group is for the people affected;
`W`/`M` make it a women's or men's group; language codes add the group's languages (those in our list);
Wheelchair Access (`X`) and Wheelchair-Accessible Bathroom (`XB`) mark the venue; the retired `ONL` and
`TC` inform how people take part; Young People, Seniors, LGBTQ, People of Color… go into "anything else
about who can come"; every other code (Big Book, Speaker…) is kept in the meeting's notes in words. Unknown
codes (`ASBI`, `AC`, `LGBTQIA`…) are kept as they are in the notes and counted in the report.

Passcodes: feeds publish Zoom links with `pwd=…` and notes like "passcode: 123456". We do not publish a
passcode in our listing text: a `pwd`/`passcode`/`password` parameter is removed from a link, a phone
number keeps only the number to dial (one-tap suffixes carry meeting ids and codes), and in notes a word
such as passcode, password, PIN or pwd followed by a value has the value replaced by "ask the group". A
value that is plainly not a code (e.g. "See our website", "none") is left as it is.

Re-importing the same feed changes nothing: each meeting is an `ImportedRecord` (source, "meeting", slug);
each group and venue one too (kinds "service" and "location", keyed as described at `group_key` and
`venue_key`). A meeting the group or staff changed here since the last import is kept, and the difference
is recorded as an `ImportConflict` for staff. The whole run is one transaction: a failure leaves the
database as it was; a dry run does all the work and rolls it back.
"""

import hashlib
import html
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import datetime, time
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twoworlds.directory import services as directory_services
from twoworlds.directory.models import ContactRoute, Group, Language, Meeting, Venue
from twoworlds.directory.snapshots import take_snapshot

from . import meeting_guide_codes as codes
from .importer import Problem, listing_fingerprint
from .models import ImportConflict, ImportedRecord, ImportRun, Source

MAX_FEED_BYTES = 50 * 1024 * 1024
FETCH_TIMEOUT_SECONDS = 60
USER_AGENT = "TwoWorlds-clearinghouse/1 (+Meeting Guide import)"

# A marker in `ImportedRecord.local_fingerprint` for a group that another source (or staff) created and this
# source only lists too: this source never changes that group's own fields.
ALSO_LISTED = "also-listed:another-source-owns-this-group"

RETIRED_ONLINE = "ONL"
# Group fields an import updates and a local edit may have changed (description is only set on creation).
GROUP_CONFLICT_FIELDS = ("name", "for_family_friends", "gender", "eligibility_note", "website")
# Codes that say something about who can come, kept in words in `Group.eligibility_note`.
ELIGIBILITY_TYPES = ("Y", "SEN", "LGBTQ", "G", "L", "BI", "T", "NB", "POC", "N", "NDG", "P", "BE", "DD")
# Codes that only shape how we read the meeting (handled elsewhere), never repeated in the notes.
HANDLED_TYPES = {codes.OPEN, codes.CLOSED, "W", "M", "X", "XB", codes.TEMPORARILY_CLOSED, RETIRED_ONLINE}
# Codes that are plainly typos or old names of an official one.
TYPE_ALIASES = {"ASBI": "ABSI", "LGBTQIA": "LGBTQ"}

COUNTRIES = {
    "usa": "US",
    "us": "US",
    "united states": "US",
    "united states of america": "US",
    "canada": "CA",
    "uk": "GB",
    "united kingdom": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "ireland": "IE",
    "australia": "AU",
    "new zealand": "NZ",
}
US_STATE_ZIP = re.compile(r"^(?P<state>[A-Z]{2})\s+(?P<zip>\d{5}(?:-\d{4})?)$")
POSTCODE_ALONE = re.compile(
    r"^(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$", re.IGNORECASE
)
TWELVE_HOUR = re.compile(r"^(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>[ap])\.?\s*m\.?$", re.IGNORECASE)
TWENTY_FOUR_HOUR = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2})?$")
SECRET_WORDS = r"pass\s*code|password|passwd|pass\s*word|pwd|pin|meeting\s+password"
SECRET_IN_TEXT = re.compile(
    rf"(?P<label>\b(?:{SECRET_WORDS})\b[ \t]*(?:is\b|:|=|#|-)?[ \t]*)(?P<value>[^\s,;:=#-][^\s,;]*)", re.I
)
NOT_A_SECRET = {
    "see",
    "ask",
    "none",
    "no",
    "not",
    "n/a",
    "na",
    "email",
    "contact",
    "call",
    "text",
    "required",
    "needed",
    "please",
    "given",
    "available",
    "on",
    "in",
    "sent",
    "provided",
}
SECRET_URL_PARAMETERS = {"pwd", "passcode", "password", "pass", "pw"}
WITHHELD = "ask the group"


class FeedError(Exception):
    """The feed as a whole cannot be read (not found, not JSON, not a list of meetings)."""


def _problem_text(problem):
    where = f"{problem.position}, {problem.field}" if problem.field else problem.position
    return f"{where}: {problem.reason}"


@dataclass
class MeetingGuideReport:
    source: str = ""
    dry_run: bool = False
    total: int = 0
    counts: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)  # rejected meetings
    warnings: list = field(default_factory=list)  # accepted with a change worth knowing
    notes: list = field(default_factory=list)  # about the feed as a whole
    unknown_types: dict = field(default_factory=dict)
    changed_group_ids: set = field(default_factory=set)

    def add(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n

    @property
    def ok(self):
        return not self.problems

    @property
    def rejected(self):
        return len({p.position for p in self.problems})

    def as_dict(self):
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "total": self.total,
            "counts": dict(sorted(self.counts.items())),
            "rejected": self.rejected,
            "problems": [asdict(p) for p in self.problems],
            "warnings": [asdict(p) for p in self.warnings],
            "notes": list(self.notes),
            "unknown_types": dict(sorted(self.unknown_types.items())),
            "ok": self.ok,
        }

    def as_text(self):
        lines = [_("Meeting Guide import from %(source)s") % {"source": self.source}]
        if self.dry_run:
            lines[0] += " " + _("(dry run: nothing saved)")
        lines.append(_("Meetings in the feed: %(n)s") % {"n": self.total})
        for key, value in sorted(self.counts.items()):
            lines.append(f"  {key.replace('_', ' ')}: {value}")
        lines += [_("Note: %(note)s") % {"note": note} for note in self.notes]
        if self.unknown_types:
            listed = ", ".join(f"{code or '(empty)'} ×{n}" for code, n in sorted(self.unknown_types.items()))
            lines.append(
                _("Type codes that are not in the Meeting Guide list (kept in the notes): %(codes)s")
                % {"codes": listed}
            )
        if self.warnings:
            lines.append(_("Accepted with changes (%(n)s):") % {"n": len(self.warnings)})
            lines += [f"  - {_problem_text(w)}" for w in self.warnings]
        if self.problems:
            lines.append(_("Rejected (%(n)s meetings):") % {"n": self.rejected})
            lines += [f"  - {_problem_text(p)}" for p in self.problems]
        else:
            lines.append(_("Nothing was rejected."))
        return "\n".join(lines)


# --- Reading --------------------------------------------------------------------------------------------


def read_location(location):
    """The bytes of a feed from a file path, a file:// URL or an http(s) URL."""
    parts = urlsplit(str(location))
    try:
        if parts.scheme in ("http", "https"):
            request = Request(str(location), headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
            with urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310 (scheme checked)
                data = response.read(MAX_FEED_BYTES + 1)
        else:
            path = Path(parts.path if parts.scheme == "file" else str(location))
            with path.open("rb") as handle:
                data = handle.read(MAX_FEED_BYTES + 1)
    except OSError as error:
        reason = getattr(error, "reason", None) or error
        raise FeedError(
            _("Could not read %(where)s: %(reason)s") % {"where": location, "reason": reason}
        ) from None
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(
            _("%(where)s is larger than %(mb)s MB; not read.")
            % {"where": location, "mb": MAX_FEED_BYTES // (1024 * 1024)}
        )
    return data


@dataclass
class Feed:
    meetings: list
    numbering: str  # "0-6" (Sunday = 0, the specification) or "1-7" (Monday = 1 … Sunday = 7)
    notes: list


def parse_feed(data):
    """The meetings of a feed (bytes or text) and what we noticed about the feed as a whole. Raises
    FeedError with a sentence a staff member understands when it is not a Meeting Guide feed at all."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FeedError(
                _("The feed is not UTF-8 text, so it cannot be a Meeting Guide JSON feed.")
            ) from None
    try:
        content = json.loads(data)
    except json.JSONDecodeError as error:
        what = (
            _("there is text after the end of the list of meetings")
            if error.msg == "Extra data"
            else error.msg.lower()
        )
        raise FeedError(
            _(
                "The feed is not valid JSON: %(what)s (line %(line)s, column %(column)s). Nothing was "
                "imported; ask the feed's publisher to fix it, or check the web address."
            )
            % {"what": what, "line": error.lineno, "column": error.colno}
        ) from None
    if isinstance(content, dict):
        wrapped = next(
            (content[k] for k in ("meetings", "data", "items") if isinstance(content.get(k), list)), None
        )
        if wrapped is None:
            raise FeedError(_("The feed is a JSON object, not a list of meetings; nothing was imported."))
        content = wrapped
    if not isinstance(content, list):
        raise FeedError(_("The feed is not a list of meetings; nothing was imported."))
    notes = []
    numbering = "0-6"
    days = [_raw_day_numbers(item.get("day")) for item in content if isinstance(item, dict)]
    mongo_export = any(isinstance(item, dict) and isinstance(item.get("_id"), dict) for item in content)
    if any(7 in numbers for numbers in days) or mongo_export:
        numbering = "1-7"
        notes.append(
            _(
                "This feed numbers days 1–7 (Monday = 1 … Sunday = 7), as the Online Intergroup of AA's "
                "Central export does, not 0–6 as the Meeting Guide specification says; its days were read "
                "that way."
            )
        )
    zones = {item.get("timezone") for item in content if isinstance(item, dict) and item.get("timezone")}
    if zones:
        notes.append(
            _("Meetings give their time zone (%(zones)s); times are kept as local times at the meeting.")
            % {"zones": ", ".join(sorted(zones))}
        )
    return Feed(meetings=content, numbering=numbering, notes=notes)


def _raw_day_numbers(value):
    values = value if isinstance(value, list) else [value]
    numbers = set()
    for item in values:
        if isinstance(item, bool):
            continue
        if isinstance(item, int):
            numbers.add(item)
        elif isinstance(item, str) and item.strip().isdigit():
            numbers.add(int(item.strip()))
    return numbers


# --- Normalising one meeting ----------------------------------------------------------------------------


@dataclass
class VenueData:
    key: str
    name: str
    address_1: str
    town: str
    county: str
    postcode: str
    country: str
    latitude: float | None
    longitude: float | None
    directions: str
    approximate: bool


@dataclass
class MeetingData:
    position: int
    label: str
    slug: str
    name: str
    group_key: str
    group_name: str
    group_notes: str
    weekdays: list  # our weekdays (Monday = 0); empty for "by arrangement"
    start_time: time | None
    end_time: time | None
    attendance: str  # Meeting.Attendance value, or "inactive"
    inactive_reason: str
    venue: VenueData | None
    types: list
    languages: list  # ISO 639 codes
    online_joining: str
    notes: str
    website: str
    updated: str
    contacts: list


def clean_text(value):
    """Plain text from a feed value: HTML tags dropped, entities decoded, spaces tidied."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    text = html.unescape(re.sub(r"<[^>]+>", " ", str(value)))
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.replace("\r", "").split("\n")]
    return "\n".join(line for line in lines if line).strip()


def normalised_name(value):
    """For matching: accents and punctuation gone, lower case, 'the' and a trailing 'group' dropped."""
    text = unicodedata.normalize("NFKD", clean_text(value)).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    text = re.sub(r" group$", "", text)
    return text


def withhold_passcodes(text):
    """Replace what looks like a passcode in free text by 'ask the group' (see the module docstring)."""

    def replace(match):
        value = match.group("value")
        if value.lower().strip(".:") in NOT_A_SECRET:
            return match.group(0)
        return f"{match.group('label')}{WITHHELD}"

    return SECRET_IN_TEXT.sub(replace, text or "")


def public_link(url):
    """A conference link without a passcode parameter."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in SECRET_URL_PARAMETERS
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def dial_number(phone):
    """The number to dial, without one-tap suffixes (',,123#' carry meeting ids and often passcodes)."""
    return re.split(r"[,;#*]", str(phone).strip(), maxsplit=1)[0].strip()


def parse_time(value):
    """'19:00', '7:00', '19:00:00', '8:00 PM', '8 pm' -> time; None when empty; ValueError when unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    match = TWELVE_HOUR.match(text)
    if match:
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if not 1 <= hour <= 12:
            raise ValueError(text)
        hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
        return time(hour, minute)
    match = TWENTY_FOUR_HOUR.match(text)
    if match:
        return time(int(match["h"]) % 24 if match["h"] == "24" else int(match["h"]), int(match["m"]))
    raise ValueError(text)


def parse_updated(value):
    """'2014-05-31 14:32:23' (the specification) or '8/25/2022 11:17:07 AM' (US locale) -> ISO text."""
    text = clean_text(value)
    for pattern in (
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %H:%M",
        "%Y-%m-%d",
    ):
        try:
            return datetime.strptime(text, pattern).isoformat(sep=" ")
        except ValueError:
            continue
    raise ValueError(text)


def our_weekday(number, numbering):
    """Meeting Guide's day (0 = Sunday … 6 = Saturday, or 1 = Monday … 7 = Sunday) -> ours (0 = Monday)."""
    if numbering == "1-7":
        if not 0 <= number <= 7:
            raise ValueError(number)
        return (number - 1) % 7  # 0 and 7 are both Sunday
    if not 0 <= number <= 6:
        raise ValueError(number)
    return (number - 1) % 7


def _float(value):
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number


def _country_code(value):
    text = clean_text(value)
    if text.lower() in COUNTRIES:
        return COUNTRIES[text.lower()]
    return text.upper() if len(text) == 2 and text.isalpha() else ""


def split_address(raw):
    """The parts of a venue's address from either the separate fields or one formatted address."""
    street, town = clean_text(raw.get("address")), clean_text(raw.get("city"))
    county, postcode = clean_text(raw.get("state")), clean_text(raw.get("postal_code"))
    country = _country_code(raw.get("country"))
    formatted = clean_text(raw.get("formatted_address"))
    if not formatted and street.count(",") >= 2 and not town:
        formatted, street = street, ""  # a spreadsheet export put the whole address in `address`
    if formatted and not (street and town):
        parts = [p.strip() for p in formatted.split(",") if p.strip()]
        if parts and _country_code(parts[-1]) and (len(parts[-1]) > 2 or len(parts) > 2):
            country = country or _country_code(parts.pop())
        if parts and POSTCODE_ALONE.match(parts[-1]) and len(parts) > 1:
            postcode = postcode or parts.pop()
        if parts and len(parts) > 1:
            state_zip = US_STATE_ZIP.match(parts[-1])
            if state_zip:
                parts.pop()
                county, postcode = county or state_zip["state"], postcode or state_zip["zip"]
            elif len(parts) > 2 and not any(ch.isdigit() for ch in parts[-1]):
                county = county or parts.pop()  # "…, Edmonton, Alberta"
        if parts:
            town = town or parts.pop()
        street = street or ", ".join(parts)
    if not country and postcode:
        if re.fullmatch(r"\d{5}(-\d{4})?", postcode):
            country = "US"
        elif re.fullmatch(r"[A-Z]\d[A-Z] ?\d[A-Z]\d", postcode.upper()):
            country = "CA"
        elif POSTCODE_ALONE.match(postcode):
            country = "GB"
    return street, town, county, postcode, country


def venue_key(raw, street, town, postcode):
    """The plugin's `location_id` when the feed has one; otherwise the normalised street, town, postcode."""
    if raw.get("location_id") not in (None, ""):
        return f"location-id:{raw['location_id']}"
    return "address:" + "|".join(normalised_name(part) for part in (street, town, postcode))


def group_key(raw, name, venue):
    """The group's identity in the feed: its `group_id` and/or `group` name when given, else the meeting's
    name at its address (so that 'Sunday Serenity' at two churches are two groups)."""
    group_name, group_id = clean_text(raw.get("group")), raw.get("group_id")
    if group_id in (None, "") and isinstance(raw.get("groupID"), dict):
        group_id = raw["groupID"].get("$oid")  # the Online Intergroup's MongoDB export
    if group_name or group_id not in (None, ""):
        return f"group:{group_id if group_id not in (None, '') else ''}:{normalised_name(group_name)}"
    where = venue.key if venue else "online"
    return f"meeting:{normalised_name(name)}@{where}"


def normalise_meeting(position, raw, numbering):
    """A MeetingData, or None with the problems that reject it. Returns (data, problems, warnings)."""
    problems, warnings = [], []
    if not isinstance(raw, dict):
        label = f"meeting {position}"
        return (
            None,
            [Problem(label, "", "", _("is not a meeting (expected an object with name and slug)"))],
            [],
        )
    slug = raw.get("slug")
    slug = str(slug).strip() if slug not in (None, "") and not isinstance(slug, (dict, list, bool)) else ""
    label = f"meeting {position} (slug {slug})" if slug else f"meeting {position}"

    def reject(field_name, reason):
        problems.append(Problem(label, slug, field_name, reason))

    def warn(field_name, reason):
        warnings.append(Problem(label, slug, field_name, reason, rejected=False))

    name = clean_text(raw.get("name"))
    if not slug:
        reject(
            "slug", _("has no slug, the meeting's identity in the feed, so it could not be kept up to date")
        )
    if not name:
        reject("name", _("has no name"))
    if len(slug) > 255:
        slug = "sha256:" + hashlib.sha256(slug.encode()).hexdigest()
    if len(name) > 200:
        warn("name", _("the name is longer than 200 characters and was shortened"))
        name = name[:199].rstrip() + "…"

    # When
    day_value = raw.get("day")
    day_items = day_value if isinstance(day_value, list) else [day_value]
    day_items = [d for d in day_items if d not in (None, "")]
    weekdays = []
    for item in day_items:
        try:
            if isinstance(item, bool):
                raise ValueError(item)
            weekdays.append(our_weekday(int(str(item).strip()), numbering))
        except ValueError:
            expected = "1–7" if numbering == "1-7" else "0–6 (Sunday = 0)"
            reject(
                "day",
                _("“%(value)s” is not a day: expected a number %(expected)s")
                % {"value": item, "expected": expected},
            )
    weekdays = sorted(set(weekdays))
    try:
        start_time = parse_time(raw.get("time"))
    except ValueError:
        start_time = None
        reject("time", _("“%(value)s” is not a time: expected 19:00 or 7:00 PM") % {"value": raw.get("time")})
    try:
        end_time = parse_time(raw.get("end_time"))
    except ValueError:
        end_time = None
        warn(
            "end_time",
            _("“%(value)s” is not a time; the end time was left out") % {"value": raw.get("end_time")},
        )
    if raw.get("duration") not in (None, "") and start_time and not end_time:
        minutes = int(_float(raw.get("duration")) or 0)
        total = start_time.hour * 60 + start_time.minute + minutes
        end_time = time(total // 60, total % 60) if 0 < minutes and total < 24 * 60 else None
    if start_time and end_time and end_time <= start_time:
        warn("end_time", _("the meeting ends after midnight or before it starts; the end time was left out"))
        end_time = None
    if day_items and start_time is None and not any(p.field == "time" for p in problems):
        reject(
            "time",
            _("has a day but no time; a weekly meeting needs both (a meeting by arrangement has neither)"),
        )
    if start_time is not None and not day_items:
        reject(
            "day",
            _("has a time but no day; a weekly meeting needs both (a meeting by arrangement has neither)"),
        )
    if not day_items and start_time is None:
        end_time = None

    # Where
    street, town, county, postcode, country = split_address(raw)
    latitude, longitude = _float(raw.get("latitude")), _float(raw.get("longitude"))
    if latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        latitude = longitude = None
    approximate = str(raw.get("approximate", "")).strip().lower() in ("yes", "true", "1")
    if not street and (town or postcode):
        approximate = True  # "Anytown, OK 12345, USA" is an area, not a place to meet
    venue = None
    if town:
        venue = VenueData(
            key=venue_key(raw, street, town, postcode),
            name=(clean_text(raw.get("location")) or street or town)[:200],
            address_1=street[:200],
            town=town[:100],
            county=county[:100],
            postcode=postcode[:10],
            country=country or "GB",
            latitude=latitude,
            longitude=longitude,
            directions=withhold_passcodes(clean_text(raw.get("location_notes"))),
            approximate=approximate,
        )

    # Types
    types = []
    raw_types = raw.get("types") or []
    if isinstance(raw_types, str):
        raw_types = raw_types.split(",")  # a spreadsheet export's "O, D"
    elif not isinstance(raw_types, list):
        warn("types", _("the types are not a list and were ignored"))
        raw_types = []
    for code in raw_types:
        code = str(code).strip() if code is not None else ""
        types.append(TYPE_ALIASES.get(code, code))
    type_set = set(types)

    # How people take part
    conference_url = clean_text(raw.get("conference_url"))
    if re.fullmatch(r"https?://\S+( +\S+)+", conference_url):
        warn("conference_url", _("the link had spaces in it; they were taken out"))
        conference_url = re.sub(r"\s+", "", conference_url)
    conference_phone = clean_text(raw.get("conference_phone"))
    if conference_url:
        try:
            URLValidator(schemes=["http", "https"])(conference_url)
        except ValidationError:
            warn(
                "conference_url",
                _("“%(value)s” is not a web address and was left out") % {"value": conference_url[:80]},
            )
            conference_url = ""
    option = clean_text(raw.get("attendance_option")).lower()
    can_join_remotely = bool(conference_url or conference_phone)
    has_place = venue is not None and not venue.approximate
    inactive_reason = ""
    if option == "inactive":
        inactive_reason = _("the feed marks it inactive")
    elif raw.get("archived") is True:
        inactive_reason = _("the feed marks it archived")
    elif option in ("in_person", "online", "hybrid"):
        attendance = option
    elif option:
        warn(
            "attendance_option",
            _("“%(value)s” is not a known attendance option; worked out from the other fields")
            % {"value": option},
        )
        option = ""
    if not option and not inactive_reason:
        if can_join_remotely:
            attendance = "hybrid" if has_place and codes.TEMPORARILY_CLOSED not in type_set else "online"
        elif codes.TEMPORARILY_CLOSED in type_set:
            inactive_reason = _("its location is temporarily closed and there is no way to join online")
        elif venue is not None and not has_place:
            inactive_reason = _("it has only an approximate address and no way to join online")
        else:
            attendance = "in_person"
    if inactive_reason:
        attendance = "inactive"
    elif attendance == "online" and not can_join_remotely:
        reject(
            "conference_url",
            _(
                "is online but has no link or phone number to join (the Meeting Guide specification treats "
                "such a meeting as not active)"
            ),
        )
    elif attendance == "online" and conference_phone and not conference_url:
        attendance = Meeting.Attendance.TELEPHONE.value
    elif attendance == "in_person" and venue is None and not option:
        reject(
            "formatted_address",
            _(
                "has neither an address with a town or city nor a link or phone number to join, so no one "
                "could find it"
            ),
        )
    elif attendance in ("in_person", "hybrid") and venue is None:
        reject("formatted_address", _("meets in person but has no address with a town or city"))
    elif attendance == "in_person" and venue is not None and venue.approximate and not street:
        reject("formatted_address", _("meets in person but gives only an area, not a place to meet"))

    joining = []
    if conference_url and attendance != "inactive":
        joining.append(f"Online: {public_link(conference_url)}")
        if clean_text(raw.get("conference_url_notes")):
            joining.append(withhold_passcodes(clean_text(raw.get("conference_url_notes"))))
    if conference_phone and attendance != "inactive":
        joining.append(f"Phone: {dial_number(conference_phone)}")
        if clean_text(raw.get("conference_phone_notes")):
            joining.append(withhold_passcodes(clean_text(raw.get("conference_phone_notes"))))
    online_joining = " · ".join(part.replace("\n", " ") for part in joining)
    if len(online_joining) > 300:
        warn("conference_url", _("the joining details are longer than 300 characters and were shortened"))
        online_joining = online_joining[:299].rstrip() + "…"

    described = [
        codes.type_name(code)
        for code in types
        if code not in HANDLED_TYPES
        and code not in ELIGIBILITY_TYPES
        and code not in codes.LANGUAGE_BY_TYPE
        and codes.type_name(code)
    ]
    unknown = [code for code in types if code and not codes.is_official(code) and code != RETIRED_ONLINE]
    notes_parts = []
    if described or unknown:
        notes_parts.append(", ".join(described + unknown) + ".")
    raw_notes = withhold_passcodes(clean_text(raw.get("notes")))
    if raw_notes:
        notes_parts.append(raw_notes.replace("\n", " "))
    notes = " ".join(notes_parts)
    if len(notes) > 300:
        warn("notes", _("the notes are longer than 300 characters and were shortened"))
        notes = notes[:299].rstrip() + "…"

    website = ""
    for candidate in (raw.get("website"), raw.get("url")):
        candidate = clean_text(candidate)
        try:
            URLValidator(schemes=["http", "https"])(candidate)
        except ValidationError:
            continue
        if len(candidate) <= 200:
            website = candidate
            break

    updated = ""
    if raw.get("updated") not in (None, ""):
        try:
            updated = parse_updated(raw.get("updated"))
        except ValueError:
            warn("updated", f"“{raw.get('updated')}” is not a date and time; ignored")

    contacts = []
    for n in (1, 2, 3):
        first_name = clean_text(raw.get(f"contact_{n}_name")).split(" ")[0][:60]
        for kind, value in (
            ("phone", raw.get(f"contact_{n}_phone")),
            ("email", raw.get(f"contact_{n}_email")),
        ):
            value = clean_text(value)
            if value:
                contacts.append({"kind": kind, "value": value[:300], "contact_name": first_name})

    if problems:
        return None, problems, warnings
    data = MeetingData(
        position=position,
        label=label,
        slug=slug,
        name=name,
        group_key="",
        group_name=(clean_text(raw.get("group")) or name)[:200],
        group_notes=withhold_passcodes(clean_text(raw.get("group_notes"))),
        weekdays=weekdays,
        start_time=start_time if weekdays else None,
        end_time=end_time if weekdays else None,
        attendance=attendance,
        inactive_reason=inactive_reason,
        venue=venue if attendance in ("in_person", "hybrid") else None,
        types=types,
        languages=sorted(
            {codes.LANGUAGE_BY_TYPE[c] for c in types if c in codes.LANGUAGE_BY_TYPE}
            | {
                code.strip().lower()
                for code in (raw.get("languages") if isinstance(raw.get("languages"), list) else [])
                if isinstance(code, str) and re.fullmatch(r"[A-Za-z]{2,3}", code.strip())
            }
        ),
        online_joining=online_joining,
        notes=notes,
        website=website,
        updated=updated,
        contacts=contacts,
    )
    data.group_key = group_key(raw, name, venue)
    return data, [], warnings


# --- Groups: what a group's meetings say about it --------------------------------------------------------


def group_fields(meetings, organisation_name):
    """Our group fields from the meetings of one group in the feed (types are per meeting, our fields per
    group: Open on any meeting makes the group open to family and friends; women/men only when every
    meeting says so; eligibility words and languages are the union)."""
    first = meetings[0]
    type_sets = [set(m.types) for m in meetings]
    union = set().union(*type_sets)
    gender = Group.Gender.ANYONE
    if all("W" in s for s in type_sets) and not any("M" in s for s in type_sets):
        gender = Group.Gender.WOMEN
    elif all("M" in s for s in type_sets) and not any("W" in s for s in type_sets):
        gender = Group.Gender.MEN
    eligibility = [codes.type_name(code) for code in ELIGIBILITY_TYPES if code in union]
    open_meetings = codes.OPEN in union
    description = next((m.group_notes for m in meetings if m.group_notes), "") or (
        f"{first.group_name}: meetings listed by {organisation_name} in its Meeting Guide feed."
    )
    return {
        "name": first.group_name,
        "description": description,
        "for_people_affected": True,
        "for_family_friends": open_meetings,
        "gender": gender,
        "eligibility_note": ", ".join(eligibility)[:300],
        "website": next((m.website for m in meetings if m.website), ""),
        "cost": Group.Cost.DONATION,
        "cost_note": "Meetings are free; members may give to the group's collection (7th Tradition).",
        "language_codes": sorted({code for m in meetings for code in m.languages}),
    }


def fingerprint(value):
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _group_local(group):
    return fingerprint(
        {
            "name": group.name,
            "description": group.description,
            "for_family_friends": group.for_family_friends,
            "gender": group.gender,
            "eligibility_note": group.eligibility_note,
            "website": group.website,
        }
    )


def _meeting_local(meeting):
    return fingerprint(
        {
            "weekday": meeting.weekday,
            "start_time": meeting.start_time,
            "end_time": meeting.end_time,
            "frequency": meeting.frequency,
            "attendance": meeting.attendance,
            "online_joining": meeting.online_joining,
            "notes": meeting.notes,
            "venue": str(meeting.venue_id or ""),
        }
    )


def _venue_local(venue):
    return fingerprint(
        {
            "name": venue.name,
            "address_1": venue.address_1,
            "town": venue.town,
            "postcode": venue.postcode,
            "step_free": venue.step_free,
            "accessible_toilet": venue.accessible_toilet,
        }
    )


# --- Writing ---------------------------------------------------------------------------------------------


class _Importer:
    def __init__(self, source, organisation, report, run, categories):
        self.source = source
        self.organisation = organisation
        self.report = report
        self.run = run
        self.categories = categories
        self.now = timezone.now()
        self.records = {
            (r.kind, r.external_id): r for r in source.records.select_related("group", "venue", "meeting")
        }
        self.seen = set()
        self.venues_done = {}
        self.name_index = None
        self.group_keys = {
            r.group_id: r.external_id for r in self.records.values() if r.kind == ImportedRecord.Kind.SERVICE
        }
        self.languages = {lang.code: lang for lang in Language.objects.all()}

    def record(self, kind, external_id):
        key = (kind, external_id[:255])
        self.seen.add(key)
        found = self.records.get(key)
        if found is None:
            found = ImportedRecord(source=self.source, kind=kind, external_id=external_id[:255])
            self.records[key] = found
        found.seen_at = self.now
        return found

    def conflict(self, record, group, fields, incoming_fingerprint, theirs, ours):
        """The feed changed something the group or staff also changed here: keep ours and ask staff, in
        the shape the staff conflicts page shows (one open conflict per record, brought up to date). The
        record keeps its old fingerprint, so the next import looks again and follows staff's decision."""
        self.report.add("conflicts_kept_ours")
        values = {
            "run": self.run,
            "group": group,
            "fields": fields,
            "incoming": _jsonable({"mg_fingerprint": incoming_fingerprint, **theirs}),
            "ours": _jsonable(ours),
        }
        found = ImportConflict.objects.filter(record=record, resolved_at__isnull=True).first()
        if found is None:
            ImportConflict.objects.create(record=record, **values)
        elif (found.fields, found.incoming, found.ours) != (
            values["fields"],
            values["incoming"],
            values["ours"],
        ):
            for name, value in values.items():
                setattr(found, name, value)
            found.save()
        record.save()

    def decision(self, record, incoming_fingerprint):
        """Staff's decision on a conflict about exactly this incoming version: kept ours, took theirs, or
        None when they have not decided (or the feed has changed again since)."""
        latest = (
            ImportConflict.objects.filter(record=record, resolved_at__isnull=False)
            .order_by("-resolved_at")
            .first()
        )
        if latest is not None and latest.incoming.get("mg_fingerprint") == incoming_fingerprint:
            return latest.resolution
        return None

    def edited_here(self, record, ours_now):
        """Our row no longer matches what the last import left (the group or staff changed it). A record
        whose conflict staff resolved carries the listing's fingerprint at that moment instead."""
        if not record.local_fingerprint or record.local_fingerprint == ours_now:
            return False
        group = record.group
        return group is None or record.local_fingerprint != listing_fingerprint(take_snapshot(group))

    # venues
    def venue_for(self, data, venue_flags):
        """Our venue for a place in the feed: made or updated once per run, from the first meeting there."""
        if data.key in self.venues_done:
            return self.venues_done[data.key]
        venue = self._venue(data, venue_flags)
        self.venues_done[data.key] = venue
        return venue

    def _venue(self, data, venue_flags):
        record = self.record(ImportedRecord.Kind.LOCATION, data.key)
        flags = venue_flags[data.key]
        incoming = {**asdict(data), **flags}
        venue = record.venue
        if venue is not None and record.fingerprint == fingerprint(incoming):
            return venue
        if venue is not None and record.local_fingerprint and record.local_fingerprint != _venue_local(venue):
            # Staff corrected the venue here (its name, address or access): what they know is kept.
            self.report.add("venues_kept_as_edited_here")
            record.fingerprint = fingerprint(incoming)
            record.save()
            return venue
        created = venue is None
        venue = venue or Venue()
        for name in ("name", "address_1", "town", "county", "postcode", "country", "latitude", "longitude"):
            setattr(venue, name, getattr(data, name))
        venue.directions = data.directions
        venue.step_free = flags["step_free"]
        venue.accessible_toilet = flags["accessible_toilet"]
        directory_services.save_venue(venue)
        self.report.add("venues_created" if created else "venues_updated")
        record.venue = venue
        record.fingerprint = fingerprint(incoming)
        record.local_fingerprint = _venue_local(venue)
        record.save()
        return venue

    # groups
    def group_for(self, key, meetings):
        from .federation import find_same_group, group_name_index

        record = self.record(ImportedRecord.Kind.SERVICE, key)
        fields = group_fields(meetings, self.organisation.name)
        incoming = fingerprint(fields)
        group = record.group
        if group is None and not record.pk:
            postcodes = {m.venue.postcode for m in meetings if m.venue and m.venue.postcode}
            websites = {m.website for m in meetings if m.website}
            if self.name_index is None:
                self.name_index = group_name_index(exclude_source=self.source)
            match = find_same_group(
                fields["name"],
                postcodes=postcodes,
                websites=websites,
                exclude_source=self.source,
                index=self.name_index,
            )
            if match is not None:
                record.group = match
                record.fingerprint = incoming
                record.local_fingerprint = ALSO_LISTED
                record.save()
                self.report.add("groups_already_listed_by_another_source")
                return match, False
        if group is not None and record.local_fingerprint == ALSO_LISTED:
            record.save()
            return group, False
        running = any(m.attendance != "inactive" for m in meetings)
        if group is not None and record.fingerprint == incoming:
            record.save()
            self.relist(group, running)
            return group, True
        decision = self.decision(record, incoming) if group is not None else None
        if decision == ImportConflict.Resolution.KEPT_OURS:
            record.fingerprint, record.local_fingerprint = incoming, _group_local(group)
            record.save()
            return group, True
        differing = [
            name
            for name in GROUP_CONFLICT_FIELDS
            if group is not None and getattr(group, name) != fields[name]
        ]
        if differing and decision is None and self.edited_here(record, _group_local(group)):
            theirs = {name: fields[name] for name in differing}
            self.conflict(
                record, group, differing, incoming, theirs, {n: getattr(group, n) for n in differing}
            )
            return group, True
        created = group is None
        if created:
            group = Group(organisation=self.organisation, group_type=Group.Type.SELF_HELP)
        for name, value in fields.items():
            if name != "language_codes" and not (name == "description" and not created):
                setattr(group, name, value)
        languages = [self.languages[c] for c in fields["language_codes"] if c in self.languages]
        missing = [c for c in fields["language_codes"] if c not in self.languages]
        if missing:
            self.report.add("languages_not_in_our_list", len(missing))
        directory_services.save_group(
            group, categories=self.categories if created else None, languages=languages
        )
        self.report.add("groups_created" if created else "groups_updated")
        self.report.changed_group_ids.add(group.pk)
        record.group = group
        record.organisation = self.organisation
        record.fingerprint = incoming
        record.local_fingerprint = _group_local(group)
        record.save()
        if created:
            for position, contact in enumerate(meetings[0].contacts):
                self._contact(group, position, contact)
        self.relist(group, running)
        return group, True

    def relist(self, group, running):
        """A group out of search that the feed lists again, with a meeting that runs, comes back: the feed
        listing it is a confirmation (recorded in its history as such)."""
        if group.lapsed and running:
            directory_services.confirm_group(group, reason=f"Listed again in {self.source.name}")
            self.report.add("groups_listed_again")
            self.report.changed_group_ids.add(group.pk)

    def _contact(self, group, position, contact):
        kind = ContactRoute.Kind.EMAIL if contact["kind"] == "email" else ContactRoute.Kind.PHONE
        route = ContactRoute(
            group=group,
            kind=kind,
            value=contact["value"],
            contact_name=contact["contact_name"],
            visibility=ContactRoute.Visibility.ON_REQUEST,  # a person's own number or email: not published
            position=position,
        )
        try:
            if kind == ContactRoute.Kind.EMAIL:
                EmailValidator()(route.value)
            directory_services.save_contact_route(route)
            self.report.add("contacts_kept_on_request")
        except ValidationError:
            self.report.add("contacts_not_usable")

    # meetings
    def meetings_for(self, data, group, owns_group, venue):
        ids = [data.slug] if len(data.weekdays) <= 1 else [f"{data.slug}@day{d}" for d in data.weekdays]
        days = data.weekdays or [None]
        for external_id, weekday in zip(ids, days, strict=True):
            record = self.record(ImportedRecord.Kind.MEETING, external_id)
            incoming = {
                **{
                    k: v
                    for k, v in asdict(data).items()
                    if k not in ("position", "label", "weekdays", "venue")
                },
                "weekday": weekday,
                "venue": data.venue.key if data.venue else "",
            }
            meeting = record.meeting
            record.group = group
            if data.attendance == "inactive":
                if meeting is not None and (
                    not record.local_fingerprint or record.local_fingerprint == _meeting_local(meeting)
                ):
                    directory_services.remove_meeting(meeting)
                    self.report.add("meetings_taken_off_timetable")
                    self.report.changed_group_ids.add(group.pk)
                record.meeting = None
                record.fingerprint = fingerprint(incoming)
                record.local_fingerprint = ""
                record.save()
                continue
            if meeting is not None and record.fingerprint == fingerprint(incoming):
                self.report.add("meetings_unchanged")
                record.save()
                continue
            decision = self.decision(record, fingerprint(incoming)) if meeting is not None else None
            if decision == ImportConflict.Resolution.KEPT_OURS:
                record.fingerprint, record.local_fingerprint = fingerprint(incoming), _meeting_local(meeting)
                record.save()
                continue
            if meeting is not None and decision is None and self.edited_here(record, _meeting_local(meeting)):
                theirs = {"meetings": _describe(data, weekday)}
                self.conflict(
                    record, group, ["meetings"], fingerprint(incoming), theirs, {"meetings": str(meeting)}
                )
                continue
            if meeting is None and not owns_group:
                meeting = group.meetings.filter(weekday=weekday, start_time=data.start_time).first()
                if meeting is not None:
                    record.meeting = meeting
                    record.fingerprint = fingerprint(incoming)
                    record.local_fingerprint = ALSO_LISTED
                    record.save()
                    self.report.add("meetings_already_listed")
                    continue
            if record.local_fingerprint == ALSO_LISTED:
                record.save()
                continue
            created = meeting is None
            meeting = meeting or Meeting(group=group)
            meeting.group = group
            meeting.venue = venue
            meeting.attendance = data.attendance
            meeting.frequency = (
                Meeting.Frequency.WEEKLY if weekday is not None else Meeting.Frequency.BY_ARRANGEMENT
            )
            meeting.weekday = weekday
            meeting.start_time = data.start_time
            meeting.end_time = data.end_time
            meeting.online_joining = data.online_joining
            meeting.notes = data.notes
            directory_services.save_meeting(meeting)
            self.report.add("meetings_created" if created else "meetings_updated")
            if weekday is None:
                self.report.add("meetings_by_arrangement")
            self.report.changed_group_ids.add(group.pk)
            record.meeting = meeting
            record.fingerprint = fingerprint(incoming)
            record.local_fingerprint = _meeting_local(meeting)
            record.save()

    def retire_missing(self):
        """What this source no longer lists. A group that has gone from the feed is taken out of search
        (lapsed: its page stays reachable by its link, marked, with its meetings as they were), never
        deleted. A meeting that has gone from a group still in the feed comes off the group's timetable,
        because a meeting that no longer happens must not send people to an empty room (its record stays).
        A group still in the feed with nothing left on its timetable (every meeting inactive) is lapsed."""
        for key, record in self.records.items():
            if key in self.seen or not record.pk or key[0] != ImportedRecord.Kind.MEETING:
                continue
            meeting = record.meeting
            group_seen = (ImportedRecord.Kind.SERVICE, self.group_keys.get(record.group_id, "")) in self.seen
            if meeting is not None and group_seen and record.local_fingerprint == _meeting_local(meeting):
                self.report.changed_group_ids.add(meeting.group_id)
                directory_services.remove_meeting(meeting)
                record.meeting = None
                record.save()
                self.report.add("meetings_no_longer_in_feed")
        for key, record in self.records.items():
            if key[0] != ImportedRecord.Kind.SERVICE or record.group is None or not record.pk:
                continue
            if record.local_fingerprint == ALSO_LISTED:
                continue  # another source (or staff) looks after that group's listing
            if key not in self.seen or not record.group.meetings.exists():
                self.lapse(record.group, gone=key not in self.seen)

    def lapse(self, group, gone):
        if directory_services.lapse_group(group):
            self.report.add(
                "groups_no_longer_in_feed_out_of_search" if gone else "groups_not_running_out_of_search"
            )
            self.report.changed_group_ids.add(group.pk)


def _describe(data, weekday):
    """How the feed has a meeting now, in the words our pages use."""
    meeting = Meeting(
        weekday=weekday,
        start_time=data.start_time,
        end_time=data.end_time,
        attendance=data.attendance,
        frequency=Meeting.Frequency.WEEKLY if weekday is not None else Meeting.Frequency.BY_ARRANGEMENT,
    )
    return f"{meeting.describe()} ({meeting.get_attendance_display()})"


def _jsonable(value):
    return json.loads(json.dumps(value, default=str))


def import_feed(
    location,
    organisation,
    *,
    source=None,
    dry_run=False,
    progress=None,
    categories=None,
    started_by=None,
    data=None,
):
    """Import the Meeting Guide feed at `location` (a path or URL) as meetings of groups run by
    `organisation`. Returns a MeetingGuideReport (its `changed_group_ids` are for the search index, which the
    caller updates: see `importer.reindex_imported`); raises FeedError when the feed cannot be read at all.
    `progress(total)`, when given, is called once with the number of meetings to write and returns a bar
    (tqdm) that is advanced meeting by meeting."""
    location = canonical_location(location)
    report = MeetingGuideReport(source=location, dry_run=dry_run)
    feed = parse_feed(data if data is not None else read_location(location))
    report.notes += feed.notes
    report.total = len(feed.meetings)
    accepted = []
    slugs = {}
    for position, raw in enumerate(feed.meetings, start=1):
        data_, problems, warnings = normalise_meeting(position, raw, feed.numbering)
        report.warnings += warnings
        if data_ is not None and data_.slug in slugs:
            problems = [
                Problem(
                    data_.label,
                    data_.slug,
                    "slug",
                    _("the same slug as meeting %(n)s; slugs must be unique") % {"n": slugs[data_.slug]},
                )
            ]
            data_ = None
        report.problems += problems
        if data_ is None:
            report.add("meetings_rejected")
            continue
        slugs[data_.slug] = position
        for code in data_.types:
            if not codes.is_official(code) and code != RETIRED_ONLINE:
                report.unknown_types[code] = report.unknown_types.get(code, 0) + 1
        if RETIRED_ONLINE in data_.types:
            report.add("meetings_with_retired_ONL_type")
        if data_.attendance == "inactive":
            report.add("meetings_not_running_not_listed")
        accepted.append(data_)
    aliased = {}
    for raw in feed.meetings:
        for code in (
            (raw.get("types") or []) if isinstance(raw, dict) and isinstance(raw.get("types"), list) else []
        ):
            if code in TYPE_ALIASES:
                aliased[code] = aliased.get(code, 0) + 1
    for code, n in sorted(aliased.items()):
        report.notes.append(
            _("The type code %(code)s (×%(n)s) is not official; it was read as %(official)s.")
            % {"code": code, "n": n, "official": TYPE_ALIASES[code]}
        )
    entity = feed_entity(feed.meetings)
    if entity:
        report.notes.append(_("The feed says it is published by %(entity)s.") % {"entity": entity})

    # Venue flags are shared by every meeting at the venue: a feature on any meeting marks the venue.
    venue_flags = {}
    for m in accepted:
        if m.venue:
            flags = venue_flags.setdefault(m.venue.key, {"step_free": False, "accessible_toilet": False})
            flags["step_free"] |= codes.WHEELCHAIR_ACCESS in m.types
            flags["accessible_toilet"] |= codes.WHEELCHAIR_BATHROOM in m.types
    groups = {}
    for m in accepted:
        groups.setdefault(m.group_key, []).append(m)

    with transaction.atomic(), directory_services.deferred_indexing() as changed:
        if organisation._state.adding:
            directory_services.save_organisation(organisation)
        if source is None:
            source = source_for(location, organisation)
        run = ImportRun.objects.create(source=source, dry_run=dry_run, started_by=started_by)
        importer = _Importer(source, organisation, report, run, categories or [])
        bar = progress(len(accepted)) if progress else None
        for key, meetings in groups.items():
            listed = [m for m in meetings if m.attendance != "inactive"]
            group, owns = importer.group_for(key, listed or meetings)
            for m in meetings:
                venue = importer.venue_for(m.venue, venue_flags) if m.venue else None
                importer.meetings_for(m, group, owns, venue)
                if bar is not None:
                    bar.update(1)
        if feed.meetings:
            importer.retire_missing()
        elif importer.records:
            # A feed that suddenly lists nothing is more likely broken than empty: nothing is retired.
            report.notes.append(_("The feed lists no meetings; nothing was taken out of search."))
        if bar is not None:
            bar.close()
        run.finished_at = timezone.now()
        run.counts = {**report.counts, "total": report.total, "rejected": report.rejected}
        run.problems = [asdict(p) for p in report.problems]
        run.summary = report.as_text()
        run.ok = report.ok
        run.save()
        source.last_run_at = run.finished_at
        source.last_status = _status_line(report)[:200]
        source.save(update_fields=["last_run_at", "last_status"])
        if dry_run:
            transaction.set_rollback(True)
    # The search index is brought up to date by the caller, outside the transaction and timed on its own
    # (`importer.reindex_imported(report)`), as for HSDS imports.
    report.changed_group_ids = set() if dry_run else set(changed) | report.changed_group_ids
    return report


def _status_line(report):
    return _("%(total)s meetings: %(new)s new, %(updated)s updated, %(rejected)s rejected") % {
        "total": report.total,
        "new": report.counts.get("meetings_created", 0),
        "updated": report.counts.get("meetings_updated", 0),
        "rejected": report.rejected,
    }


def feed_entity(meetings):
    for raw in meetings:
        if isinstance(raw, dict) and clean_text(raw.get("entity")):
            website = clean_text(raw.get("entity_website_url") or raw.get("entity_url"))
            return clean_text(raw.get("entity")) + (f" ({website})" if website else "")
    return ""


def canonical_location(location):
    """A web address as given; a file as its absolute path, so that importing it again from another folder
    finds the same source (and so the same records)."""
    location = str(location)
    if urlsplit(location).scheme in ("http", "https", "file"):
        return location
    return str(Path(location).resolve())


def source_for(location, organisation):
    """The Source for a feed location (made on first import), so that re-imports find their records."""
    location = str(location)
    found = Source.objects.filter(kind=Source.Kind.MEETING_GUIDE, location=location).first()
    if found:
        return found
    base = f"{organisation.name} meetings ({Path(urlsplit(location).path).name or location})"[:190]
    name, n = base, 2
    while Source.objects.filter(name=name).exists():
        name, n = f"{base} {n}", n + 1
    return Source.objects.create(
        name=name, kind=Source.Kind.MEETING_GUIDE, location=location, organisation=organisation
    )
