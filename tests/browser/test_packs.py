"""A professional builds an information pack in real Chromium (Playwright): picks a group with the filter
box, adds a rule, saves and sees the live preview; then the pack's public page, its short link, the URL its
QR code encodes, its handout and a group's page and card. axe-core runs on the builder, the pack page and
the group page."""

import pytest

from twoworlds.accounts.models import Agency, AgencyMember
from twoworlds.packs.models import Pack, PackEvent
from twoworlds.printing.services import qr_svg

from .conftest import axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def nurse(site):
    from django.contrib.auth import get_user_model

    ward = Agency.objects.create(name="Ward 12, City Hospital", slug="ward-12")
    user = get_user_model().objects.create_user("nurse@hospital.example", "nurse@hospital.example")
    AgencyMember.objects.create(agency=ward, user=user, job_title="Discharge nurse")
    return user


def test_a_professional_builds_a_pack_and_a_visitor_uses_it(browse, site, nurse, live_server):
    page = browse(nurse)
    page.goto("/packs/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Make a new pack").click()
    assert axe_violations(page) == []

    # Nothing chosen: the error summary, and the builder still passes axe.
    page.get_by_label("Title").fill("Memory clinic: after the diagnosis")
    page.get_by_role("button", name="Make the pack").click()
    page.wait_for_selector(".error-summary")
    assert axe_violations(page) == []

    page.get_by_label("Introduction").fill("These groups are run by people who have been where you are now.")
    finder = page.get_by_label("Find groups in the list")
    finder.fill("tinnitus mansfield")
    assert page.locator("#id_picked > div:visible").count() == 1
    page.get_by_label("Tinnitus Self Help Nottingham", exact=False).check()
    finder.fill("")
    page.get_by_label("Carers › Dementia").check()
    page.get_by_label("Near").fill("NG1 5FS")
    page.get_by_label("Within").select_option("3")
    page.get_by_role("button", name="Make the pack").click()

    page.wait_for_selector("#preview")
    assert "The pack is saved" in page.locator(".listing-messages").inner_text()
    preview = page.locator("#preview").inner_text()
    for name in ["Tinnitus Self Help Nottingham", "Memory Lane Carers Café", "Dementia Society UK"]:
        assert name in preview
    assert "Polish Carers Circle" not in preview  # in Beeston, beyond 3 miles
    assert axe_violations(page) == []
    pack = Pack.objects.get()
    assert pack.agency.name == "Ward 12, City Hospital"

    # A visitor follows the short link and reads the pack.
    visitor = browse()
    short_url = f"{live_server.url}/p/{pack.code}"
    visitor.goto(short_url)
    assert visitor.url == f"{live_server.url}/packs/{pack.code}/"
    assert visitor.get_by_role("heading", level=1).inner_text() == "Memory clinic: after the diagnosis"
    assert visitor.get_by_role("link", name="Tinnitus Self Help Nottingham").count() == 1
    assert visitor.get_by_role("link", name=short_url).count() == 1
    assert visitor.locator("img.pack-qr").evaluate("img => img.complete && img.naturalWidth > 0")
    assert axe_violations(visitor) == []

    # The QR code encodes the short link (marked ?qr); opening that URL shows the live pack and counts a scan.
    encoded = f"{short_url}?qr"
    svg = visitor.request.get(f"/packs/{pack.code}/qr.svg").text()
    assert svg == qr_svg(encoded)
    visitor.goto(encoded)
    assert visitor.url == f"{live_server.url}/packs/{pack.code}/"
    assert PackEvent.objects.get(pack=pack, kind="qr_scanned").count == 1
    assert PackEvent.objects.get(pack=pack, kind="opened").count == 2

    # The handout is a PDF.
    handout = visitor.request.get(f"/packs/{pack.code}/handout.pdf")
    assert handout.headers["content-type"] == "application/pdf"
    assert handout.body()[:5] == b"%PDF-"

    # From the pack to a group's page, which offers its card.
    visitor.get_by_role("link", name="Memory Lane Carers Café").click()
    visitor.wait_for_url(f"**{site['dementia_cafe'].get_absolute_url()}")
    card_link = visitor.get_by_role("link", name="Download a card (PDF)")
    card = visitor.request.get(card_link.get_attribute("href"))
    assert card.headers["content-type"] == "application/pdf"
    assert axe_violations(visitor) == []


def test_the_filter_box_is_there_only_with_javascript(browser, live_server, site, nurse):
    from django.test import Client

    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        client = Client()
        client.force_login(nurse)
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
        )
        page = context.new_page()
        page.goto("/packs/new/")
        assert page.get_by_label("Find groups in the list").is_hidden()
        assert page.get_by_label("Tinnitus Self Help Nottingham", exact=False).is_visible()
    finally:
        context.close()
