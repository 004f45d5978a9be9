"""Putting people in touch: the rules. Views stay small and call these.

- Asking: `can_ask(group)`, `make_request(group, details, agency=None, made_by=None)` -> (request, token).
  The group's contacts get an email with no personal details; the token (never stored, only its SHA-256)
  makes the person's withdraw link, `withdraw_path(token)`; `withdraw(token)` deletes the request at once.
- Reading: `reveal_for(request, user)` decrypts for one of the group's own contacts and logs the read;
  `close(request, user, outcome)` marks it "in touch" or "could not reach", which schedules its deletion.
- Professionals: `is_professional(user)`, `agencies_of(user)`, `counts_for_agency(agency)` (counts only).
- Staff: `overview()` (counts and states per group, never contents).
- Deletion: `purge(today=None, dry_run=False)` deletes requests past their date and reminds groups once
  before an unclosed request goes. Run daily (tasks.purge_contact_requests or the command).
- Keys: `rotate_keys()` re-encrypts every request with the newest key (see crypto.py).

Nothing here writes what a person typed to a log, an email or an unencrypted column."""

import hashlib
import logging
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from twoworlds.accounts.emails import send_templated_email
from twoworlds.accounts.services import agencies_of, is_professional  # noqa: F401  (re-exported)
from twoworlds.directory.models import Category, Group
from twoworlds.listings.services import contact_addresses, is_contact

from . import crypto
from .models import ContactRequest, ContactRequestAccess, ContactTally

log = logging.getLogger(__name__)

State = ContactRequest.State
Action = ContactRequestAccess.Action


# --- dates --------------------------------------------------------------------------------------------------


def _day(moment):
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


def purge_date_unclosed(created_at):
    """The latest a request stays when nobody closes it: CONTACT_PURGE_UNOPENED_DAYS after it arrived."""
    return _day(created_at) + timedelta(days=settings.CONTACT_PURGE_UNOPENED_DAYS)


def purge_date_closed(closed_at):
    return _day(closed_at) + timedelta(days=settings.CONTACT_PURGE_CLOSED_DAYS)


def _site_url(path):
    return settings.SITE_URL.rstrip("/") + path


# --- who -------------------------------------------------------------------------------------------------


def can_ask(group):
    """Whether people can ask this group to contact them here: it is listed (not closed, not lapsed) and has
    someone looking after it who can read the request."""
    if group.status == Group.Status.CLOSED or group.lapsed:
        return False
    return bool(contact_addresses(group))


# --- asking -------------------------------------------------------------------------------------------------


