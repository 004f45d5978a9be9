"""The rules for influencing services. Views stay small and call these.

Opportunities, always opt-in:
- `set_preference(group, user, levels, categories)`: what the group opts in to (levels × issues).
- `post_opportunity(user, data, categories, agency=None)`: staff (agency None: the clearinghouse) or a
  professional for one of their agencies. It goes only to groups whose opt-in `matches` it: the level is
  one they chose AND one of its issues is an issue they chose (or a sub-issue of one). Nothing else is sent.
- `answer(delivery, user, interested)`: one click. "No thanks" asks nothing and tells the poster nothing but a
  count; "interested" tells the poster which group (and who to reply to).
- `counts_for(opportunity)`: what the poster sees. Who declined is never shown, and below 5 counts are
  "fewer than 5" (counts.describe_count), so no single group's "no" can be picked out.

Feedback to a service, as the group's voice:
- `start_feedback(group, user, agency, subject, body, members_sharing, named, issue)`,
  `add_group_message(thread, user, body, members_sharing)`, `reply(thread, user, body)`.
- The service sees the group's name only if it chose to be named, otherwise "a self-help group for <issue>";
  no message from the group carries a person's name or account. Member counts are shown banded.
- Staff see that threads exist (per agency: how many, when, whether answered), never what they say: the
  feedback is between the group and the service, and a group may relay things it would not say to the
  clearinghouse. Staff are not needed to read them to run the directory. (See views.staff_overview.)"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from twoworlds.accounts.decorators import is_staff_member
from twoworlds.accounts.emails import send_templated_email
from twoworlds.accounts.services import absolute_url, agencies_of, agency_addresses
from twoworlds.directory.models import Group
from twoworlds.listings.services import contact_addresses, is_contact

from .counts import describe_count
from .models import Delivery, FeedbackMessage, FeedbackThread, InfluencePreference, Level, Opportunity

log = logging.getLogger(__name__)


# --- sending ------------------------------------------------------------------------------------------------


def _send(template, context, addresses, reply_to=None):
    sent = 0
    full = {"site_name": settings.SITE_NAME, "site_operator": settings.SITE_OPERATOR, **context}
    for address in addresses:
        try:
            send_templated_email(f"influence/email/{template}", full, [address], reply_to=reply_to)
            sent += 1
        except Exception:  # noqa: BLE001 - mail trouble must not undo what was saved
            log.exception("Could not send influence/email/%s", template)
    return sent


def _url(name, *args):
    return absolute_url(reverse(name, args=args))


# --- opting in ----------------------------------------------------------------------------------------------


def preference_for(group):
    return InfluencePreference.objects.filter(group=group).prefetch_related("categories").first()


@transaction.atomic
def set_preference(group, user, levels, categories):
    """Save what the group opts in to, then send it any open opportunity that now matches (once)."""
    if not is_contact(user, group):
        raise PermissionDenied
    preference, _created = InfluencePreference.objects.get_or_create(group=group)
    for level in Level:
        setattr(preference, level.value, level.value in levels)
    preference.save()
    preference.categories.set(categories)
    for opportunity in open_opportunities():
        if matches(preference, opportunity):
            _deliver(opportunity, group)
    return preference


def _issue_ids(categories):
    return {c.pk for c in categories}


def matches(preference, opportunity):
    """The group opted in to this opportunity's level AND to one of its issues (or to a parent issue)."""
    if preference is None or not getattr(preference, opportunity.level, False):
        return False
    chosen = _issue_ids(preference.categories.all())
    if not chosen:
        return False
    return any(c.pk in chosen or c.parent_id in chosen for c in opportunity.categories.all())


def opted_in_groups(opportunity):
    """Listed groups whose opt-in matches the opportunity (the only groups it may ever reach)."""
    issue_ids = [c.pk for c in opportunity.categories.all()] + [
        c.parent_id for c in opportunity.categories.all() if c.parent_id
    ]
    candidates = (
        InfluencePreference.objects.filter(**{opportunity.level: True}, categories__in=issue_ids)
        .exclude(group__status=Group.Status.CLOSED)
        .select_related("group")
        .distinct()
    )
    return [p.group for p in candidates if matches(p, opportunity)]


# --- opportunities ------------------------------------------------------------------------------------------


def may_post(user, agency=None):
    """Staff post as the clearinghouse (agency None); professionals for an agency they work for."""
    if agency is None:
        return is_staff_member(user)
    return agency in agencies_of(user)


def may_manage(user, opportunity):
    """The poster's side: staff for everything; a professional for their agencies' opportunities."""
    if is_staff_member(user):
        return True
    return opportunity.agency_id is not None and opportunity.agency in agencies_of(user)


def open_opportunities(today=None):
    today = today or timezone.localdate()
    return (
        Opportunity.objects.filter(closed_at__isnull=True)
        .filter(Q(respond_by__isnull=True) | Q(respond_by__gte=today))
        .prefetch_related("categories")
    )


