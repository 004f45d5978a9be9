"""Federation: staff subscribe to another directory's HSDS API or file, or to a Meeting Guide feed, and its
records are refreshed on a schedule (`twoworlds refresh_subscriptions`, or the `refresh_subscriptions`
task), marked with their source, and recognised when they are already listed.

The same group from two sources is shown once. The matching rule, in plain words:

    Two records are the same group when their names are the same once normalised (case, accents,
    punctuation, a leading "The" and a trailing "Group" ignored) AND they share at least one concrete
    detail: a meeting place with the same postcode, the same website (ignoring http/https, "www." and a
    trailing slash), the same email address, or the same phone number (the last ten digits). A name alone
    is never enough, and neither is a shared detail alone (a church hall hosts many groups; a national
    charity's number is on many listings).

The first source to list a group (or staff, for a group made here) looks after its details; a second source
that lists the same group gets its own `ImportedRecord` pointing at the same group, marked
`ALSO_LISTED`, and never changes the group's own fields. Staff see every source of a group on the
subscriptions pages and in the admin.

When a refresh no longer finds a group that a source listed, the group is taken out of search (lapsed: its
page stays reachable by its link and says it may be out of date), never deleted; it comes back when the
source lists it again.
"""

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as clock
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twoworlds.directory import services as directory_services
from twoworlds.directory.models import ContactRoute, Group, normalise_postcode

from . import meeting_guide_import
from .importer import ImportFailed, import_services, reindex_imported
from .meeting_guide_import import ALSO_LISTED, FeedError, normalised_name, read_location
from .models import ImportedRecord, Source

log = logging.getLogger(__name__)

PER_PAGE = 100
MAX_PAGES = 1000


def normalised_website(value):
    parts = urlsplit(str(value or "").strip().lower())
    host = parts.netloc.removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else ""


def phone_digits(value):
    digits = re.sub(r"\D", "", str(value or ""))
    return digits[-10:] if len(digits) >= 6 else ""


def group_name_index(exclude_source=None):
    """{normalised name: [group ids]} of the groups a record could match (not closed; not already recorded
    from `exclude_source`). Built once per run, so matching costs one query per name that matches."""
    groups = Group.objects.exclude(status=Group.Status.CLOSED)
    if exclude_source is not None:
        groups = groups.exclude(imported_records__source=exclude_source)
    index = {}
    for pk, name in groups.values_list("pk", "name").order_by("created_at", "pk"):
        index.setdefault(normalised_name(name), []).append(pk)
    return index


def find_same_group(
    name, *, postcodes=(), websites=(), emails=(), phones=(), exclude_source=None, index=None
):
    """The group already in the directory that this record describes, by the rule in the module docstring,
    or None. Groups this source already recorded are left out (a source does not match itself). `index`
    (from `group_name_index`) saves a query per record in a long run."""
    wanted = normalised_name(name)
    postcodes = {normalise_postcode(p) for p in postcodes if p}
    websites = {normalised_website(w) for w in websites if normalised_website(w)}
    emails = {e.strip().lower() for e in emails if e and e.strip()}
    phones = {phone_digits(p) for p in phones if phone_digits(p)}
    if not wanted or not (postcodes or websites or emails or phones):
        return None
    if index is None:
        index = group_name_index(exclude_source)
    ids = index.get(wanted)
    if not ids:
        return None
    candidates = Group.objects.filter(pk__in=ids).prefetch_related("meetings__venue", "contact_routes")
    if exclude_source is not None:
        candidates = candidates.exclude(imported_records__source=exclude_source)
    for group in sorted(candidates, key=lambda g: ids.index(g.pk)):
        if _shares_a_detail(group, postcodes, websites, emails, phones):
            return group
    return None


def _shares_a_detail(group, postcodes, websites, emails, phones):
    if postcodes & {
        normalise_postcode(m.venue.postcode) for m in group.meetings.all() if m.venue and m.venue.postcode
    }:
        return True
    routes = list(group.contact_routes.all())
    their_websites = {normalised_website(group.website)} | {
        normalised_website(r.value) for r in routes if r.kind == ContactRoute.Kind.WEBSITE
    }
    if websites & (their_websites - {""}):
        return True
    if emails & {r.value.strip().lower() for r in routes if r.kind == ContactRoute.Kind.EMAIL}:
        return True
    their_phones = {
        phone_digits(r.value) for r in routes if r.kind in (ContactRoute.Kind.PHONE, ContactRoute.Kind.TEXT)
    }
    return bool(phones & (their_phones - {""}))


def sources_of(group):
    """Every source that lists this group, first (the one that looks after it) first."""
    records = (
        ImportedRecord.objects.filter(group=group, kind=ImportedRecord.Kind.SERVICE)
        .select_related("source")
        .order_by("imported_at", "pk")
    )
    seen, result = set(), []
    for record in records:
        if record.source_id not in seen:
            seen.add(record.source_id)
            result.append({"source": record.source, "also_listed": record.local_fingerprint == ALSO_LISTED})
    return result


