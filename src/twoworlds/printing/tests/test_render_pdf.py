"""render_pdf: WeasyPrint, offline. The print stylesheets come from this site's static files, read from
disk; any other address (another host, a file path, or our own host outside /static/) is refused, so
rendering never waits on, or leaks a request to, another server."""

import logging

import pytest
from weasyprint.urls import URLFetchingError, fetch

from twoworlds.printing.services import RefusedFetch, make_url_fetcher, qr_svg, qr_svg_data_uri, render_pdf

from .support import need_poppler, pdf_pages, pdf_text, write

BASE = "http://testserver/"


@pytest.fixture
def fetcher():
    return make_url_fetcher(BASE)


def test_own_static_files_are_read_from_disk(fetcher):
    response = fetcher.fetch("http://testserver/static/printing/print.css")
    assert response.content_type == "text/css"
    assert b"size: A4" in response.read()


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/static/printing/print.css",
        "http://169.254.169.254/latest/meta-data/",
        "http://testserver/staff/",
        "http://testserver/static/../settings.py",
        "http://testserver/static/no-such-file.css",
        "file:///etc/passwd",
        "ftp://example.org/file",
    ],
)
def test_everything_else_is_refused(fetcher, url):
    with pytest.raises((RefusedFetch, ValueError)):
        fetcher.fetch(url)


def test_weasyprint_turns_a_refusal_into_a_skipped_resource(fetcher):
    with pytest.raises(URLFetchingError), fetch(fetcher, "https://example.org/tracker.png"):
        pass


def test_data_uris_work(fetcher):
    response = fetcher.fetch(qr_svg_data_uri("https://example.org/p/ABC234"))
    assert b"<svg" in response.read()


def test_a_template_that_asks_for_outside_things_still_renders_without_them(tmp_path, caplog, settings):
    need_poppler()
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path]},
    ]
    (tmp_path / "outside.html").write_text(
        '{% extends "printing/base_print.html" %}{% block content %}<h1>Hello offline</h1>'
        '<img src="https://example.org/tracker.png" alt=""><link rel="stylesheet" href="https://example.org/x.css">'
        "{% endblock %}"
    )
    with caplog.at_level(logging.WARNING, logger="twoworlds.printing.services"):
        pdf = render_pdf("outside.html", {})

    text = pdf_text(write(tmp_path, pdf))
    assert "Hello offline" in text and "Printed on" in text and "Samaritans" in text
    assert any("example.org/tracker.png" in message for message in caplog.messages)


def test_large_print_adds_the_large_stylesheet(tmp_path, settings):
    need_poppler()
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    words = " ".join(["Plenty of words to fill the page."] * 120)
    (tmp_path / "words.html").write_text(
        '{% extends "printing/base_print.html" %}{% block content %}<p>' + words + "</p>{% endblock %}"
    )
    standard = write(tmp_path, render_pdf("words.html", {}), "standard.pdf")
    large = write(tmp_path, render_pdf("words.html", {}, large_print=True), "large.pdf")

    assert pdf_pages(standard) == 1
    assert pdf_pages(large) >= 3


def test_qr_codes_are_made_from_exactly_the_url():
    import segno

    svg = qr_svg("https://example.org/p/ABC234?qr")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    again = segno.make("https://example.org/p/ABC234?qr", error="m", micro=False)
    # The same modules, drawn in the same path, as a fresh code for that exact URL.
    assert again.svg_inline(scale=1, border=4).split('d="')[1].split('"')[0] in svg
    other = segno.make("https://example.org/p/ABC235?qr", error="m", micro=False)
    assert other.svg_inline(scale=1, border=4).split('d="')[1].split('"')[0] not in svg
