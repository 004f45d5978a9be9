"""Invitations to attend, in real Chromium with axe-core on every page: a professional asks to attend as a
guest, the group accepts with an end date and later withdraws it without a reason; a group that says no to
professional involvement is never asked."""

from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.involvement.models import Invitation
from twoworlds.involvement.tests.support import professional, set_stance
from twoworlds.listings.tests.support import looks_after, make_listing, person

from .conftest import axe_violations

pytestmark = pytest.mark.browser


def test_ask_accept_and_withdraw(browse, transactional_db, mailoutbox):
    group = make_listing("Sneinton Stroke Club")
    pat = person("pat@example.org")
    looks_after(group, pat)
    set_stance(group, "invited_guests", pat)
    nurse = professional()

    desk = browse(nurse)
    desk.goto(group.get_absolute_url())
    desk.get_by_role("link", name="Ask to attend a meeting as a guest").click()
    desk.wait_for_selector("h1:has-text('Ask to attend Sneinton Stroke Club as a guest')")
    assert axe_violations(desk) == []
    desk.get_by_label("Your name, as the group will see it").fill("Sam Okafor")
    desk.get_by_label("Who you are").fill("Stroke nurse on ward C3")
    desk.locator("input[name=meetings]").first.check()
    desk.get_by_label("Why you would like to come").fill("To listen, and learn what helps after discharge.")
    desk.get_by_role("button", name="Send to Sneinton Stroke Club").click()
    desk.wait_for_selector("text=Waiting for the group")
    assert axe_violations(desk) == []
    assert mailoutbox[-1].to == ["pat@example.org"]

    home = browse(pat)
    home.goto(f"/my-groups/{group.slug}/involvement/")
    home.get_by_role("link", name="Sam Okafor, Queen's Medical Centre, Ward C3").click()
    home.wait_for_selector("h1:has-text('Sam Okafor asks to attend')")
    assert axe_violations(home) == []
    home.get_by_label("Accept: invite them as a guest").check()
    home.get_by_label("If you accept: the invitation ends on").fill(
        (timezone.localdate() + timedelta(days=90)).isoformat()
    )
    home.get_by_role("button", name="Send your answer").click()
    home.wait_for_selector("text=Accepted. Sam Okafor has been told.")
    assert axe_violations(home) == []
    assert "invited you as a guest" in mailoutbox[-1].subject

    desk.reload()
    assert "you are invited until" in desk.content()

    home.get_by_role("button", name="Withdraw the invitation (Sam Okafor)").click()
    home.wait_for_selector("text=no longer invited")
    assert Invitation.objects.get().state == "withdrawn"
    desk.reload()
    assert "Withdrawn by the group" in desk.content()

    # The group can propose a role itself (the form is the group's own version).
    home.goto(f"/my-groups/{group.slug}/involvement/roles/propose/")
    assert home.locator("input[value=figurehead]").count() == 1
    assert axe_violations(home) == []


def test_no_professional_involvement_is_a_firm_no(browse, transactional_db):
    group = make_listing("Twelve Steps Nottingham")
    pat = person("pat@example.org")
    looks_after(group, pat)
    set_stance(group, "no_involvement", pat)
    desk = browse(professional())
    desk.goto(group.get_absolute_url())
    assert "wants no professional involvement" in desk.locator(".involvement-offer").inner_text()
    assert desk.get_by_role("link", name="Ask to attend a meeting as a guest").count() == 0
    desk.goto(f"/groups/{group.slug}/ask-to-attend/")
    assert "does not invite professionals" in desk.locator("h1").inner_text()
    assert axe_violations(desk) == []
