"""Pages for the people who look after groups, and the public forms: claim a group, change its listing,
manage who looks after it, list a new group, report a change. Rules live in services.py."""

import mimetypes

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from twoworlds.core.views import rate_limited
from twoworlds.directory.models import Group

from . import confirmation, diffs, services
from .access import contact_required, sign_in_required
from .forms import (
    ClaimForm,
    ContactForm,
    GroupDetailsForm,
    MeetingFormSet,
    ReportForm,
    RouteFormSet,
    SubmitGroupForm,
    add_model_errors,
    error_summary,
    group_from_snapshot,
    meeting_initial,
    meetings_snapshot,
    route_initial,
    routes_snapshot,
)
from .models import Claim, Decision, GroupContact, ProposedChange

MEETING_TITLE = gettext_lazy("Meeting %(n)s")
ROUTE_TITLE = gettext_lazy("Way to get in touch %(n)s")


def _public_group(slug):
    return get_object_or_404(Group.objects.select_related("organisation"), slug=slug)


# --- my groups ----------------------------------------------------------------------------------------------


@require_POST
@contact_required
def confirm(request, group):
    """A contact says, in one click, that the listing is still right (the re-confirmation cycle's answer)."""
    confirmation.confirm_group_listing(group, request.user)
    messages.success(
        request, _("Thank you: %(name)s is confirmed as still right today.") % {"name": group.name}
    )
    return redirect("listings:my_groups")


@require_safe
@sign_in_required
def my_groups(request):
    user = request.user
    groups = list(services.groups_looked_after_by(user))
    changes = (
        ProposedChange.objects.filter(group__in=groups, kind=ProposedChange.Kind.EDIT)
        .exclude(status=Decision.WITHDRAWN)
        .select_related("group")
        .order_by("-created_at")
    )
    by_group = {group.pk: [] for group in groups}
    for change in changes:
        if len(by_group[change.group_id]) < 5:
            by_group[change.group_id].append(change)
    for group in groups:
        group.recent_changes = by_group[group.pk]
        group.waiting = next((c for c in group.recent_changes if c.status == Decision.PENDING), None)
        group.trusted = services.is_trusted(group)
    claims = Claim.objects.filter(user=user).exclude(status=Decision.APPROVED).select_related("group")
    submissions = (
        ProposedChange.objects.filter(
            kind=ProposedChange.Kind.NEW_GROUP, submitter_email__iexact=user.email
        ).exclude(status=Decision.WITHDRAWN)[:10]
        if user.email
        else []
    )
    return render(
        request,
        "listings/my_groups.html",
        {"groups": groups, "claims": claims, "submissions": submissions},
    )


# --- claiming a group ---------------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@sign_in_required
@ratelimit(key="user", rate="10/h", method="POST", block=False)
def claim(request, slug):
    group = _public_group(slug)
    if services.is_contact(request.user, group):
        messages.info(request, _("You already look after %(group)s.") % {"group": group.name})
        return redirect("listings:my_groups")
    waiting = services.pending_claim(request.user, group)
    if request.method == "POST" and not waiting:
        if getattr(request, "limited", False):
            return rate_limited(request)
        form = ClaimForm(request.POST)
        if form.is_valid():
            try:
                services.claim_group(group, request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. Staff will check your claim for %(group)s and email you. Until then you "
                        "cannot change the listing."
                    )
                    % {"group": group.name},
                )
                return redirect("listings:my_groups")
    else:
        form = ClaimForm()
    return render(
        request,
        "listings/claim.html",
        {
            "group": group,
            "form": form,
            "waiting": waiting,
            "errors": error_summary(form) if form.is_bound else [],
        },
        status=400 if form.is_bound and form.errors else 200,
    )


# --- changing a listing -------------------------------------------------------------------------------------


