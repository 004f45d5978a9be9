"""Printed material: PDFs rendered from templates with WeasyPrint, and QR codes with segno.

Rendering is offline. The only things a print template may load are this site's own static files (read
from disk, never over the network) and data: URIs; every other address is refused, so a PDF never waits on,
or leaks a request to, another server. Templates extend "printing/base_print.html"."""

import base64
import logging
import mimetypes
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from twoworlds.safety.services import crisis_contacts

log = logging.getLogger(__name__)

QR_ERROR = "m"  # medium error correction: survives a crease or a smudge on a printed sheet
QR_BORDER = 4  # the quiet zone the QR standard asks for, in modules


class RefusedFetch(ValueError):
    """A print template asked for something other than this site's static files or a data: URI."""


def _static_file(name):
    """The file on disk for a static name (found by the finders, or collected into STATIC_ROOT)."""
    found = finders.find(name)
    if found:
        return Path(found)
    try:
        collected = Path(staticfiles_storage.path(name))
    except NotImplementedError:  # pragma: no cover - storage without local files
        return None
    return collected if collected.is_file() else None


def make_url_fetcher(base_url):
    """A WeasyPrint URL fetcher that serves this site's static files from disk and refuses the rest."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    own = urlsplit(base_url)
    static_path = urlsplit(settings.STATIC_URL).path

    class OfflineFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            same_site = parts.scheme in ("http", "https") and parts.netloc == own.netloc
            if same_site and parts.path.startswith(static_path):
                name = unquote(parts.path[len(static_path) :])
                path = _static_file(name) if ".." not in name.split("/") else None
                if path is not None:
                    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
            log.warning("Print rendering refused to fetch %s", url)
            raise RefusedFetch(f"Printing is offline: refused {url}")

    return OfflineFetcher(allowed_protocols=["http", "https", "data"])


def base_url_for(request=None):
    """The address relative links in print templates resolve against: this request's site, or SITE_URL."""
    return request.build_absolute_uri("/") if request is not None else settings.SITE_URL.rstrip("/") + "/"


def print_context(context, *, large_print=False):
    """What every print template gets, besides the view's own context."""
    return {
        "large_print": large_print,
        "printed_on": timezone.localdate(),
        "site_name": settings.SITE_NAME,
        "site_area": settings.SITE_AREA,
        "site_operator": settings.SITE_OPERATOR,
        "crisis": crisis_contacts()[:2],
        **context,
    }


def render_pdf(template_name, context, *, large_print=False, request=None):
    """Render a print template (extending printing/base_print.html) to PDF bytes. `large_print` switches on
    the large-print stylesheet: 16pt and larger text, high contrast, generous spacing."""
    from weasyprint import HTML

    html = render_to_string(template_name, print_context(context, large_print=large_print), request=request)
    base_url = base_url_for(request)
    document = HTML(string=html, base_url=base_url, url_fetcher=make_url_fetcher(base_url))
    return document.write_pdf()


def _qr(url):
    return segno.make(url, error=QR_ERROR, micro=False)


def qr_svg(url):
    """A standalone SVG QR code for exactly this URL: black on white, with a viewBox and no size of its own,
    so that the page or the print stylesheet decides how big it is."""
    buffer = BytesIO()
    _qr(url).save(
        buffer,
        kind="svg",
        xmldecl=False,
        scale=1,
        border=QR_BORDER,
        omitsize=True,
        dark="#000",
        light="#fff",
        title=_("QR code for %(url)s") % {"url": url},
    )
    return buffer.getvalue().decode("utf-8")


def qr_svg_data_uri(url):
    """The same QR code as a data: URI, for <img> in print templates."""
    svg = qr_svg(url).encode("utf-8")
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def qr_png(url, scale=10):
    """A PNG QR code for exactly this URL (for posters and leaflets made elsewhere)."""
    buffer = BytesIO()
    _qr(url).save(buffer, kind="png", scale=scale, border=QR_BORDER)
    return buffer.getvalue()


def pdf_response(pdf, filename):
    """An inline PDF response that is never cached: a handout is always printed from live details."""
    from django.http import HttpResponse

    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
