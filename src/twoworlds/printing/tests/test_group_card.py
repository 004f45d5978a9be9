"""A group's printable card: one A4 page from the live listing, with who it is for, when and where (public
venue lines only), the public contact routes, what a first meeting is like, the date printed, when the
details were last confirmed, the page's address and QR code, and crisis lines. Closed groups have none."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from twoworlds.core import testing as t
from twoworlds.directory.models import Group
from twoworlds.printing.services import qr_svg_data_uri

from .support import need_poppler, pdf_page_size_mm, pdf_pages, pdf_text, render_png, write

pytestmark = pytest.mark.django_db


def card_url(group, large=False):
    return reverse("printing:group_card_large" if large else "printing:group_card", args=[group.slug])


def test_the_card_is_one_inline_a4_pdf(client, card_group, tmp_path):
    need_poppler()
    response = client.get(card_url(card_group))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="sneinton-stroke-club-card.pdf"'
    assert response["Cache-Control"] == "no-store"
    path = write(tmp_path, response.content)
    assert pdf_pages(path) == 1
    assert pdf_page_size_mm(path) == (210, 297)
    assert render_png(path, tmp_path / "card").stat().st_size > 5_000


def test_the_card_says_what_the_group_page_says(client, card_group, tmp_path):
    need_poppler()
    confirmed = date.today() - timedelta(days=20)
    card_group.last_confirmed = confirmed
    card_group.save()
    text = pdf_text(write(tmp_path, client.get(card_url(card_group)).content))

    for expected in [
        "Sneinton Stroke Club",
        "Self-help group: run by its members",
        "People affected, Family and friends",
        "Every Tuesday, 2 p.m. to 4 p.m.",
        "St Anne's Hall 1 High Street Nottingham NG3 3AB",
        "A member's home in Arnold NG5",
        "0115 496 0123 (ask for Pat)",
        "Someone will meet you at the door and sit with you.",
        f"Details last confirmed {confirmed:%-d %B %Y}.",
        f"Printed on {date.today():%-d %B %Y}",
        "Samaritans",
        "116 123",
    ]:
        assert expected in text, expected
    # The page's address may wrap at a slash, depending on the fonts installed: join the lines back.
    assert "http://testserver/groups/sneinton-stroke-club/" in text.replace("/ ", "/")
    assert "may be out of date" not in text


def test_the_card_keeps_back_what_the_group_keeps_back(client, card_group, tmp_path):
    need_poppler()
    text = pdf_text(write(tmp_path, client.get(card_url(card_group)).content))

    for private in ["private@example.org", "07700 900999", "Jo's house", "NG5 8XY"]:
        assert private not in text


def test_the_qr_code_on_the_card_is_made_from_the_page_address(client, card_group, monkeypatch):
    seen = []
    import twoworlds.printing.views as views

    def spy(url):
        seen.append(url)
        return qr_svg_data_uri(url)

    monkeypatch.setattr(views, "qr_svg_data_uri", spy)
    client.get(card_url(card_group))
    assert seen == ["http://testserver/groups/sneinton-stroke-club/"]


def test_large_print_card(client, card_group, tmp_path):
    need_poppler()
    response = client.get(card_url(card_group, large=True))

    assert response.status_code == 200
    assert "sneinton-stroke-club-card-large-print.pdf" in response["Content-Disposition"]
    text = pdf_text(write(tmp_path, response.content))
    assert "Sneinton Stroke Club" in text and "0115 496 0123" in text


def test_closed_and_unknown_groups_have_no_card(client, card_group):
    card_group.status = Group.Status.CLOSED
    card_group.save()
    assert client.get(card_url(card_group)).status_code == 404
    assert client.get("/groups/no-such-group/card.pdf").status_code == 404


def test_a_lapsed_group_card_warns_that_the_details_may_be_old(client, tmp_path):
    need_poppler()
    group = t.group("Old News Club", [], lapsed=True, last_confirmed=date(2024, 1, 5))
    text = pdf_text(write(tmp_path, client.get(card_url(group)).content))
    assert "These details may be out of date" in text


def test_the_card_refuses_writes(client, card_group):
    assert client.post(card_url(card_group)).status_code == 405
