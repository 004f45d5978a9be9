"""The re-confirmation cycle's pages: the one-click link from the email, and the staff dashboard.

The link's GET only shows the group and a button; the POST confirms. Email scanners and link previews
follow links, and must never confirm a listing on a person's behalf."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from twoworlds.accounts.decorators import staff_required
from twoworlds.directory.models import Group

from . import confirmation


def _message(request, title, message, status):
    response = render(request, "core/message.html", {"title": title, "message": message}, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@ratelimit(key="ip", rate="60/m", method=ratelimit.ALL, block=True)
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_by_link(request, token):
    found = confirmation.find_request(token)
    if found is None:
        return _message(
            request,
            _("We do not recognise this link"),
            _(
                "It may have been copied only in part, or it may be from an old email. If you look after a "
                "group, sign in to confirm its details from your groups page, or get in touch with the "
                "clearinghouse."
            ),
            404,
        )
    group = found.group
    state = confirmation.request_state(found)
    if state == confirmation.EXPIRED:
        return _message(
            request,
            _("This link has expired"),
            _(
                "Links in our emails work for a limited time. Sign in to confirm your group's details from "
                "your groups page, or get in touch with the clearinghouse."
            ),
            410,
        )
    if state == confirmation.CLOSED:
        return _message(
            request,
            _("This group's listing is closed"),
            _(
                "Our directory says this group has closed, so there is nothing to confirm. If it is running "
                "again, please get in touch with the clearinghouse."
            ),
            410,
        )
    context = {"group": group, "request_obj": found}
    if state == confirmation.CONFIRMED:
        return _page(request, "listings/confirmation/done.html", {**context, "already": True})
    if request.method == "POST":
        was_lapsed = group.lapsed
        done = confirmation.confirm(found, request.user)
        group.refresh_from_db()
        return _page(
            request,
            "listings/confirmation/done.html",
            {
                **context,
                "already": not done,
                "was_lapsed": was_lapsed and done,
                "next_due": confirmation.due_on_for(group),
            },
        )
    return _page(
        request,
        "listings/confirmation/confirm.html",
        {**context, "update_url": f"/my-groups/{group.slug}/edit/"},
    )


def _page(request, template, context):
    response = render(request, template, context)
    response["X-Robots-Tag"] = "noindex"
    return response


STATE_LABELS = {
    confirmation.DUE: (_("Due"), _("Asked to confirm; waiting for an answer.")),
    confirmation.OVERDUE: (
        _("Overdue"),
        _("Asked, not confirmed, and the public page already says the details may be out of date."),
    ),
    confirmation.LAPSED: (
        _("Lapsed: to chase"),
        _("Out of search. The page is still reachable by its link, marked as not confirmed."),
    ),
    confirmation.NO_ONE: (
        _("No one to ask"),
        _("Due, but nobody looks after the listing on the site yet: phone or write to the group."),
    ),
}


@require_safe
@staff_required
def dashboard(request):
    board = confirmation.dashboard()
    sections = [
        {
            "state": state,
            "label": STATE_LABELS[state][0],
            "help": STATE_LABELS[state][1],
            "rows": board.rows[state],
        }
        for state in confirmation.STATES
    ]
    by_category = [
        {"category": e.category, "counts": [e.counts[s] for s in confirmation.STATES], "total": e.total}
        for e in board.by_category
    ]
    return render(
        request,
        "listings/confirmation/dashboard.html",
        {
            "sections": sections,
            "by_category": by_category,
            "interval": settings.RECONFIRM_INTERVAL_DAYS,
            "warning": settings.CONFIRMATION_WARNING_DAYS,
            "lapse": settings.LAPSE_AFTER_DAYS,
            "today": board.today,
        },
    )


@require_POST
@staff_required
def mark_confirmed(request, group_id):
    """Staff confirmed the details themselves (usually by phone): recorded with them as the actor."""
    group = get_object_or_404(Group.objects.select_related("organisation"), pk=group_id)
    if group.status == Group.Status.CLOSED:
        messages.error(request, _("%(name)s has closed: there is nothing to confirm.") % {"name": group.name})
        return redirect("confirmation_staff:dashboard")
    note = (request.POST.get("note") or "").strip()[:300] or _("checked by staff")
    confirmation.confirm_group_listing(group, request.user, note=note)
    messages.success(
        request,
        _("%(name)s is confirmed as still right today.") % {"name": group.name},
    )
    return redirect("confirmation_staff:dashboard")
