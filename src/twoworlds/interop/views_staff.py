"""Staff pages for imports: the runs and their reports, uploading a file (with a preview), conflicts between
an import and a local edit, and taxonomy terms waiting to be mapped onto our categories."""

import shutil
import tempfile
import zipfile
from pathlib import Path

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from twoworlds.accounts.decorators import staff_required

from .forms import ImportUploadForm, ResolveConflictForm, TermMappingForm, error_summary
from .importer import (
    ImportFailed,
    apply_mapping,
    import_services,
    reindex_imported,
    resolve_conflict,
    source_named,
)
from .models import ImportConflict, ImportedRecord, ImportRun, Source, TermMapping
from .readers import open_input

LATEST = 50
LABELS = {
    "name": gettext_lazy("Name"),
    "alternate_name": gettext_lazy("Also known as"),
    "description": gettext_lazy("About the group"),
    "what_to_expect": gettext_lazy("What a first meeting is like"),
    "eligibility_note": gettext_lazy("Who can come"),
    "status": gettext_lazy("Status"),
    "status_note": gettext_lazy("Status note"),
    "website": gettext_lazy("Website"),
    "cost": gettext_lazy("Cost"),
    "cost_note": gettext_lazy("About the cost"),
    "minimum_age": gettext_lazy("Minimum age"),
    "maximum_age": gettext_lazy("Maximum age"),
    "meetings": gettext_lazy("Meetings"),
}


def _open_counts():
    return {
        "conflicts": ImportConflict.objects.filter(resolved_at__isnull=True).count(),
        "unmapped": TermMapping.objects.filter(category__isnull=True).count(),
    }


@staff_required
@require_safe
def imports(request):
    context = {
        "runs": ImportRun.objects.select_related("source", "started_by")[:LATEST],
        "sources": Source.objects.annotate(
            services=Count("records", filter=Q(records__kind=ImportedRecord.Kind.SERVICE))
        ),
        "form": ImportUploadForm(),
        **_open_counts(),
    }
    return render(request, "interop/staff/imports.html", context)


def _saved_upload(upload, folder):
    """The uploaded file on disk; a .zip of CSV files is unpacked (file names only, no folders)."""
    if upload.name.lower().endswith(".zip"):
        try:
            with zipfile.ZipFile(upload) as archive:
                for member in archive.infolist():
                    name = Path(member.filename).name
                    if name.lower().endswith((".csv", ".json")) and not member.is_dir():
                        (folder / name).write_bytes(archive.read(member))
        except zipfile.BadZipFile as error:
            raise ImportFailed(_("the .zip file cannot be opened")) from error
        return folder
    path = folder / Path(upload.name).name
    with open(path, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return path


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        folder = Path(tempfile.mkdtemp(prefix="twoworlds-import-"))
        try:
            found = open_input(_saved_upload(form.cleaned_data["file"], folder))
            source = source_named(form.cleaned_data["source"], location=form.cleaned_data["file"].name)
            report = import_services(
                source, found.services, dry_run=form.cleaned_data["dry_run"], user=request.user
            )
        except ImportFailed as error:
            form.add_error("file", _("Nothing was imported: %(reason)s.") % {"reason": error})
        else:
            if report.changed_group_ids:
                reindex_imported(report)
            messages.success(
                request,
                _("Preview ready: nothing was saved.") if report.dry_run else _("Import finished."),
            )
            return redirect("interop_staff:run", run_id=report.run_id)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    errors = error_summary(form) if form.is_bound else []
    return render(
        request,
        "interop/staff/upload.html",
        {"form": form, "errors": errors},
        status=400 if errors else 200,
    )


@staff_required
@require_safe
def run_detail(request, run_id):
    run = get_object_or_404(ImportRun.objects.select_related("source", "started_by"), pk=run_id)
    rejected = [p for p in run.problems if p.get("rejected", True)]
    left_out = [p for p in run.problems if not p.get("rejected", True)]
    context = {
        "run": run,
        "rejected": rejected,
        "left_out": left_out,
        "conflicts": run.conflicts.select_related("group"),
        "upload_form": ImportUploadForm(initial={"source": run.source.name, "dry_run": False}),
    }
    return render(request, "interop/staff/run.html", context)


@staff_required
@require_safe
def source_detail(request, source_id):
    source = get_object_or_404(Source, pk=source_id)
    records = (
        ImportedRecord.objects.filter(source=source, kind=ImportedRecord.Kind.SERVICE)
        .select_related("group")
        .order_by("group__name")
    )
    query = request.GET.get("q", "").strip()
    if query:
        records = records.filter(Q(group__name__icontains=query) | Q(external_id=query))
    context = {"source": source, "records": records[:200], "total": records.count(), "query": query}
    return render(request, "interop/staff/source.html", context)


def _differences(conflict):
    rows = []
    for name in conflict.fields:
        rows.append(
            {
                "field": LABELS.get(name, name.replace("_", " ")),
                "ours": conflict.ours.get(name, ""),
                "theirs": conflict.incoming.get(name, ""),
            }
        )
    return rows


@staff_required
@require_safe
def conflicts(request):
    open_conflicts = ImportConflict.objects.filter(resolved_at__isnull=True).select_related(
        "group", "record__source", "run"
    )
    items = [
        {"conflict": c, "rows": _differences(c), "form": ResolveConflictForm(prefix=f"c{c.pk}")}
        for c in open_conflicts
    ]
    resolved = ImportConflict.objects.filter(resolved_at__isnull=False).select_related(
        "group", "resolved_by"
    )[:20]
    return render(request, "interop/staff/conflicts.html", {"items": items, "resolved": resolved})


@staff_required
@require_POST
def resolve(request, conflict_id):
    conflict = get_object_or_404(ImportConflict, pk=conflict_id, resolved_at__isnull=True)
    form = ResolveConflictForm(request.POST, prefix=f"c{conflict.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose which version to keep."))
        return redirect("interop_staff:conflicts")
    take_theirs = form.cleaned_data["decision"] == "theirs"
    resolve_conflict(conflict, take_theirs=take_theirs, user=request.user)
    name = conflict.group.name if conflict.group else conflict.record.external_id
    messages.success(
        request,
        _("%(group)s now has the imported version.") % {"group": name}
        if take_theirs
        else _("%(group)s keeps our version.") % {"group": name},
    )
    return redirect("interop_staff:conflicts")


@staff_required
@require_safe
def terms(request):
    show_all = request.GET.get("show") == "all"
    found = TermMapping.objects.select_related("category__parent").annotate(groups=Count("uses"))
    if not show_all:
        found = found.filter(category__isnull=True)
    items = [
        {"term": t, "form": TermMappingForm(prefix=f"t{t.pk}", initial={"category": t.category_id})}
        for t in found.order_by("-seen_count", "name")[:200]
    ]
    return render(request, "interop/staff/terms.html", {"items": items, "show_all": show_all})


@staff_required
@require_POST
def map_term(request, term_id):
    term = get_object_or_404(TermMapping, pk=term_id)
    form = TermMappingForm(request.POST, prefix=f"t{term.pk}")
    if form.is_valid():
        term.category = form.cleaned_data["category"]
        term.save(update_fields=["category"])
        given = apply_mapping(term)
        if term.category:
            messages.success(
                request,
                _("“%(term)s” now means %(category)s; %(n)s groups got the category.")
                % {"term": term.name or term.code, "category": term.category, "n": given},
            )
        else:
            messages.success(request, _("“%(term)s” is not mapped.") % {"term": term.name or term.code})
    else:
        messages.error(request, _("Choose one of our categories."))
    return redirect("interop_staff:terms")