# --- Refreshing a subscription ---------------------------------------------------------------------------


@dataclass
class RefreshResult:
    """What one refresh of one source did, in words for staff and as numbers."""

    source: Source
    ok: bool = True
    summary: str = ""
    counts: dict = field(default_factory=dict)
    report: object = None

    def as_dict(self):
        return {"source": self.source.name, "ok": self.ok, "summary": self.summary, "counts": self.counts}


def refresh_source(source, *, user=None):
    """Fetch the source again and bring its records up to date (one transaction per source). Never raises
    for a bad feed or an unreachable server: the result and `source.last_status` say what happened."""
    try:
        if source.kind == Source.Kind.MEETING_GUIDE:
            result = _refresh_meeting_guide(source, user)
        else:
            result = _refresh_hsds(source, user)
    except (FeedError, ImportFailed) as error:
        result = RefreshResult(
            source, ok=False, summary=_("Failed, nothing changed: %(error)s") % {"error": error}
        )
    except Exception as error:  # a refresh runs unattended: record the failure, go on with the next source
        log.exception("Refreshing %s failed", source)
        result = RefreshResult(
            source,
            ok=False,
            summary=_("Failed, nothing changed: an unexpected error (%(kind)s)")
            % {"kind": type(error).__name__},
        )
    if not result.ok and result.report is None:
        Source.objects.filter(pk=source.pk).update(
            last_run_at=timezone.now(), last_status=result.summary[:200]
        )
    source.refresh_from_db()
    return result


def _refresh_meeting_guide(source, user):
    if source.organisation is None:
        raise FeedError(_("a Meeting Guide subscription needs the organisation that runs its meetings"))
    # New groups join the issues the source's earlier groups are listed under.
    categories = list(
        {
            category
            for record in source.records.filter(kind=ImportedRecord.Kind.SERVICE).exclude(group=None)[:50]
            for category in record.group.categories.all()
        }
    )
    report = meeting_guide_import.import_feed(
        source.location, source.organisation, source=source, categories=categories, started_by=user
    )
    reindex_imported(report)
    return RefreshResult(
        source, ok=report.ok, summary=source.last_status, counts=dict(report.counts), report=report
    )


def _refresh_hsds(source, user):
    if source.kind == Source.Kind.HSDS_API:
        services = api_services(source.location)
    else:
        from .readers import open_input

        services = open_input(source.location).services
    services = list(services)  # fetched in full first: a server that fails half-way changes nothing
    ids = {str(item.get("id")) for _position, item in services if isinstance(item, dict) and item.get("id")}
    known = {
        r.external_id: r for r in source.records.filter(kind=ImportedRecord.Kind.SERVICE, external_id__in=ids)
    }
    index = group_name_index(exclude_source=source)
    to_import, also_listed = [], []
    for position, item in services:
        sid = str(item.get("id")) if isinstance(item, dict) and item.get("id") else ""
        record = known.get(sid)
        if record is not None and record.local_fingerprint == ALSO_LISTED:
            also_listed.append((sid, record.group))
            continue
        if record is None and sid:
            match = find_same_group(
                item.get("name"), exclude_source=source, index=index, **service_details(item)
            )
            if match is not None:
                also_listed.append((sid, match))
                continue
        to_import.append((position, item))
    report = import_services(source, to_import, user=user)
    source.refresh_from_db()
    if report.error:
        return RefreshResult(source, ok=False, summary=source.last_status, report=report)
    with transaction.atomic():
        now = timezone.now()
        for sid, group in also_listed:
            ImportedRecord.objects.update_or_create(
                source=source,
                kind=ImportedRecord.Kind.SERVICE,
                external_id=sid,
                defaults={"group": group, "local_fingerprint": ALSO_LISTED, "seen_at": now},
            )
        lapsed, relisted = _follow_the_source(source, ids, report)
    reindex_imported(report)
    counts = {**report.counts_dict(), "already_listed_by_another_source": len(also_listed)}
    counts.update(out_of_search=lapsed, listed_again=relisted)
    summary = source.last_status
    if also_listed or lapsed or relisted:
        summary = _(
            "%(summary)s; %(also)s already listed from elsewhere, %(lapsed)s out of search, %(relisted)s "
            "listed again"
        ) % {"summary": summary, "also": len(also_listed), "lapsed": lapsed, "relisted": relisted}
        Source.objects.filter(pk=source.pk).update(last_status=summary[:200])
    return RefreshResult(source, ok=report.ok, summary=summary, counts=counts, report=report)


def _follow_the_source(source, ids, report):
    """Groups this source looks after and no longer lists are taken out of search (lapsed; never
    deleted); lapsed ones it lists again come back. A source that suddenly lists nothing at all is more
    likely broken than empty: then nothing is taken out of search."""
    lapsed = relisted = 0
    if not ids:
        return lapsed, relisted
    records = (
        source.records.filter(kind=ImportedRecord.Kind.SERVICE).exclude(group=None).select_related("group")
    )
    for record in records.exclude(local_fingerprint=ALSO_LISTED):
        group = record.group
        if record.external_id not in ids:
            if directory_services.lapse_group(group):
                lapsed += 1
                report.changed_group_ids.add(group.pk)
        elif group.lapsed:
            directory_services.confirm_group(
                group, reason=_("Listed again by %(source)s") % {"source": source.name}
            )
            relisted += 1
            report.changed_group_ids.add(group.pk)
    return lapsed, relisted


