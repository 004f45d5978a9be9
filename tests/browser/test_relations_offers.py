"""An agency offers something to a group that would welcome it; the group declines without a reason; both
see the state. And a group asks an agency for something; the agency accepts. Real Chromium, axe on the list
of agencies, the offer form, the request page (both states) and the refusal for a group that said no."""

import pytest

from twoworlds.relations.models import ResourceRequest, Stance
from twoworlds.relations.tests.support import agency_with_member, group_with_contact, room, terms

from .conftest import axe_violations

pytestmark = pytest.mark.browser


def test_offers_and_requests_both_ways(browse, transactional_db):
    group, contact = group_with_contact("Carers Together", "contact@example.org")
    terms(group, welcomes_noticeboard=True)
    quiet, _ = group_with_contact("Tuesday Serenity Group", "serenity@example.org")
    terms(quiet, Stance.NO_INVOLVEMENT)
    agency, professional = agency_with_member("Ward 7", "nurse@example.org")
    copier = room(agency, kind="photocopying", title="Photocopier", capacity=None, access="")

    pro = browse(professional)
    pro.goto(group.get_absolute_url())
    pro.get_by_role("link", name="Offer the group something your agency has").click()
    assert axe_violations(pro) == []
    pro.get_by_label("What you offer").select_option("noticeboard")
    pro.get_by_label("Message to the group").fill("Space on the board by our entrance.")
    pro.get_by_role("button", name="Send the offer").click()
    pro.wait_for_selector("text=Offered. The group decides")
    assert axe_violations(pro) == []

    page = browse(contact)
    page.goto("/working-together/")
    page.get_by_role("link", name="Noticeboard space").click()
    page.get_by_label("Decline").check()
    page.get_by_role("button", name="Send the answer").click()
    page.wait_for_selector("text=Your answer is sent.")
    assert axe_violations(page) == []
    pro.reload()
    assert "Declined" in pro.locator(".facts").inner_text()

    # The group asks the agency for photocopying; the agency accepts with a note.
    page.goto("/agencies/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Ward 7").click()
    page.get_by_role("link", name="Ask about Photocopier for your group").click()
    assert axe_violations(page) == []
    page.get_by_label("Message to the agency").fill("About 60 leaflets a month")
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_selector("text=Sent. The agency will accept or decline")
    made = ResourceRequest.objects.get(offer=copier)
    pro.goto(made.get_absolute_url())
    pro.get_by_label("Accept").check()
    pro.get_by_label("Reason or note").fill("Leave them at reception.")
    pro.get_by_role("button", name="Send the answer").click()
    pro.wait_for_selector("text=Your answer is sent.")
    page.reload()
    assert "Accepted" in page.locator(".facts").inner_text()
    assert "Leave them at reception." in page.content()

    # A group that said no cannot be offered anything; the page says why.
    pro.goto(f"/groups/{quiet.slug}/offer/")
    assert "no professional involvement" in pro.locator(".notice").inner_text()
    assert axe_violations(pro) == []
