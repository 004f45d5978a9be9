"""The clearinghouse staff's admin for the directory.

One write path: every save and delete made here goes through `directory.services` (or, for categories and
languages, which have no save function, ends in `services.listing_changed`), so the search index follows each
change once the transaction commits. Form validation has already run `full_clean` when `save_model` is
called, hence `validate=False`.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Category, ContactRoute, Group, Language, Meeting, Organisation, Venue
from .snapshots import record_change, take_snapshot

# --- the one write path -----------------------------------------------------------------------------------


def affected_group_ids(model, queryset):
    """The groups whose public listing shows something in `queryset` (rows of `model`)."""
    if model is Group:
        groups = queryset.values_list("pk", flat=True)
    elif model in (Meeting, ContactRoute):
        groups = queryset.values_list("group_id", flat=True)
    elif model is Venue:
        groups = Group.objects.filter(meetings__venue__in=queryset).values_list("pk", flat=True)
    elif model is Organisation:
        groups = Group.objects.filter(organisation__in=queryset).values_list("pk", flat=True)
    elif model is Category:
        # A first-level category's name is indexed with every group in its sub-categories too.
        groups = Group.objects.filter(
            Q(categories__in=queryset) | Q(categories__parent__in=queryset)
        ).values_list("pk", flat=True)
    elif model is Language:
        groups = Group.objects.filter(languages__in=queryset).values_list("pk", flat=True)
    else:
        return []
    return list(dict.fromkeys(groups))


SAVE = {
    Group: lambda obj: services.save_group(obj, validate=False),
    Organisation: lambda obj: services.save_organisation(obj, validate=False),
    Venue: lambda obj: services.save_venue(obj, validate=False),
    Meeting: lambda obj: services.save_meeting(obj, validate=False),
    ContactRoute: lambda obj: services.save_contact_route(obj, validate=False),
}


def save_through_services(model, obj):
    """Save one row the way the rest of the project does; rows with no service function re-index the groups
    that show them."""
    save = SAVE.get(model)
    if save is not None:
        return save(obj)
    obj.save()
    services.listing_changed(*affected_group_ids(model, model.objects.filter(pk=obj.pk)))
    return obj


class ListingWritesMixin:
    """Saves and deletes through the directory services, for a ModelAdmin and for its inlines.

    Every group whose listing showed a row before the change is re-indexed as well as every group showing it
    after, so a meeting moved from one group to another leaves neither listing stale."""

    # Web addresses typed without a scheme are taken to be https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _groups_before(self, model, pks):
        pks = [pk for pk in pks if pk is not None]
        return affected_group_ids(model, model.objects.filter(pk__in=pks)) if pks else []

    def save_model(self, request, obj, form, change):
        before = self._groups_before(self.model, [obj.pk]) if change else []
        save_through_services(self.model, obj)
        services.listing_changed(*before)

    def delete_model(self, request, obj):
        before = self._groups_before(self.model, [obj.pk])
        super().delete_model(request, obj)
        services.listing_changed(*before)

    def delete_queryset(self, request, queryset):
        before = affected_group_ids(self.model, queryset)
        super().delete_queryset(request, queryset)
        services.listing_changed(*before)

    def save_formset(self, request, form, formset, change):
        model = formset.model
        before = self._groups_before(model, [f.instance.pk for f in formset.initial_forms])
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for obj in instances:
            save_through_services(model, obj)
        formset.save_m2m()
        services.listing_changed(*before)


class ListingHistoryMixin:
    """History for the admins that change part of a listing (a meeting, a contact route, a venue, an
    organisation): every listing that showed the row before, or shows it after, gets one history entry per
    save or delete, holding the listing as it was (read before anything is written) and who changed it."""

    def _snapshots(self, group_ids, known=None):
        known = dict(known or {})
        missing = {pk for pk in group_ids if pk and pk not in known}
        for group in Group.objects.filter(pk__in=missing).select_related("organisation"):
            known[group.pk] = take_snapshot(group)
        return known

    @staticmethod
    def _groups_of(model, obj):
        """Groups showing `obj` as stored, and the group it is being moved to (set on it in memory)."""
        stored = affected_group_ids(model, model.objects.filter(pk=obj.pk)) if obj.pk else []
        moving_to = getattr(obj, "group_id", None)
        return [*stored, *([moving_to] if moving_to else [])]

    def _record(self, request, before):
        for group in Group.objects.filter(pk__in=list(before)).select_related("organisation"):
            record_change(group, before[group.pk], actor=request.user, source="staff")

    def save_model(self, request, obj, form, change):
        request._listing_history = self._snapshots(self._groups_of(self.model, obj))
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        before = getattr(request, "_listing_history", {})
        for formset in formsets:  # other listings' rows edited inline, e.g. the meetings held at a venue
            for inline_form in formset.forms:
                before = self._snapshots(self._groups_of(formset.model, inline_form.instance), before)
        super().save_related(request, form, formsets, change)
        self._record(request, before)

    def delete_model(self, request, obj):
        before = self._snapshots(self._groups_of(self.model, obj))
        super().delete_model(request, obj)
        self._record(request, before)

    def delete_queryset(self, request, queryset):
        before = self._snapshots(affected_group_ids(self.model, queryset))
        super().delete_queryset(request, queryset)
        self._record(request, before)


# --- list filters -----------------------------------------------------------------------------------------


class ConfirmationFilter(admin.SimpleListFilter):
    """Listings decay: staff chase the ones nobody has confirmed for a while."""

    title = _("confirmation")
    parameter_name = "confirmation"

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("Due for confirmation")),
            ("recent", _("Confirmed recently")),
        ]

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - timedelta(days=settings.CONFIRMATION_WARNING_DAYS)
        if self.value() == "overdue":
            return queryset.filter(last_confirmed__lt=cutoff)
        if self.value() == "recent":
            return queryset.filter(last_confirmed__gte=cutoff)
        return queryset


class AccessibilityFilter(admin.SimpleListFilter):
    title = _("accessibility")
    parameter_name = "access"
    FEATURES = {
        "step_free": _("Step-free access"),
        "hearing_loop": _("Hearing loop"),
        "accessible_toilet": _("Accessible toilet"),
        "parking": _("Parking"),
        "near_public_transport": _("Near public transport"),
        "none": _("Nothing recorded"),
    }

    def lookups(self, request, model_admin):
        return list(self.FEATURES.items())

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.filter(**{field: False for field in self.FEATURES if field != "none"})
        if value in self.FEATURES:
            return queryset.filter(**{value: True})
        return queryset


class CategoryLevelFilter(admin.SimpleListFilter):
    title = _("level")
    parameter_name = "level"

    def lookups(self, request, model_admin):
        return [("1", _("First level (issues)")), ("2", _("Second level"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(parent__isnull=True)
        if self.value() == "2":
            return queryset.filter(parent__isnull=False)
        return queryset


# --- inlines ----------------------------------------------------------------------------------------------


class MeetingInline(admin.StackedInline):
    model = Meeting
    autocomplete_fields = ["venue"]
    fields = [
        ("attendance", "venue"),
        ("frequency", "weekday", "nth", "starts_on"),
        ("start_time", "end_time"),
        "online_joining",
        "notes",
    ]
    show_change_link = True

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 1


class ContactRouteInline(admin.TabularInline):
    model = ContactRoute
    fields = ["kind", "contact_name", "value", "note", "visibility", "position"]

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 1


class MeetingAtVenueInline(admin.TabularInline):
    """The meetings held at a venue, managed from the venue too."""

    model = Meeting
    verbose_name = _("meeting held here")
    verbose_name_plural = _("meetings held here")
    autocomplete_fields = ["group"]
    fields = [
        "group",
        "attendance",
        "frequency",
        "weekday",
        "nth",
        "starts_on",
        "start_time",
        "end_time",
        "notes",
    ]
    extra = 0
    show_change_link = True


class GroupOfOrganisationInline(admin.TabularInline):
    """The groups an organisation runs: a list of links, edited on each group's own page."""

    model = Group
    verbose_name = _("group it runs")
    verbose_name_plural = _("groups it runs")
    fields = ["name", "group_type", "status", "last_confirmed"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- model admins -----------------------------------------------------------------------------------------


@admin.register(Group)
class GroupAdmin(ListingWritesMixin, admin.ModelAdmin):
    list_display = ["name", "organisation", "group_type", "status", "cost", "last_confirmed"]
    list_filter = [
        "status",
        "group_type",
        ConfirmationFilter,
        "last_confirmed",
        "cost",
        ("categories", admin.RelatedOnlyFieldListFilter),
        ("languages", admin.RelatedOnlyFieldListFilter),
        "gender",
        "phone_support",
        "home_visits",
    ]
    search_fields = [
        "name",
        "alternate_name",
        "slug",
        "description",
        "organisation__name",
        "categories__name",
        "meetings__venue__name",
        "meetings__venue__town",
        "meetings__venue__postcode",
    ]
    date_hierarchy = "last_confirmed"
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "categories", "languages"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    inlines = [MeetingInline, ContactRouteInline]
    actions = ["mark_confirmed"]
    save_on_top = True
    fieldsets = [
        (
            _("About the group"),
            {
                "fields": [
                    "name",
                    "slug",
                    "alternate_name",
                    "organisation",
                    "group_type",
                    "categories",
                    "description",
                    "what_to_expect",
                    "website",
                    "logo",
                ]
            },
        ),
        (
            _("Who can come"),
            {
                "fields": [
                    ("for_people_affected", "for_family_friends", "for_carers"),
                    "gender",
                    ("minimum_age", "maximum_age"),
                    "eligibility_note",
                ]
            },
        ),
        (
            _("How it is offered"),
            {"fields": [("home_visits", "phone_support"), "languages", "cost", "cost_note"]},
        ),
        (
            _("Status and confirmation"),
            {
                "fields": [
                    "status",
                    "paused_until",
                    "status_note",
                    "last_confirmed",
                    "lapsed",
                    ("created_at", "updated_at"),
                ]
            },
        ),
    ]

    # History: the listing as it was is read from the database before anything is saved (the form has already
    # changed `obj` in memory), and the whole change is announced once, after the inlines are saved too.
    def save_model(self, request, obj, form, change):
        request._listing_before = take_snapshot(Group.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # Categories, languages, meetings and contact routes are saved now: index the finished listing.
        super().save_related(request, form, formsets, change)
        services.listing_changed(form.instance.pk)
        record_change(
            form.instance, getattr(request, "_listing_before", None), actor=request.user, source="staff"
        )

    @admin.action(description=_("Mark details as confirmed today"), permissions=["change"])
    def mark_confirmed(self, request, queryset):
        today = timezone.localdate()
        count = 0
        for group in queryset:
            services.confirm_group(group, on=today, actor=request.user, reason=_("Confirmed by staff"))
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d group marked as confirmed today.",
                "%(count)d groups marked as confirmed today.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Organisation)
class OrganisationAdmin(ListingHistoryMixin, ListingWritesMixin, admin.ModelAdmin):
    list_display = ["name", "is_national", "charity_number", "group_count", "website"]
    list_filter = ["is_national"]
    search_fields = ["name", "slug", "description", "charity_number", "email"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "created_at"
    inlines = [GroupOfOrganisationInline]
    ordering = ["name"]
    fields = [
        "name",
        "slug",
        "description",
        ("website", "email"),
        "charity_number",
        "is_national",
        ("created_at", "updated_at"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(group_count=Count("groups", distinct=True))

    @admin.display(description=_("groups"), ordering="group_count")
    def group_count(self, obj):
        return obj.group_count

    def save_formset(self, request, form, formset, change):
        # The groups inline is read-only: groups are edited, and re-indexed, on their own pages. (Saving
        # without commit writes nothing, and records for the change message that nothing changed.)
        if formset.model is Group:
            formset.save(commit=False)
            return
        super().save_formset(request, form, formset, change)


@admin.register(Venue)
class VenueAdmin(ListingHistoryMixin, ListingWritesMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "town",
        "postcode",
        "is_members_home",
        "step_free",
        "hearing_loop",
        "meeting_count",
    ]
    list_filter = ["town", "is_members_home", AccessibilityFilter]
    search_fields = ["name", "address_1", "address_2", "town", "postcode"]
    readonly_fields = ["updated_at"]
    inlines = [MeetingAtVenueInline]
    ordering = ["town", "name"]
    fieldsets = [
        (
            _("Where it is"),
            {
                "fields": [
                    "name",
                    "address_1",
                    "address_2",
                    ("town", "county"),
                    ("postcode", "country"),
                    ("latitude", "longitude"),
                ]
            },
        ),
        (
            _("Privacy"),
            {"fields": ["is_members_home", "address_disclosure"]},
        ),
        (
            _("Getting in"),
            {
                "fields": [
                    ("step_free", "hearing_loop", "accessible_toilet"),
                    ("parking", "near_public_transport"),
                    "access_notes",
                    "directions",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(meeting_count=Count("meetings", distinct=True))

    @admin.display(description=_("meetings"), ordering="meeting_count")
    def meeting_count(self, obj):
        return obj.meeting_count


@admin.register(Meeting)
class MeetingAdmin(ListingHistoryMixin, ListingWritesMixin, admin.ModelAdmin):
    list_display = ["__str__", "group", "venue", "attendance", "frequency"]
    list_filter = ["attendance", "frequency", "weekday", "venue__town"]
    search_fields = ["group__name", "venue__name", "venue__town", "venue__postcode", "notes"]
    list_select_related = ["group", "venue"]
    autocomplete_fields = ["group", "venue"]
    fields = [
        "group",
        ("attendance", "venue"),
        ("frequency", "weekday", "nth", "starts_on"),
        ("start_time", "end_time"),
        "online_joining",
        "notes",
    ]


@admin.register(ContactRoute)
class ContactRouteAdmin(ListingHistoryMixin, ListingWritesMixin, admin.ModelAdmin):
    list_display = ["__str__", "group", "contact_name", "visibility"]
    list_filter = ["kind", "visibility"]
    search_fields = ["value", "contact_name", "note", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group"]
    fields = ["group", "kind", "contact_name", "value", "note", "visibility", "position"]


@admin.register(Category)
class CategoryAdmin(ListingWritesMixin, admin.ModelAdmin):
    list_display = ["name", "parent", "child_count", "group_count", "position"]
    list_filter = [CategoryLevelFilter, ("parent", admin.RelatedOnlyFieldListFilter)]
    list_editable = ["position"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "lay_terms", "description"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["parent", "name", "slug", "description", "lay_terms", "position"]
    ordering = ["position", "name"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                child_count=Count("children", distinct=True), group_count=Count("groups", distinct=True)
            )
        )

    @admin.display(description=_("sub-categories"), ordering="child_count")
    def child_count(self, obj):
        return obj.child_count

    @admin.display(description=_("groups"), ordering="group_count")
    def group_count(self, obj):
        return obj.group_count

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # Categories have two levels: only a first-level category can be a parent.
        if request.GET.get("model_name") == "category" and request.GET.get("field_name") == "parent":
            queryset = queryset.filter(parent__isnull=True)
        return queryset, may_have_duplicates


@admin.register(Language)
class LanguageAdmin(ListingWritesMixin, admin.ModelAdmin):
    list_display = ["name", "native_name", "code", "group_count"]
    search_fields = ["name", "native_name", "code"]
    ordering = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(group_count=Count("groups", distinct=True))

    @admin.display(description=_("groups"), ordering="group_count")
    def group_count(self, obj):
        return obj.group_count
