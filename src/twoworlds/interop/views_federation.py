"""Staff pages for subscriptions (federation): the list with each one's last run, adding one, refreshing
one now, and stopping one. Stopping keeps the groups and their record of where they came from; they are no
longer refreshed."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_tasks import TaskResultStatus

from twoworlds.accounts.decorators import staff_required

from .forms import error_summary
from .forms_federation import SubscriptionForm
from .models import ImportedRecord, ImportRun, Source
from .tasks import refresh_subscription


@staff_required
@require_safe
def subscriptions(request):
    sources = Source.objects.filter(subscribed=True).select_related("organisation").order_by("name")
    rows = []
    for source in sources:
        rows.append(
            {
                "source": source,
                "groups": source.records.filter(kind=ImportedRecord.Kind.SERVICE).exclude(group=None).count(),
                "last_run": ImportRun.objects.filter(source=source).first(),
            }
        )
    stopped = Source.objects.filter(subscribed=False).exclude(location="").order_by("name")
    return render(request, "interop/federation/subscriptions.html", {"rows": rows, "stopped": stopped})


@staff_required
@require_http_methods(["GET", "POST"])
def add_subscription(request):
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source = form.save()
        messages.success(
            request,
            _(
                "Subscribed to %(name)s. It is fetched at the next scheduled refresh, or now with "
                "“Refresh now”."
            )
            % {"name": source.name},
        )
        return redirect("interop_staff:subscriptions")
    status = 400 if form.errors else 200
    context = {"form": form, "errors": error_summary(form)}
    return render(request, "interop/federation/add.html", context, status=status)


@staff_required
@require_POST
def refresh_now(request, source_id):
    source = get_object_or_404(Source, pk=source_id, subscribed=True)
    result = refresh_subscription.enqueue(source.pk, user_id=request.user.pk)
    done = result.return_value if result.status == TaskResultStatus.SUCCESSFUL else None
    if result.status == TaskResultStatus.FAILED:
        messages.error(request, _("%(name)s could not be refreshed.") % {"name": source.name})
    elif done is None:
        messages.info(request, _("%(name)s will be refreshed in a moment.") % {"name": source.name})
    elif done["ok"]:
        messages.success(
            request, _("%(name)s refreshed: %(summary)s") % {"name": source.name, "summary": done["summary"]}
        )
    else:
        messages.error(
            request, _("%(name)s: %(summary)s") % {"name": source.name, "summary": done["summary"]}
        )
    return redirect("interop_staff:subscriptions")


@staff_required
@require_http_methods(["GET", "POST"])
def stop_subscription(request, source_id):
    source = get_object_or_404(Source, pk=source_id, subscribed=True)
    if request.method == "POST":
        Source.objects.filter(pk=source.pk).update(subscribed=False)
        messages.success(
            request, _("%(name)s is no longer refreshed. Its groups stay listed.") % {"name": source.name}
        )
        return redirect("interop_staff:subscriptions")
    groups = source.records.filter(kind=ImportedRecord.Kind.SERVICE).exclude(group=None).count()
    return render(request, "interop/federation/stop.html", {"source": source, "groups": groups})
