"""Subscriptions in real Chromium, with axe-core on every page: a staff member adds a subscription (an error
first, then right), sees it listed, refreshes it, and sees on a group page which sources list the group."""

import os
from pathlib import Path

import pytest

from twoworlds.core import testing as t
from twoworlds.interop.meeting_guide_import import ALSO_LISTED
from twoworlds.interop.models import ImportedRecord, Source
from twoworlds.interop.tests.import_support import staff_member

from .conftest import axe_violations

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("TWOWORLDS_SCREENSHOTS")  # a folder: keep a screenshot of each page to look at


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_staff_subscribe_and_see_where_a_listing_comes_from(browse, transactional_db):
    org = t.organisation("Trent Valley Intergroup")
    page = browse(staff_member())

    page.goto("/staff/imports/subscriptions/")
    assert page.get_by_role("heading", level=1).inner_text() == "Subscriptions"
    assert axe_violations(page) == []
    page.get_by_role("link", name="Add a subscription").click()

    page.get_by_label("Name").fill("Intergroup meetings")
    page.get_by_label("Meeting Guide feed").check()
    page.get_by_label("Web address").fill("https://intergroup.example.org/meetings.json")
    page.get_by_role("button", name="Subscribe").click()
    assert "There is a problem" in page.locator(".error-summary").inner_text()
    assert page.get_by_label("Name").input_value() == "Intergroup meetings"  # what was typed is kept
    assert axe_violations(page) == []
    shot(page, "federation-add-with-error")

    page.get_by_label("Organisation that runs the meetings").select_option(label=org.name)
    page.get_by_role("button", name="Subscribe").click()
    page.wait_for_selector("text=Subscribed to Intergroup meetings")
    assert axe_violations(page) == []

    page.get_by_role("button", name="Refresh now (Intergroup meetings)").click()
    page.wait_for_selector("text=Failed, nothing changed")  # no network here: the failure is said in words
    assert axe_violations(page) == []
    shot(page, "federation-subscriptions")

    source = Source.objects.get(name="Intergroup meetings")
    page.get_by_role("link", name="Stop (Intergroup meetings)").click()
    assert axe_violations(page) == []
    shot(page, "federation-stop")

    group = t.group("Hope Group")
    county = Source.objects.create(name="County directory", kind=Source.Kind.HSDS_API, subscribed=True)
    ImportedRecord.objects.create(source=county, kind="service", external_id="1", group=group)
    ImportedRecord.objects.create(
        source=source, kind="service", external_id="hope", group=group, local_fingerprint=ALSO_LISTED
    )
    page.goto(group.get_absolute_url())
    sources = page.get_by_role("complementary", name="Where this listing comes from (staff only)")
    assert "County directory" in sources.inner_text() and "Intergroup meetings" in sources.inner_text()
    assert axe_violations(page) == []
    shot(page, "federation-group-sources")
