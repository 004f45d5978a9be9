"""The whole cycle in real Chromium (Playwright), with axe-core on every page this app adds: someone claims a
group, staff approve, they change the listing, staff see the difference and approve it, and it is live on the
page and in search. Also the public forms (list a group, report a change) and the staff history."""

import pytest

from twoworlds.listings.models import Claim, ProposedChange
from twoworlds.listings.tests.support import make_listing, person, staff
from twoworlds.search.services import rebuild_index

from .conftest import axe_violations

pytestmark = pytest.mark.browser


def found_in_search(page, words, name):
    page.goto(f"/search?q={words.replace(' ', '+')}")
    return page.locator(".hits").get_by_role("link", name=name).count()


def test_claim_edit_moderate_and_see_it_live(browse, transactional_db):
    group = make_listing()
    rebuild_index()
    jo, editor = person("jo@example.org"), staff()

    # Jo claims the group from its page.
    page = browse(jo)
    page.goto(group.get_absolute_url())
    page.get_by_role("link", name="Is this your group? Claim it").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send the claim").click()
    page.wait_for_selector(".error-summary")
    assert axe_violations(page) == []
    page.get_by_label("Your part in the group").fill("I organise the meetings")
    page.get_by_role("button", name="Send the claim").click()
    page.wait_for_selector("text=Staff will check your claim")
    assert axe_violations(page) == []  # /my-groups/

    # Staff approve the claim from the queue.
    desk = browse(editor)
    desk.goto("/staff/moderation/")
    assert axe_violations(desk) == []
    desk.get_by_role("link", name="jo@example.org claims Sneinton Stroke Club").click()
    assert axe_violations(desk) == []
    desk.get_by_label("Approve").check()
    desk.get_by_role("button", name="Record the decision").click()
    desk.wait_for_selector("text=Approved: they can now change the listing.")
    assert Claim.objects.get().status == "approved"

    # Jo changes the listing.
    page.goto(group.get_absolute_url())
    page.get_by_role("link", name="Edit this listing").click()
    assert axe_violations(page) == []
    page.get_by_label("About the group, in its own words").fill("Stroke survivors: tea, talk and chair yoga.")
    page.locator("#id_meetings-0-start_time").fill("13:30")
    page.get_by_role("button", name="Send to staff").click()
    page.wait_for_selector("text=Staff will check the changes")
    assert "chair yoga" not in browse().goto(group.get_absolute_url()).text()

    # Staff see the difference and approve it.
    desk.goto("/staff/moderation/")
    desk.get_by_role("link", name="A change to Sneinton Stroke Club").click()
    assert desk.locator("table.diff ins").filter(has_text="chair yoga").count() == 1
    assert desk.locator("table.diff del").filter(has_text="Every Tuesday, 2 p.m. to 4 p.m.").count() == 1
    assert axe_violations(desk) == []
    desk.get_by_label("Approve").check()
    desk.get_by_role("button", name="Record the decision").click()
    desk.wait_for_selector("text=Approved and published.")
    assert ProposedChange.objects.get().status == "approved"

    # It is live, on the page and in search.
    visitor = browse()
    visitor.goto(group.get_absolute_url())
    assert "chair yoga" in visitor.locator("#about-title + p").inner_text()
    assert "1:30 p.m." in visitor.content()
    assert found_in_search(visitor, "chair yoga", "Sneinton Stroke Club") == 1

    # The history shows it, and it passes axe.
    desk.goto(f"/staff/moderation/groups/{group.slug}/history/")
    assert desk.locator(".history-item").count() >= 1
    assert axe_violations(desk) == []


def test_the_public_forms_pass_axe_with_and_without_errors(browse, transactional_db):
    group = make_listing()
    page = browse()

    page.goto("/list-a-group/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send it to the clearinghouse").click()
    page.wait_for_selector(".error-summary")
    assert axe_violations(page) == []

    page.goto(group.get_absolute_url())
    page.get_by_role("link", name="Report a change").click()
    assert axe_violations(page) == []
    page.get_by_label("What is wrong or has changed?").fill("They meet on Wednesdays now.")
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_selector("text=Thank you for telling us")
    assert axe_violations(page) == []

    desk = browse(staff())
    desk.goto("/staff/moderation/")
    desk.get_by_role("link", name="About Sneinton Stroke Club").click()
    assert axe_violations(desk) == []
