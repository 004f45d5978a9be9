"""Printable material for the public: a group's card as a PDF."""

from django.http import Http404
from django.views.decorators.http import require_safe
from django_ratelimit.decorators import ratelimit

from twoworlds.core.views import rate_limited
from twoworlds.directory import queries
from twoworlds.directory.models import Group
from twoworlds.directory.presenters import listing_freshness

from .services import pdf_response, qr_svg_data_uri, render_pdf

# Rendering a PDF costs a fraction of a second of CPU: generous for people, a brake on scripts.
PDF_RATE = "30/m"


@require_safe
@ratelimit(key="ip", rate=PDF_RATE, block=False)
def group_card(request, slug, large_print=False):
    """One group's details on one A4 sheet, from the live listing. A closed group has no card."""
    if getattr(request, "limited", False):
        return rate_limited(request)
    try:
        group = queries.get_group(slug)
    except Group.DoesNotExist:
        raise Http404 from None
    if group.status == Group.Status.CLOSED:
        raise Http404
    page_url = request.build_absolute_uri(group.get_absolute_url())
    pdf = render_pdf(
        "printing/group_card.html",
        {
            "group": group,
            "freshness": listing_freshness(group),
            "page_url": page_url,
            "qr": qr_svg_data_uri(page_url),
        },
        large_print=large_print,
        request=request,
    )
    suffix = "-large-print" if large_print else ""
    return pdf_response(pdf, f"{group.slug}-card{suffix}.pdf")