def _edit_forms(request, group, base, data=None, files=None):
    meetings = base.get("meetings", [])
    routes = base.get("contact_routes", [])
    form = GroupDetailsForm(
        data,
        files,
        instance=group_from_snapshot(base, group),
        snapshot=base,
        has_logo=bool(base.get("logo")),
    )
    meeting_set = MeetingFormSet(
        data,
        prefix="meetings",
        initial=[meeting_initial(m) for m in meetings],
        known_ids=[m["id"] for m in meetings if m.get("id")],
    )
    route_set = RouteFormSet(
        data,
        prefix="routes",
        initial=[route_initial(r) for r in routes],
        known_ids=[r["id"] for r in routes if r.get("id")],
    )
    return form, meeting_set, route_set


def _with_extra_row(data, prefix):
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        data[key] = str(int(data.get(key, 0)) + 1)
    except ValueError:
        pass
    return data


@require_http_methods(["GET", "HEAD", "POST"])
@contact_required
@ratelimit(key="user", rate="60/h", method="POST", block=False)
def edit(request, group):
    base = services.editable_snapshot(group)
    waiting = services.pending_change(group)
    quiet = False
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        data = request.POST
        for prefix, button in (("meetings", "add-meeting"), ("routes", "add-route")):
            if button in data:
                data, quiet = _with_extra_row(data, prefix), True
        form, meeting_set, route_set = _edit_forms(request, group, base, data, request.FILES)
        if not quiet and form.is_valid() & meeting_set.is_valid() & route_set.is_valid():
            snapshot = form.apply_to(dict(base))
            snapshot["meetings"] = meetings_snapshot(meeting_set, base.get("meetings", []))
            snapshot["contact_routes"] = routes_snapshot(route_set, base.get("contact_routes", []))
            logo = form.cleaned_data.get("logo")
            if snapshot == base and logo is None:
                form.add_error(None, _("Nothing has changed: change something on the page, then save it."))
            else:
                try:
                    change = services.propose_change(
                        group, snapshot, request.user, form.cleaned_data.get("note", ""), logo=logo
                    )
                except ValidationError as error:
                    add_model_errors(form, error)
                else:
                    if change.published_without_review:
                        messages.success(request, _("Saved. The changes are on the group's page now."))
                    else:
                        messages.success(
                            request,
                            _(
                                "Saved. Staff will check the changes and publish them; until then the "
                                "group's page stays as it was. We will email you."
                            ),
                        )
                    return redirect("listings:my_groups")
    else:
        form, meeting_set, route_set = _edit_forms(request, group, base)
    errors = []
    if request.method == "POST" and not quiet:
        errors = error_summary(form, (meeting_set, MEETING_TITLE), (route_set, ROUTE_TITLE))
    return render(
        request,
        "listings/edit.html",
        {
            "group": group,
            "form": form,
            "meeting_set": meeting_set,
            "route_set": route_set,
            "errors": errors,
            "quiet": quiet,
            "waiting": waiting,
            "returned": None if waiting else services.last_returned_change(group),
            "trusted": services.is_trusted(group),
            "logo_url": default_storage.url(base["logo"]) if base.get("logo") else "",
        },
        status=400 if errors else 200,
    )