OPPORTUNITY_FIELDS = [
    "level",
    "title",
    "description",
    "time_and_energy",
    "starts_on",
    "ends_on",
    "dates_note",
    "respond_by",
    "paid",
    "payment",
]


@transaction.atomic
def post_opportunity(user, data, categories, agency=None):
    """Post an opportunity and send it (after the commit) to the opted-in groups it matches, and no others."""
    if not may_post(user, agency):
        raise PermissionDenied
    if not categories:
        raise ValidationError({"categories": _("Choose at least one issue.")})
    opportunity = Opportunity(
        agency=agency, posted_by=user, **{k: data[k] for k in OPPORTUNITY_FIELDS if k in data}
    )
    if not opportunity.paid:
        opportunity.payment = ""
    opportunity.full_clean(exclude=["categories"])
    opportunity.save()
    opportunity.categories.set(categories)
    delivered = [_deliver(opportunity, group) for group in opted_in_groups(opportunity)]
    log.info(
        "Opportunity %s posted; sent to %d opted-in group(s)",
        opportunity.pk,
        len([d for d in delivered if d]),
    )
    return opportunity


def _deliver(opportunity, group):
    """Send the opportunity to one group, once (the unique constraint makes a second send a no-op)."""
    delivery, created = Delivery.objects.get_or_create(opportunity=opportunity, group=group)
    if created:
        context = {
            "opportunity": opportunity,
            "group_name": group.name,
            "url": _url("influence:group_opportunity", group.slug, delivery.pk),
            "settings_url": _url("influence:group", group.slug),
        }
        addresses = contact_addresses(group)
        transaction.on_commit(lambda: _send("opportunity_sent", context, addresses))
    return delivery if created else None


@transaction.atomic
def close_opportunity(opportunity, user):
    if not may_manage(user, opportunity):
        raise PermissionDenied
    if opportunity.closed_at is None:
        opportunity.closed_at = timezone.now()
        opportunity.save(update_fields=["closed_at"])
    return opportunity


@transaction.atomic
def answer(delivery, user, interested):
    """The group's one-click answer. Interested: the poster is told which group, once, with a way to reply.
    No thanks: nothing is asked, and the poster sees only a count."""
    if not is_contact(user, delivery.group):
        raise PermissionDenied
    delivery = Delivery.objects.select_for_update().select_related("opportunity", "group").get(pk=delivery.pk)
    delivery.answer = Delivery.Answer.INTERESTED if interested else Delivery.Answer.DECLINED
    delivery.answered_at = timezone.now()
    fields = ["answer", "answered_at"]
    if interested and delivery.poster_told_at is None:
        delivery.poster_told_at = delivery.answered_at
        fields.append("poster_told_at")
        opportunity = delivery.opportunity
        addresses = poster_addresses(opportunity)
        context = {
            "opportunity": opportunity,
            "group_name": delivery.group.name,
            "url": _url("influence:opportunity", opportunity.pk),
        }
        reply_to = [user.email] if user.email else None
        transaction.on_commit(lambda: _send("opportunity_interest", context, addresses, reply_to=reply_to))
    delivery.save(update_fields=fields)
    return delivery


def poster_addresses(opportunity):
    if opportunity.posted_by and opportunity.posted_by.is_active and opportunity.posted_by.email:
        return [opportunity.posted_by.email]
    if opportunity.agency_id:
        return agency_addresses(opportunity.agency)
    return []


def counts_for(opportunity):
    """What the poster sees: interested groups by name; everything else only as a banded count."""
    rows = Delivery.objects.filter(opportunity=opportunity)
    tally = rows.aggregate(
        sent=Count("pk"),
        declined=Count("pk", filter=Q(answer=Delivery.Answer.DECLINED)),
        waiting=Count("pk", filter=Q(answer=Delivery.Answer.NONE)),
    )
    interested = [d.group for d in rows.filter(answer=Delivery.Answer.INTERESTED).select_related("group")]
    return {
        "sent": describe_count(tally["sent"]),
        "declined": describe_count(tally["declined"]),
        "waiting": describe_count(tally["waiting"]),
        "interested": interested,
    }


def opportunities_for_poster(user):
    if is_staff_member(user):
        return Opportunity.objects.select_related("agency").prefetch_related("categories")
    return (
        Opportunity.objects.filter(agency__in=agencies_of(user))
        .select_related("agency")
        .prefetch_related("categories")
    )


def deliveries_for(group):
    return (
        Delivery.objects.filter(group=group)
        .select_related("opportunity", "opportunity__agency")
        .prefetch_related("opportunity__categories")
    )


# --- feedback to a service ----------------------------------------------------------------------------------


