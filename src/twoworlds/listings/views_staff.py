"""The clearinghouse staff's moderation pages: the queue, each item's decision, a listing's history with
reverts, whether a group is trusted, and who looks after it. Staff only (access.staff_required)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from twoworlds.directory.models import Group
from twoworlds.directory.snapshots import take_snapshot

from . import diffs, services
from .access import staff_required
from .forms import (
    ContactForm,
    DecisionForm,
    ResolveForm,
    RevertForm,
    TrustedForm,
    add_model_errors,
    error_summary,
)
from .models import ChangeReport, Claim, Decision, GroupContact, ListingChange, ProposedChange


@require_safe
@staff_required
def queue(request):
    return render(request, "listings/staff/queue.html", {"queue": services.moderation_queue()})


def _decide(request, form, decide):
    """Run a decision; a ValidationError from the rules shows on the form instead of a half-done change."""
    try:
        decide(form.approve, form.cleaned_data.get("reason", ""))
    except ValidationError as error:
        add_model_errors(form, error)
        return False
    return True


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def change(request, pk):
    proposed = get_object_or_404(ProposedChange.objects.select_related("group", "submitted_by"), pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _decide(
            request,
            form,
            lambda approve, reason: services.decide_change(proposed, request.user, approve, reason),
        ):
            messages.success(
                request,
                _("Approved and published.")
                if form.approve
                else _("Returned. They have been emailed the reason."),
            )
            return redirect("listings_staff:queue")
    if proposed.kind == ProposedChange.Kind.NEW_GROUP:
        rows = diffs.describe_listing(services._listing_part(proposed.proposal))
        current_rows = []
    else:
        rows = diffs.describe_changes(proposed.before, proposed.proposal)
        # What approving would do now, if the listing changed since the group made its edit.
        current = take_snapshot(proposed.group)
        current_rows = (
            diffs.describe_changes(
                current, services.merge_proposal(current, proposed.before, proposed.proposal)
            )
            if proposed.status == Decision.PENDING and current != proposed.before
            else []
        )
    return render(
        request,
        "listings/staff/change.html",
        {
            "change": proposed,
            "rows": rows,
            "current_rows": current_rows,
            "form": form,
            "errors": error_summary(form) if form.is_bound else [],
            "looks_after": (proposed.proposal.get("_submission") or {}).get("looks_after", False),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def claim(request, pk):
    found = get_object_or_404(Claim.objects.select_related("group", "user"), pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _decide(
            request, form, lambda approve, reason: services.decide_claim(found, request.user, approve, reason)
        ):
            messages.success(
                request,
                _("Approved: they can now change the listing.")
                if form.approve
                else _("Returned. They have been emailed the reason."),
            )
            return redirect("listings_staff:queue")
    return render(
        request,
        "listings/staff/claim.html",
        {
            "claim": found,
            "contacts": services.active_contacts(found.group),
            "other_claims": Claim.objects.filter(group=found.group)
            .exclude(pk=found.pk)
            .select_related("user"),
            "form": form,
            "errors": error_summary(form) if form.is_bound else [],
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def report(request, pk):
    found = get_object_or_404(ChangeReport.objects.select_related("group", "resolved_by"), pk=pk)
    form = ResolveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.resolve_report(found, request.user, form.cleaned_data["resolution"])
        messages.success(request, _("Marked as done."))
        return redirect("listings_staff:queue")
    return render(
        request,
        "listings/staff/report.html",
        {"report": found, "form": form, "contacts": services.active_contacts(found.group)},
    )


# --- a listing's history, trust and contacts ----------------------------------------------------------------


HISTORY_PAGE_SIZE = 25


def _history_page(request, group, *, revert_forms=None, contact_form=None, status=200):
    revert_forms = revert_forms or {}
    page = Paginator(
        ListingChange.objects.filter(group=group).select_related("actor"), HISTORY_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    changes = list(page)
    shown = {item.pk for item in changes}
    changes = [
        *ListingChange.objects.filter(pk__in=set(revert_forms) - shown),
        *changes,
    ]  # a revert that failed
    for item in changes:
        item.rows = diffs.describe_changes(item.before, item.after)
        item.revert_form = revert_forms.get(item.pk) or RevertForm(prefix=f"revert-{item.pk}")
    contact_form = contact_form or ContactForm()
    errors = []
    for form in [contact_form, *revert_forms.values()]:
        if form.is_bound:
            errors += error_summary(form)
    return render(
        request,
        "listings/staff/history.html",
        {
            "group": group,
            "changes": changes,
            "page": page,
            "contacts": services.active_contacts(group),
            "former_contacts": GroupContact.objects.filter(
                group=group, removed_at__isnull=False
            ).select_related("user", "removed_by"),
            "trusted_form": TrustedForm(initial={"trusted": services.is_trusted(group)}),
            "contact_form": contact_form,
            "errors": errors,
        },
        status=status,
    )


@require_safe
@staff_required
def history(request, slug):
    return _history_page(request, get_object_or_404(Group, slug=slug))


@require_POST
@staff_required
def revert(request, pk):
    item = get_object_or_404(ListingChange.objects.select_related("group"), pk=pk)
    form = RevertForm(request.POST, prefix=f"revert-{item.pk}")
    if form.is_valid():
        try:
            services.revert(item, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            add_model_errors(form, error)
        else:
            messages.success(request, _("Reverted. The listing is back as it was before that change."))
            return redirect("listings_staff:history", slug=item.group.slug)
    return _history_page(request, item.group, revert_forms={item.pk: form}, status=400)


@require_POST
@staff_required
def trusted(request, slug):
    group = get_object_or_404(Group, slug=slug)
    form = TrustedForm(request.POST)
    form.is_valid()
    state = services.set_trusted(group, form.cleaned_data.get("trusted", False), request.user)
    messages.success(
        request,
        _("Trusted: the group's edits are published straight away.")
        if state.trusted
        else _("Moderated: the group's edits wait for staff."),
    )
    return redirect("listings_staff:history", slug=group.slug)


@require_POST
@staff_required
def add_contact(request, slug):
    group = get_object_or_404(Group, slug=slug)
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _history_page(request, group, contact_form=form, status=400)
    services.add_contact(group, form.cleaned_data["email"], added_by=request.user)
    messages.success(request, _("Added. We have emailed them to say so."))
    return redirect("listings_staff:history", slug=group.slug)


@require_POST
@staff_required
def remove_contact(request, pk):
    contact = get_object_or_404(GroupContact.objects.select_related("group"), pk=pk)
    services.remove_contact(contact, request.user)
    messages.success(request, _("Removed. They can no longer change the listing."))
    return redirect("listings_staff:history", slug=contact.group.slug)
