"""The rules for professionals' involvement with groups. Views stay small and call these.

- On the group's terms: `allows_guests(group)` and `allows_roles(group)` ask the group's own terms (the
  relations app); a group that says "no professional involvement" is never asked at all.
- Invitations to attend: `ask_to_attend(...)` (a professional asks), `decide_invitation(...)` (the group
  accepts, with an end date, or declines, a reason optional), `withdraw_invitation(...)` (the group, at any
  time, no reason asked), `cancel_invitation(...)` (the professional takes it back).
- Roles: `propose_role(...)` by either side, `answer_role(...)` by the other (nothing is assumed),
  `withdraw_proposal(...)`, `review_role(...)` (carry on with a new review date, change, or end) and
  `end_role(...)`, by either side at any time. A change is a new proposal that replaces the role once the
  other side agrees it, so every version stays in the history.
- Reminders: `remind_role_reviews(today=None, dry_run=False)` emails both sides
  INVOLVEMENT_REVIEW_REMINDER_DAYS before a review date and on it (run daily: the `remind_role_reviews`
  command or tasks.remind_role_reviews).

Which side someone acts for is explicit (`Side.GROUP` from the group's pages, `Side.PROFESSIONAL` from the
professional's), because a professional may also look after a group of their own."""

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from twoworlds.accounts.emails import send_templated_email
from twoworlds.accounts.services import absolute_url, agencies_of
from twoworlds.listings.services import contact_addresses, is_contact

from .models import Invitation, Role, RoleKind, RoleReview, Side

log = logging.getLogger(__name__)


def reminder_days():
    """How many days before a review date both sides are reminded (INVOLVEMENT_REVIEW_REMINDER_DAYS)."""
    return settings.INVOLVEMENT_REVIEW_REMINDER_DAYS


# --- the group's terms (the relations app keeps them) -------------------------------------------------------


def allows_guests(group):
    """Whether the group's own terms let professionals ask to attend as guests."""
    from twoworlds.relations.queries import accepts_guests

    return bool(accepts_guests(group))


def allows_roles(group):
    """Whether the group's own terms allow any professional role (False for "no professional involvement")."""
    from twoworlds.relations.queries import accepts_roles

    return bool(accepts_roles(group))


class NotOnTheGroupsTerms(ValidationError):
    """The group's own terms do not allow this: said plainly, before anyone fills in a form."""


# --- sending ------------------------------------------------------------------------------------------------


def professional_addresses(user):
    email = (user.email or "").strip()
    return [email] if email and user.is_active else []


def _send(template, context, addresses):
    """One plain-text email to each address; a failure is logged and counted, never lost silently."""
    sent = 0
    full = {"site_name": settings.SITE_NAME, "site_operator": settings.SITE_OPERATOR, **context}
    for address in addresses:
        try:
            send_templated_email(f"involvement/email/{template}", full, [address])
            sent += 1
        except Exception:  # noqa: BLE001 - mail trouble must not undo a decision already saved
            log.exception("Could not send involvement/email/%s", template)
    return sent


def _after_commit(template, context, addresses):
    transaction.on_commit(lambda: _send(template, context, addresses))


def _url(name, *args):
    return absolute_url(reverse(name, args=args))


def group_page_url(group):
    return _url("involvement:group", group.slug)


def professional_page_url():
    return _url("involvement:professional")


def role_url(role, side):
    if side == Side.GROUP:
        return _url("involvement:group_role", role.group.slug, role.pk)
    return _url("involvement:professional_role", role.pk)


def _addresses_for(side, role):
    return contact_addresses(role.group) if side == Side.GROUP else professional_addresses(role.professional)


def _other(side):
    return Side.PROFESSIONAL if side == Side.GROUP else Side.GROUP


# --- invitations to attend ----------------------------------------------------------------------------------


def _require_contact(user, group):
    if not is_contact(user, group):
        raise PermissionDenied


