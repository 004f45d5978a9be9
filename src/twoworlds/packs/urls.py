from django.urls import path, register_converter

from . import views
from .models import CODE_PATTERN


class CodeConverter:
    regex = CODE_PATTERN

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value


register_converter(CodeConverter, "packcode")

app_name = "packs"
urlpatterns = [
    path("packs/", views.pack_list, name="list"),
    path("packs/new/", views.pack_new, name="new"),
    path("packs/<packcode:code>/", views.pack_page, name="pack"),
    path("packs/<packcode:code>/edit/", views.pack_edit, name="edit"),
    path("packs/<packcode:code>/edit/order/", views.pack_move, name="move"),
    path("packs/<packcode:code>/handout.pdf", views.handout, name="handout"),
    path(
        "packs/<packcode:code>/handout-large-print.pdf",
        views.handout,
        {"large_print": True},
        name="handout_large",
    ),
    path("packs/<packcode:code>/qr.svg", views.qr_code, name="qr"),
    path("packs/<packcode:code>/qr.png", views.qr_code, {"kind": "png"}, name="qr_png"),
    path("p/<packcode:code>", views.short_link, name="short"),
]
