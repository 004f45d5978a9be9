"""Arrangements between groups and agencies in the staff admin. Terms and agencies' offers can be corrected
by staff; the flows (requests, bookings, talks, surveys) are read-only here, because each step must go
through services.py so that the other side is told."""

from django.contrib import admin

from .models import (
    AgencyOffer,
    GroupTerms,
    ResourceRequest,
    RoomBooking,
    Survey,
    SurveyAnswer,
    SurveyRecipient,
    Talk,
    TalkNote,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(GroupTerms)
class GroupTermsAdmin(admin.ModelAdmin):
    list_display = ["group", "stance", "gives_talks", "training_days", "consulted", "updated_at"]
    list_filter = ["stance", "gives_talks", "training_days", "consulted"]
    search_fields = ["group__name"]
    raw_id_fields = ["group"]
    readonly_fields = ["updated_at", "updated_by"]


@admin.register(AgencyOffer)
class AgencyOfferAdmin(admin.ModelAdmin):
    list_display = ["title", "agency", "kind", "capacity", "available"]
    list_filter = ["kind", "available"]
    search_fields = ["title", "agency__name"]
    readonly_fields = ["created_at", "created_by"]


@admin.register(ResourceRequest)
class ResourceRequestAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "group", "agency", "direction", "state", "created_at", "decided_at"]
    list_filter = ["state", "direction", "kind"]
    search_fields = ["group__name", "agency__name"]
    list_select_related = ["group", "agency"]


@admin.register(RoomBooking)
class RoomBookingAdmin(ReadOnlyAdmin):
    list_display = ["pk", "offer", "group", "date", "starts_at", "state"]
    list_filter = ["state"]
    search_fields = ["group__name", "offer__title"]
    list_select_related = ["group", "offer__agency"]


class TalkNoteInline(admin.TabularInline):
    model = TalkNote
    extra = 0
    can_delete = False
    fields = ["created_at", "from_group", "text"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Talk)
class TalkAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "topic", "group", "agency", "state", "agreed_date", "survey"]
    list_filter = ["state", "kind"]
    search_fields = ["topic", "group__name", "agency__name"]
    list_select_related = ["group", "agency", "survey"]
    inlines = [TalkNoteInline]


class SurveyRecipientInline(admin.TabularInline):
    model = SurveyRecipient
    extra = 0
    can_delete = False
    fields = ["user", "agency", "sent_at", "replied_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Survey)
class SurveyAdmin(ReadOnlyAdmin):
    list_display = ["title", "created_at", "sent_at"]
    inlines = [SurveyRecipientInline]


@admin.register(SurveyAnswer)
class SurveyAnswerAdmin(ReadOnlyAdmin):
    list_display = ["recipient", "category", "wants_talk", "wants_information"]
    list_filter = ["wants_talk", "wants_information"]