@require_POST
@contact_required
def withdraw(request, group, change_id):
    change = get_object_or_404(ProposedChange, pk=change_id, group=group)
    try:
        services.withdraw_change(change, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your change was withdrawn. The listing stays as it is."))
    return redirect("listings:my_groups")


@require_safe
@contact_required
def change_detail(request, group, change_id):
    change = get_object_or_404(ProposedChange, pk=change_id, group=group, kind=ProposedChange.Kind.EDIT)
    return render(
        request,
        "listings/change.html",
        {"group": group, "change": change, "rows": diffs.describe_changes(change.before, change.proposal)},
    )


# --- who looks after a group --------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@contact_required
@ratelimit(key="user", rate="30/h", method="POST", block=False)
def contacts(request, group):
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        if form.is_valid():
            services.add_contact(group, form.cleaned_data["email"], added_by=request.user)
            messages.success(
                request,
                _("%(email)s can now look after the listing. We have emailed them to say so.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("listings:contacts", slug=group.slug)
    return render(
        request,
        "listings/contacts.html",
        {
            "group": group,
            "contacts": services.active_contacts(group),
            "form": form,
            "errors": error_summary(form) if form.is_bound else [],
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
@contact_required
def remove_contact(request, group, contact_id):
    contact = get_object_or_404(GroupContact, pk=contact_id, group=group, removed_at__isnull=True)
    try:
        services.remove_contact(contact, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("listings:contacts", slug=group.slug)
    if contact.user_id == request.user.pk:
        messages.success(request, _("You no longer look after %(group)s.") % {"group": group.name})
        return redirect("listings:my_groups")
    messages.success(request, _("They no longer look after the listing."))
    return redirect("listings:contacts", slug=group.slug)


# --- the public: list a group -------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate="5/h", method="POST", block=False)
def submit(request):
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        data, quiet = request.POST, "add-meeting" in request.POST
        if quiet:
            data = _with_extra_row(data, "meetings")
        form = SubmitGroupForm(data)
        meeting_set = MeetingFormSet(data, prefix="meetings")
        if not quiet and form.is_valid() & meeting_set.is_valid():
            meetings = meetings_snapshot(meeting_set, [])
            if not meetings and not form.cleaned_data["no_regular_meetings"]:
                form.add_error(
                    "no_regular_meetings",
                    _("Say when and where the group meets, or tick this box if it has no regular meetings."),
                )
            else:
                data = form.cleaned_data
                try:
                    services.submit_group(
                        form.snapshot(meetings),
                        submitter_name=data["submitter_name"],
                        submitter_email=data["submitter_email"],
                        looks_after=data["looks_after"],
                        note=data.get("note", ""),
                    )
                except ValidationError as error:
                    add_model_errors(form, error)
                else:
                    return redirect("listings:submitted")
    else:
        quiet = False
        form = SubmitGroupForm()
        meeting_set = MeetingFormSet(prefix="meetings")
    errors = []
    if request.method == "POST" and not quiet:
        errors = error_summary(form, (meeting_set, MEETING_TITLE))
    return render(
        request,
        "listings/submit.html",
        {"form": form, "meeting_set": meeting_set, "errors": errors, "quiet": quiet},
        status=400 if errors else 200,
    )


@require_safe
def submitted(request):
    return render(request, "listings/submitted.html")


# --- the public: report a change ----------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate="10/h", method="POST", block=False)
def report(request, slug):
    group = _public_group(slug)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        form = ReportForm(request.POST)
        if form.is_valid():
            services.report_change(group, form.cleaned_data["what"], form.cleaned_data["reporter_email"])
            return redirect("listings:reported", slug=group.slug)
    else:
        form = ReportForm()
    errors = error_summary(form) if form.is_bound else []
    return render(
        request,
        "listings/report.html",
        {"group": group, "form": form, "errors": errors},
        status=400 if errors else 200,
    )


@require_safe
def reported(request, slug):
    return render(request, "listings/reported.html", {"group": _public_group(slug)})


# --- pictures -----------------------------------------------------------------------------------------------


@require_safe
def logo(request, name):
    """A group's photo or logo. Published pictures are public; one in a proposal only for staff and the
    group's contacts. Served here so that no web-server set-up is needed; a server may serve /media/groups/
    itself only if it also keeps proposals' pictures private."""
    if not services.logo_visible_to(name, request.user):
        raise Http404
    stored = f"groups/{name}"
    if not default_storage.exists(stored):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(stored, "rb"), content_type=content_type)
    public = Group.objects.filter(logo=stored).exists()
    response["Cache-Control"] = "public, max-age=86400" if public else "private, no-store"
    return response
