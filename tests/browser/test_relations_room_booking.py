"""An agency offers a room and a group books it; the agency confirms; both see it. In real Chromium, with
axe on every page on the way (agency page, offer form, booking form, booking page, dashboard, staff flow)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.accounts.models import AgencyMember
from twoworlds.relations.models import RoomBooking
from twoworlds.relations.tests.support import agency_with_member, group_with_contact, staff, terms

from .conftest import axe_violations

pytestmark = pytest.mark.browser


def test_an_agency_offers_a_room_and_a_group_books_it(browse, transactional_db):
    group, contact = group_with_contact("Carers Together", "contact@example.org")
    terms(group, welcomes_meeting_room=True)
    agency, professional = agency_with_member("Ward 7", "nurse@example.org")
    assert AgencyMember.objects.count() == 1

    # The agency offers a room.
    pro = browse(professional)
    pro.goto(f"/agencies/{agency.slug}/")
    assert axe_violations(pro) == []
    pro.get_by_role("link", name="Add something the agency offers").click()
    assert axe_violations(pro) == []
    pro.get_by_label("What is offered").select_option("meeting_room")
    pro.get_by_label("Name").fill("Day room")
    pro.get_by_label("When it is available").fill("Weekday evenings after 6pm")
    pro.get_by_label("How many people it holds").fill("16")
    pro.get_by_label("Access").fill("Step-free; hearing loop")
    pro.get_by_role("button", name="Save the offer").click()
    pro.wait_for_selector("text=The offer is saved.")
    assert "Weekday evenings after 6pm" in pro.content()
    # The agency sees that this group would welcome a room.
    assert pro.get_by_role("link", name="Carers Together", exact=True).count() == 1
    assert axe_violations(pro) == []

    # The group books it.
    page = browse(contact)
    page.goto(f"/agencies/{agency.slug}/")
    page.get_by_role("link", name="Book Day room for your group").click()
    assert axe_violations(page) == []
    day = timezone.localdate() + timedelta(days=10)
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("From").fill("19:00")
    page.get_by_label("Until").fill("18:00")
    page.get_by_label("What the room is for").fill("Our monthly meeting")
    page.get_by_role("button", name="Ask to book the room").click()
    page.wait_for_selector(".error-summary")
    assert axe_violations(page) == []
    page.get_by_label("Until").fill("21:00")
    page.get_by_role("button", name="Ask to book the room").click()
    page.wait_for_selector("text=Nothing is booked until the agency confirms")
    assert axe_violations(page) == []
    booking = RoomBooking.objects.get()
    assert booking.state == "pending"

    # The agency confirms.
    pro.goto("/working-together/")
    assert axe_violations(pro) == []
    pro.get_by_role("link", name="Day room").click()
    pro.get_by_label("Confirm the booking").check()
    pro.get_by_role("button", name="Send the answer").click()
    pro.wait_for_selector("text=Your answer is sent to the group.")
    booking.refresh_from_db()
    assert booking.state == "accepted"

    # Both see it confirmed.
    for side in (page, pro):
        side.goto("/working-together/")
        assert side.locator("table").filter(has_text="Day room").filter(has_text="Confirmed").count() == 1

    # Staff see the flow.
    desk = browse(staff())
    desk.goto("/staff/relations/")
    assert "Day room" in desk.content()
    assert axe_violations(desk) == []
