"""The listings workflow in the staff admin, for looking things up. Read-only: decisions are made in the
moderation queue (/staff/moderation/), where the rules, the emails and the history are applied."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .access import is_staff_member
from .models import (
    ChangeReport,
    Claim,
    ConfirmationRequest,
    GroupContact,
    ListingChange,
    ListingState,
    ProposedChange,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Every clearinghouse staff member may look; nobody changes or deletes rows here."""

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


@admin.register(GroupContact)
class GroupContactAdmin(ReadOnlyAdmin):
    list_display = ["user", "group", "added_at", "removed_at"]
    list_filter = [("removed_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__email", "user__username", "group__name"]
    list_select_related = ["user", "group"]


@admin.register(Claim)
class ClaimAdmin(ReadOnlyAdmin):
    list_display = ["group", "user", "status", "created_at", "decided_at", "queue_link"]
    list_filter = ["status"]
    search_fields = ["group__name", "user__email"]
    list_select_related = ["group", "user"]

    @admin.display(description=_("in the queue"))
    def queue_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("listings_staff:claim", args=[obj.pk]), _("open"))


@admin.register(ProposedChange)
class ProposedChangeAdmin(ReadOnlyAdmin):
    list_display = [
        "__str__",
        "kind",
        "group",
        "status",
        "published_without_review",
        "created_at",
        "queue_link",
    ]
    list_filter = ["kind", "status", "published_without_review"]
    search_fields = ["group__name", "submitter_email", "note"]
    list_select_related = ["group"]
    exclude = ["before", "proposal"]

    @admin.display(description=_("in the queue"))
    def queue_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("listings_staff:change", args=[obj.pk]), _("open"))


@admin.register(ListingChange)
class ListingChangeAdmin(ReadOnlyAdmin):
    list_display = ["group", "source", "actor", "created_at", "history_link"]
    list_filter = ["source"]
    search_fields = ["group__name", "reason"]
    list_select_related = ["group", "actor"]
    date_hierarchy = "created_at"
    exclude = ["before", "after"]

    @admin.display(description=_("history"))
    def history_link(self, obj):
        url = reverse("listings_staff:history", args=[obj.group.slug])
        return format_html('<a href="{}#change-{}">{}</a>', url, obj.pk, _("open"))


@admin.register(ChangeReport)
class ChangeReportAdmin(ReadOnlyAdmin):
    list_display = ["group", "created_at", "resolved_at"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["group__name", "what"]
    list_select_related = ["group"]


@admin.register(ListingState)
class ListingStateAdmin(ReadOnlyAdmin):
    list_display = ["group", "trusted"]
    list_filter = ["trusted"]
    search_fields = ["group__name"]
    list_select_related = ["group"]


@admin.register(ConfirmationRequest)
class ConfirmationRequestAdmin(ReadOnlyAdmin):
    list_display = ["group", "due_on", "sent_at", "reminders_sent", "confirmed_at", "lapsed_at"]
    list_filter = ["due_on", ("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["group__name"]
    list_select_related = ["group"]
    exclude = ["token_hash"]
