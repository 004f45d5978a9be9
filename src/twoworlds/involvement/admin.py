"""Staff can look at invitations and roles (and correct a mistake); the product's pages are where the two
sides act. Reviews are shown inside their role, read-only: they are the record of what was decided."""

from django.contrib import admin

from .models import Invitation, Role, RoleReview


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["group", "professional_name", "agency", "state", "ends_on", "asked_at"]
    list_filter = ["state", "agency"]
    search_fields = ["group__name", "professional_name", "agency__name"]
    date_hierarchy = "asked_at"
    raw_id_fields = ["group", "professional"]
    readonly_fields = ["asked_at", "decided_at", "closed_at"]


class RoleReviewInline(admin.TabularInline):
    model = RoleReview
    extra = 0
    can_delete = False
    readonly_fields = ["side", "outcome", "review_was_due_on", "next_review_on", "notes", "reviewed_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["group", "professional", "agency", "kind", "state", "review_on", "proposed_by"]
    list_filter = ["state", "kind", "agency"]
    search_fields = ["group__name", "agency__name", "professional__email"]
    raw_id_fields = ["group", "professional", "replaces"]
    readonly_fields = ["proposed_at", "answered_at", "ended_at", "early_reminder_for", "due_reminder_for"]
    inlines = [RoleReviewInline]
