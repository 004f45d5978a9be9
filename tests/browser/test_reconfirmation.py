"""The re-confirmation cycle in real Chromium (Playwright), with axe-core on every new page: a listing nobody
confirms lapses out of search and is marked; the one-click link brings it back; staff use the dashboard."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.accounts.roles import EDITOR
from twoworlds.accounts.services import create_staff
from twoworlds.listings import confirmation
from twoworlds.listings.tests.confirmation_support import listed, looks_after, person, use_defaults

from .conftest import axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_page(browse, settings):
    use_defaults(settings)
    return browse()


def results_for(page, words):
    page.goto(f"/search?q={words.replace(' ', '+')}")
    return page.locator(".hits").get_by_role("link", name=words).count()


def test_a_lapsed_listing_leaves_search_and_the_one_click_link_brings_it_back(
    browser_page, transactional_db, mailoutbox
):
    page = browser_page
    today = timezone.localdate()
    group = looks_after(
        listed("Riverside Recovery Circle", confirmed_days_ago=182, today=today - timedelta(days=100)),
        person("river@example.org"),
    )
    confirmation.run_cycle(today=today - timedelta(days=100))  # asked 100 days ago, never answered
    confirmation.run_cycle(today=today)  # lapses it
    link = re.search(r"https?://[^/]+(/confirm/[\w-]+/)", mailoutbox[0].body).group(1)

    assert results_for(page, "Riverside Recovery Circle") == 0
    page.goto(group.get_absolute_url())
    assert "the group may no longer meet" in page.locator(".notice-lapsed").inner_text()
    assert axe_violations(page) == []

    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Is the listing for Riverside")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Yes, our details are still right").click()
    page.wait_for_selector("text=It is back in search results.")
    assert axe_violations(page) == []

    assert results_for(page, "Riverside Recovery Circle") == 1
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "Already confirmed, thank you"


def test_an_unknown_link_page_passes_axe(browser_page, transactional_db):
    page = browser_page
    response = page.goto("/confirm/no-such-link/")
    assert response.status == 404
    assert axe_violations(page) == []


def test_staff_dashboard_passes_axe_and_marks_a_group_confirmed(browse, settings, transactional_db):
    use_defaults(settings)
    today = timezone.localdate()
    listed("Phone Tree Group", confirmed_days_ago=300, today=today)
    looks_after(listed("Waiting Group", confirmed_days_ago=190, today=today), person("w@example.org"))
    confirmation.run_cycle(today=today)
    editor, _ = create_staff("dash-editor", "dash@example.org", EDITOR)
    page = browse(editor)

    page.goto("/staff/confirmation/")
    assert page.get_by_role("heading", level=1).inner_text() == "Re-confirmation"
    assert axe_violations(page) == []
    page.get_by_label("How? (optional, e.g. by phone) Phone Tree Group").fill("rang the organiser")
    page.get_by_role("button", name="Mark confirmed Phone Tree Group").click()
    page.wait_for_selector("text=Phone Tree Group is confirmed as still right today.")
    assert axe_violations(page) == []
    assert results_for(page, "Phone Tree Group") == 1