@transaction.atomic
def ask_to_attend(group, professional, agency, *, professional_name, about_you, meetings, reason):
    """A professional asks to attend as a guest. Refused when the group's terms do not allow guests, or when
    they are not (now) a professional of `agency`. The group's contacts are told by email."""
    if not allows_guests(group):
        raise NotOnTheGroupsTerms(_("This group does not invite professionals to its meetings."))
    if agency not in agencies_of(professional):
        raise PermissionDenied
    invitation = Invitation.objects.create(
        group=group,
        professional=professional,
        agency=agency,
        professional_name=professional_name.strip(),
        about_you=about_you.strip(),
        meetings=meetings.strip(),
        reason=reason.strip(),
    )
    _after_commit(
        "invitation_asked",
        {"invitation": invitation, "group_name": group.name, "url": group_page_url(group)},
        contact_addresses(group),
    )
    log.info("Invitation %s asked of group %s by agency %s", invitation.pk, group.pk, agency.pk)
    return invitation


@transaction.atomic
def decide_invitation(invitation, user, accept, *, ends_on=None, reason="", today=None):
    """The group accepts (with the date the invitation ends) or declines (a reason only if it wants)."""
    _require_contact(user, invitation.group)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != Invitation.State.ASKED:
        raise ValidationError(_("This invitation has already been answered."))
    today = today or timezone.localdate()
    if accept:
        if ends_on is None or ends_on < today:
            raise ValidationError(_("Say when the invitation ends: today or a later date."))
        invitation.state, invitation.ends_on = Invitation.State.ACCEPTED, ends_on
    else:
        invitation.state = Invitation.State.DECLINED
    invitation.decision_reason = (reason or "").strip()
    invitation.decided_at = timezone.now()
    invitation.save(update_fields=["state", "ends_on", "decision_reason", "decided_at"])
    _after_commit(
        "invitation_decided",
        {"invitation": invitation, "group_name": invitation.group.name, "url": professional_page_url()},
        professional_addresses(invitation.professional),
    )
    return invitation


@transaction.atomic
def withdraw_invitation(invitation, user):
    """The group takes back an accepted invitation, at any time, without giving a reason."""
    _require_contact(user, invitation.group)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != Invitation.State.ACCEPTED or invitation.has_ended():
        raise ValidationError(_("Only a current invitation can be withdrawn."))
    invitation.state, invitation.closed_at = Invitation.State.WITHDRAWN, timezone.now()
    invitation.save(update_fields=["state", "closed_at"])
    _after_commit(
        "invitation_withdrawn",
        {"invitation": invitation, "group_name": invitation.group.name, "url": professional_page_url()},
        professional_addresses(invitation.professional),
    )
    return invitation


@transaction.atomic
def cancel_invitation(invitation, user):
    """The professional takes back their request, or says they will no longer come."""
    if invitation.professional_id != user.pk:
        raise PermissionDenied
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state not in (Invitation.State.ASKED, Invitation.State.ACCEPTED) or invitation.has_ended():
        raise ValidationError(_("This invitation is no longer open."))
    invitation.state, invitation.closed_at = Invitation.State.CANCELLED, timezone.now()
    invitation.save(update_fields=["state", "closed_at"])
    _after_commit(
        "invitation_cancelled",
        {
            "invitation": invitation,
            "group_name": invitation.group.name,
            "url": group_page_url(invitation.group),
        },
        contact_addresses(invitation.group),
    )
    return invitation


def invitations_for_group(group):
    return Invitation.objects.filter(group=group).select_related("agency")


def invitations_of(user):
    return Invitation.objects.filter(professional=user).select_related("group", "agency")


# --- roles --------------------------------------------------------------------------------------------------


def side_may_act(user, role, side):
    """Whether `user` may act for `side` of this role: the group's current contacts, or the professional."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if side == Side.GROUP:
        return is_contact(user, role.group)
    return role.professional_id == user.pk


def _require_side(user, role, side):
    if not side_may_act(user, role, side):
        raise PermissionDenied


@dataclass
class RoleTerms:
    kind: str
    description: str
    time_commitment: str
    review_on: date


def check_terms(group, terms, side, today=None):
    """Errors ({field: message}) for proposed role terms, by the group's terms and the rules for roles."""
    errors = {}
    if terms.kind == RoleKind.FIGUREHEAD and side != Side.GROUP:
        errors["kind"] = _(
            "A figurehead is only ever the group's own choice: the group proposes one if it wants one."
        )
    if terms.review_on <= (today or timezone.localdate()):
        errors["review_on"] = _("Choose a review date after today.")
    return errors


