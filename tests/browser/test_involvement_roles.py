"""Roles with reviews, in real Chromium with axe-core on every page: a professional proposes a role from the
group's page, the group agrees it, the review comes round (both sides are reminded), and the group ends it at
the review; the professional sees that it ended and the history is kept."""

from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.involvement import services
from twoworlds.involvement.models import Role
from twoworlds.involvement.tests.support import professional, set_stance
from twoworlds.listings.tests.support import looks_after, make_listing, person, staff

from .conftest import axe_violations

pytestmark = pytest.mark.browser


def test_a_role_comes_up_for_review_and_the_group_ends_it(browse, transactional_db, mailoutbox, settings):
    settings.INVOLVEMENT_REVIEW_REMINDER_DAYS = 14
    group = make_listing("Sneinton Stroke Club")
    pat = person("pat@example.org")
    looks_after(group, pat)
    set_stance(group, "tell_people", pat)
    nurse = professional()
    review_on = timezone.localdate() + timedelta(days=60)

    # The professional proposes a role from the group's page.
    desk = browse(nurse)
    desk.goto(group.get_absolute_url())
    desk.get_by_role("link", name="Propose a role with the group").click()
    desk.wait_for_selector("h1:has-text('Propose a role with Sneinton Stroke Club')")
    assert desk.locator("input[value=figurehead]").count() == 0  # only the group can ask for a figurehead
    assert axe_violations(desk) == []
    desk.get_by_role("button", name="Send the proposal").click()  # empty: errors, nothing saved
    desk.wait_for_selector(".error-summary")
    assert axe_violations(desk) == []
    desk.get_by_label("Low-key supporter").check()
    desk.get_by_label("What the role involves").fill(
        "Be around after meetings to answer questions about rehab."
    )
    desk.get_by_label("Time commitment").fill("An hour a month")
    desk.get_by_label("Review date").fill(review_on.isoformat())
    desk.get_by_role("button", name="Send the proposal").click()
    desk.wait_for_selector("text=waiting for the other side to agree")
    assert axe_violations(desk) == []
    role = Role.objects.get()
    assert role.state == "proposed"

    # The group agrees it.
    home = browse(pat)
    home.goto("/my-groups/")
    home.get_by_role("link", name="Professionals: guests and roles (Sneinton Stroke Club)").click()
    home.wait_for_selector("h1:has-text('Professionals and Sneinton Stroke Club')")
    assert axe_violations(home) == []
    home.get_by_role("link", name="Low-key supporter").click()
    home.wait_for_selector("text=your answer is needed")
    assert axe_violations(home) == []
    home.get_by_role("button", name="Agree the role").click()
    home.wait_for_selector("text=Agreed: the role has started.")
    role.refresh_from_db()
    assert role.state == "active"

    # The review comes round: both sides are reminded, on the day.
    mailoutbox.clear()
    report = services.remind_role_reviews(today=review_on)
    assert len(report.due) == 1
    assert sorted(m.to[0] for m in mailoutbox) == ["nurse@qmc.example", "pat@example.org"]

    # At the review, the group decides to end it.
    home.reload()
    home.get_by_role("link", name="Record a review").click()
    home.wait_for_selector("h1:has-text('Review: Low-key supporter with Sneinton Stroke Club')")
    assert axe_violations(home) == []
    home.get_by_label("End the role").check()
    home.get_by_label("Notes from the review").fill("Thank you: we are finding our feet now.")
    home.get_by_role("button", name="Record the review").click()
    home.wait_for_selector("text=Review recorded: the role has ended.")
    assert axe_violations(home) == []
    assert "reviewed by the group — End the role" in home.locator(".history-item").inner_text()

    # The professional is told, and sees it ended, with the history.
    assert any("was reviewed: end the role" in m.subject for m in mailoutbox if m.to == ["nurse@qmc.example"])
    desk.goto("/professional/involvement/")
    assert axe_violations(desk) == []
    desk.get_by_role("link", name="Low-key supporter").click()
    assert "ended on" in desk.locator(".role-state").inner_text()
    assert "Thank you: we are finding our feet now." in desk.content()
    assert axe_violations(desk) == []

    # Staff see the overview.
    office = browse(staff())
    office.goto("/staff/involvement/")
    office.wait_for_selector('h1:has-text("Professionals\' involvement with groups")')
    assert axe_violations(office) == []
