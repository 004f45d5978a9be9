"""Staff manage opportunities and see opt-ins here. Feedback threads are listed by service and date only: what
a group wrote to a service is between them (see services.py), so neither subject nor messages are shown."""

from django.contrib import admin

from .models import Delivery, FeedbackThread, InfluencePreference, Opportunity


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    can_delete = False
    fields = ["group", "sent_at"]
    readonly_fields = fields  # no answers here: which group said "no thanks" is not shown, even to staff

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "level", "agency", "starts_on", "paid", "created_at", "closed_at"]
    list_filter = ["level", "paid", "agency"]
    search_fields = ["title", "description"]
    filter_horizontal = ["categories"]
    raw_id_fields = ["posted_by"]
    inlines = [DeliveryInline]


@admin.register(InfluencePreference)
class InfluencePreferenceAdmin(admin.ModelAdmin):
    list_display = ["group", "informal", "forum", "formal", "updated_at"]
    list_filter = ["informal", "forum", "formal"]
    search_fields = ["group__name"]
    filter_horizontal = ["categories"]
    raw_id_fields = ["group"]


@admin.register(FeedbackThread)
class FeedbackThreadAdmin(admin.ModelAdmin):
    list_display = ["pk", "agency", "created_at", "last_message_at", "last_side"]
    list_filter = ["agency"]
    fields = ["agency", "created_at", "last_message_at", "last_side"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
