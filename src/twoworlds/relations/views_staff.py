"""Staff pages: the whole flow of offers, requests, bookings and talks (states and counts), and surveys of
professionals (write, send, see the results)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from twoworlds.accounts.decorators import staff_required

from . import queries, services
from .forms import SurveyForm, error_summary
from .models import ResourceRequest, RoomBooking, Survey, Talk

LATEST = 50


@staff_required
@require_safe
def overview(request):
    context = {
        "counts": queries.flow_counts(),
        "requests": ResourceRequest.objects.select_related("group", "agency")[:LATEST],
        "bookings": RoomBooking.objects.select_related("group", "offer__agency").order_by("-created_at")[
            :LATEST
        ],
        "talks": Talk.objects.select_related("group", "agency")[:LATEST],
        "surveys": queries.all_surveys(),
    }
    return render(request, "relations/staff/overview.html", context)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def survey_new(request):
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        survey = services.create_survey(request.user, dict(form.cleaned_data))
        messages.success(request, _("The survey is ready. Check it, then send it."))
        return redirect("relations_staff:survey", survey_id=survey.pk)
    errors = error_summary(form) if form.is_bound else []
    return render(
        request,
        "relations/staff/survey_new.html",
        {"form": form, "errors": errors},
        status=400 if errors else 200,
    )


@staff_required
@require_safe
def survey_detail(request, survey_id):
    survey = get_object_or_404(Survey, pk=survey_id)
    context = {
        "survey": survey,
        "results": queries.survey_results(survey),
        "professionals": len(services.professionals()),
        "talks": survey.talks.select_related("group", "agency"),
    }
    return render(request, "relations/staff/survey.html", context)


@staff_required
@require_POST
def survey_send(request, survey_id):
    survey = get_object_or_404(Survey, pk=survey_id)
    sent = services.send_survey(survey, request.user)
    messages.success(request, _("Sent to %(n)s professionals.") % {"n": sent})
    return redirect("relations_staff:survey", survey_id=survey.pk)