@transaction.atomic
def propose_role(group, professional, agency, side, proposer, terms, *, replaces=None, today=None):
    """Either side proposes a role; the other side is asked to agree it. Nothing starts until they do."""
    if not allows_roles(group):
        raise NotOnTheGroupsTerms(_("This group has said it wants no professional involvement."))
    if side == Side.GROUP:
        _require_contact(proposer, group)
    elif proposer.pk != professional.pk:
        raise PermissionDenied
    if agency not in agencies_of(professional):
        raise PermissionDenied
    errors = check_terms(group, terms, side, today)
    if errors:
        raise ValidationError(errors)
    role = Role.objects.create(
        group=group,
        professional=professional,
        agency=agency,
        kind=terms.kind,
        description=terms.description.strip(),
        time_commitment=terms.time_commitment.strip(),
        review_on=terms.review_on,
        proposed_by=side,
        replaces=replaces,
    )
    answering = role.answering_side
    _after_commit(
        "role_proposed",
        {"role": role, "group_name": group.name, "from_side": side, "url": role_url(role, answering)},
        _addresses_for(answering, role),
    )
    log.info("Role %s proposed by the %s side for group %s", role.pk, side, group.pk)
    return role


def _end(role, side, reason, now):
    role.state, role.ended_at, role.ended_by, role.end_reason = Role.State.ENDED, now, side, reason
    role.save(update_fields=["state", "ended_at", "ended_by", "end_reason"])


@transaction.atomic
def answer_role(role, user, side, agree, reason=""):
    """The other side agrees a proposed role (it starts) or does not (a reason only if it wants). Agreeing a
    change ends the role it replaces."""
    _require_side(user, role, side)
    role = Role.objects.select_for_update().get(pk=role.pk)
    if role.state != Role.State.PROPOSED:
        raise ValidationError(_("This proposal has already been answered."))
    if side != role.answering_side:
        raise PermissionDenied
    now = timezone.now()
    role.state = Role.State.ACTIVE if agree else Role.State.DECLINED
    role.answered_at, role.answer_reason = now, (reason or "").strip()
    role.save(update_fields=["state", "answered_at", "answer_reason"])
    if agree and role.replaces_id:
        old = Role.objects.select_for_update().get(pk=role.replaces_id)
        if old.state == Role.State.ACTIVE:
            _end(old, side, _("Replaced by the changed role agreed on %(day)s.") % {"day": now.date()}, now)
    _after_commit(
        "role_answered",
        {
            "role": role,
            "group_name": role.group.name,
            "agreed": agree,
            "url": role_url(role, role.proposed_by),
        },
        _addresses_for(role.proposed_by, role),
    )
    return role


@transaction.atomic
def withdraw_proposal(role, user, side):
    _require_side(user, role, side)
    role = Role.objects.select_for_update().get(pk=role.pk)
    if role.state != Role.State.PROPOSED or role.proposed_by != side:
        raise ValidationError(_("Only your own proposal, before it is answered, can be taken back."))
    role.state, role.answered_at = Role.State.WITHDRAWN, timezone.now()
    role.save(update_fields=["state", "answered_at"])
    return role


@transaction.atomic
def end_role(role, user, side, reason=""):
    """Either side ends a role at any time; a reason only if they want to give one. The other side is told."""
    _require_side(user, role, side)
    role = Role.objects.select_for_update().get(pk=role.pk)
    if role.state != Role.State.ACTIVE:
        raise ValidationError(_("Only an agreed role can be ended."))
    _end(role, side, (reason or "").strip(), timezone.now())
    # A change still waiting for agreement has nothing left to replace.
    Role.objects.filter(replaces=role, state=Role.State.PROPOSED).update(
        state=Role.State.WITHDRAWN, answered_at=timezone.now()
    )
    other = _other(side)
    _after_commit(
        "role_ended",
        {"role": role, "group_name": role.group.name, "by_side": side, "url": role_url(role, other)},
        _addresses_for(other, role),
    )
    return role


