"""An opportunity reaches only opted-in groups, in real Chromium with axe-core on every page: a group opts in
to forums on dementia; staff post a dementia forum, a dementia working party and a mental health forum; the
group gets only the dementia forum, says no thanks in one click, and the poster sees only counts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.core import testing as t
from twoworlds.influence.models import Delivery
from twoworlds.listings.tests.support import looks_after, make_listing, person, staff

from .conftest import axe_violations

pytestmark = pytest.mark.browser


def tick(page, category):
    """Tick the box of this category (by its id: the seeded taxonomy has categories of the same names)."""
    page.locator(f'input[type=checkbox][value="{category.pk}"]').check()


def post(office, level, issue, title):
    office.goto("/influence/opportunities/new/")
    office.get_by_label(level).check()
    office.get_by_label("Title").fill(title)
    office.get_by_label("What it is, and what could change").fill("We want to hear what carers think.")
    tick(office, issue)
    office.get_by_label("The time and energy it asks").fill("Two hours, four times a year")
    office.get_by_label("First date").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    office.get_by_label("Contributions are paid").check()
    office.get_by_label("If paid: how much, and for what").fill("£40 a meeting, plus travel")
    office.get_by_role("button", name="Post it to the groups that opted in").click()
    office.wait_for_selector("text=Posted. It has gone only to the groups that opted in to it.")


def test_an_opportunity_reaches_only_opted_in_groups(browse, transactional_db, mailoutbox):
    carers = t.category("Carers")
    dementia = t.category("Dementia", parent=carers)
    mental_health = t.category("Mental health")
    group = make_listing("Memory Lane Carers")
    group.categories.set([dementia])
    other = make_listing("Quiet Carers")
    other.categories.set([dementia])
    pat = person("pat@example.org")
    looks_after(group, pat)
    looks_after(other, person("quiet@example.org"))

    home = browse(pat)
    home.goto("/my-groups/")
    home.get_by_role("link", name="Influencing services (Memory Lane Carers)").click()
    home.wait_for_selector("text=Three kinds of opportunity")
    assert "You have not opted in" in home.content()
    assert axe_violations(home) == []
    home.get_by_label("Forums: meetings where groups").check()
    tick(home, dementia)
    home.get_by_role("button", name="Save what we may send you").click()
    home.wait_for_selector("text=Saved. We send you only what you chose.")
    assert axe_violations(home) == []

    office = browse(staff())
    office.goto("/influence/opportunities/new/")
    assert axe_violations(office) == []
    post(office, "Forums: meetings", dementia, "Dementia carers' forum")
    assert axe_violations(office) == []
    post(office, "Formal consultation", dementia, "Dementia strategy working party")
    post(office, "Forums: meetings", mental_health, "Mental health forum")

    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["pat@example.org"], "An opportunity for Memory Lane Carers: Dementia carers' forum")
    ]
    assert Delivery.objects.count() == 1

    home.goto(f"/my-groups/{group.slug}/influence/")
    received = home.locator("section[aria-labelledby=received-title]").inner_text()
    assert "Dementia carers' forum" in received
    assert "working party" not in received and "Mental health forum" not in received
    home.get_by_role("link", name="Dementia carers' forum").click()
    home.wait_for_selector('h1:has-text("Dementia carers\' forum")')
    assert "£40 a meeting, plus travel" in home.content()
    assert axe_violations(home) == []
    home.get_by_role("button", name="No thanks").click()
    home.wait_for_selector("text=No thanks: noted. Nobody will ask why.")
    assert Delivery.objects.get().answer == "declined"

    office.goto("/influence/opportunities/")
    assert axe_violations(office) == []
    office.get_by_role("link", name="Dementia carers' forum").click()
    answers = office.locator(".influence-counts").inner_text()
    assert "fewer than 5" in answers and "Memory Lane Carers" not in office.content()
    assert axe_violations(office) == []
    office.goto("/staff/influence/")
    assert axe_violations(office) == []
