"""A group sets its own terms for professionals in real Chromium, and they show on its page; axe on the
form, its error summary and the page."""

import pytest

from twoworlds.relations.models import GroupTerms
from twoworlds.relations.tests.support import agency_with_member, group_with_contact

from .conftest import axe_violations

pytestmark = pytest.mark.browser


def test_a_group_sets_its_terms_and_they_show_on_its_page(browse, transactional_db):
    group, contact = group_with_contact("Hearing Voices Group", "contact@example.org")
    _, professional = agency_with_member("Ward 7", "nurse@example.org")

    page = browse(contact)
    page.goto(group.get_absolute_url())
    page.get_by_role("link", name="Set the group's terms for professionals").click()
    assert axe_violations(page) == []

    # Sent without a choice: the error summary, and nothing saved.
    page.get_by_label("Topics").first.fill("Living with voices")
    page.get_by_role("button", name="Save the group's terms").click()
    page.wait_for_selector(".error-summary")
    assert axe_violations(page) == []
    assert page.get_by_label("Topics").first.input_value() == "Living with voices"
    assert not GroupTerms.objects.exists()

    page.get_by_label("Speakers welcome by invitation").check()
    page.get_by_label("The group is happy to give talks").check()
    page.get_by_label("Fee").first.fill("£40 or a donation")
    page.get_by_label("A meeting room").check()
    page.get_by_label("Photocopying").check()
    page.get_by_role("button", name="Save the group's terms").click()
    page.wait_for_selector("text=The group's terms are saved and shown here.")
    terms = page.locator("#terms")
    assert "Speakers welcome by invitation" in terms.inner_text()
    assert "£40 or a donation" in terms.inner_text()
    assert "A meeting room" in terms.inner_text()
    assert axe_violations(page) == []

    # A professional sees them, with the way to invite the group.
    visitor = browse(professional)
    visitor.goto(group.get_absolute_url())
    assert visitor.locator("#terms").get_by_role("link", name="Invite the group to give a talk").count() == 1

    # The group says a firm no; the page says so, and the invitation link is gone.
    page.get_by_role("link", name="Change the group's terms").click()
    page.get_by_label("No professional involvement").check()
    page.get_by_role("button", name="Save the group's terms").click()
    page.wait_for_selector("text=The group's terms are saved and shown here.")
    visitor.goto(group.get_absolute_url())
    assert "No professional involvement" in visitor.locator("#terms").inner_text()
    assert visitor.locator("#terms").get_by_role("link", name="Invite the group to give a talk").count() == 0