@transaction.atomic
def review_role(role, user, side, outcome, *, next_review_on=None, notes="", change=None, today=None):
    """Record a review. Carry on: a new review date. Change: new terms, proposed to the other side (the role
    carries on as it is until they agree). End: the role ends. The other side is told in every case."""
    _require_side(user, role, side)
    role = Role.objects.select_for_update().get(pk=role.pk)
    if role.state != Role.State.ACTIVE:
        raise ValidationError(_("Only an agreed role can be reviewed."))
    today = today or timezone.localdate()
    Outcome = RoleReview.Outcome
    if outcome == Outcome.CARRY_ON and (next_review_on is None or next_review_on <= today):
        raise ValidationError({"next_review_on": _("Choose the next review date, after today.")})
    if outcome == Outcome.CHANGE and change is None:
        raise ValidationError(_("Say what the changed role would be."))
    if outcome == Outcome.CHANGE and pending_change(role):
        raise ValidationError(_("A change to this role is already waiting for agreement."))
    review = RoleReview.objects.create(
        role=role,
        side=side,
        outcome=outcome,
        review_was_due_on=role.review_on,
        next_review_on=next_review_on if outcome == Outcome.CARRY_ON else None,
        notes=(notes or "").strip(),
    )
    replacement = None
    if outcome == Outcome.CARRY_ON:
        role.review_on = next_review_on
        role.save(update_fields=["review_on"])
    elif outcome == Outcome.CHANGE:
        replacement = propose_role(
            role.group, role.professional, role.agency, side, user, change, replaces=role, today=today
        )
    else:
        _end(role, side, "", timezone.now())  # the reason is the review's notes, shown with the review
    if outcome != Outcome.CHANGE:  # a change sends its own "proposed" email
        other = _other(side)
        _after_commit(
            "role_reviewed",
            {"role": role, "review": review, "group_name": role.group.name, "url": role_url(role, other)},
            _addresses_for(other, role),
        )
    return review, replacement


def roles_for_group(group):
    return Role.objects.filter(group=group).select_related("agency", "professional")


def roles_of(user):
    return Role.objects.filter(professional=user).select_related("group", "agency")


def role_history(role):
    """The role and every earlier version it replaced, newest first, each with its reviews."""
    chain, seen = [], set()
    current = role
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        chain.append(current)
        current = current.replaces
    reviews = RoleReview.objects.filter(role__in=chain).order_by("reviewed_at", "pk")
    by_role = {}
    for review in reviews:
        by_role.setdefault(review.role_id, []).append(review)
    for version in chain:
        version.review_list = by_role.get(version.pk, [])
    return chain


def pending_change(role):
    """A changed version of this role waiting for agreement, if any."""
    return Role.objects.filter(replaces=role, state=Role.State.PROPOSED).first()


# --- reminders to review ------------------------------------------------------------------------------------


@dataclass
class ReminderReport:
    today: date
    dry_run: bool = False
    early: list = field(default_factory=list)  # {"role": id, "group": name, "review_on": date, "sent": n}
    due: list = field(default_factory=list)

    def as_dict(self):
        def items(rows):
            return [{**row, "review_on": row["review_on"].isoformat()} for row in rows]

        return {
            "today": self.today.isoformat(),
            "dry_run": self.dry_run,
            "early": items(self.early),
            "due": items(self.due),
        }

    def as_text(self):
        verb = "Would remind" if self.dry_run else "Reminded"
        lines = [f"Role reviews, {self.today.isoformat()}{' (dry run)' if self.dry_run else ''}"]
        lines.append(f"{verb} (review coming up): {len(self.early)}")
        lines += [f"  role {r['role']} with {r['group']}: review on {r['review_on']}" for r in self.early]
        lines.append(f"{verb} (review due): {len(self.due)}")
        lines += [
            f"  role {r['role']} with {r['group']}: review was due on {r['review_on']}" for r in self.due
        ]
        return "\n".join(lines) + "\n"