def issues_of(group):
    """The group's issues, for "a self-help group for <issue>" (its own sub-issues first)."""
    return list(group.categories.select_related("parent").order_by("name"))


def anonymous_label(group, issue):
    name = issue.name.lower() if issue else _("a shared issue")
    if group.group_type == Group.Type.SELF_HELP:
        return _("a self-help group for %(issue)s") % {"issue": name}
    return _("a support group for %(issue)s") % {"issue": name}


def _check_count(members_sharing):
    if members_sharing is not None and members_sharing < 1:
        raise ValidationError({"members_sharing": _("Give a number of members, or leave it empty.")})


def _tell_service(thread, message):
    context = {
        "thread": thread,
        "shown_as": thread.shown_as,
        "members": describe_count(message.members_sharing),
        "url": _url("influence:service_thread", thread.pk),
        "first": thread.messages.count() == 1,
    }
    addresses = agency_addresses(thread.agency)
    transaction.on_commit(lambda: _send("feedback_to_service", context, addresses))


@transaction.atomic
def start_feedback(group, user, agency, *, subject, body, members_sharing=None, named=False, issue=None):
    """The group's leader relays members' views to a service. Only the group's side is recorded: no name."""
    if not is_contact(user, group):
        raise PermissionDenied
    _check_count(members_sharing)
    if issue is not None and issue not in issues_of(group):
        raise ValidationError({"issue": _("Choose one of the group's own issues.")})
    shown_as = group.name if named else anonymous_label(group, issue or next(iter(issues_of(group)), None))
    now = timezone.now()
    thread = FeedbackThread.objects.create(
        group=group,
        agency=agency,
        subject=subject.strip(),
        named=named,
        shown_as=shown_as,
        created_at=now,
        last_message_at=now,
        last_side=FeedbackMessage.Side.GROUP,
    )
    message = FeedbackMessage.objects.create(
        thread=thread,
        side=FeedbackMessage.Side.GROUP,
        body=body.strip(),
        members_sharing=members_sharing,
        created_at=now,
    )
    _tell_service(thread, message)
    log.info("Feedback thread %s started for agency %s", thread.pk, agency.pk)
    return thread


@transaction.atomic
def add_group_message(thread, user, body, members_sharing=None):
    if not is_contact(user, thread.group):
        raise PermissionDenied
    _check_count(members_sharing)
    message = FeedbackMessage.objects.create(
        thread=thread, side=FeedbackMessage.Side.GROUP, body=body.strip(), members_sharing=members_sharing
    )
    FeedbackThread.objects.filter(pk=thread.pk).update(last_message_at=message.created_at, last_side="group")
    _tell_service(thread, message)
    return message


def may_answer_for(user, thread):
    return thread.agency in agencies_of(user)


@transaction.atomic
def reply(thread, user, body):
    """The service replies; the group's contacts are told. The reply is signed by the agency."""
    if not may_answer_for(user, thread):
        raise PermissionDenied
    message = FeedbackMessage.objects.create(
        thread=thread, side=FeedbackMessage.Side.SERVICE, body=body.strip(), author=user
    )
    FeedbackThread.objects.filter(pk=thread.pk).update(
        last_message_at=message.created_at, last_side="service"
    )
    context = {
        "thread": thread,
        "group_name": thread.group.name,
        "url": _url("influence:group_thread", thread.group.slug, thread.pk),
    }
    addresses = contact_addresses(thread.group)
    transaction.on_commit(lambda: _send("feedback_reply", context, addresses))
    return message


def threads_for_group(group):
    return FeedbackThread.objects.filter(group=group).select_related("agency")


def threads_for_service(user):
    return FeedbackThread.objects.filter(agency__in=agencies_of(user)).select_related("agency")


def messages_in(thread):
    return list(thread.messages.all())


# --- staff --------------------------------------------------------------------------------------------------


def overview():
    """For staff: every opportunity with its banded counts, and per agency how many feedback threads there
    are, when the last one moved and how many wait for the service's reply. Never what anyone wrote."""
    opportunities = []
    for opportunity in Opportunity.objects.select_related("agency").prefetch_related("categories"):
        opportunity.counts = counts_for(opportunity)
        opportunities.append(opportunity)
    feedback = list(
        FeedbackThread.objects.values("agency__name")
        .annotate(
            threads=Count("pk"),
            waiting=Count("pk", filter=Q(last_side=FeedbackMessage.Side.GROUP)),
            last=Max("last_message_at"),
        )
        .order_by("agency__name")
    )
    for row in feedback:
        row["threads_shown"] = describe_count(row["threads"])
        row["waiting_shown"] = describe_count(row["waiting"])
    opted_in = InfluencePreference.objects.filter(Q(informal=True) | Q(forum=True) | Q(formal=True)).count()
    return {"opportunities": opportunities, "feedback": feedback, "opted_in": describe_count(opted_in)}
