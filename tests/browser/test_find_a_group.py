"""A person finds a group in a real browser: search, filter, open it, reach how to get in touch."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_search_filter_and_open_a_group(page, site):
    page.goto("/")
    page.get_by_label("What would you like support with?").fill("carers")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".result-count")).to_contain_text("groups found")
    expect(page.get_by_role("link", name="Polish Carers Circle")).to_be_visible()

    page.get_by_text("Narrow down").click()
    page.get_by_label("Language").select_option("pl")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".result-count")).to_contain_text("1 group found")

    page.get_by_role("link", name="Polish Carers Circle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Polish Carers Circle")
    expect(page.locator(".confirmed")).to_contain_text("Details last confirmed")


def test_near_a_postcode_shows_distances(page, site):
    page.goto("/search?q=carers&near=NG9+2JR&distance=5")
    expect(page.locator(".result-count")).to_contain_text("within 5 miles of NG9 2JR")
    expect(page.locator(".hit").first).to_contain_text("miles")


def test_keyboard_alone_reaches_a_groups_contact_details(page, site):
    from twoworlds.core.testing import group
    from twoworlds.search.services import rebuild_index

    group(
        "Keyboard Carers",
        [],
        description="carers keyboard test",
        routes=[{"kind": "phone", "value": "0115 496 0555"}],
    )
    rebuild_index()
    page.goto("/")
    # Tab from the top: skip link first, then on to the search box.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to main content")
    page.keyboard.press("Enter")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "q":
            break
    page.keyboard.type("keyboard")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?*")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Keyboard Carers":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/groups/keyboard-carers/")
    visited = []
    for _ in range(60):
        page.keyboard.press("Tab")
        visited.append(page.evaluate("document.activeElement.getAttribute('href') || ''"))
        if visited[-1] == "tel:01154960555":  # past the crisis numbers in the banner
            break
    assert visited[-1] == "tel:01154960555", visited
    focused_box = page.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect(); return r.width * r.height; })()"
    )
    assert focused_box > 0


def test_crisis_help_is_one_tab_away_on_every_page(page, site):
    page.goto("/search?q=dementia")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_attribute("href", "tel:999")
