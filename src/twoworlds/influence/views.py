"""Pages for influencing services: the group's opt-in and its opportunities (/my-groups/<slug>/influence/),
the poster's opportunities (/influence/opportunities/), feedback to a service from both sides
(/my-groups/<slug>/feedback/, /professional/feedback/), and the staff overview (/staff/influence/)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from twoworlds.accounts.decorators import is_staff_member, sign_in_required, staff_required
from twoworlds.accounts.services import agencies_of
from twoworlds.core.views import rate_limited
from twoworlds.listings.access import contact_required, forbidden

from . import services
from .forms import (
    LEVEL_EXPLAINED,
    FeedbackForm,
    GroupMessageForm,
    OpportunityForm,
    PreferenceForm,
    ReplyForm,
    error_summary,
)
from .models import Delivery, FeedbackThread, Level, Opportunity


def _levels():
    return [(level, LEVEL_EXPLAINED[level]) for level in Level]


# --- the group: opting in, and the opportunities it was sent ------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@contact_required
def group_page(request, group):
    preference = services.preference_for(group)
    initial = {}
    if preference:
        initial = {
            "levels": [level.value for level in preference.levels()],
            "categories": preference.categories.all(),
        }
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_preference(
            group, request.user, form.cleaned_data["levels"], form.cleaned_data["categories"]
        )
        messages.success(request, _("Saved. We send you only what you chose."))
        return redirect("influence:group", slug=group.slug)
    errors = error_summary(form)
    deliveries = list(services.deliveries_for(group))
    return render(
        request,
        "influence/group.html",
        {
            "group": group,
            "form": form,
            "errors": errors,
            "levels": _levels(),
            "preference": preference,
            "deliveries": deliveries,
        },
        status=400 if errors else 200,
    )


def _delivery(group, delivery_id):
    return get_object_or_404(
        Delivery.objects.select_related("opportunity", "opportunity__agency"), pk=delivery_id, group=group
    )


@require_safe
@contact_required
def group_opportunity(request, group, delivery_id):
    delivery = _delivery(group, delivery_id)
    return render(
        request,
        "influence/group_opportunity.html",
        {"group": group, "delivery": delivery, "opportunity": delivery.opportunity},
    )


@require_POST
@contact_required
def group_answer(request, group, delivery_id):
    delivery = _delivery(group, delivery_id)
    interested = request.POST.get("answer") == "interested"
    services.answer(delivery, request.user, interested)
    if interested:
        messages.success(
            request, _("Thank you. The people who posted it have been told, and will be in touch.")
        )
    else:
        messages.success(request, _("No thanks: noted. Nobody will ask why."))
    return redirect("influence:group", slug=group.slug)


# --- posting opportunities ----------------------------------------------------------------------------------


def _poster_or_forbidden(request):
    staff = is_staff_member(request.user)
    agencies = list(agencies_of(request.user))
    if not staff and not agencies:
        return (
            None,
            None,
            forbidden(
                request,
                _(
                    "Opportunities to influence services are posted by clearinghouse staff and by agencies' "
                    "staff."
                ),
            ),
        )
    return staff, agencies, None


@require_safe
@sign_in_required
def opportunities(request):
    staff, agencies, refused = _poster_or_forbidden(request)
    if refused:
        return refused
    rows = list(services.opportunities_for_poster(request.user))
    for opportunity in rows:
        opportunity.counts = services.counts_for(opportunity)
    return render(request, "influence/opportunities.html", {"opportunities": rows, "levels": _levels()})


@require_http_methods(["GET", "HEAD", "POST"])
@sign_in_required
@ratelimit(key="user", rate="30/h", method="POST", block=False)
def post_opportunity(request):
    staff, agencies, refused = _poster_or_forbidden(request)
    if refused:
        return refused
    form = OpportunityForm(request.POST or None, agencies=agencies, staff=staff)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                opportunity = services.post_opportunity(
                    request.user, data, data.pop("categories"), agency=form.chosen_agency()
                )
            except ValidationError as error:
                for name, errors in getattr(error, "error_dict", {None: error.error_list}).items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                messages.success(request, _("Posted. It has gone only to the groups that opted in to it."))
                return redirect("influence:opportunity", opportunity_id=opportunity.pk)
    errors = error_summary(form)
    return render(
        request, "influence/post.html", {"form": form, "errors": errors}, status=400 if errors else 200
    )


def _managed(request, opportunity_id):
    opportunity = get_object_or_404(Opportunity.objects.select_related("agency"), pk=opportunity_id)
    return opportunity if services.may_manage(request.user, opportunity) else None


@require_safe
@sign_in_required
def opportunity(request, opportunity_id):
    found = _managed(request, opportunity_id)
    if found is None:
        return forbidden(
            request, _("Only the people who posted an opportunity (and the clearinghouse) see it here.")
        )
    return render(
        request,
        "influence/opportunity.html",
        {"opportunity": found, "counts": services.counts_for(found)},
    )


@require_POST
@sign_in_required
def close_opportunity(request, opportunity_id):
    found = _managed(request, opportunity_id)
    if found is None:
        return forbidden(request)
    services.close_opportunity(found, request.user)
    messages.success(request, _("Closed: it is no longer sent to groups."))
    return redirect("influence:opportunity", opportunity_id=found.pk)


# --- feedback: the group's side -----------------------------------------------------------------------------


@require_safe
@contact_required
def group_feedback(request, group):
    return render(
        request,
        "influence/group_feedback.html",
        {"group": group, "threads": services.threads_for_group(group)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@contact_required
@ratelimit(key="user", rate="20/h", method="POST", block=False)
def group_feedback_new(request, group):
    form = FeedbackForm(request.POST or None, group=group)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return rate_limited(request)
        if form.is_valid():
            data = form.cleaned_data
            thread = services.start_feedback(
                group,
                request.user,
                data["agency"],
                subject=data["subject"],
                body=data["body"],
                members_sharing=data["members_sharing"],
                named=data["named"],
                issue=form.chosen_issue(),
            )
            messages.success(
                request,
                _("Sent to %(agency)s. You will get an email when they reply.")
                % {"agency": thread.agency.name},
            )
            return redirect("influence:group_thread", slug=group.slug, thread_id=thread.pk)
    errors = error_summary(form)
    return render(
        request,
        "influence/feedback_new.html",
        {"group": group, "form": form, "errors": errors},
        status=400 if errors else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@contact_required
@ratelimit(key="user", rate="30/h", method="POST", block=False)
def group_thread(request, group, thread_id):
    thread = get_object_or_404(FeedbackThread.objects.select_related("agency"), pk=thread_id, group=group)
    if request.method == "POST" and getattr(request, "limited", False):
        return rate_limited(request)
    form = GroupMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_group_message(
            thread, request.user, form.cleaned_data["body"], form.cleaned_data["members_sharing"]
        )
        messages.success(request, _("Sent."))
        return redirect("influence:group_thread", slug=group.slug, thread_id=thread.pk)
    errors = error_summary(form)
    return render(
        request,
        "influence/thread.html",
        {
            "thread": thread,
            "messages_in": services.messages_in(thread),
            "form": form,
            "errors": errors,
            "side": "group",
            "group": group,
        },
        status=400 if errors else 200,
    )


# --- feedback: the service's side ---------------------------------------------------------------------------


@require_safe
@sign_in_required
def service_feedback(request):
    if not agencies_of(request.user).exists():
        return forbidden(
            request, _("This page is for the staff of agencies that receive feedback from groups.")
        )
    return render(
        request, "influence/service_feedback.html", {"threads": services.threads_for_service(request.user)}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@sign_in_required
@ratelimit(key="user", rate="30/h", method="POST", block=False)
def service_thread(request, thread_id):
    thread = get_object_or_404(FeedbackThread.objects.select_related("agency"), pk=thread_id)
    if not services.may_answer_for(request.user, thread):
        return forbidden(request, _("Only the staff of the service a group wrote to can read its feedback."))
    if request.method == "POST" and getattr(request, "limited", False):
        return rate_limited(request)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.reply(thread, request.user, form.cleaned_data["body"])
        messages.success(request, _("Your reply has gone to the group."))
        return redirect("influence:service_thread", thread_id=thread.pk)
    errors = error_summary(form)
    return render(
        request,
        "influence/thread.html",
        {
            "thread": thread,
            "messages_in": services.messages_in(thread),
            "form": form,
            "errors": errors,
            "side": "service",
        },
        status=400 if errors else 200,
    )


# --- staff --------------------------------------------------------------------------------------------------


@require_safe
@staff_required
def staff_overview(request):
    return render(request, "influence/staff_overview.html", services.overview())
