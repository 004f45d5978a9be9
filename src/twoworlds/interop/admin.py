"""Import sources, where each imported group came from, runs, conflicts and term mappings, in the admin."""

from django.contrib import admin

from .importer import apply_mapping
from .models import ImportConflict, ImportedRecord, ImportRun, Source, TermMapping


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "organisation",
        "subscribed",
        "refresh_hours",
        "last_run_at",
        "last_status",
    ]
    list_filter = ["kind", "subscribed"]
    search_fields = ["name", "location"]
    readonly_fields = ["last_run_at", "last_status", "created_at"]


@admin.register(ImportedRecord)
class ImportedRecordAdmin(admin.ModelAdmin):
    """Where a group came from: search by the group's name or the record's id in the source."""

    list_display = [
        "external_id",
        "kind",
        "source",
        "group",
        "organisation",
        "venue",
        "imported_at",
        "seen_at",
    ]
    list_filter = ["source", "kind"]
    search_fields = ["external_id", "group__name", "organisation__name", "venue__name"]
    list_select_related = ["source", "group", "organisation", "venue"]
    raw_id_fields = ["group", "organisation", "venue", "meeting"]
    readonly_fields = ["fingerprint", "local_fingerprint", "imported_at", "seen_at"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["source", "started_at", "finished_at", "dry_run", "ok", "counts"]
    list_filter = ["source", "dry_run", "ok"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(ImportConflict)
class ImportConflictAdmin(admin.ModelAdmin):
    list_display = ["group", "fields", "created_at", "resolved_at", "resolution"]
    list_filter = ["resolution"]
    raw_id_fields = ["group", "record", "run", "resolved_by"]


@admin.register(TermMapping)
class TermMappingAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "taxonomy", "category", "seen_count", "first_seen_at"]
    list_filter = [("category", admin.EmptyFieldListFilter), "taxonomy"]
    list_editable = ["category"]
    search_fields = ["name", "code", "taxonomy"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        apply_mapping(obj)  # the groups that carried the term get the category at once
