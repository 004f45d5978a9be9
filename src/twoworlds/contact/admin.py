"""Requests to be contacted in the staff admin: states, dates and counts only. The encrypted details are not
fields here at all, so no admin page can show, change or export them; nothing can be added or changed.
Reads and closes are listed too (who, when, which request), for staff to check access."""

from django.contrib import admin

from twoworlds.accounts.decorators import is_staff_member

from .models import ContactRequest, ContactRequestAccess, ContactTally


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return is_staff_member(request.user)

    def has_view_permission(self, request, obj=None):
        return is_staff_member(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ContactRequest)
class ContactRequestAdmin(ReadOnlyAdmin):
    list_display = ["pk", "group", "state", "created_at", "opened_at", "closed_at", "purge_after", "agency"]
    list_filter = ["state", ("agency", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["group__name"]
    list_select_related = ["group", "agency"]
    date_hierarchy = "created_at"
    fields = [
        "group",
        "state",
        "created_at",
        "opened_at",
        "closed_at",
        "purge_after",
        "reminder_sent_at",
        "agency",
        "made_by",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).defer(*ContactRequest.SEALED_FIELDS)


@admin.register(ContactRequestAccess)
class ContactRequestAccessAdmin(ReadOnlyAdmin):
    list_display = ["at", "action", "request_number", "group", "user"]
    list_filter = ["action"]
    search_fields = ["group__name", "user__email", "=request_number"]
    list_select_related = ["group", "user"]
    fields = ["at", "action", "request_number", "group", "user"]
    readonly_fields = fields


@admin.register(ContactTally)
class ContactTallyAdmin(ReadOnlyAdmin):
    list_display = ["month", "group", "agency", "count"]
    list_filter = [("agency", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["group__name", "agency__name"]
    list_select_related = ["group", "agency"]
    fields = ["month", "group", "agency", "count"]
    readonly_fields = fields
