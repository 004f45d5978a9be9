"""Putting someone in touch, in real Chromium (Playwright), with axe-core on every page: a person asks a group
to contact them from the group's page, the group's contact signs in, reads it and marks it done, and the
scheduled purge deletes it when its time comes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.contact import services
from twoworlds.contact.models import ContactRequest, ContactRequestAccess
from twoworlds.contact.tests.support import EMAIL, NAME, PHONE
from twoworlds.listings.tests.support import looks_after, make_listing, person
from twoworlds.search.services import rebuild_index

from .conftest import axe_violations

pytestmark = pytest.mark.browser


def test_ask_to_be_contacted_read_mark_done_and_purged(browse, transactional_db, mailoutbox, settings):
    settings.CONTACT_ENCRYPTION_KEYS = ["Hq0yUOvlzHjO2QCwB1xKAvdkDwVd53Ofbsy6-KjJmsc="]
    group = make_listing("Sneinton Bereavement Circle")
    rebuild_index()
    pat = person("pat@example.org")
    looks_after(group, pat)

    # A person asks from the group's page.
    page = browse()
    page.goto(group.get_absolute_url())
    page.get_by_role("link", name="Ask the group to contact me").click()
    page.wait_for_selector("h1:has-text('Ask Sneinton Bereavement Circle to get in touch with you')")
    assert axe_violations(page) == []

    # Sent without consent and with a wrong phone number: errors, and what was typed is kept.
    page.get_by_label("Your name").fill(NAME)
    page.get_by_label("A phone call").check()
    page.get_by_label("Phone number or email address").fill("not a number")
    page.get_by_label("Good times to get in touch").fill("Weekday evenings")
    page.get_by_role("button", name="Send to Sneinton Bereavement Circle").click()
    page.wait_for_selector(".error-summary")
    assert page.get_by_label("Your name").input_value() == NAME
    assert page.get_by_label("Good times to get in touch").input_value() == "Weekday evenings"
    assert axe_violations(page) == []
    assert not ContactRequest.objects.exists()

    page.get_by_label("Phone number or email address").fill(PHONE)
    page.get_by_label("I agree that Sneinton Bereavement Circle's contacts may see these details").check()
    page.get_by_role("button", name="Send to Sneinton Bereavement Circle").click()
    page.wait_for_selector("h1:has-text('Your request has gone to Sneinton Bereavement Circle')")
    assert page.locator(".contact-link a").inner_text().startswith("http")
    assert axe_violations(page) == []
    assert ContactRequest.objects.count() == 1
    assert [m.to for m in mailoutbox] == [["pat@example.org"]]
    assert NAME not in mailoutbox[0].body and PHONE not in mailoutbox[0].body

    # The group's contact signs in, finds it from their groups, and reads it.
    desk = browse(pat)
    desk.goto("/my-groups/")
    desk.get_by_role(
        "link", name="Requests to get in touch (1 waiting) (Sneinton Bereavement Circle)"
    ).click()
    desk.wait_for_selector("h1:has-text('Requests to get in touch with Sneinton Bereavement Circle')")
    assert NAME not in desk.content()
    assert axe_violations(desk) == []
    desk.locator(".contact-table a").first.click()
    desk.wait_for_selector(".contact-details")
    assert NAME in desk.locator(".contact-details").inner_text()
    assert PHONE in desk.locator(".contact-details").inner_text()
    assert axe_violations(desk) == []
    assert ContactRequestAccess.objects.get().action == "viewed"

    # They have been in touch: it is closed and scheduled for deletion.
    desk.get_by_role("button", name="We have been in touch").click()
    desk.wait_for_selector("text=The request will be deleted on")
    assert axe_violations(desk) == []
    done = ContactRequest.objects.get()
    assert done.state == "contacted"
    assert done.purge_after == timezone.localdate() + timedelta(days=settings.CONTACT_PURGE_CLOSED_DAYS)

    # The day before, it is still there; on the day, the scheduled purge deletes it.
    services.purge(today=done.purge_after - timedelta(days=1))
    assert ContactRequest.objects.count() == 1
    services.purge(today=done.purge_after)
    assert not ContactRequest.objects.exists()
    desk.goto(f"/my-groups/{group.slug}/requests/")
    assert desk.locator(".contact-table").count() == 0
    assert "None at the moment." in desk.content()


def test_the_withdraw_link_takes_it_back(browse, transactional_db, settings):
    settings.CONTACT_ENCRYPTION_KEYS = ["Hq0yUOvlzHjO2QCwB1xKAvdkDwVd53Ofbsy6-KjJmsc="]
    group = make_listing("Sneinton Bereavement Circle")
    looks_after(group, person("pat@example.org"))

    page = browse()
    page.goto(f"/groups/{group.slug}/ask-to-be-contacted/")
    page.get_by_label("Your name").fill("Jo")
    page.get_by_label("An email").check()
    page.get_by_label("Phone number or email address").fill(EMAIL)
    page.get_by_label("I agree that").check()
    page.get_by_role("button", name="Send to Sneinton Bereavement Circle").click()
    link = page.locator(".contact-link a").get_attribute("href")

    page.goto(link)
    assert axe_violations(page) == []
    assert ContactRequest.objects.count() == 1
    page.get_by_role("button", name="Take it back and delete it").click()
    page.wait_for_selector("h1:has-text('Your request has been deleted')")
    assert axe_violations(page) == []
    assert not ContactRequest.objects.exists()


def test_a_professional_puts_someone_in_touch_and_sees_counts_only(browse, transactional_db, settings):
    from twoworlds.accounts.models import Agency, AgencyMember
    from twoworlds.listings.tests.support import staff

    settings.CONTACT_ENCRYPTION_KEYS = ["Hq0yUOvlzHjO2QCwB1xKAvdkDwVd53Ofbsy6-KjJmsc="]
    group = make_listing("Sneinton Bereavement Circle")
    looks_after(group, person("pat@example.org"))
    ward = Agency.objects.create(name="Ward C3", slug="ward-c3")
    nurse = person("nurse@qmc.example")
    AgencyMember.objects.create(agency=ward, user=nurse)

    page = browse(nurse)
    page.goto(group.get_absolute_url())
    page.get_by_role("link", name="For professionals: put someone in touch, with them beside you").click()
    page.wait_for_selector("h1:has-text('Put someone in touch with Sneinton Bereavement Circle')")
    assert axe_violations(page) == []
    page.get_by_label("The person's name").fill(NAME)
    page.get_by_label("A text message").check()
    page.get_by_label("Phone number or email address").fill(PHONE)
    page.get_by_label("Anything the person wants the group to know").fill("Would like to come with a friend.")
    page.get_by_label("The person is with me and agrees to share exactly these details").check()
    page.get_by_role("button", name="Send to Sneinton Bereavement Circle").click()
    page.wait_for_selector("h1:has-text('What was shared with Sneinton Bereavement Circle')")
    summary = page.locator(".contact-details").inner_text()
    assert NAME in summary and PHONE in summary and "Ward C3" in summary
    assert axe_violations(page) == []
    stored = ContactRequest.objects.get()
    assert (stored.agency, stored.made_by) == (ward, nurse)

    page.goto("/professional/")
    assert page.locator(".contact-count").first.inner_text() == "1"
    assert NAME not in page.content() and "Sneinton Bereavement Circle" not in page.content()
    assert axe_violations(page) == []

    desk = browse(staff())
    desk.goto("/staff/contact/")
    assert "Sneinton Bereavement Circle" in desk.content() and NAME not in desk.content()
    assert axe_violations(desk) == []
