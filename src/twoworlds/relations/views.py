"""Pages for working together on the groups' terms: a group's terms, agencies and their offers, offers and
requests, room bookings, talks and training days, and the survey of professionals. Each view starts with its
access check; the rules live in services.py and queries.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.decorators import ratelimit

from twoworlds.accounts.decorators import is_staff_member, sign_in_required
from twoworlds.accounts.models import Agency
from twoworlds.accounts.services import agencies_of
from twoworlds.core.views import rate_limited
from twoworlds.directory.models import Group
from twoworlds.listings.access import forbidden
from twoworlds.listings.services import groups_looked_after_by, is_contact

from . import queries, services
from .forms import (
    AgencyOfferForm,
    AgencyOffersForm,
    BookingForm,
    DecideForm,
    GroupAsksForm,
    GroupTermsForm,
    NoteForm,
    SurveyReplyForm,
    TalkAnswerForm,
    TalkInvitationForm,
    error_summary,
)
from .models import AgencyOffer, Decision, GroupTerms, ResourceKind, ResourceRequest, RoomBooking, Talk

FORM_METHODS = ["GET", "HEAD", "POST"]

# Invitations, offers, requests and bookings each send email to real people: a generous limit per person
# stops a mistake (or a misused account) from flooding groups or agencies.
per_person_limit = ratelimit(key="user", rate="30/h", method="POST", block=False)


def _limited(request):
    return request.method == "POST" and getattr(request, "limited", False)


def _group(slug):
    return get_object_or_404(Group.objects.select_related("organisation"), slug=slug)


def _agency(slug):
    return get_object_or_404(Agency, slug=slug)


def _not_a_professional(request):
    return forbidden(
        request,
        _(
            "This is for professionals: people who work for an agency registered with the clearinghouse. "
            "If you do, ask the clearinghouse staff to add you to your agency."
        ),
    )


def _not_a_group_contact(request, group=None):
    if group is not None:
        return forbidden(
            request, _("Only the people who look after %(name)s can do this.") % {"name": group.name}
        )
    return forbidden(
        request,
        _("This is for people who look after a group listed here. You can claim your group from its page."),
    )


def _render_form(request, template, context, status=200):
    forms_ = [f for f in (context.get("form"),) if f is not None]
    context.setdefault("errors", error_summary(*forms_) if forms_ and forms_[0].is_bound else [])
    return render(request, template, context, status=status)


# --- a group's terms ------------------------------------------------------------------------------------


@sign_in_required
@require_http_methods(FORM_METHODS)
def terms_edit(request, slug):
    group = _group(slug)
    if not (is_contact(request.user, group) or is_staff_member(request.user)):
        return _not_a_group_contact(request, group)
    terms = queries.group_terms(group) or GroupTerms(group=group)
    form = GroupTermsForm(request.POST or None, instance=terms)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in GroupTermsForm.Meta.fields}
        services.save_terms(group, data, request.user)
        # The group's page shows no flash messages; it says "saved" itself when it sees ?terms=saved.
        return redirect(group.get_absolute_url() + "?terms=saved#terms")
    return _render_form(
        request,
        "relations/terms_edit.html",
        {"group": group, "form": form},
        status=400 if form.errors else 200,
    )


# --- agencies -------------------------------------------------------------------------------------------


@require_safe
def agency_list(request):
    agencies = Agency.objects.filter(offers__available=True).distinct().order_by("name")
    return render(
        request, "relations/agency_list.html", {"agencies": agencies, "kinds": ResourceKind.choices}
    )


@require_safe
def agency_detail(request, slug):
    agency = _agency(slug)
    member = queries.is_agency_member(request.user, agency)
    offers = queries.offers_of(agency, available_only=not member)
    context = {
        "agency": agency,
        "offers": offers,
        "member": member,
        "my_groups": groups_looked_after_by(request.user),
    }
    if member:
        kinds = {offer.kind for offer in offers}
        context["welcoming"] = [
            (kind, ResourceKind(kind).label, queries.groups_welcoming(kind)[:20]) for kind in sorted(kinds)
        ]
    return render(request, "relations/agency_detail.html", context)


@sign_in_required
@require_http_methods(FORM_METHODS)
def offer_edit(request, slug, offer_id=None):
    agency = _agency(slug)
    if not queries.is_agency_member(request.user, agency):
        return forbidden(
            request, _("Only the professionals at %(name)s can change its offers.") % {"name": agency.name}
        )
    offer = get_object_or_404(AgencyOffer, pk=offer_id, agency=agency) if offer_id else None
    form = AgencyOfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in AgencyOfferForm.Meta.fields}
        services.save_offer(agency, data, request.user, offer=offer)
        messages.success(request, _("The offer is saved."))
        return redirect("relations:agency", slug=agency.slug)
    return _render_form(
        request,
        "relations/offer_edit.html",
        {"agency": agency, "offer": offer, "form": form},
        status=400 if form.errors else 200,
    )


def _offer(slug, offer_id):
    return get_object_or_404(AgencyOffer.objects.select_related("agency"), pk=offer_id, agency__slug=slug)


@sign_in_required
@require_http_methods(FORM_METHODS)
@per_person_limit
def ask(request, slug, offer_id):
    """A group asks the agency for what it offers."""
    if _limited(request):
        return rate_limited(request)
    offer = _offer(slug, offer_id)
    groups = groups_looked_after_by(request.user)
    if not groups.exists():
        return _not_a_group_contact(request)
    if not offer.available:
        raise Http404
    form = GroupAsksForm(request.POST or None)
    form.add_group_choice(groups)
    if request.method == "POST" and form.is_valid():
        made = services.group_asks(form.chosen_group(), offer, request.user, form.cleaned_data["message"])
        messages.success(request, _("Sent. The agency will accept or decline; you will get an email."))
        return redirect(made)
    return _render_form(
        request, "relations/ask.html", {"offer": offer, "form": form}, status=400 if form.errors else 200
    )


@sign_in_required
@require_http_methods(FORM_METHODS)
@per_person_limit
def book(request, slug, offer_id):
    """A group asks to book a room; the agency confirms or declines."""
    if _limited(request):
        return rate_limited(request)
    offer = _offer(slug, offer_id)
    groups = groups_looked_after_by(request.user)
    if not groups.exists():
        return _not_a_group_contact(request)
    if not (offer.available and offer.is_room):
        raise Http404
    form = BookingForm(request.POST or None)
    form.add_group_choice(groups)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in BookingForm.Meta.fields}
        try:
            booking = services.book_room(offer, form.chosen_group(), request.user, data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Asked. Nothing is booked until the agency confirms; you will get an email.")
            )
            return redirect(booking)
    return _render_form(
        request, "relations/book.html", {"offer": offer, "form": form}, status=400 if form.errors else 200
    )


@sign_in_required
@require_http_methods(FORM_METHODS)
@per_person_limit
def offer_to_group(request, slug):
    """An agency offers something to a group (the group decides)."""
    if _limited(request):
        return rate_limited(request)
    group = _group(slug)
    agencies = agencies_of(request.user)
    if not agencies.exists():
        return _not_a_professional(request)
    refusal = services.why_not_offer(group)
    form = AgencyOffersForm(request.POST or None, initial={"kind": request.GET.get("kind", "")})
    form.add_agency_choice(agencies)
    if not refusal and request.method == "POST" and form.is_valid():
        made = services.agency_offers(
            form.chosen_agency(), group, form.cleaned_data["kind"], request.user, form.cleaned_data["message"]
        )
        messages.success(request, _("Offered. The group decides; you will get an email when it answers."))
        return redirect(made)
    return _render_form(
        request,
        "relations/offer_to_group.html",
        {"group": group, "form": form, "refusal": refusal, "terms": queries.group_terms(group)},
        status=400 if form.errors else 200,
    )


# --- a request or offer, and a booking -----------------------------------------------------------------


def _may_see(user, *checks):
    return is_staff_member(user) or any(checks)


@sign_in_required
@require_http_methods(FORM_METHODS)
def request_detail(request, request_id):
    made = get_object_or_404(
        ResourceRequest.objects.select_related("group", "agency", "offer"), pk=request_id
    )
    if not _may_see(request.user, services.is_request_party(request.user, made)):
        return forbidden(request, _("Only the group and the agency involved can see this."))
    may_decide = made.state == Decision.PENDING and services.may_decide_request(request.user, made)
    may_withdraw = made.state == Decision.PENDING and services.may_withdraw_request(request.user, made)
    form = DecideForm(request.POST or None) if may_decide else None
    if request.method == "POST":
        if request.POST.get("withdraw") and may_withdraw:
            services.withdraw_request(made, request.user)
            messages.success(request, _("Withdrawn. The other side has been told."))
            return redirect(made)
        if form is None:
            return forbidden(request, _("Only the side that was asked can answer."))
        if form.is_valid():
            services.decide_request(
                made, request.user, form.cleaned_data["decision"] == "accept", form.cleaned_data["reason"]
            )
            messages.success(request, _("Your answer is sent."))
            return redirect(made)
    return _render_form(
        request,
        "relations/request.html",
        {"made": made, "form": form, "may_withdraw": may_withdraw},
        status=400 if form is not None and form.errors else 200,
    )


@sign_in_required
@require_http_methods(FORM_METHODS)
def booking_detail(request, booking_id):
    booking = get_object_or_404(RoomBooking.objects.select_related("group", "offer__agency"), pk=booking_id)
    group_side = is_contact(request.user, booking.group)
    agency_side = queries.is_agency_member(request.user, booking.offer.agency)
    if not _may_see(request.user, group_side, agency_side):
        return forbidden(request, _("Only the group and the agency involved can see this booking."))
    may_decide = services.may_decide_booking(request.user, booking)
    may_withdraw = services.may_withdraw_booking(request.user, booking)
    form = DecideForm(request.POST or None) if may_decide else None
    if form is not None:
        form.fields["decision"].choices = [("accept", _("Confirm the booking")), ("decline", _("Decline"))]
    if request.method == "POST":
        if request.POST.get("withdraw") and may_withdraw:
            services.withdraw_booking(booking, request.user)
            messages.success(request, _("Withdrawn. The agency has been told."))
            return redirect(booking)
        if form is None:
            return forbidden(request, _("Only the agency can confirm or decline a booking."))
        if form.is_valid():
            services.decide_booking(
                booking, request.user, form.cleaned_data["decision"] == "accept", form.cleaned_data["reason"]
            )
            messages.success(request, _("Your answer is sent to the group."))
            return redirect(booking)
    return _render_form(
        request,
        "relations/booking.html",
        {"booking": booking, "form": form, "may_withdraw": may_withdraw},
        status=400 if form is not None and form.errors else 200,
    )


# --- talks and training days ------------------------------------------------------------------------------


@sign_in_required
@require_http_methods(FORM_METHODS)
@per_person_limit
def invite(request, slug):
    if _limited(request):
        return rate_limited(request)
    group = _group(slug)
    agencies = agencies_of(request.user)
    if not agencies.exists():
        return _not_a_professional(request)
    kind = request.POST.get("kind") or request.GET.get("kind") or Talk.Kind.TALK
    refusal = services.why_not_invite(group, kind if kind in Talk.Kind.values else Talk.Kind.TALK)
    form = TalkInvitationForm(request.POST or None, initial={"kind": kind})
    form.add_agency_choice(agencies)
    if not refusal and request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in TalkInvitationForm.Meta.fields}
        try:
            talk = services.invite_to_talk(group, request.user, data, agency=form.chosen_agency())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Invitation sent. The group decides; you will get an email when it answers.")
            )
            return redirect(talk)
    return _render_form(
        request,
        "relations/invite.html",
        {"group": group, "form": form, "refusal": refusal, "terms": queries.group_terms(group)},
        status=400 if form.errors else (403 if refusal and request.method == "POST" else 200),
    )


@sign_in_required
@require_http_methods(FORM_METHODS)
def talk_detail(request, talk_id):
    """The invitation, the answers, and, once agreed, the shared planning page for both sides."""
    talk = get_object_or_404(Talk.objects.select_related("group", "agency", "invited_by"), pk=talk_id)
    group_side = is_contact(request.user, talk.group)
    inviting_side = services.is_inviting_side(request.user, talk)
    if not _may_see(request.user, group_side, inviting_side):
        return forbidden(request, _("Only the group and the professionals involved can see this."))
    action = request.POST.get("action", "")
    answer_form = decide_form = note_form = None
    if group_side and talk.state == Talk.State.INVITED:
        answer_form = TalkAnswerForm(request.POST if action == "answer" else None, talk=talk)
    if inviting_side and talk.state == Talk.State.PROPOSED:
        decide_form = DecideForm(request.POST if action == "proposal" else None)
        decide_form.fields["decision"].choices = [
            ("accept", _("Accept the group's terms")),
            ("decline", _("Decline")),
        ]
    if (group_side or inviting_side) and talk.state == Talk.State.ACCEPTED:
        note_form = NoteForm(request.POST if action == "note" else None)
    bound = {"answer": answer_form, "proposal": decide_form, "note": note_form}.get(action)
    if request.method == "POST":
        if action == "withdraw" and inviting_side:
            try:
                services.withdraw_talk(talk, request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Withdrawn. The group has been told."))
            return redirect(talk)
        if bound is None:
            return forbidden(request, _("That is not something you can do with this invitation now."))
        if bound.is_valid():
            if action == "answer":
                services.answer_talk(talk, request.user, bound.cleaned_data)
                messages.success(request, _("The group's answer is sent."))
            elif action == "proposal":
                services.answer_proposal(
                    talk,
                    request.user,
                    bound.cleaned_data["decision"] == "accept",
                    bound.cleaned_data["reason"],
                )
                messages.success(request, _("Your answer is sent to the group."))
            else:
                services.add_note(talk, request.user, bound.cleaned_data["text"])
                messages.success(request, _("Note added."))
            return redirect(talk)
    context = {
        "talk": talk,
        "terms": queries.group_terms(talk.group),
        "group_side": group_side,
        "inviting_side": inviting_side,
        "answer_form": answer_form,
        "decide_form": decide_form,
        "note_form": note_form,
        "notes": talk.notes.select_related("author") if talk.state == Talk.State.ACCEPTED else [],
        "errors": error_summary(bound) if bound is not None and bound.is_bound else [],
    }
    return render(request, "relations/talk.html", context, status=400 if context["errors"] else 200)


# --- everything that concerns me ---------------------------------------------------------------------------


@sign_in_required
@require_safe
def dashboard(request):
    context = queries.relations_dashboard(request.user)
    if not (context["groups"].exists() or context["agencies"].exists()):
        return forbidden(
            request,
            _("This page is for people who look after a group, and for professionals working for an agency."),
        )
    return render(request, "relations/dashboard.html", context)


# --- the survey, answered by a professional through their personal link -----------------------------------


@require_http_methods(FORM_METHODS)
@ratelimit(key="ip", rate="30/h", method="POST", block=False)
def survey_reply(request, token):
    recipient = services.recipient_for_token(token)
    if recipient is None:
        raise Http404
    survey = recipient.survey
    if recipient.replied_at:
        return render(request, "relations/survey_thanks.html", {"survey": survey, "already": True})
    form = SurveyReplyForm(request.POST or None, categories=survey.categories.order_by("name"))
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        if form.is_valid():
            try:
                talks = services.reply_to_survey(recipient, form.ticks(), form.cleaned_data["audience"])
            except (ValidationError, PermissionDenied):
                return render(request, "relations/survey_thanks.html", {"survey": survey, "already": True})
            return render(request, "relations/survey_thanks.html", {"survey": survey, "talks": talks})
    return render(
        request, "relations/survey_reply.html", {"survey": survey, "form": form, "recipient": recipient}
    )