def _token_hash(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def withdraw_path(token):
    return reverse("contact:withdraw", args=[token])


def _count(group, agency, moment):
    month = _day(moment).replace(day=1)
    tallies = ContactTally.objects.filter(month=month, group=group)
    tallies = tallies.filter(agency=agency) if agency else tallies.filter(agency__isnull=True)
    if not tallies.update(count=F("count") + 1):
        ContactTally.objects.create(month=month, group=group, agency=agency, count=1)


def make_request(group, details, *, agency=None, made_by=None, now=None):
    """Store a request to be contacted (encrypted) and tell the group's contacts, without any details.
    Returns (request, withdraw token): the token is never stored, so show it to the person now.

    With `agency`, `made_by` must be one of its active professionals (the person is with them and agrees)."""
    if not can_ask(group):
        raise ValidationError(_("This group cannot take requests to get in touch through this site."))
    if agency is not None and agency not in agencies_of(made_by):
        raise PermissionDenied
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        contact_request = ContactRequest(
            group=group,
            created_at=now,
            agency=agency,
            made_by=made_by if agency else None,
            purge_after=purge_date_unclosed(now),
            withdraw_token_hash=_token_hash(token),
        )
        contact_request.seal(details)
        contact_request.save()
        _count(group, agency, now)
        transaction.on_commit(lambda: notify_group(contact_request))
    log.info(
        "Contact request %s for group %s made%s",
        contact_request.pk,
        group.pk,
        f" through agency {agency.pk}" if agency else "",
    )
    return contact_request, token


def _send(template, context, to):
    """Send one plain-text email; a failure is logged (without contents) and reported as False."""
    try:
        send_templated_email(template, context, [to])
    except Exception:  # noqa: BLE001 - mail trouble must not lose a request that is already saved
        log.exception("Could not send %s", template)
        return False
    return True


def _email_context(group, **extra):
    return {
        "group_name": group.name,
        "site_name": settings.SITE_NAME,
        "site_operator": settings.SITE_OPERATOR,
        **extra,
    }


def notify_group(contact_request):
    """Tell each of the group's contacts that someone asked: no name, no details, just where to read it."""
    group = contact_request.group
    context = _email_context(group, inbox_url=_site_url(reverse("contact:inbox", args=[group.slug])))
    sent = sum(_send("contact/email/new_request", context, address) for address in contact_addresses(group))
    log.info("Contact request %s: %d contact(s) told", contact_request.pk, sent)
    return sent


def send_withdraw_link(email, group, token):
    """The person's own copy of the withdraw link: the link and the group's name, nothing else."""
    context = _email_context(group, withdraw_url=_site_url(withdraw_path(token)))
    return _send("contact/email/withdraw_link", context, email)


def find_by_token(token):
    if not token or len(token) > 100:
        return None
    return (
        ContactRequest.objects.select_related("group").filter(withdraw_token_hash=_token_hash(token)).first()
    )


def withdraw(token):
    """Delete the request at once (a real DELETE). Returns whether there was one."""
    found = find_by_token(token)
    if not found:
        return False
    number = found.pk
    found.delete()
    log.info("Contact request %s withdrawn by the person and deleted", number)
    return True


# --- the group's side ---------------------------------------------------------------------------------------


def requests_for(group):
    """The group's requests, without their encrypted columns (nothing is decrypted for a list)."""
    return (
        ContactRequest.objects.filter(group=group)
        .defer(*ContactRequest.SEALED_FIELDS)
        .select_related("agency")
        .order_by("-created_at", "-pk")
    )


def open_count(group):
    return ContactRequest.objects.filter(group=group, state__in=ContactRequest.OPEN_STATES).count()


def _log_access(contact_request, user, action):
    ContactRequestAccess.objects.create(
        request=contact_request,
        request_number=contact_request.pk,
        group_id=contact_request.group_id,
        user=user,
        action=action,
    )
    log.info("Contact request %s: %s by user %s", contact_request.pk, action, user.pk)


def reveal_for(contact_request, user):
    """The details, for one of the group's own contacts only. Logs the read (who, when, which request) and
    marks a new request as read."""
    if not is_contact(user, contact_request.group):
        raise PermissionDenied
    details = contact_request.reveal()
    now = timezone.now()
    with transaction.atomic():
        _log_access(contact_request, user, Action.VIEWED)
        if ContactRequest.objects.filter(pk=contact_request.pk, state=State.NEW).update(
            state=State.OPENED, opened_at=now
        ):
            contact_request.state, contact_request.opened_at = State.OPENED, now
    return details


CLOSING = {State.CONTACTED: Action.MARKED_CONTACTED, State.COULD_NOT_REACH: Action.MARKED_COULD_NOT_REACH}


def close(contact_request, user, outcome):
    """Mark a request "in touch" or "could not reach". The first time, it is scheduled for deletion
    CONTACT_PURGE_CLOSED_DAYS later; marking it again only corrects the outcome."""
    if outcome not in CLOSING:
        raise ValueError(outcome)
    if not is_contact(user, contact_request.group):
        raise PermissionDenied
    now = timezone.now()
    with transaction.atomic():
        contact_request = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
        contact_request.state = outcome
        if not contact_request.opened_at:
            contact_request.opened_at = now
        if not contact_request.closed_at:
            contact_request.closed_at = now
            contact_request.purge_after = purge_date_closed(now)
        contact_request.save(update_fields=["state", "opened_at", "closed_at", "purge_after"])
        _log_access(contact_request, user, CLOSING[outcome])
    return contact_request


# --- counts -------------------------------------------------------------------------------------------------


@dataclass
class CategoryCount:
    name: str
    this_month: int = 0
    all_time: int = 0


@dataclass
class AgencyCounts:
    agency: object
    month: date
    this_month: int = 0
    all_time: int = 0
    by_category: list = field(default_factory=list)


def _first_level_categories(group_ids):
    """{group id: [first-level category names]}."""
    result = defaultdict(set)
    links = Group.categories.through.objects.filter(group_id__in=group_ids).values_list(
        "group_id", "category_id"
    )
    categories = {c.pk: c for c in Category.objects.select_related("parent")}
    for group_id, category_id in links:
        category = categories.get(category_id)
        if category is not None:
            result[group_id].add((category.parent or category).name)
    return {group_id: sorted(names) for group_id, names in result.items()}


def counts_for_agency(agency, today=None):
    """How many people this agency put in touch with groups, this month and in all, in total and by the
    groups' issues (first-level categories; a group about two issues counts under both). Counts only: the
    requests themselves are never shown to the agency, and the counts outlive them."""
    today = today or timezone.localdate()
    month = today.replace(day=1)
    rows = list(
        ContactTally.objects.filter(agency=agency)
        .values("group_id", "month")
        .annotate(people=Sum("count"))
        .order_by()
    )
    counts = AgencyCounts(agency=agency, month=month)
    categories = _first_level_categories({row["group_id"] for row in rows if row["group_id"]})
    by_name = {}
    for row in rows:
        current = row["month"] == month
        counts.all_time += row["people"]
        counts.this_month += row["people"] if current else 0
        for name in categories.get(row["group_id"], [_("Groups no longer listed")]):
            item = by_name.setdefault(name, CategoryCount(name))
            item.all_time += row["people"]
            item.this_month += row["people"] if current else 0
    counts.by_category = sorted(by_name.values(), key=lambda item: (-item.all_time, item.name))
    return counts


@dataclass
class GroupOverview:
    group: object
    new: int = 0
    opened: int = 0
    closed: int = 0
    purge_soon: int = 0
    all_time: int = 0

    @property
    def waiting(self):
        return self.new + self.opened


def overview(today=None):
    """For staff: per group, how many requests are new, read, closed and about to be deleted, and how many
    people asked in all. States and counts only, never contents."""
    today = today or timezone.localdate()
    soon = today + timedelta(days=settings.CONTACT_REMINDER_BEFORE_DAYS)
    live = (
        ContactRequest.objects.values("group_id")
        .annotate(
            new=Count("pk", filter=Q(state=State.NEW)),
            opened=Count("pk", filter=Q(state=State.OPENED)),
            closed=Count("pk", filter=Q(state__in=ContactRequest.CLOSED_STATES)),
            purge_soon=Count("pk", filter=Q(purge_after__lte=soon)),
        )
        .order_by()
    )
    totals = (
        ContactTally.objects.filter(group__isnull=False)
        .values("group_id")
        .annotate(people=Sum("count"))
        .order_by()
    )
    rows = {}
    for row in live:
        rows[row["group_id"]] = GroupOverview(
            group=None,
            new=row["new"],
            opened=row["opened"],
            closed=row["closed"],
            purge_soon=row["purge_soon"],
        )
    for row in totals:
        rows.setdefault(row["group_id"], GroupOverview(group=None)).all_time = row["people"]
    groups = Group.objects.in_bulk(list(rows))
    result = []
    for group_id, row in rows.items():
        row.group = groups.get(group_id)
        if row.group is not None:
            result.append(row)
    return sorted(result, key=lambda row: (-row.waiting, row.group.name))


# --- deletion -----------------------------------------------------------------------------------------------


@dataclass
class PurgeReport:
    today: date
    dry_run: bool = False
    deleted: list = field(default_factory=list)  # {"request": id, "group": name, "state": state}
    reminded: list = field(
        default_factory=list
    )  # {"group": name, "requests": n, "delete_on": date, "sent": n}
    no_one_to_remind: list = field(default_factory=list)  # {"group": name, "requests": n}

    def as_dict(self):
        return {
            "today": self.today.isoformat(),
            "dry_run": self.dry_run,
            "deleted": self.deleted,
            "reminded": [{**item, "delete_on": item["delete_on"].isoformat()} for item in self.reminded],
            "no_one_to_remind": self.no_one_to_remind,
        }

    def as_text(self):
        verb = "Would delete" if self.dry_run else "Deleted"
        lines = [f"Requests to be contacted, {self.today.isoformat()}{' (dry run)' if self.dry_run else ''}"]
        lines.append(f"{verb}: {len(self.deleted)}")
        lines += [
            f"  request {item['request']} to {item['group']} ({item['state']})" for item in self.deleted
        ]
        verb = "Would remind" if self.dry_run else "Reminded"
        lines.append(f"{verb}: {len(self.reminded)} group(s)")
        lines += [
            f"  {item['group']}: {item['requests']} request(s) to be deleted on {item['delete_on']:%Y-%m-%d}"
            for item in self.reminded
        ]
        if self.no_one_to_remind:
            lines.append(f"No one to remind: {len(self.no_one_to_remind)} group(s)")
            lines += [f"  {item['group']}: {item['requests']} request(s)" for item in self.no_one_to_remind]
        return "\n".join(lines) + "\n"


def purge(today=None, dry_run=False):
    """Delete every request whose date has come (purge_after <= today), then remind each group, once, about
    requests nobody closed that will be deleted within CONTACT_REMINDER_BEFORE_DAYS. Idempotent: running it
    again the same day deletes and sends nothing more. A dry run reports and changes nothing."""
    today = today or timezone.localdate()
    report = PurgeReport(today=today, dry_run=dry_run)

    due = ContactRequest.objects.filter(purge_after__lte=today).select_related("group").order_by("pk")
    due = due.only("pk", "state", "group__name")
    report.deleted = [{"request": r.pk, "group": r.group.name, "state": r.state} for r in due]
    if not dry_run and report.deleted:
        ContactRequest.objects.filter(pk__in=[item["request"] for item in report.deleted]).delete()
        log.info("Deleted %d contact request(s) past their date", len(report.deleted))

    horizon = today + timedelta(days=settings.CONTACT_REMINDER_BEFORE_DAYS)
    to_remind = (
        ContactRequest.objects.filter(
            state__in=ContactRequest.OPEN_STATES,
            reminder_sent_at__isnull=True,
            purge_after__gt=today,
            purge_after__lte=horizon,
        )
        .only("pk", "group_id", "purge_after")
        .order_by("purge_after", "pk")
    )
    by_group = defaultdict(list)
    for contact_request in to_remind:
        by_group[contact_request.group_id].append(contact_request)
    groups = Group.objects.in_bulk(list(by_group))
    for group_id, waiting in sorted(by_group.items(), key=lambda item: groups[item[0]].name):
        group = groups[group_id]
        addresses = contact_addresses(group)
        if not addresses:
            report.no_one_to_remind.append({"group": group.name, "requests": len(waiting)})
            continue
        delete_on = min(r.purge_after for r in waiting)
        item = {"group": group.name, "requests": len(waiting), "delete_on": delete_on, "sent": 0}
        if not dry_run:
            context = _email_context(
                group,
                count=len(waiting),
                delete_on=delete_on,
                inbox_url=_site_url(reverse("contact:inbox", args=[group.slug])),
            )
            item["sent"] = sum(_send("contact/email/reminder", context, address) for address in addresses)
            if item["sent"]:
                ContactRequest.objects.filter(pk__in=[r.pk for r in waiting]).update(
                    reminder_sent_at=timezone.now()
                )
        report.reminded.append(item)
    return report


# --- keys ---------------------------------------------------------------------------------------------------


def rotate_keys(batch_size=500):
    """Re-encrypt every request's details with the newest key (crypto.rotate). Returns how many requests.
    Old keys keep decrypting until removed from CONTACT_ENCRYPTION_KEYS; run this before removing one."""
    rotated = 0
    last_pk = 0
    fields = ContactRequest.SEALED_FIELDS
    while True:
        batch = list(
            ContactRequest.objects.filter(pk__gt=last_pk).order_by("pk").values("pk", *fields)[:batch_size]
        )
        if not batch:
            break
        with transaction.atomic():
            for row in batch:
                ContactRequest.objects.filter(pk=row["pk"]).update(
                    **{name: crypto.rotate(row[name]) for name in fields}
                )
        rotated += len(batch)
        last_pk = batch[-1]["pk"]
    log.info("Re-encrypted %d contact request(s) with the newest key", rotated)
    return rotated
