"""Pack pages. Public: the pack page, its short link, its handouts (A4 and large print) and QR code. For
staff and professionals: the list of packs with their counts, and the builder (new, edit, reorder)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from twoworlds.accounts.decorators import is_staff_member
from twoworlds.core.views import rate_limited
from twoworlds.printing.services import pdf_response, qr_png, qr_svg, qr_svg_data_uri, render_pdf

from . import services
from .access import agencies_of, builder_required, can_manage, pack_manager_required, visible_packs
from .forms import PackForm
from .models import Pack, PackEvent

PDF_RATE = "30/m"


def _public_pack(code):
    try:
        return services.get_pack(code)
    except Pack.DoesNotExist:
        raise Http404 from None


def _links(request, pack):
    """The absolute addresses printed on, and encoded in, the pack's material."""
    short_url = request.build_absolute_uri(pack.get_short_url())
    return {
        "page_url": request.build_absolute_uri(pack.get_absolute_url()),
        "short_url": short_url,
        "qr_url": services.qr_target(short_url),
    }


def _gone(request, pack):
    return render(request, "packs/inactive.html", {"pack": pack}, status=410)


# --- public -----------------------------------------------------------------------------------------------


@require_safe
def pack_page(request, code):
    pack = _public_pack(code)
    if not pack.active:
        return _gone(request, pack)
    manager = can_manage(request.user, pack)
    if request.method == "GET" and not manager:  # the pack's own builders previewing it are not counted
        services.record(pack, PackEvent.Kind.OPENED)
    return render(
        request,
        "packs/pack.html",
        {"pack": pack, "groups": services.pack_groups(pack), "can_manage": manager, **_links(request, pack)},
    )


@require_safe
def short_link(request, code):
    """/p/<code>: the short address printed on handouts. `?qr` marks a visit from the printed QR code."""
    pack = _public_pack(code)
    if "qr" in request.GET and request.method == "GET":
        services.record(pack, PackEvent.Kind.QR_SCANNED)
    return redirect(pack.get_absolute_url())


@require_safe
@ratelimit(key="ip", rate=PDF_RATE, block=False)
def handout(request, code, large_print=False):
    """The pack as a PDF to print: live details, the date printed and where to check for newer ones."""
    if getattr(request, "limited", False):
        return rate_limited(request)
    pack = _public_pack(code)
    if not pack.active:
        return _gone(request, pack)
    links = _links(request, pack)
    pdf = render_pdf(
        "packs/handout.html",
        {"pack": pack, "groups": services.pack_groups(pack), "qr": qr_svg_data_uri(links["qr_url"]), **links},
        large_print=large_print,
        request=request,
    )
    if request.method == "GET":
        services.record(pack, PackEvent.Kind.PRINTED_LARGE if large_print else PackEvent.Kind.PRINTED_A4)
    suffix = "-large-print" if large_print else ""
    return pdf_response(pdf, f"{pack.slug}-{pack.code.lower()}{suffix}.pdf")


@require_safe
def qr_code(request, code, kind="svg"):
    """The pack's QR code (it opens the short link). PNG comes as a download, for posters and leaflets."""
    pack = _public_pack(code)
    target = _links(request, pack)["qr_url"]
    if kind == "png":
        response = HttpResponse(qr_png(target), content_type="image/png")
        response["Content-Disposition"] = f'attachment; filename="{pack.slug}-{pack.code.lower()}-qr.png"'
    else:
        response = HttpResponse(qr_svg(target), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


# --- the builder ------------------------------------------------------------------------------------------


@require_safe
@builder_required
def pack_list(request):
    packs = list(visible_packs(request.user))
    counts = services.totals(packs)
    for pack in packs:
        pack.counts = counts[pack.pk]
    return render(
        request,
        "packs/list.html",
        {"packs": packs, "agencies": list(agencies_of(request.user)), "kinds": PackEvent.Kind.choices},
    )


def _form(request, pack):
    return PackForm(
        request.POST if request.method == "POST" else None,
        instance=pack,
        agencies=list(agencies_of(request.user)),
        staff=is_staff_member(request.user),
    )


def _save(request, form):
    pack = form.save(commit=False)
    if "agency" not in form.fields and pack.pk is None:
        pack.agency = agencies_of(request.user).first()  # a professional of one agency
    if pack.pk is None:
        pack.created_by = request.user
    return services.save_pack(
        pack, picked=list(form.cleaned_data["picked"]), categories=list(form.cleaned_data["categories"])
    )


@require_http_methods(["GET", "HEAD", "POST"])
@builder_required
def pack_new(request):
    form = _form(request, Pack())
    if request.method == "POST" and form.is_valid():
        pack = _save(request, form)
        messages.success(
            request, _("The pack is saved. Check the groups it shows below, then print it or share its link.")
        )
        return redirect(reverse("packs:edit", args=[pack.code]) + "#preview")
    return render(request, "packs/form.html", {"form": form, "pack": None})


@require_http_methods(["GET", "HEAD", "POST"])
@pack_manager_required
def pack_edit(request, pack):
    form = _form(request, pack)
    if request.method == "POST" and form.is_valid():
        pack = _save(request, form)
        messages.success(request, _("The pack is saved. The groups it shows now are below."))
        return redirect(reverse("packs:edit", args=[pack.code]) + "#preview")
    if request.method == "POST":
        pack.refresh_from_db()  # the preview shows what is saved, not what was typed
    return render(
        request,
        "packs/form.html",
        {
            "form": form,
            "pack": pack,
            "groups": services.pack_groups(pack),
            "picks": list(pack.picks.select_related("group").order_by("position", "pk")),
            **_links(request, pack),
        },
    )


@require_POST
@pack_manager_required
def pack_move(request, pack):
    step = {"up": -1, "down": 1}.get(request.POST.get("direction"))
    if step is None or not services.move_pick(pack, request.POST.get("group"), step):
        messages.error(request, _("That group could not be moved."))
    return redirect(reverse("packs:edit", args=[pack.code]) + "#order")
