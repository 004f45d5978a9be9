"""Staff see what is waiting, each change as a clear before/after in words, and approve it (it reaches the
public page and search) or return it with a reason the group sees."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from twoworlds.directory.snapshots import apply_snapshot, take_snapshot
from twoworlds.listings import services
from twoworlds.listings.models import ChangeReport, Claim, Decision, ListingChange, ProposedChange
from twoworlds.search.services import find_groups

from .support import person, sent_to, staff

pytestmark = pytest.mark.django_db

# Fixtures shared with the other listings tests.


@pytest.fixture
def proposed(listing, contact):
    snapshot = take_snapshot(listing)
    snapshot["description"] = "Stroke survivors and their partners: tea, talk and a little chair yoga."
    snapshot["meetings"][0]["start_time"] = "13:30"
    snapshot["meetings"][0]["venue"]["hearing_loop"] = True
    snapshot["contact_routes"].append(
        {
            "kind": "email",
            "value": "hello@stroke-club.example",
            "visibility": "on_request",
            "contact_name": "",
        }
    )
    return services.propose_change(listing, snapshot, contact, "New time from May, and an email address")


def test_the_queue_has_a_section_for_each_kind_of_work(client, editor, proposed, listing):
    Claim.objects.create(group=listing, user=person("claimant@example.org"), role_in_group="treasurer")
    ChangeReport.objects.create(group=listing, what="The phone number is wrong")
    services.submit_group(
        {
            "name": "Brand New Group",
            "description": "New.",
            "categories": [],
            "meetings": [],
            "contact_routes": [],
        },
        submitter_name="Ana",
        submitter_email="ana@example.org",
    )
    client.force_login(editor)

    html = client.get(reverse("listings_staff:queue")).content.decode()

    for heading in [
        "New submissions",
        "Claims",
        "Changes waiting",
        "Published without review",
        "Reports of a change",
    ]:
        assert heading in html
    assert "Brand New Group" in html
    assert "claimant@example.org claims Sneinton Stroke Club" in html
    assert reverse("listings_staff:change", args=[proposed.pk]) in html
    assert "The phone number is wrong" in html
    assert "4 items are waiting." in html


def test_a_change_is_shown_as_before_and_after_in_words(client, editor, proposed):
    client.force_login(editor)

    response = client.get(reverse("listings_staff:change", args=[proposed.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<th scope="col">Before</th>' in html and '<th scope="col">After</th>' in html
    labels = [row.label for row in response.context["rows"]]
    assert labels == ["About the group, in its own words", "Meeting", "Way to get in touch"]
    assert "<del>Stroke survivors who meet for tea, talk and gentle exercise.</del>" in html
    assert "<ins>Stroke survivors and their partners" in html
    # meetings in plain words, with only the changed parts marked
    assert "<del>Every Tuesday, 2 p.m. to 4 p.m.</del>" in html
    assert "<ins>Every Tuesday, 1:30 p.m. to 4 p.m.</ins>" in html
    assert "<ins>Access: step-free access, hearing loop</ins>" in html
    assert "<ins>Email: hello@stroke-club.example</ins>" in html
    assert "<ins>Given on request</ins>" in html
    assert "New time from May, and an email address" in html


def test_approving_publishes_the_change_to_the_page_and_search(
    client, editor, proposed, listing, indexed, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    assert not find_groups("yoga").hits

    with indexed():
        response = client.post(reverse("listings_staff:change", args=[proposed.pk]), {"decision": "approve"})

    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == Decision.APPROVED and proposed.decided_by == editor
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "a little chair yoga" in page
    assert "1:30 p.m." in page
    assert [hit.group_id for hit in find_groups("yoga").hits] == [listing.pk]
    change = ListingChange.objects.filter(group=listing).first()
    assert (change.source, change.actor, change.reason) == (
        "moderation",
        editor,
        "New time from May, and an email address",
    )
    (email,) = sent_to("pat@example.org")
    assert "is published" in email.subject and listing.get_absolute_url() in email.body


def test_returning_needs_a_reason_that_the_group_sees_on_its_page_and_by_email(
    client, editor, contact, proposed, listing, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    url = reverse("listings_staff:change", args=[proposed.pk])

    response = client.post(url, {"decision": "return", "reason": "   "})
    assert response.status_code == 400
    assert response.context["errors"][0][0] == "id_reason"

    reason = "Please give the postcode of the hall, so that people can find it."
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "return", "reason": reason})

    proposed.refresh_from_db()
    assert proposed.status == Decision.RETURNED and proposed.reason == reason
    listing.refresh_from_db()
    assert listing.description.startswith("Stroke survivors who meet")
    (email,) = sent_to("pat@example.org")
    assert reason in email.body and "returned" in email.subject
    client.force_login(contact)
    assert reason in client.get(reverse("listings:my_groups")).content.decode()


def test_approving_keeps_changes_staff_made_meanwhile(editor, proposed, listing):
    now = take_snapshot(listing)
    now["cost_note"] = "Tea is 50p"
    apply_snapshot(now, listing, actor=editor, source="staff")

    services.decide_change(proposed, editor, approve=True)

    listing.refresh_from_db()
    assert listing.cost_note == "Tea is 50p"
    assert listing.description.startswith("Stroke survivors and their partners")
    assert str(listing.meetings.get().start_time) == "13:30:00"


def test_the_change_page_says_what_approving_would_do_when_the_listing_moved_on(
    client, editor, proposed, listing
):
    now = take_snapshot(listing)
    now["cost_note"] = "Tea is 50p"
    apply_snapshot(now, listing, actor=editor, source="staff")
    client.force_login(editor)

    response = client.get(reverse("listings_staff:change", args=[proposed.pk]))

    assert "The listing has changed since" in response.content.decode()
    assert "About the group, in its own words" in [row.label for row in response.context["current_rows"]]
    assert "Cost" not in [row.label for row in response.context["current_rows"]]


def test_a_change_is_decided_once(editor, proposed):
    services.decide_change(proposed, editor, approve=True)
    with pytest.raises(ValidationError):
        services.decide_change(proposed, editor, approve=False, reason="no")


def test_a_change_that_can_no_longer_be_published_is_refused_with_the_reason(
    client, editor, proposed, listing
):
    # The group closed meanwhile and staff set a date by mistake: the merged listing breaks a rule.
    ProposedChange.objects.filter(pk=proposed.pk).update(
        proposal={**proposed.proposal, "status": "paused", "paused_until": None}
    )
    client.force_login(editor)

    response = client.post(reverse("listings_staff:change", args=[proposed.pk]), {"decision": "approve"})

    assert response.status_code == 400
    assert "Say until when the group is paused." in response.content.decode()
    proposed.refresh_from_db()
    assert proposed.status == Decision.PENDING
    listing.refresh_from_db()
    assert listing.status == "active" and listing.description.startswith("Stroke survivors who meet")


def test_staff_mark_reports_done_in_the_queue(client, editor, listing):
    report = ChangeReport.objects.create(group=listing, what="They moved to Thursdays")
    client.force_login(editor)

    response = client.post(
        reverse("listings_staff:report", args=[report.pk]), {"resolution": "Rang them: fixed"}
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.resolved_by == editor and report.resolution == "Rang them: fixed"
    assert "They moved to Thursdays" not in client.get(reverse("listings_staff:queue")).content.decode()


def test_other_staff_roles_can_moderate_too(client, proposed):
    from twoworlds.accounts.roles import ADMINISTRATOR

    client.force_login(staff("admin", role=ADMINISTRATOR))
    assert client.get(reverse("listings_staff:change", args=[proposed.pk])).status_code == 200
