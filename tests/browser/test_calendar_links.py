"""'Add to your calendar' on a group's page in real Chromium: the explanation opens by keyboard, the file
downloads and is a calendar, and the page passes axe with the block open."""

import icalendar
import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.browser


def test_group_page_calendar_links_work_and_pass_axe(page, site):
    group = site["dementia_cafe"]
    page.goto(group.get_absolute_url())
    block = page.locator(".add-to-calendar")
    assert block.get_by_role("heading", name="Add to your calendar").is_visible()

    summary = block.locator("summary", has_text="What is a calendar file?")
    summary.focus()
    page.keyboard.press("Enter")
    address = block.get_by_label("copy this address")
    assert address.is_visible()
    assert address.input_value().endswith(f"/groups/{group.slug}/meetings.ics")
    assert (
        block.get_by_role("link", name="Subscribe, so changes reach your calendar")
        .get_attribute("href")
        .startswith("webcal://")
    )
    assert axe_violations(page) == []

    with page.expect_download() as downloading:
        block.get_by_role("link", name="Download a calendar file (.ics)").click()
    download = downloading.value
    assert download.suggested_filename == f"{group.slug}.ics"
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == group.name
    assert str(event["rrule"].to_ical().decode()) == "FREQ=WEEKLY;BYDAY=TU"


def test_search_results_offer_the_search_as_a_calendar(page, site):
    page.goto("/search?q=dementia")
    link = page.get_by_role("link", name="Download a calendar file (.ics)")
    assert link.get_attribute("href").endswith("/search/meetings.ics?q=dementia")
    assert axe_violations(page) == []
