"""Staff accounts in the admin. Only the Clearinghouse administrator role can see or change people; the
editor role has no permission on users or roles at all (see roles.py)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from twoworlds.core.admin_site import protect_login

from .models import Agency, AgencyMember, User

# The staff sign-in page is rate limited (per IP address and per username).
protect_login(admin.site)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "role_names", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    date_hierarchy = "date_joined"
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["username", "email", "usable_password", "password1", "password2"],
            },
        ),
        (_("Role"), {"fields": ["is_staff", "groups"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_changeform_initial_data(self, request):
        # People added here are clearinghouse staff.
        return {"is_staff": True, **super().get_changeform_initial_data(request)}

    @admin.display(description=_("roles"))
    def role_names(self, obj):
        return ", ".join(role.name for role in obj.groups.all()) or "—"

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups" and field is not None:
            # Not to be confused with the self-help groups in the directory.
            field.label = _("Staff roles")
            field.help_text = _(
                "Clearinghouse editor: adds and changes listings. "
                "Clearinghouse administrator: also deletes listings and manages staff accounts."
            )
        return field


# --- agencies and their professionals (packs, putting people in touch) ------------------------------------


class AgencyMemberInline(admin.TabularInline):
    model = AgencyMember
    extra = 1
    fields = ["user", "job_title", "added_at", "removed_at"]
    readonly_fields = ["added_at"]
    autocomplete_fields = ["user"]
    verbose_name = _("professional")
    verbose_name_plural = _("professionals (set “removed” when someone leaves: the record stays)")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "active_members", "created_at"]
    search_fields = ["name", "kind", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AgencyMemberInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_active=Count("members", filter=Q(members__removed_at__isnull=True)))
        )

    @admin.display(description=_("professionals"), ordering="_active")
    def active_members(self, obj):
        return obj._active


@admin.register(AgencyMember)
class AgencyMemberAdmin(admin.ModelAdmin):
    list_display = ["user", "agency", "job_title", "added_at", "removed_at"]
    list_filter = [("removed_at", admin.EmptyFieldListFilter), "agency"]
    search_fields = ["user__email", "user__username", "user__first_name", "user__last_name", "agency__name"]
    list_select_related = ["user", "agency"]
    autocomplete_fields = ["user", "agency"]
    readonly_fields = ["added_at"]
