"""Anonymous feedback reaches a service and gets a reply, in real Chromium with axe-core on every page: the
group's leader relays members' views without naming the group; the service's staff read it as "a self-help
group for stroke" and reply; the group reads the reply; small counts show as "fewer than 5"."""

import pytest

from twoworlds.involvement.tests.support import agency, professional
from twoworlds.listings.tests.support import looks_after, make_listing, person

from .conftest import axe_violations

pytestmark = pytest.mark.browser


def test_anonymous_feedback_reaches_a_service_and_gets_a_reply(browse, transactional_db, mailoutbox):
    group = make_listing("Sneinton Stroke Club")
    pat = person("pat@example.org")
    looks_after(group, pat)
    service = agency("Stroke Rehabilitation Service")
    physio = professional("physio@rehab.example", at=service)

    home = browse(pat)
    home.goto(f"/my-groups/{group.slug}/influence/")
    home.get_by_role("link", name="Tell a service what your members think").click()
    assert axe_violations(home) == []
    home.get_by_role("link", name="Give feedback to a service").click()
    home.wait_for_selector("h1:has-text('Give feedback to a service')")
    assert axe_violations(home) == []
    home.get_by_label("Which service is it about?").select_option(label="Stroke Rehabilitation Service")
    home.get_by_label("What it is about, in a few words").fill("Waiting for physio")
    home.get_by_label("What members told you").fill(
        "Several members waited months for physio after discharge."
    )
    home.get_by_label("How many members share this view").fill("3")
    home.get_by_label("Only as “a self-help group for stroke”").check()
    home.get_by_role("button", name="Send to the service").click()
    home.wait_for_selector("text=Sent to Stroke Rehabilitation Service.")
    assert "Members who share this view: fewer than 5." in home.content()
    assert axe_violations(home) == []
    assert mailoutbox[-1].to == ["physio@rehab.example"]
    assert "Sneinton" not in mailoutbox[-1].body and "fewer than 5" in mailoutbox[-1].body

    desk = browse(physio)
    desk.goto("/professional/feedback/")
    assert axe_violations(desk) == []
    desk.get_by_role("link", name="Waiting for physio").click()
    desk.wait_for_selector("text=Feedback from a self-help group for stroke")
    assert "Sneinton" not in desk.content() and "pat@example.org" not in desk.content()
    assert "Members who share this view: fewer than 5." in desk.content()
    assert axe_violations(desk) == []
    desk.get_by_label("Your reply").fill("Thank you. We are adding a Saturday clinic from March.")
    desk.get_by_role("button", name="Send the reply").click()
    desk.wait_for_selector("text=Your reply has gone to the group.")
    assert mailoutbox[-1].to == ["pat@example.org"]

    home.reload()
    assert "We are adding a Saturday clinic from March." in home.content()
    assert axe_violations(home) == []
