"""The rules for arrangements between groups and professionals. Views stay small and call these.

- A group's terms: only its contacts (or staff) set them (`save_terms`).
- Agencies' offers: only the agency's professionals manage them (`save_offer`).
- Offers and requests (`group_asks`, `agency_offers`, `decide_request`, `withdraw_request`) and room
  bookings (`book_room`, `decide_booking`, `withdraw_booking`): one side asks, the other decides, with a
  reason or none. Nothing is accepted automatically.
- Talks and training days (`invite_to_talk`, `answer_talk`, `answer_proposal`, `withdraw_talk`, `add_note`).
- Surveys of professionals (`create_survey`, `send_survey`, `reply_to_survey`).

Every step emails the other side. A group that says "No professional involvement" cannot be approached by
any of these, and a group that does not give talks cannot be invited to give one: the refusal says why.
Logs record what happened to which row, never what anyone wrote.
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from twoworlds.accounts.decorators import is_staff_member
from twoworlds.accounts.services import absolute_url, agencies_of, agency_addresses
from twoworlds.listings.services import active_contacts, contact_addresses, is_contact

from . import queries
from .emails import notify, user_addresses
from .models import (
    AgencyOffer,
    Decision,
    GroupTerms,
    ResourceKind,
    ResourceRequest,
    RoomBooking,
    Survey,
    SurveyAnswer,
    SurveyRecipient,
    Talk,
    TalkNote,
)

log = logging.getLogger(__name__)


def _require(condition):
    if not condition:
        raise PermissionDenied


def _require_contact(user, group):
    _require(is_contact(user, group))


def _require_member(user, agency):
    _require(queries.is_agency_member(user, agency))


def _day(value):
    return date_format(value, "l j F Y") if value else ""


# --- a group's terms ------------------------------------------------------------------------------------


@transaction.atomic
def save_terms(group, data, user):
    """Set the group's terms from a GroupTermsForm's cleaned data. Only its contacts or staff."""
    _require(is_contact(user, group) or is_staff_member(user))
    terms = GroupTerms.objects.select_for_update(of=("self",)).filter(group=group).first() or GroupTerms(
        group=group
    )
    for name, value in data.items():
        setattr(terms, name, value)
    terms.updated_by = user
    terms.full_clean()
    terms.save()
    log.info("Terms for group %s set (stance %s).", group.pk, terms.stance)
    return terms


# --- agencies' offers -----------------------------------------------------------------------------------


@transaction.atomic
def save_offer(agency, data, user, offer=None):
    _require_member(user, agency)
    if offer is not None:
        _require(offer.agency_id == agency.pk)
    else:
        offer = AgencyOffer(agency=agency, created_by=user)
    for name, value in data.items():
        setattr(offer, name, value)
    offer.full_clean()
    offer.save()
    log.info("Offer %s of agency %s saved.", offer.pk, agency.pk)
    return offer


# --- offers and requests --------------------------------------------------------------------------------


@transaction.atomic
def group_asks(group, offer, user, message=""):
    """The group asks an agency for something it offers; the agency decides."""
    _require_contact(user, group)
    if not offer.available:
        raise ValidationError(_("The agency is not offering this at the moment."))
    request = ResourceRequest.objects.create(
        group=group,
        agency=offer.agency,
        offer=offer,
        kind=offer.kind,
        direction=ResourceRequest.Direction.GROUP_ASKS,
        message=message,
        created_by=user,
    )
    notify(
        agency_addresses(offer.agency),
        _("%(group)s asks about %(offer)s") % {"group": group.name, "offer": offer.title},
        [
            _("%(group)s has asked %(agency)s about “%(offer)s”, through the clearinghouse.")
            % {"group": group.name, "agency": offer.agency.name, "offer": offer.title},
            _("Please accept or decline; you can give a reason or none. Nothing happens until you answer."),
        ],
        request.get_absolute_url(),
    )
    log.info("Request %s: group %s asked agency %s.", request.pk, group.pk, offer.agency_id)
    return request


def why_not_offer(group):
    """A plain sentence saying why nothing can be offered to this group through the site, or ""."""
    if queries.says_no(group):
        return _("%(name)s has said: no professional involvement. Please respect that.") % {
            "name": group.name
        }
    if not active_contacts(group).exists():
        return _(
            "Nobody looks after %(name)s on this site yet, so it could not answer. The clearinghouse "
            "staff can pass your offer on."
        ) % {"name": group.name}
    return ""


@transaction.atomic
def agency_offers(agency, group, kind, user, message="", offer=None):
    """The agency offers something to a group; the group decides. Never to a group that said no."""
    _require_member(user, agency)
    reason = why_not_offer(group)
    if reason:
        raise ValidationError(reason)
    if kind not in ResourceKind.values:
        raise ValidationError(_("Choose what you offer."))
    request = ResourceRequest.objects.create(
        group=group,
        agency=agency,
        offer=offer,
        kind=kind,
        direction=ResourceRequest.Direction.AGENCY_OFFERS,
        message=message,
        created_by=user,
    )
    notify(
        contact_addresses(group),
        _("%(agency)s offers %(group)s: %(what)s")
        % {"agency": agency.name, "group": group.name, "what": request.get_kind_display()},
        [
            _("%(agency)s has offered %(group)s: %(what)s.")
            % {"agency": agency.name, "group": group.name, "what": request.get_kind_display()},
            _("The group decides. You can accept or decline, with a reason or none."),
        ],
        request.get_absolute_url(),
    )
    log.info("Request %s: agency %s offered group %s.", request.pk, agency.pk, group.pk)
    return request


def may_decide_request(user, request):
    if request.group_decides:
        return is_contact(user, request.group)
    return queries.is_agency_member(user, request.agency)


def may_withdraw_request(user, request):
    if request.group_decides:
        return queries.is_agency_member(user, request.agency)
    return is_contact(user, request.group)


def is_request_party(user, request):
    return is_contact(user, request.group) or queries.is_agency_member(user, request.agency)


def _tell_asking_side(request, subject, paragraphs):
    to = agency_addresses(request.agency) if request.group_decides else contact_addresses(request.group)
    notify(to, subject, paragraphs, request.get_absolute_url())


def _tell_deciding_side(request, subject, paragraphs):
    to = contact_addresses(request.group) if request.group_decides else agency_addresses(request.agency)
    notify(to, subject, paragraphs, request.get_absolute_url())


@transaction.atomic
def decide_request(request, user, accept, reason=""):
    request = ResourceRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
    _require(may_decide_request(user, request))
    if request.state != Decision.PENDING:
        raise ValidationError(_("This has already been answered."))
    request.state = Decision.ACCEPTED if accept else Decision.DECLINED
    request.reason = reason
    request.decided_by = user
    request.decided_at = timezone.now()
    request.save()
    who = request.group.name if request.group_decides else request.agency.name
    verb = _("accepted") if accept else _("declined")
    paragraphs = [
        _("%(who)s has %(verb)s: %(what)s.") % {"who": who, "verb": verb, "what": request.get_kind_display()}
    ]
    if reason:
        paragraphs.append(_("Their note: %(reason)s") % {"reason": reason})
    _tell_asking_side(request, _("%(who)s has %(verb)s") % {"who": who, "verb": verb}, paragraphs)
    log.info("Request %s %s.", request.pk, request.state)
    return request


@transaction.atomic
def withdraw_request(request, user):
    request = ResourceRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
    _require(may_withdraw_request(user, request))
    if request.state != Decision.PENDING:
        raise ValidationError(_("This has already been answered."))
    request.state = Decision.WITHDRAWN
    request.decided_at = timezone.now()
    request.decided_by = user
    request.save()
    _tell_deciding_side(
        request,
        _("Withdrawn: %(what)s") % {"what": request.get_kind_display()},
        [_("The offer or request about “%(what)s” was withdrawn.") % {"what": request.get_kind_display()}],
    )
    return request


# --- room bookings --------------------------------------------------------------------------------------


@transaction.atomic
def book_room(offer, group, user, data):
    """The group asks to use a room; the agency confirms or declines. Nothing is confirmed automatically."""
    _require_contact(user, group)
    if not (offer.is_room and offer.available):
        raise ValidationError(_("This is not a room the agency offers at the moment."))
    booking = RoomBooking(offer=offer, group=group, created_by=user, **data)
    booking.full_clean()
    booking.save()
    notify(
        agency_addresses(offer.agency),
        _("%(group)s asks to book %(room)s") % {"group": group.name, "room": offer.title},
        [
            _("%(group)s would like to use %(room)s on %(day)s, %(start)s to %(end)s, for: %(purpose)s.")
            % {
                "group": group.name,
                "room": offer.title,
                "day": _day(booking.date),
                "start": booking.starts_at.strftime("%H:%M"),
                "end": booking.ends_at.strftime("%H:%M"),
                "purpose": booking.purpose,
            },
            _("Please confirm or decline. Nothing is booked until you confirm."),
        ],
        booking.get_absolute_url(),
    )
    log.info("Booking %s asked by group %s for offer %s.", booking.pk, group.pk, offer.pk)
    return booking


BOOKING_DECIDABLE = (Decision.PENDING,)
BOOKING_WITHDRAWABLE = (Decision.PENDING, Decision.ACCEPTED)


def may_decide_booking(user, booking):
    """The agency confirms or declines a booking while it waits."""
    return booking.state in BOOKING_DECIDABLE and queries.is_agency_member(user, booking.offer.agency)


def may_withdraw_booking(user, booking):
    """The group can take a booking back until it has happened or been declined."""
    return booking.state in BOOKING_WITHDRAWABLE and is_contact(user, booking.group)


@transaction.atomic
def decide_booking(booking, user, accept, reason=""):
    booking = (
        RoomBooking.objects.select_for_update(of=("self",))
        .select_related("offer__agency", "group")
        .get(pk=booking.pk)
    )
    _require_member(user, booking.offer.agency)
    if booking.state not in BOOKING_DECIDABLE:
        raise ValidationError(_("This booking has already been answered."))
    booking.state = Decision.ACCEPTED if accept else Decision.DECLINED
    booking.reason = reason
    booking.decided_by = user
    booking.decided_at = timezone.now()
    booking.save()
    subject = (_("Booking confirmed: %(room)s") if accept else _("Booking declined: %(room)s")) % {
        "room": booking.offer.title
    }
    paragraphs = [
        (
            _("%(agency)s has confirmed %(room)s for %(group)s on %(day)s.")
            if accept
            else _("%(agency)s cannot offer %(room)s to %(group)s on %(day)s.")
        )
        % {
            "agency": booking.offer.agency.name,
            "room": booking.offer.title,
            "group": booking.group.name,
            "day": _day(booking.date),
        }
    ]
    if reason:
        paragraphs.append(_("Their note: %(reason)s") % {"reason": reason})
    notify(contact_addresses(booking.group), subject, paragraphs, booking.get_absolute_url())
    log.info("Booking %s %s.", booking.pk, booking.state)
    return booking


@transaction.atomic
def withdraw_booking(booking, user):
    booking = (
        RoomBooking.objects.select_for_update(of=("self",))
        .select_related("offer__agency", "group")
        .get(pk=booking.pk)
    )
    _require_contact(user, booking.group)
    if booking.state not in BOOKING_WITHDRAWABLE:
        raise ValidationError(_("This booking is no longer open."))
    booking.state = Decision.WITHDRAWN
    booking.decided_at = timezone.now()
    booking.save()
    notify(
        agency_addresses(booking.offer.agency),
        _("Booking withdrawn: %(room)s") % {"room": booking.offer.title},
        [
            _("%(group)s no longer needs %(room)s on %(day)s.")
            % {"group": booking.group.name, "room": booking.offer.title, "day": _day(booking.date)}
        ],
        booking.get_absolute_url(),
    )
    return booking


# --- talks and training days ----------------------------------------------------------------------------


def why_not_invite(group, kind=Talk.Kind.TALK):
    """A plain sentence saying why this group cannot be invited, or "" if it can."""
    terms = queries.group_terms(group)
    if terms is None:
        return _(
            "%(name)s has not said yet whether it gives talks or takes part in training days, so it "
            "cannot be invited through the site. The clearinghouse staff can ask the group for you."
        ) % {"name": group.name}
    if terms.says_no:
        return _("%(name)s has said: no professional involvement. Please respect that.") % {
            "name": group.name
        }
    if kind == Talk.Kind.TALK and not terms.gives_talks:
        return _("%(name)s does not give talks, so it cannot be invited to give one.") % {"name": group.name}
    if kind == Talk.Kind.TRAINING_DAY and not terms.training_days:
        return _("%(name)s does not take part in training days, so it cannot be invited to one.") % {
            "name": group.name
        }
    return ""


def notice_problems(group, kind, dates):
    """{field: message} for the dates offered that come sooner than the notice the group asks for."""
    terms = queries.group_terms(group)
    weeks = None
    if terms is not None:
        weeks = terms.talks_notice_weeks if kind == Talk.Kind.TALK else terms.training_notice_weeks
    if not weeks:
        return {}
    earliest = timezone.localdate() + timedelta(weeks=weeks)
    message = _("%(name)s asks for %(weeks)s weeks' notice: please offer a date from %(day)s on.") % {
        "name": group.name,
        "weeks": weeks,
        "day": _day(earliest),
    }
    return {field: message for field, value in dates.items() if value and value < earliest}


def _agency_for(user, agency=None):
    if agency is not None:
        _require_member(user, agency)
        return agency
    return agencies_of(user).first()


@transaction.atomic
def invite_to_talk(group, user, data, agency=None, survey=None):
    """A professional (or their agency) invites the group; the group decides."""
    if not queries.is_agency_member(user, agency) and agency is not None:
        raise PermissionDenied
    _require(agencies_of(user).exists())
    reason = why_not_invite(group, data.get("kind", Talk.Kind.TALK))
    if reason:
        raise ValidationError(reason)
    if survey is None:
        dates = {name: data.get(name) for name in ("date_option_1", "date_option_2", "date_option_3")}
        problems = notice_problems(group, data.get("kind", Talk.Kind.TALK), dates)
        if problems:
            raise ValidationError(problems)
    talk = Talk(group=group, invited_by=user, agency=_agency_for(user, agency), survey=survey, **data)
    talk.full_clean()
    talk.save()
    inviter = talk.agency.name if talk.agency else (user.get_full_name() or user.email)
    notify(
        contact_addresses(group),
        _("An invitation to %(group)s: %(topic)s") % {"group": group.name, "topic": talk.topic},
        [
            _("%(inviter)s invites %(group)s to %(what)s: “%(topic)s”, for %(audience)s.")
            % {
                "inviter": inviter,
                "group": group.name,
                "what": _("give a talk")
                if talk.kind == Talk.Kind.TALK
                else _("plan a training day together"),
                "topic": talk.topic,
                "audience": talk.audience,
            },
            _(
                "The group decides: accept and pick a date, propose other terms, or decline (no reason "
                "needed)."
            ),
        ],
        talk.get_absolute_url(),
    )
    log.info("Talk %s: group %s invited by user %s.", talk.pk, group.pk, user.pk)
    return talk


def _inviting_side_addresses(talk):
    return user_addresses(talk.invited_by) + agency_addresses(talk.agency)


def may_answer_talk(user, talk):
    return is_contact(user, talk.group)


def is_inviting_side(user, talk):
    return bool(user.is_authenticated) and (
        talk.invited_by_id == user.pk or queries.is_agency_member(user, talk.agency)
    )


@transaction.atomic
def answer_talk(talk, user, data):
    """The group accepts (with a date), declines (reason optional), or proposes other terms."""
    talk = (
        Talk.objects.select_for_update(of=("self",))
        .select_related("group", "agency", "invited_by")
        .get(pk=talk.pk)
    )
    _require(may_answer_talk(user, talk))
    if talk.state != Talk.State.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    answer = data["answer"]
    talk.reason = data.get("reason", "")
    if answer == "accept":
        talk.state = Talk.State.ACCEPTED
        picked = data.get("date")
        talk.agreed_date = next((d for d in talk.date_options if d.isoformat() == picked), None) or data.get(
            "proposed_date"
        )
        if talk.agreed_date is None:
            raise ValidationError(_("Pick a date."))
        subject = _("%(group)s accepts: %(topic)s")
        lines = [_("%(group)s will give it on %(day)s. The shared page is open to both sides for planning.")]
    elif answer == "propose":
        talk.state = Talk.State.PROPOSED
        talk.proposed_date = data.get("proposed_date")
        talk.proposed_fee = data.get("proposed_fee", "")
        talk.proposed_terms = data.get("proposed_terms", "")
        subject = _("%(group)s proposes other terms: %(topic)s")
        lines = [_("%(group)s would like to do it on other terms. Please accept or decline them.")]
    else:
        talk.state = Talk.State.DECLINED
        subject = _("%(group)s declines: %(topic)s")
        lines = [_("%(group)s has declined the invitation, with thanks.")]
    talk.save()
    values = {"group": talk.group.name, "topic": talk.topic, "day": _day(talk.agreed_date)}
    paragraphs = [line % values for line in lines]
    if talk.reason:
        paragraphs.append(_("The group's note: %(reason)s") % {"reason": talk.reason})
    notify(_inviting_side_addresses(talk), subject % values, paragraphs, talk.get_absolute_url())
    log.info("Talk %s answered: %s.", talk.pk, talk.state)
    return talk


@transaction.atomic
def answer_proposal(talk, user, accept, reason=""):
    """The professional accepts or declines the terms the group proposed."""
    talk = (
        Talk.objects.select_for_update(of=("self",))
        .select_related("group", "agency", "invited_by")
        .get(pk=talk.pk)
    )
    _require(is_inviting_side(user, talk))
    if talk.state != Talk.State.PROPOSED:
        raise ValidationError(_("There are no proposed terms waiting for an answer."))
    talk.reason = reason
    if accept:
        talk.state = Talk.State.ACCEPTED
        talk.agreed_date = talk.proposed_date or (talk.date_options[0] if talk.date_options else None)
        if talk.proposed_fee:
            talk.fee_offered = talk.proposed_fee
    else:
        talk.state = Talk.State.TERMS_DECLINED
    talk.save()
    values = {"group": talk.group.name, "topic": talk.topic}
    paragraphs = [
        (
            _("The group's terms for “%(topic)s” were accepted.")
            if accept
            else _("The group's terms for “%(topic)s” were declined.")
        )
        % values
    ]
    if reason:
        paragraphs.append(_("Their note: %(reason)s") % {"reason": reason})
    notify(
        contact_addresses(talk.group),
        (_("Terms accepted: %(topic)s") if accept else _("Terms declined: %(topic)s")) % values,
        paragraphs,
        talk.get_absolute_url(),
    )
    return talk


@transaction.atomic
def withdraw_talk(talk, user):
    talk = Talk.objects.select_for_update(of=("self",)).select_related("group").get(pk=talk.pk)
    _require(is_inviting_side(user, talk))
    if talk.state not in (*Talk.OPEN_STATES, Talk.State.ACCEPTED):
        raise ValidationError(_("This invitation is no longer open."))
    talk.state = Talk.State.WITHDRAWN
    talk.save()
    notify(
        contact_addresses(talk.group),
        _("Invitation withdrawn: %(topic)s") % {"topic": talk.topic},
        [
            _("The invitation to %(group)s about “%(topic)s” was withdrawn.")
            % {"group": talk.group.name, "topic": talk.topic}
        ],
        talk.get_absolute_url(),
    )
    return talk


@transaction.atomic
def add_note(talk, user, text):
    """A planning note on the shared page of an agreed talk or training day; the other side is told."""
    talk = Talk.objects.select_related("group", "agency", "invited_by").get(pk=talk.pk)
    from_group = is_contact(user, talk.group)
    _require(from_group or is_inviting_side(user, talk))
    if talk.state != Talk.State.ACCEPTED:
        raise ValidationError(_("Notes are for agreed talks and training days."))
    note = TalkNote.objects.create(talk=talk, author=user, from_group=from_group, text=text)
    to = _inviting_side_addresses(talk) if from_group else contact_addresses(talk.group)
    notify(
        [a for a in to if a.lower() != (user.email or "").lower()],
        _("A planning note: %(topic)s") % {"topic": talk.topic},
        [_("There is a new note on the shared page for “%(topic)s”.") % {"topic": talk.topic}],
        talk.get_absolute_url(),
    )
    return note


# --- surveys of professionals -------------------------------------------------------------------------------


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_survey(staff, data):
    _require(is_staff_member(staff))
    categories = data.pop("categories")
    survey = Survey.objects.create(created_by=staff, **data)
    survey.categories.set(categories)
    return survey


def professionals():
    """(user, agency) for every active professional with an email address (their first agency by name)."""
    User = get_user_model()
    users = (
        User.objects.filter(
            is_active=True, agency_memberships__removed_at__isnull=True, agency_memberships__isnull=False
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    return [(user, agencies_of(user).first()) for user in users]


def send_survey(survey, staff):
    """Email each professional a personal link (only its hash is kept). Sending again reaches only those
    who have not had it yet. Returns how many were sent now."""
    _require(is_staff_member(staff))
    sent = 0
    already = set(survey.recipients.values_list("user_id", flat=True))
    for user, agency in professionals():
        if user.pk in already:
            continue
        token = secrets.token_urlsafe(24)
        with transaction.atomic():
            SurveyRecipient.objects.create(
                survey=survey, user=user, agency=agency, token_hash=_token_hash(token)
            )
            notify(
                [user.email],
                survey.title,
                [survey.introduction, _("It takes a minute: tick what you would like, issue by issue.")],
                reverse("relations:survey_reply", args=[token]),
                link_text=_("Your personal link (please do not pass it on):"),
            )
        sent += 1
    if sent:
        Survey.objects.filter(pk=survey.pk, sent_at__isnull=True).update(sent_at=timezone.now())
    log.info("Survey %s sent to %s professionals.", survey.pk, sent)
    return sent


def recipient_for_token(token):
    if not token:
        return None
    return (
        SurveyRecipient.objects.select_related("survey", "user", "agency")
        .filter(token_hash=_token_hash(token))
        .first()
    )


def _group_to_invite(category):
    """The group giving talks on this issue with the fewest open invitations (so no group is swamped)."""
    return (
        queries.groups_giving_talks(category)
        .annotate(open_talks=Count("talks", filter=Q(talks__state__in=Talk.OPEN_STATES)))
        .order_by("open_talks", "name")
        .first()
    )


@transaction.atomic
def reply_to_survey(recipient, ticks, audience=""):
    """Record the ticks once. Each "talk" tick becomes an invitation to one group giving talks on that
    issue (the group still decides); "more information" ticks are answered by email with the directory's
    pages for those issues. Returns the invitations made."""
    recipient = SurveyRecipient.objects.select_for_update(of=("self",)).get(pk=recipient.pk)
    if recipient.replied_at:
        raise ValidationError(_("You have already replied to this survey. Thank you."))
    recipient.replied_at = timezone.now()
    recipient.save(update_fields=["replied_at"])
    talks, information = [], []
    for category, wants_talk, wants_information in ticks:
        if not (wants_talk or wants_information):
            continue
        SurveyAnswer.objects.create(
            recipient=recipient, category=category, wants_talk=wants_talk, wants_information=wants_information
        )
        if wants_information:
            information.append(category)
        if wants_talk:
            group = _group_to_invite(category)
            if group is None:
                continue
            talks.append(
                invite_to_talk(
                    group,
                    recipient.user,
                    {
                        "kind": Talk.Kind.TALK,
                        "topic": _("Your group and %(issue)s") % {"issue": category.name},
                        "audience": audience
                        or _("Staff at %(agency)s") % {"agency": recipient.agency or "—"},
                        "message": _("Asked for in the survey “%(title)s”.")
                        % {"title": recipient.survey.title},
                    },
                    agency=recipient.agency
                    if queries.is_agency_member(recipient.user, recipient.agency)
                    else None,
                    survey=recipient.survey,
                )
            )
    if information:
        paragraphs = [_("Thank you for your reply. Here are the groups for the issues you ticked:")]
        for category in information:
            paragraphs.append(
                f"{category.name}: {absolute_url(reverse('directory:category', args=[category.slug]))}"
            )
        paragraphs.append(
            _("You can also make an information pack of groups to hand out: %(url)s")
            % {"url": absolute_url(reverse("packs:new"))}
        )
        notify([recipient.user.email], _("Information about groups you asked for"), paragraphs, "")
    log.info(
        "Survey %s: reply from recipient %s; %s invitations.", recipient.survey_id, recipient.pk, len(talks)
    )
    return talks
