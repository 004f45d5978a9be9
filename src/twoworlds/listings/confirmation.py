"""The re-confirmation cycle: every listing is asked, again and again, whether it is still right.

The rules, in days since a group's details were last confirmed (`Group.last_confirmed`; see settings):

- RECONFIRM_INTERVAL_DAYS (182): the cycle starts. Its due date is `last_confirmed + interval`, and one
  `ConfirmationRequest` is made per (group, due date), so running the scheduler again the same day or the
  next finds the same request and sends nothing twice. The group's active contacts get an email with two
  links: one click for "yes, nothing has changed", and the page to update the details. A group nobody looks
  after yet goes on the staff list "no one to ask" instead.
- Every REMINDER_EVERY_DAYS (14) after the last email a reminder follows, at most REMINDERS (2) of them.
- More than CONFIRMATION_WARNING_DAYS (210): the public page says "details not confirmed since <month
  year>" (`directory.presenters.listing_freshness`, the one place that rule lives) and staff see the group
  as overdue.
- More than LAPSE_AFTER_DAYS (270): the listing lapses. It drops out of search, its page stays reachable by
  its link with a plain notice, and staff get it on their list to chase. A group that was emailed always has
  at least LAPSE_AFTER_DAYS - RECONFIRM_INTERVAL_DAYS days from its first email before it lapses, even when
  the scheduler started late.

A confirmation at any point (the one-click link, a signed-in contact, staff after a phone call) starts the
clock again and brings a lapsed listing back into search. All of it runs through `run_cycle`, which the
task (`listings.tasks`) and the `twoworlds reconfirm` command call.
"""

import base64
import hashlib
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from twoworlds.directory import services as directory_services
from twoworlds.directory.models import Category, Group
from twoworlds.directory.presenters import listing_freshness

from .models import ConfirmationRequest, GroupContact, ListingChange

log = logging.getLogger(__name__)

TOKEN_SALT = "twoworlds.listings.confirmation"
CONFIRMED_REASON = "Confirmed as still right"


# --- the calendar -------------------------------------------------------------------------------------------


def _days(name):
    return timedelta(days=getattr(settings, name))


def due_on_for(group):
    """The due date of the group's current cycle: when it is (or was, or will be) asked to confirm."""
    return group.last_confirmed + _days("RECONFIRM_INTERVAL_DAYS")


def is_current(request_obj, group=None):
    """The request belongs to the group's current cycle (the group has not been confirmed since)."""
    group = group or request_obj.group
    return request_obj.due_on == due_on_for(group)


def _notice():
    """The least time a group that was emailed has between its first email and lapsing."""
    return max(_days("LAPSE_AFTER_DAYS") - _days("RECONFIRM_INTERVAL_DAYS"), timedelta(0))


def is_past_lapse(group, today):
    return group.last_confirmed < today - _days("LAPSE_AFTER_DAYS")


def lapses_on(group, request_obj=None):
    """The first day the listing drops out of search if nobody confirms it."""
    by_age = group.last_confirmed + _days("LAPSE_AFTER_DAYS") + timedelta(days=1)
    if request_obj is not None and request_obj.sent_at:
        return max(by_age, _local_date(request_obj.sent_at) + _notice())
    return by_age


def expires_on(request_obj):
    """The last day the one-click link works: until the next cycle would start, and never more than
    LAPSE_AFTER_DAYS after the first email. A confirmed request's link only says thank you."""
    until_next_cycle = request_obj.due_on + _days("RECONFIRM_INTERVAL_DAYS") - timedelta(days=1)
    if request_obj.sent_at:
        return min(until_next_cycle, _local_date(request_obj.sent_at) + _days("LAPSE_AFTER_DAYS"))
    return until_next_cycle


def _local_date(moment):
    return timezone.localtime(moment).date()