def service_details(service):
    """The concrete details of an HSDS service used to recognise it (see the matching rule above)."""
    postcodes, emails, phones = set(), set(), set()
    websites = {service.get("url")} if isinstance(service.get("url"), str) else set()
    if isinstance(service.get("email"), str):
        emails.add(service["email"])
    for phone in service.get("phones") or []:
        if isinstance(phone, dict) and phone.get("number"):
            phones.add(str(phone["number"]))
    for contact in service.get("contacts") or []:
        if isinstance(contact, dict) and isinstance(contact.get("email"), str):
            emails.add(contact["email"])

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("postal_code"), str):
                postcodes.add(value["postal_code"])
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(service.get("service_at_locations"))
    walk(service.get("locations"))
    return {"postcodes": postcodes, "websites": websites, "emails": emails, "phones": phones}


def services_url(location):
    """The /services address of an HSDS API given its base address or the /services address itself."""
    parts = urlsplit(location.strip())
    path = parts.path.rstrip("/")
    if not path.endswith("/services"):
        path = f"{path}/services"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def api_services(location, per_page=PER_PAGE):
    """(position, service) for every service of an HSDS API, page by page (`?page=N&per_page=…`) until
    `total_pages`. Servers are taken as they are: the count a page claims is not trusted (one claims 31
    items and holds 128), a service served again on a later page is read once, and a server that ignores
    `page` (the same services on every page) is read once, not forever."""
    base = services_url(location)
    parts = urlsplit(base)
    query = dict(parse_qsl(parts.query))
    seen, page = set(), 1
    while page <= MAX_PAGES:
        query.update(page=str(page), per_page=str(per_page))
        url = urlunsplit(parts._replace(query=urlencode(query)))
        try:
            data = json.loads(read_location(url))
        except FeedError as error:
            raise ImportFailed(str(error)) from None
        except ValueError:
            raise ImportFailed(
                _("page %(page)s of %(url)s is not JSON") % {"page": page, "url": base}
            ) from None
        if isinstance(data, list):
            contents, total_pages = data, 1
        elif isinstance(data, dict) and isinstance(data.get("contents"), list):
            contents, total_pages = data["contents"], _int(data.get("total_pages"), 1)
        else:
            raise ImportFailed(
                _("page %(page)s of %(url)s is not a page of HSDS services") % {"page": page, "url": base}
            )
        page_ids, new = set(), 0
        for n, item in enumerate(contents, start=1):
            sid = str(item.get("id")) if isinstance(item, dict) and item.get("id") is not None else None
            if sid is not None and sid in seen:
                continue
            if sid is not None:
                page_ids.add(sid)
            new += 1
            yield f"page {page} item {n} of {base}", item
        seen |= page_ids
        if page >= total_pages or not contents or not new:
            return
        page += 1
    raise ImportFailed(_("%(url)s has more than %(n)s pages; stopped") % {"url": base, "n": MAX_PAGES})


def _int(value, default):
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return default


# --- The schedule ----------------------------------------------------------------------------------------


def is_due(source, now):
    return source.last_run_at is None or source.last_run_at + timedelta(hours=source.refresh_hours) <= now


@dataclass
class RefreshRound:
    now: datetime
    dry_run: bool
    due: list = field(default_factory=list)
    results: list = field(default_factory=list)

    def as_dict(self):
        return {
            "now": self.now.isoformat(),
            "dry_run": self.dry_run,
            "due": [source.name for source in self.due],
            "results": [result.as_dict() for result in self.results],
        }

    def as_text(self):
        if not self.due:
            return _("No subscription is due for a refresh.")
        if self.dry_run:
            return (
                _("Due for a refresh (nothing fetched):")
                + "\n"
                + "\n".join(f"  - {s.name}" for s in self.due)
            )
        lines = [_("Refreshed %(n)s subscriptions:") % {"n": len(self.results)}]
        for result in self.results:
            outcome = _("ok") if result.ok else _("problems")
            lines.append(f"  - {result.source.name}: {outcome}: {result.summary}")
        return "\n".join(lines)


def refresh_due_sources(now=None, *, dry_run=False):
    """Refresh every subscribed source whose refresh interval has passed. Safe to run as often as you like:
    a source refreshed within its interval is left alone."""
    now = now or timezone.now()
    due = [
        source for source in Source.objects.filter(subscribed=True).order_by("name") if is_due(source, now)
    ]
    round_ = RefreshRound(now=now, dry_run=dry_run, due=due)
    if not dry_run:
        round_.results = [refresh_source(source) for source in due]
    return round_


def moment_of(day):
    """The end of `day` in the site's time zone, for a command run with --today."""
    if day is None:
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, clock(23, 59)))
