"""The pack's QR code opens its short link (marked ?qr so that visits from paper can be counted), which
leads to the live pack page. segno cannot read codes back, so the SVG is checked against a fresh code made
from exactly the expected URL; the browser test opens that URL."""

import pytest
import segno
from django.urls import reverse

from twoworlds.packs.models import PackEvent
from twoworlds.printing.services import qr_svg

from .support import make_pack

pytestmark = pytest.mark.django_db


def modules(svg):
    """The path that draws the dark modules."""
    return svg.split('class="qrline"')[1].split('d="')[1].split('"')[0]


def test_the_svg_encodes_exactly_the_short_link(client, ward):
    pack = make_pack(at=ward)
    target = f"http://testserver/p/{pack.code}?qr"

    response = client.get(f"/packs/{pack.code}/qr.svg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg == qr_svg(target)
    fresh = segno.make(target, error="m", micro=False).svg_inline(scale=1, border=4)
    assert modules(svg) == modules(fresh)
    assert modules(svg) != modules(qr_svg(f"http://testserver/p/{pack.code}"))


def test_the_png_is_a_download_of_the_same_code(client, ward):
    pack = make_pack(at=ward)
    response = client.get(f"/packs/{pack.code}/qr.png")

    assert response["Content-Type"] == "image/png"
    assert response.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert "attachment" in response["Content-Disposition"]


def test_the_handout_carries_the_same_code(client, ward, monkeypatch):
    import twoworlds.packs.views as views

    pack = make_pack(at=ward)
    encoded = []
    real = views.qr_svg_data_uri
    monkeypatch.setattr(views, "qr_svg_data_uri", lambda url: encoded.append(url) or real(url))
    client.get(reverse("packs:handout", args=[pack.code]))

    assert encoded == [f"http://testserver/p/{pack.code}?qr"]


def test_the_encoded_url_opens_the_live_pack_and_is_counted(client, ward):
    pack = make_pack(at=ward)
    response = client.get(f"/p/{pack.code}?qr", follow=True)

    assert response.redirect_chain == [(f"/packs/{pack.code}/", 302)]
    assert "Stroke ward: going home" in response.content.decode()
    assert PackEvent.objects.get(kind=PackEvent.Kind.QR_SCANNED).count == 1
