"""A talk is requested, accepted and appears for both sides, in real Chromium; the survey of professionals
too. axe on the invitation form, the talk page (invited, agreed), the survey pages and the staff results."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from twoworlds.core import testing
from twoworlds.relations.models import Talk
from twoworlds.relations.tests.support import agency_with_member, group_with_contact, staff, terms

from .conftest import axe_violations

pytestmark = pytest.mark.browser


def test_a_talk_is_requested_accepted_and_shown_to_both(browse, transactional_db):
    group, contact = group_with_contact("Hearing Voices Group", "contact@example.org")
    terms(group, gives_talks=True, talks_fee="£30", talks_notice_weeks=4)
    _, professional = agency_with_member("Ward 7", "nurse@example.org")
    first, second = (timezone.localdate() + timedelta(days=n) for n in (30, 37))

    pro = browse(professional)
    pro.goto(group.get_absolute_url())
    pro.get_by_role("link", name="Invite the group to give a talk or plan a training day").click()
    assert axe_violations(pro) == []
    pro.get_by_label("Topic").fill("Hearing voices: what helps")
    pro.get_by_label("Who it is for").fill("Twenty student nurses")
    pro.get_by_label("First date you could do").fill(first.isoformat())
    pro.locator("#id_date_option_2").fill(second.isoformat())
    pro.get_by_label("Fee offered").fill("£30")
    pro.get_by_role("button", name="Send the invitation").click()
    pro.wait_for_selector("text=Invitation sent.")
    assert axe_violations(pro) == []

    page = browse(contact)
    page.goto("/working-together/")
    page.get_by_role("link", name="Hearing voices: what helps").click()
    assert axe_violations(page) == []
    page.get_by_label("Accept").check()
    page.get_by_label(second.strftime("%A %-d %B %Y")).check()
    page.get_by_role("button", name="Send the group's answer").click()
    page.wait_for_selector("text=The group's answer is sent.")
    assert Talk.objects.get().state == "accepted"
    assert axe_violations(page) == []

    for side in (page, pro):
        side.goto("/working-together/")
        row = side.locator("tr").filter(has_text="Hearing voices: what helps")
        assert "Agreed" in row.inner_text()
        side.get_by_role("link", name="Hearing voices: what helps").click()
        side.wait_for_selector("text=Planning together")
    pro.get_by_label("Add a planning note").fill("Room 4, with a projector")
    pro.get_by_role("button", name="Add the note").click()
    page.reload()
    assert "Room 4, with a projector" in page.content()


def test_a_survey_turns_ticks_into_invitations(browse, transactional_db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    carers = testing.category("Carers")
    group, _ = group_with_contact("Carers Who Talk", "talkers@example.org", [carers])
    terms(group, gives_talks=True)
    agency_with_member("Ward 7", "nurse@example.org")

    desk = browse(staff())
    desk.goto("/staff/relations/")
    desk.get_by_role("link", name="Write a survey").click()
    assert axe_violations(desk) == []
    desk.get_by_label("Title").fill("Would you like a talk from a group?")
    desk.get_by_label("Introduction").fill("Tell us what would help your team.")
    # By id: the seeded taxonomy has a "Carers" too.
    desk.locator(f'input[type=checkbox][value="{carers.pk}"]').check()
    desk.get_by_role("button", name="Save the survey").click()
    desk.get_by_role("button", name="Send to 1 professional").click()
    desk.wait_for_selector("text=Sent to 1 professionals.")
    assert axe_violations(desk) == []

    path = re.search(r"/survey/[^\s/]+/", mail.outbox[-1].body).group(0)
    pro = browse()
    pro.goto(path)
    assert axe_violations(pro) == []
    pro.get_by_role("row", name="Carers").get_by_label("A talk from a group").check()
    pro.get_by_role("button", name="Send my answers").click()
    pro.wait_for_selector("text=Thank you")
    assert axe_violations(pro) == []
    assert Talk.objects.get().group == group

    desk.reload()
    assert "1 reply, 1 talk asked for, 1 invitation sent" in desk.locator("#survey-summary").inner_text()
