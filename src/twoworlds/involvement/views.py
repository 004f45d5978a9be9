"""Pages for invitations to attend and roles: the professional's side (/groups/<slug>/ask-to-attend/,
/groups/<slug>/propose-a-role/, /professional/involvement/…), the group's side
(/my-groups/<slug>/involvement/…) and the staff overview (/staff/involvement/). The rules live in
services.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from twoworlds.accounts.decorators import sign_in_required, staff_required
from twoworlds.accounts.services import agencies_of
from twoworlds.core.views import rate_limited
from twoworlds.directory.models import Group
from twoworlds.listings.access import contact_required, forbidden

from . import services
from .forms import (
    AskToAttendForm,
    DecideInvitationForm,
    GroupRoleForm,
    ProfessionalRoleForm,
    ReasonForm,
    ReviewForm,
    RoleTermsForm,
    error_summary,
)
from .models import Invitation, Role, RoleReview, Side


def _group(slug):
    return get_object_or_404(Group.objects.prefetch_related("meetings__venue"), slug=slug)


def _not_a_professional(request):
    return forbidden(
        request,
        _(
            "This page is for professionals whose agency works with the clearinghouse. Ask the clearinghouse "
            "staff to add you to your agency."
        ),
    )


def _not_on_terms(request, group, what):
    return render(request, "involvement/not_on_terms.html", {"group": group, "what": what}, status=403)


def _apply_errors(form, error):
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- the professional's side --------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@sign_in_required
@ratelimit(key="user", rate="30/h", method="POST", block=False)
def ask_to_attend(request, slug):
    agencies = list(agencies_of(request.user))
    if not agencies:
        return _not_a_professional(request)
    group = _group(slug)
    if not services.allows_guests(group):
        return _not_on_terms(request, group, "guests")
    form = AskToAttendForm(request.POST or None, group=group, agencies=agencies)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        if form.is_valid():
            services.ask_to_attend(
                group,
                request.user,
                form.chosen_agency(),
                professional_name=form.cleaned_data["professional_name"],
                about_you=form.cleaned_data["about_you"],
                meetings=form.meetings_text(),
                reason=form.cleaned_data["reason"],
            )
            messages.success(
                request,
                _("Your request has gone to %(group)s. They decide, and we email you.") % {"group": group},
            )
            return redirect("involvement:professional")
    else:
        form.initial["professional_name"] = request.user.get_full_name()
    errors = error_summary(form)
    return render(
        request,
        "involvement/ask_to_attend.html",
        {"group": group, "form": form, "errors": errors},
        status=400 if errors else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@sign_in_required
@ratelimit(key="user", rate="30/h", method="POST", block=False)
def propose_as_professional(request, slug):
    agencies = list(agencies_of(request.user))
    if not agencies:
        return _not_a_professional(request)
    group = _group(slug)
    if not services.allows_roles(group):
        return _not_on_terms(request, group, "roles")
    form = ProfessionalRoleForm(request.POST or None, agencies=agencies)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        if form.is_valid():
            try:
                role = services.propose_role(
                    group, request.user, form.chosen_agency(), Side.PROFESSIONAL, request.user, form.terms()
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your proposal has gone to %(group)s. Nothing starts until they agree.")
                    % {"group": group},
                )
                return redirect("involvement:professional_role", role_id=role.pk)
    errors = error_summary(form)
    return render(
        request,
        "involvement/propose_role.html",
        {"group": group, "form": form, "errors": errors, "side": Side.PROFESSIONAL},
        status=400 if errors else 200,
    )


@require_safe
@sign_in_required
def professional(request):
    invitations = list(services.invitations_of(request.user))
    roles = list(services.roles_of(request.user))
    if not invitations and not roles and not agencies_of(request.user).exists():
        return _not_a_professional(request)
    return render(request, "involvement/professional.html", {"invitations": invitations, "roles": roles})


@require_POST
@sign_in_required
def cancel_invitation(request, invitation_id):
    invitation = get_object_or_404(Invitation, pk=invitation_id, professional=request.user)
    try:
        services.cancel_invitation(invitation, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You have taken it back. The group has been told."))
    return redirect("involvement:professional")


def _professional_role(request, role_id):
    return get_object_or_404(
        Role.objects.select_related("group", "agency"), pk=role_id, professional=request.user
    )


@require_safe
@sign_in_required
def professional_role(request, role_id):
    return _role_page(request, _professional_role(request, role_id), Side.PROFESSIONAL)


@require_http_methods(["GET", "HEAD", "POST"])
@sign_in_required
def professional_review(request, role_id):
    return _review_page(request, _professional_role(request, role_id), Side.PROFESSIONAL)


@require_POST
@sign_in_required
def professional_role_action(request, role_id, action):
    return _role_action(request, _professional_role(request, role_id), Side.PROFESSIONAL, action)


# --- the group's side ---------------------------------------------------------------------------------------


@require_safe
@contact_required
def group_page(request, group):
    invitations = list(services.invitations_for_group(group))
    return render(
        request,
        "involvement/group.html",
        {
            "group": group,
            "waiting": [i for i in invitations if i.state == Invitation.State.ASKED],
            "current": [i for i in invitations if i.is_current()],
            "past": [i for i in invitations if i.state != Invitation.State.ASKED and not i.is_current()],
            "roles": list(services.roles_for_group(group)),
            "allows_guests": services.allows_guests(group),
            "allows_roles": services.allows_roles(group),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@contact_required
def group_invitation(request, group, invitation_id):
    invitation = get_object_or_404(Invitation.objects.select_related("agency"), pk=invitation_id, group=group)
    form = DecideInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            services.decide_invitation(
                invitation,
                request.user,
                accept,
                ends_on=form.cleaned_data["ends_on"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request,
                (_("Accepted. %(name)s has been told.") if accept else _("Declined. %(name)s has been told."))
                % {"name": invitation.professional_name},
            )
            return redirect("involvement:group", slug=group.slug)
    errors = error_summary(form)
    return render(
        request,
        "involvement/group_invitation.html",
        {"group": group, "invitation": invitation, "form": form, "errors": errors},
        status=400 if errors else 200,
    )


@require_POST
@contact_required
def withdraw_invitation(request, group, invitation_id):
    invitation = get_object_or_404(Invitation, pk=invitation_id, group=group)
    try:
        services.withdraw_invitation(invitation, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Withdrawn. %(name)s has been told they are no longer invited.")
            % {"name": invitation.professional_name},
        )
    return redirect("involvement:group", slug=group.slug)


@require_http_methods(["GET", "HEAD", "POST"])
@contact_required
def group_propose_role(request, group):
    if not services.allows_roles(group):
        return _not_on_terms(request, group, "roles")
    form = GroupRoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            role = services.propose_role(
                group, form.professional, form.agency, Side.GROUP, request.user, form.terms()
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request, _("Your proposal has gone to the professional. Nothing starts until they agree.")
            )
            return redirect("involvement:group_role", slug=group.slug, role_id=role.pk)
    errors = error_summary(form)
    return render(
        request,
        "involvement/propose_role.html",
        {"group": group, "form": form, "errors": errors, "side": Side.GROUP},
        status=400 if errors else 200,
    )


def _group_role(group, role_id):
    return get_object_or_404(
        Role.objects.select_related("group", "agency", "professional"), pk=role_id, group=group
    )


@require_safe
@contact_required
def group_role(request, group, role_id):
    return _role_page(request, _group_role(group, role_id), Side.GROUP)


@require_http_methods(["GET", "HEAD", "POST"])
@contact_required
def group_review(request, group, role_id):
    return _review_page(request, _group_role(group, role_id), Side.GROUP)


@require_POST
@contact_required
def group_role_action(request, group, role_id, action):
    return _role_action(request, _group_role(group, role_id), Side.GROUP, action)


# --- a role, from either side -------------------------------------------------------------------------------


def _role_url(role, side, name="role"):
    if side == Side.GROUP:
        return ("involvement:group_" + name, {"slug": role.group.slug, "role_id": role.pk})
    return ("involvement:professional_" + name, {"role_id": role.pk})


def _action_url(role, side, action):
    name, kwargs = _role_url(role, side, "role_action")
    return reverse(name, kwargs={**kwargs, "action": action})


def _role_page(request, role, side):
    history = services.role_history(role)
    change = services.pending_change(role)
    replaced_by = Role.objects.filter(replaces=role).exclude(state=Role.State.WITHDRAWN).first()
    return render(
        request,
        "involvement/role.html",
        {
            "role": role,
            "side": side,
            "group": role.group,
            "history": history,
            "change": change,
            "replaced_by": replaced_by,
            "may_answer": role.state == Role.State.PROPOSED and role.answering_side == side,
            "may_withdraw": role.state == Role.State.PROPOSED and role.proposed_by == side,
            "urls": {a: _action_url(role, side, a) for a in ("agree", "decline", "withdraw", "end")},
            "review_url": _review_url(role, side),
            "change_url": change and _role_url_path(change, side),
            "replaced_url": replaced_by and _role_url_path(replaced_by, side),
            "overdue": role.review_overdue(),
            "reason_form": ReasonForm(),
        },
    )


def _role_url_path(role, side):
    name, kwargs = _role_url(role, side)
    return reverse(name, kwargs=kwargs)


def _review_url(role, side):
    name, kwargs = _role_url(role, side, "review")
    return reverse(name, kwargs=kwargs)


def _back(role, side):
    name, kwargs = _role_url(role, side)
    return redirect(name, **kwargs)


def _role_action(request, role, side, action):
    reason = ReasonForm(request.POST)
    reason.is_valid()
    text = reason.cleaned_data.get("reason", "")
    try:
        if action in ("agree", "decline"):
            services.answer_role(role, request.user, side, action == "agree", text)
            messages.success(
                request, _("Agreed: the role has started.") if action == "agree" else _("Not agreed.")
            )
        elif action == "withdraw":
            services.withdraw_proposal(role, request.user, side)
            messages.success(request, _("Your proposal has been taken back."))
        elif action == "end":
            services.end_role(role, request.user, side, text)
            messages.success(request, _("The role has ended. The other side has been told."))
        else:
            return forbidden(request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(role, side)


def _review_page(request, role, side):
    if role.state != Role.State.ACTIVE:
        messages.error(request, _("Only an agreed role can be reviewed."))
        return _back(role, side)
    data = request.POST or None
    form = ReviewForm(data)
    change_form = RoleTermsForm(
        data if data and data.get("outcome") == RoleReview.Outcome.CHANGE else None,
        prefix="change",
        allow_figurehead=side == Side.GROUP,
        initial={"kind": role.kind, "description": role.description, "time_commitment": role.time_commitment},
    )
    if request.method == "POST":
        wants_change = data.get("outcome") == RoleReview.Outcome.CHANGE
        if form.is_valid() and (not wants_change or change_form.is_valid()):
            try:
                review, replacement = services.review_role(
                    role,
                    request.user,
                    side,
                    form.cleaned_data["outcome"],
                    next_review_on=form.cleaned_data["next_review_on"],
                    notes=form.cleaned_data["notes"],
                    change=change_form.terms() if wants_change else None,
                )
            except ValidationError as error:
                _apply_errors(change_form if wants_change else form, error)
            else:
                messages.success(
                    request,
                    {
                        RoleReview.Outcome.CARRY_ON: _(
                            "Review recorded: the role carries on. The other side has been told."
                        ),
                        RoleReview.Outcome.CHANGE: _(
                            "The changed role has gone to the other side to agree. Until they do, the role "
                            "carries on as it is."
                        ),
                        RoleReview.Outcome.END: _(
                            "Review recorded: the role has ended. The other side has been told."
                        ),
                    }[review.outcome],
                )
                return _back(replacement or role, side)
    errors = error_summary(form, change_form if change_form.is_bound else None)
    return render(
        request,
        "involvement/review.html",
        {
            "role": role,
            "side": side,
            "group": role.group,
            "form": form,
            "change_form": change_form,
            "errors": errors,
            "back_url": _role_url_path(role, side),
        },
        status=400 if errors else 200,
    )


# --- staff --------------------------------------------------------------------------------------------------


@require_safe
@staff_required
def staff_overview(request):
    return render(request, "involvement/staff_overview.html", services.overview())