def _remind(role, due):
    context = {"role": role, "group_name": role.group.name, "due": due}
    sent = _send(
        "role_review_reminder", {**context, "url": role_url(role, Side.GROUP)}, contact_addresses(role.group)
    )
    sent += _send(
        "role_review_reminder",
        {**context, "url": role_url(role, Side.PROFESSIONAL)},
        professional_addresses(role.professional),
    )
    return sent


def remind_role_reviews(today=None, dry_run=False):
    """Email both sides of every agreed role INVOLVEMENT_REVIEW_REMINDER_DAYS before its review date, and
    again on the date (or on the first run after it). Each reminder goes once per review date, so running
    this twice sends nothing twice, and a new review date gets reminders of its own."""
    today = today or timezone.localdate()
    report = ReminderReport(today=today, dry_run=dry_run)
    horizon = today + timedelta(days=reminder_days())
    active = Role.objects.filter(state=Role.State.ACTIVE).select_related("group", "professional")
    due = active.filter(review_on__lte=today).exclude(due_reminder_for=F("review_on"))
    early = (
        active.filter(review_on__gt=today, review_on__lte=horizon)
        .exclude(early_reminder_for=F("review_on"))
        .order_by("review_on", "pk")
    )
    for rows, bucket, is_due in (
        (early, report.early, False),
        (due.order_by("review_on", "pk"), report.due, True),
    ):
        for role in rows:
            item = {"role": role.pk, "group": role.group.name, "review_on": role.review_on, "sent": 0}
            if not dry_run:
                item["sent"] = _remind(role, is_due)
                marks = {"due_reminder_for": role.review_on} if is_due else {}
                marks["early_reminder_for"] = role.review_on
                Role.objects.filter(pk=role.pk).update(**marks)
            bucket.append(item)
    return report


# --- staff --------------------------------------------------------------------------------------------------


def overview(today=None):
    """For staff: how many invitations and roles there are in each state, roles by kind, and the agreed roles
    whose review is overdue (who and when, never what was said)."""
    today = today or timezone.localdate()
    invitations = Invitation.objects.aggregate(
        asked=Count("pk", filter=Q(state=Invitation.State.ASKED)),
        current=Count("pk", filter=Q(state=Invitation.State.ACCEPTED, ends_on__gte=today)),
        ended=Count("pk", filter=Q(state=Invitation.State.ACCEPTED, ends_on__lt=today)),
        declined=Count("pk", filter=Q(state=Invitation.State.DECLINED)),
        withdrawn=Count("pk", filter=Q(state=Invitation.State.WITHDRAWN)),
        cancelled=Count("pk", filter=Q(state=Invitation.State.CANCELLED)),
    )
    by_kind = {
        row["kind"]: row
        for row in Role.objects.values("kind")
        .annotate(
            proposed=Count("pk", filter=Q(state=Role.State.PROPOSED)),
            active=Count("pk", filter=Q(state=Role.State.ACTIVE)),
            ended=Count("pk", filter=Q(state=Role.State.ENDED)),
            declined=Count("pk", filter=Q(state=Role.State.DECLINED)),
        )
        .order_by()
    }
    kinds = [
        {
            "label": label,
            **{k: by_kind.get(value, {}).get(k, 0) for k in ("proposed", "active", "ended", "declined")},
        }
        for value, label in RoleKind.choices
    ]
    overdue = (
        Role.objects.filter(state=Role.State.ACTIVE, review_on__lt=today)
        .select_related("group", "agency")
        .order_by("review_on")
    )
    coming = (
        Role.objects.filter(
            state=Role.State.ACTIVE,
            review_on__gte=today,
            review_on__lte=today + timedelta(days=reminder_days()),
        )
        .select_related("group", "agency")
        .order_by("review_on")
    )
    return {"invitations": invitations, "kinds": kinds, "overdue": list(overdue), "coming": list(coming)}