def _moment(today):
    """A timestamp for something done 'on `today`' (the scheduler can be run as if on another day)."""
    now = timezone.now()
    if today == timezone.localdate(now):
        return now
    return timezone.make_aware(datetime.combine(today, timezone.localtime(now).time()))


# --- tokens -------------------------------------------------------------------------------------------------


def token_for(group_id, due_on):
    """The one-click token of a cycle. Derived from the secret key, so that reminders carry the same link as
    the first email while the database keeps only its hash (like Django's password-reset tokens)."""
    digest = salted_hmac(TOKEN_SALT, f"{group_id}:{due_on.isoformat()}", algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def find_request(token):
    """The request a one-click token belongs to, or None."""
    if not token or len(token) > 100:
        return None
    return ConfirmationRequest.objects.select_related("group").filter(token_hash=hash_token(token)).first()


OPEN, CONFIRMED, EXPIRED, CLOSED = "open", "confirmed", "expired", "closed"


def request_state(request_obj, today=None):
    """What the one-click link can do now: OPEN (confirm), CONFIRMED (already answered: the request, or the
    group confirmed some other way since), EXPIRED, or CLOSED (the group has closed)."""
    today = today or timezone.localdate()
    group = request_obj.group
    cycle_began_from = request_obj.due_on - _days("RECONFIRM_INTERVAL_DAYS")
    if request_obj.confirmed_at or group.last_confirmed > cycle_began_from:
        return CONFIRMED
    if group.status == Group.Status.CLOSED:
        return CLOSED
    if not is_current(request_obj, group) or today > expires_on(request_obj):
        return EXPIRED
    return OPEN


# --- who is asked -------------------------------------------------------------------------------------------


def recipients(group):
    """The people who look after the group and can be emailed: active contacts with an email address."""
    contacts = (
        GroupContact.objects.filter(group=group, removed_at__isnull=True, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("added_at", "pk")
    )
    return [contact.user for contact in contacts]


def due_groups(today=None):
    """Listed groups (not closed; national organisations too) whose cycle has started and who have no request
    for it yet."""
    today = today or timezone.localdate()
    cutoff = today - _days("RECONFIRM_INTERVAL_DAYS")
    candidates = Group.objects.exclude(status=Group.Status.CLOSED).filter(last_confirmed__lte=cutoff)
    asked = set(
        ConfirmationRequest.objects.filter(group__in=candidates.values("pk")).values_list(
            "group_id", "due_on"
        )
    )
    return [g for g in candidates.order_by("name", "pk") if (g.pk, due_on_for(g)) not in asked]


def _open_requests():
    """Unanswered requests of the current cycle of groups that have not closed."""
    found = (
        ConfirmationRequest.objects.filter(confirmed_at__isnull=True)
        .exclude(group__status=Group.Status.CLOSED)
        .select_related("group")
        .order_by("group__name", "pk")
    )
    return [r for r in found if is_current(r)]


# --- links and emails ---------------------------------------------------------------------------------------


def _site(path):
    return settings.SITE_URL.rstrip("/") + path


def links(group, token):
    return {
        "confirm_url": _site(reverse("confirmation:confirm", args=[token])),
        "update_url": _site(f"/my-groups/{group.slug}/edit/"),
        "page_url": _site(group.get_absolute_url()),
    }


def _send(request_obj, people, *, reminder=0):
    """One email per person (nobody sees another contact's address), about this one group only."""
    from twoworlds.accounts.emails import send_templated_email

    group = request_obj.group
    context = {
        "group": group,
        "reminder": reminder,
        "reminders": settings.REMINDERS,
        "interval_months": max(round(settings.RECONFIRM_INTERVAL_DAYS / 30.44), 1),
        "lapsed": group.lapsed,
        "lapses_on": lapses_on(group, request_obj),
        "site_name": settings.SITE_NAME,
        "site_area": settings.SITE_AREA,
        "site_operator": settings.SITE_OPERATOR,
        **links(group, token_for(group.pk, request_obj.due_on)),
    }
    for person in people:
        send_templated_email(
            "listings/confirmation/email/request", {**context, "person": person}, [person.email]
        )


# --- the report ---------------------------------------------------------------------------------------------


@dataclass
class ReportItem:
    group: Group
    detail: str = ""

    def as_dict(self):
        return {"group": str(self.group.pk), "name": self.group.name, "detail": self.detail}


@dataclass
class Report:
    """What one run did, or with dry_run would do."""

    today: date
    dry_run: bool = False
    sent: list = field(default_factory=list)
    reminded: list = field(default_factory=list)
    lapsed: list = field(default_factory=list)
    no_one_to_ask: list = field(default_factory=list)
    failed: list = field(default_factory=list)

    SECTIONS = (
        ("sent", "Asked to confirm", "Would ask to confirm"),
        ("reminded", "Reminded", "Would remind"),
        ("lapsed", "Lapsed (out of search, on the staff list to chase)", "Would lapse (out of search)"),
        ("no_one_to_ask", "No one to ask (on the staff list)", "No one to ask (would go on the staff list)"),
        ("failed", "Could not send (will try again next run)", "Could not send"),
    )

    @property
    def is_empty(self):
        return not any(getattr(self, name) for name, *_ in self.SECTIONS)

    def as_text(self):
        head = f"Re-confirmation cycle for {self.today.isoformat()}"
        lines = [head + (" (dry run: nothing was sent or changed)" if self.dry_run else "")]
        if self.is_empty:
            lines.append("Nothing to do.")
        for name, done, would in self.SECTIONS:
            items = getattr(self, name)
            if not items:
                continue
            lines.append(f"{would if self.dry_run else done}: {len(items)}")
            lines += [f"  - {i.group.name}" + (f" ({i.detail})" if i.detail else "") for i in items]
        return "\n".join(lines)

    def as_dict(self):
        return {
            "today": self.today.isoformat(),
            "dry_run": self.dry_run,
            **{name: [i.as_dict() for i in getattr(self, name)] for name, *_ in self.SECTIONS},
        }


# --- the cycle ----------------------------------------------------------------------------------------------


def run_cycle(today=None, dry_run=False):
    """Do everything the calendar says is due today, once: start cycles (first emails, or the staff list),
    send reminders, lapse listings nobody confirmed. Safe to run as often as you like.

    A dry run goes through exactly the same steps inside a transaction that is rolled back, with no email
    sent, so what it reports is what a real run would do."""
    today = today or timezone.localdate()
    report = Report(today=today, dry_run=dry_run)
    if dry_run:
        with transaction.atomic():
            _run(today, report, send=False)
            transaction.set_rollback(True)
    else:
        _run(today, report, send=True)
    log.info(
        "Re-confirmation %s: %d asked, %d reminded, %d lapsed, %d with no one to ask%s",
        today,
        len(report.sent),
        len(report.reminded),
        len(report.lapsed),
        len(report.no_one_to_ask),
        " (dry run)" if dry_run else "",
    )
    return report


def _run(today, report, *, send):
    _start_cycles(today, report)
    moment = _moment(today)
    for request_obj in _open_requests():
        if request_obj.sent_at is None:
            _first_email(request_obj, today, moment, report, send)
        else:
            _reminder(request_obj, today, moment, report, send)
    _lapse(today, moment, report)


def _start_cycles(today, report):
    for group in due_groups(today):
        due_on = due_on_for(group)
        try:
            with transaction.atomic():
                ConfirmationRequest.objects.create(
                    group=group, due_on=due_on, token_hash=hash_token(token_for(group.pk, due_on))
                )
        except IntegrityError:
            continue  # another run made it a moment ago
        if not recipients(group):
            report.no_one_to_ask.append(ReportItem(group, f"due {due_on.isoformat()}"))


def _first_email(request_obj, today, moment, report, send):
    """The first email of a cycle: also sent later to a group that had no one to ask when its cycle began
    and has a contact now (unless the link would already have expired)."""
    people = recipients(request_obj.group)
    if not people or today > expires_on(request_obj):
        return
    # Claim the request before sending, so that two runs at once cannot both send it.
    claimed = ConfirmationRequest.objects.filter(pk=request_obj.pk, sent_at__isnull=True).update(
        sent_at=moment
    )
    if not claimed:
        return
    request_obj.sent_at = moment
    item = ReportItem(request_obj.group, _contacts(len(people)))
    if send and not _try_send(request_obj, people, report, item, undo={"sent_at": None}):
        return
    report.sent.append(item)


def _reminder(request_obj, today, moment, report, send):
    group = request_obj.group
    if group.lapsed or request_obj.reminders_sent >= settings.REMINDERS or today > expires_on(request_obj):
        return
    last_email = _local_date(request_obj.last_reminder_at or request_obj.sent_at)
    if today < last_email + _days("REMINDER_EVERY_DAYS"):
        return
    people = recipients(group)
    if not people:
        return
    number = request_obj.reminders_sent + 1
    claimed = ConfirmationRequest.objects.filter(
        pk=request_obj.pk, reminders_sent=request_obj.reminders_sent
    ).update(reminders_sent=number, last_reminder_at=moment)
    if not claimed:
        return
    previous = {
        "reminders_sent": request_obj.reminders_sent,
        "last_reminder_at": request_obj.last_reminder_at,
    }
    request_obj.reminders_sent, request_obj.last_reminder_at = number, moment
    item = ReportItem(group, f"reminder {number} of {settings.REMINDERS}, {_contacts(len(people))}")
    if send and not _try_send(request_obj, people, report, item, undo=previous, reminder=number):
        return
    report.reminded.append(item)


def _try_send(request_obj, people, report, item, *, undo, reminder=0):
    try:
        _send(request_obj, people, reminder=reminder)
    except Exception:  # noqa: BLE001 - a mail server failure must not stop the rest of the cycle
        log.exception("Could not send the confirmation email for %s", request_obj.group)
        ConfirmationRequest.objects.filter(pk=request_obj.pk).update(**undo)
        report.failed.append(item)
        return False
    return True


def _contacts(count):
    return f"{count} contact" if count == 1 else f"{count} contacts"


def _lapse(today, moment, report):
    cutoff = today - _days("LAPSE_AFTER_DAYS")
    candidates = Group.objects.exclude(status=Group.Status.CLOSED).filter(
        lapsed=False, last_confirmed__lt=cutoff
    )
    for group in candidates.order_by("name", "pk"):
        request_obj = ConfirmationRequest.objects.filter(group=group, due_on=due_on_for(group)).first()
        if request_obj is None or request_obj.confirmed_at:
            continue  # never asked (the cycle starts first), or answered
        if request_obj.sent_at and today < _local_date(request_obj.sent_at) + _notice():
            continue  # emailed late: it still gets its full notice
        with transaction.atomic():
            if not directory_services.lapse_group(group):
                continue
            # Not a change to the listing's content, so no history row: the request records when it lapsed.
            ConfirmationRequest.objects.filter(pk=request_obj.pk).update(lapsed_at=moment)
        since = group.last_confirmed.strftime("%B %Y")
        report.lapsed.append(ReportItem(group, f"not confirmed since {since}"))


# --- confirming ---------------------------------------------------------------------------------------------


def confirm(request_obj, user=None, *, today=None):
    """The one-click answer 'yes, nothing has changed'. Returns False when the request had already been
    answered (the link works once), True when this confirmed the group."""
    today = today or timezone.localdate()
    user = _person(user)
    with transaction.atomic():
        answered = ConfirmationRequest.objects.filter(pk=request_obj.pk, confirmed_at__isnull=True).update(
            confirmed_at=_moment(today), confirmed_by=user
        )
        if not answered:
            return False
        group = Group.objects.select_related("organisation").get(pk=request_obj.group_id)
        _confirm(group, user, today, CONFIRMED_REASON)
    request_obj.refresh_from_db()
    return True


def confirm_group_listing(group, user=None, *, today=None, note=""):
    """A signed-in group contact (from their groups page) or staff (after a phone call) confirm the listing
    is still right. The caller checks that `user` may; returns the history row."""
    today = today or timezone.localdate()
    user = _person(user)
    reason = CONFIRMED_REASON + (f": {note.strip()}" if note and note.strip() else "")
    with transaction.atomic():
        return _confirm(group, user, today, reason)


def _person(user):
    return user if user is not None and user.is_authenticated else None


def _confirm(group, user, today, reason):
    """Confirm through the directory (which un-lapses and re-indexes); the listings receiver answers open
    requests and records the history row, which is returned."""
    directory_services.confirm_group(group, on=today, actor=user, reason=reason)
    return ListingChange.objects.filter(group=group, source=ListingChange.Source.CONFIRMATION).first()


# --- the staff view -----------------------------------------------------------------------------------------

DUE, OVERDUE, LAPSED, NO_ONE = "due", "overdue", "lapsed", "no_one_to_ask"
STATES = (DUE, OVERDUE, LAPSED, NO_ONE)


@dataclass
class Row:
    group: Group
    state: str
    request: ConfirmationRequest | None
    contacts: int
    top_categories: list


@dataclass
class CategoryCounts:
    category: Category | None
    counts: dict

    @property
    def total(self):
        return sum(self.counts.values())


@dataclass
class Dashboard:
    today: date
    rows: dict
    by_category: list

    def counts(self):
        return {state: len(self.rows[state]) for state in STATES}


def classify(group, contacts, today):
    """Where a group whose cycle has started stands: lapsed (to chase), no one to ask (nobody looks after it
    yet), overdue (asked, not confirmed, and its page already warns), or due (asked, waiting)."""
    if group.lapsed:
        return LAPSED
    if not contacts:
        return NO_ONE
    if listing_freshness(group, today).stale:
        return OVERDUE
    return DUE


def dashboard(today=None):
    """Every listed group whose confirmation is due or late, and lapsed ones, with counts by first-level
    category (a group with issues under two first-level categories counts under both)."""
    today = today or timezone.localdate()
    cutoff = today - _days("RECONFIRM_INTERVAL_DAYS")
    reachable = Q(contacts__removed_at__isnull=True, contacts__user__is_active=True) & ~Q(
        contacts__user__email=""
    )
    groups = (
        Group.objects.exclude(status=Group.Status.CLOSED)
        .filter(Q(last_confirmed__lte=cutoff) | Q(lapsed=True))
        .select_related("organisation")
        .prefetch_related(Prefetch("categories", queryset=Category.objects.select_related("parent")))
        .annotate(reachable_contacts=Count("contacts", filter=reachable, distinct=True))
        .order_by("last_confirmed", "name")
    )
    requests = {
        (r.group_id, r.due_on): r for r in ConfirmationRequest.objects.filter(group__in=groups.values("pk"))
    }
    rows = {state: [] for state in STATES}
    table = {}
    for group in groups:
        tops = sorted({c.parent or c for c in group.categories.all()}, key=lambda c: c.name)
        state = classify(group, group.reachable_contacts, today)
        rows[state].append(
            Row(group, state, requests.get((group.pk, due_on_for(group))), group.reachable_contacts, tops)
        )
        for top in tops or [None]:
            key = top.pk if top else None
            entry = table.setdefault(key, CategoryCounts(top, dict.fromkeys(STATES, 0)))
            entry.counts[state] += 1
    by_category = sorted(
        table.values(), key=lambda e: (e.category is None, e.category.name if e.category else "")
    )
    return Dashboard(today, rows, by_category)
