"""Pages for putting people in touch: the public form, the withdraw link, the group's requests, the
professional's form and counts, and the staff overview. Rules live in services.py.

Pages that show what a person typed are sent with Cache-Control: no-store, so that the back button or a
shared computer's cache does not keep them. Views that handle the details are marked sensitive, so that an
error report (Django's emails to ADMINS, the django.request log) shows neither the posted values nor any
local variable of the view or of anything it calls."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from twoworlds.accounts.decorators import sign_in_required, staff_required
from twoworlds.core.views import rate_limited
from twoworlds.directory.models import Group
from twoworlds.listings.access import contact_required, forbidden
from twoworlds.safety.services import reads_as_crisis

from . import services
from .forms import AskToBeContactedForm, PutInTouchForm, error_summary
from .models import ContactRequest, ReachBy

log = logging.getLogger(__name__)


def _group(slug):
    return get_object_or_404(Group.objects.select_related("organisation"), slug=slug)


def _policy():
    return {
        "closed_days": settings.CONTACT_PURGE_CLOSED_DAYS,
        "unopened_days": settings.CONTACT_PURGE_UNOPENED_DAYS,
        "reminder_days": settings.CONTACT_REMINDER_BEFORE_DAYS,
    }


def _private(response):
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
    return response


# --- the public: ask a group to get in touch ----------------------------------------------------------------


@sensitive_variables()
@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate="5/h", method="POST", block=False)
def ask(request, slug):
    group = _group(slug)
    if not services.can_ask(group):
        return render(request, "contact/not_offered.html", {"group": group})
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        form = AskToBeContactedForm(request.POST, group=group)
        crisis = form.reads_as_crisis()
        if form.is_valid():
            details = form.details()
            try:
                contact_request, token = services.make_request(group, details)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                emailed = False
                if form.cleaned_data["email_me_link"] and details.reach_kind == ReachBy.EMAIL:
                    emailed = services.send_withdraw_link(details.reach_value, group, token)
                response = render(
                    request,
                    "contact/sent.html",
                    {
                        "group": group,
                        "crisis": crisis,
                        "withdraw_url": request.build_absolute_uri(services.withdraw_path(token)),
                        "emailed": emailed,
                        "purge_after": contact_request.purge_after,
                    },
                )
                return _private(response)
    else:
        form, crisis = AskToBeContactedForm(group=group), False
    errors = error_summary(form) if form.is_bound else []
    response = render(
        request,
        "contact/ask.html",
        {"group": group, "form": form, "errors": errors, "crisis": crisis, "policy": _policy()},
        status=400 if errors else 200,
    )
    return _private(response)


# --- the person: take the request back ----------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate="30/h", method="POST", block=False)
def withdraw(request, token):
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        found = services.find_by_token(token)
        group = found.group if found else None
        if services.withdraw(token):
            return _private(render(request, "contact/withdrawn.html", {"group": group}))
    else:
        found = services.find_by_token(token)
    if not found:
        return _private(render(request, "contact/withdraw_gone.html", status=404))
    return _private(render(request, "contact/withdraw.html", {"group": found.group}))


# --- the group's side ---------------------------------------------------------------------------------------


@require_safe
@contact_required
def inbox(request, group):
    requests = list(services.requests_for(group))
    return _private(
        render(
            request,
            "contact/inbox.html",
            {
                "group": group,
                "waiting": [r for r in requests if not r.is_closed],
                "closed": [r for r in requests if r.is_closed],
                "policy": _policy(),
            },
        )
    )


@sensitive_variables()
@require_safe
@contact_required
def request_detail(request, group, request_id):
    contact_request = get_object_or_404(
        ContactRequest.objects.select_related("agency"), pk=request_id, group=group
    )
    details = services.reveal_for(contact_request, request.user)
    return _private(
        render(
            request,
            "contact/request.html",
            {
                "group": group,
                "contact_request": contact_request,
                "details": details,
                "message_crisis": reads_as_crisis(details.message),
                "policy": _policy(),
            },
        )
    )


@require_POST
@contact_required
def close(request, group, request_id):
    contact_request = get_object_or_404(ContactRequest, pk=request_id, group=group)
    outcome = request.POST.get("outcome")
    if outcome not in ContactRequest.CLOSED_STATES:
        messages.error(request, _("Choose “We have been in touch” or “We could not reach them”."))
        return redirect("contact:request", slug=group.slug, request_id=contact_request.pk)
    closed = services.close(contact_request, request.user, outcome)
    messages.success(
        request,
        _("Thank you. The request will be deleted on %(date)s.")
        % {"date": date_format(closed.purge_after, "j F Y")},
    )
    return redirect("contact:inbox", slug=group.slug)


# --- professionals ------------------------------------------------------------------------------------------


def _not_a_professional(request):
    return forbidden(
        request,
        _(
            "This page is for professionals whose agency works with the clearinghouse. Ask the clearinghouse "
            "staff to add you to your agency. Anyone can ask a group to get in touch from the group's page."
        ),
    )


@sensitive_variables()
@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
@sign_in_required
@ratelimit(key="user", rate="30/h", method="POST", block=False)
def on_behalf(request, slug):
    agencies = services.agencies_of(request.user)
    if not agencies:
        return _not_a_professional(request)
    group = _group(slug)
    if not services.can_ask(group):
        return render(request, "contact/not_offered.html", {"group": group, "professional": True})
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        form = PutInTouchForm(request.POST, group=group, agencies=agencies)
        crisis = form.reads_as_crisis()
        if form.is_valid():
            agency = form.chosen_agency()
            details = form.details()
            try:
                contact_request, token = services.make_request(
                    group, details, agency=agency, made_by=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                response = render(
                    request,
                    "contact/shared.html",
                    {
                        "group": group,
                        "agency": agency,
                        "details": details,
                        "crisis": crisis,
                        "withdraw_url": request.build_absolute_uri(services.withdraw_path(token)),
                        "purge_after": contact_request.purge_after,
                        "printed_at": timezone.localtime(),
                    },
                )
                return _private(response)
    else:
        form, crisis = PutInTouchForm(group=group, agencies=agencies), False
    errors = error_summary(form) if form.is_bound else []
    response = render(
        request,
        "contact/on_behalf.html",
        {"group": group, "form": form, "errors": errors, "crisis": crisis, "agencies": agencies},
        status=400 if errors else 200,
    )
    return _private(response)


@require_safe
@sign_in_required
def professional(request):
    agencies = services.agencies_of(request.user)
    if not agencies:
        return _not_a_professional(request)
    return render(
        request,
        "contact/professional.html",
        {"counts": [services.counts_for_agency(agency) for agency in agencies]},
    )


# --- staff --------------------------------------------------------------------------------------------------


@require_safe
@staff_required
def staff_overview(request):
    rows = services.overview()
    totals = {
        name: sum(getattr(row, name) for row in rows)
        for name in ("new", "opened", "closed", "purge_soon", "all_time")
    }
    return render(
        request, "contact/staff_overview.html", {"rows": rows, "totals": totals, "policy": _policy()}
    )
