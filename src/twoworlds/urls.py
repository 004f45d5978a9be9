from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from twoworlds.core import views as core_views
from twoworlds.listings import urls_confirmation

admin.site.site_header = _("Two Worlds — clearinghouse staff")
admin.site.site_title = _("Two Worlds staff")
admin.site.index_title = _("Directory administration")
admin.site.index_template = "core/admin_index.html"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("staff/moderation/", include("twoworlds.listings.urls_staff")),
    path("staff/confirmation/", include(urls_confirmation.staff)),
    path("staff/contact/", include("twoworlds.contact.urls_staff")),
    path("staff/imports/", include("twoworlds.interop.urls_staff")),
    path("staff/relations/", include("twoworlds.relations.urls_staff")),
    path("staff/involvement/", include("twoworlds.involvement.urls_staff")),
    path("staff/influence/", include("twoworlds.influence.urls_staff")),
    path("staff/", admin.site.urls),
    path("account/", include("twoworlds.accounts.urls")),
    path("confirm/", include("twoworlds.listings.urls_confirmation")),
    path("", include("twoworlds.listings.urls")),
    path("", include("twoworlds.contact.urls")),
    path("", include("twoworlds.packs.urls")),
    path("", include("twoworlds.printing.urls")),
    path("", include("twoworlds.relations.urls")),
    path("", include("twoworlds.involvement.urls")),
    path("", include("twoworlds.influence.urls")),
    path("", include("twoworlds.interop.urls_public")),
    path("api/", include("twoworlds.interop.urls")),
    path("", include("twoworlds.safety.urls")),
    path("", include("twoworlds.search.urls")),
    path("", include("twoworlds.directory.urls")),
]

handler404 = "twoworlds.core.views.not_found"
handler500 = "twoworlds.core.views.server_error"
