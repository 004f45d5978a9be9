"""Packs in the staff admin: find one, see its choices and counts. Packs are made and changed in the pack
builder (/packs/), which keeps short codes and the order of picked groups right; here they can be looked at,
taken out of use, or deleted."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Pack, PackEvent, PackGroup


class PackGroupInline(admin.TabularInline):
    model = PackGroup
    extra = 0
    fields = ["position", "group"]
    autocomplete_fields = ["group"]
    ordering = ["position"]


class PackEventInline(admin.TabularInline):
    model = PackEvent
    extra = 0
    fields = ["day", "kind", "count"]
    readonly_fields = ["day", "kind", "count"]
    can_delete = False
    max_num = 0
    verbose_name_plural = _("counts (per day; nothing about who)")


@admin.register(Pack)
class PackAdmin(admin.ModelAdmin):
    list_display = ["title", "code", "agency", "active", "updated_at"]
    list_filter = ["active", "agency"]
    search_fields = ["title", "code", "agency__name"]
    list_select_related = ["agency"]
    readonly_fields = ["code", "slug", "created_by", "created_at", "updated_at"]
    autocomplete_fields = ["agency"]
    filter_horizontal = ["categories"]
    fields = [
        "title",
        "code",
        "slug",
        "agency",
        "introduction",
        "categories",
        "near",
        "distance",
        "include_national",
        "active",
        "created_by",
        "created_at",
        "updated_at",
    ]
    inlines = [PackGroupInline, PackEventInline]

    def has_add_permission(self, request):
        return False  # made in the pack builder, which gives each pack its short code
