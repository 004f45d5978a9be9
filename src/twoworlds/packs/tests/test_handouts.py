"""The printable handouts, A4 and large print: made from the live listings when asked for, with the pack's
title, each group's name and phone number, the date printed and the short link to check for newer details
(with its QR code). Read back with pdfinfo, pdftotext and pdftoppm."""

from datetime import date

import pytest
from django.urls import reverse

from twoworlds.core import testing as t
from twoworlds.printing.tests.support import (
    need_poppler,
    pdf_page_size_mm,
    pdf_pages,
    pdf_text,
    render_png,
    word_heights,
    write,
)

from .support import close, make_pack, phone, six_groups

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack(ward):
    return make_pack(
        "Stroke ward: going home",
        at=ward,
        picked=six_groups(),
        introduction="Going home after a stroke is a big step. These groups are run by people who have been "
        "there, and by their families. You choose whether to get in touch.",
    )


def handout(client, pack, tmp_path, large=False):
    name = "packs:handout_large" if large else "packs:handout"
    response = client.get(reverse(name, args=[pack.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response, write(tmp_path, response.content, f"handout-{large}.pdf")


def test_the_a4_handout_fits_six_groups_on_one_sheet(client, pack, tmp_path):
    need_poppler()
    response, path = handout(client, pack, tmp_path)

    assert response["Content-Disposition"] == (
        f'inline; filename="stroke-ward-going-home-{pack.code.lower()}.pdf"'
    )
    assert pdf_pages(path) == 1
    assert pdf_page_size_mm(path) == (210, 297)
    text = pdf_text(path)
    for expected in [
        "Stroke ward: going home",
        "An information pack from Ward 12, City Hospital",
        "Going home after a stroke is a big step.",
        *[group.name for group in pack.groups.all()],
        "0115 496 0100 (ask for Pat)",
        "0115 496 0105",
        "Every Monday, 2 p.m. to 4 p.m.",
        f"Printed on {date.today():%-d %B %Y}",
        f"check for newer details at http://testserver/p/{pack.code}",
        "Details last confirmed",
        "Samaritans",
    ]:
        assert expected in text, expected


def test_a_longer_pack_is_set_tighter_and_still_fits_one_sheet(client, ward, tmp_path):
    need_poppler()
    groups = six_groups() + [
        t.group(
            f"Extra Group {n}",
            [],
            meetings=[t.weekly(2, "10:00", "11:00")],
            routes=[phone(f"0115 496 02{n}0")],
        )
        for n in range(4)
    ]
    pack = make_pack(at=ward, picked=groups)
    _, path = handout(client, pack, tmp_path)

    assert pdf_pages(path) == 1
    text = pdf_text(path)
    assert all(group.name in text for group in groups)


def test_the_handout_renders_to_an_image(client, pack, tmp_path):
    need_poppler()
    _, path = handout(client, pack, tmp_path)

    png = render_png(path, tmp_path / "handout", dpi=50)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000  # text, rules and a QR code, not a blank page


def test_the_large_print_handout_has_the_same_details_in_bigger_type(client, pack, tmp_path):
    need_poppler()
    _, standard = handout(client, pack, tmp_path)
    response, large = handout(client, pack, tmp_path, large=True)

    assert "-large-print.pdf" in response["Content-Disposition"]
    text = pdf_text(large)
    for expected in ["Stroke ward: going home", *[g.name for g in pack.groups.all()], "0115 496 0103"]:
        assert expected in text, expected
    assert "Printed on" in text and f"http://testserver/p/{pack.code}" in text
    assert pdf_pages(large) > pdf_pages(standard)
    # A word's box is about 1.1 times its font size. The typical word on page 1 is 17pt against 10pt, and
    # no word at all (footer and page number included) is set below 16pt.
    heights, heights_large = sorted(word_heights(standard)), sorted(word_heights(large))
    assert heights_large[len(heights_large) // 2] >= 1.5 * heights[len(heights) // 2]
    assert heights_large[0] >= 16 * 1.1


def test_the_handout_is_made_from_the_live_listings(client, pack, tmp_path):
    need_poppler()
    first = pack.picks.first().group
    close(first)

    text = pdf_text(handout(client, pack, tmp_path)[1])
    assert first.name not in text
    assert pack.picks.last().group.name in text


def test_a_pack_out_of_use_prints_nothing(client, pack):
    pack.active = False
    pack.save()
    response = client.get(reverse("packs:handout", args=[pack.code]))
    assert response.status_code == 410
    assert b"no longer keeps this information pack up to date" in response.content


def test_handouts_refuse_writes(client, pack):
    assert client.post(reverse("packs:handout", args=[pack.code])).status_code == 405
