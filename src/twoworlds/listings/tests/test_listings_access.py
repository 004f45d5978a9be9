"""Who may use which page. A group's contact sees and changes only their own groups; a claim gives nothing
until staff approve it; a removed contact loses access; staff pages are for staff; anonymous visitors are
sent to sign in and brought back. Every view in the app is listed here, with its refusals."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from twoworlds.directory.snapshots import take_snapshot
from twoworlds.listings import services
from twoworlds.listings.models import ChangeReport, Claim, Decision, GroupContact, ListingChange

from .support import SIGN_IN, looks_after, make_listing, person, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    """A listing with its contact, another group with its own, and the rows the staff pages show."""
    group = make_listing()
    other = make_listing("Beeston Carers")
    pat = person("pat@example.org")
    looks_after(group, pat)
    sam = person("sam@example.org")
    looks_after(other, sam)
    looks_after(group, person("second@example.org"))
    snapshot = take_snapshot(group)
    snapshot["cost_note"] = "£1"
    change = services.propose_change(group, snapshot, pat, "cost")
    claim = Claim.objects.create(group=other, user=person("claimant@example.org"), role_in_group="organiser")
    report = ChangeReport.objects.create(group=group, what="They meet on Wednesdays now.")
    snapshot["cost_note"] = "£2"
    services.check_snapshot(snapshot, group)
    from twoworlds.directory.snapshots import apply_snapshot

    apply_snapshot(snapshot, group, source="staff", reason="typo")
    return {
        "group": group,
        "other": other,
        "pat": pat,
        "sam": sam,
        "change": change,
        "claim": claim,
        "report": report,
        "history": ListingChange.objects.filter(group=group).first(),
        "second_contact": GroupContact.objects.get(group=group, user__email="second@example.org"),
    }


def group_pages(w):
    """(method, url, what a contact of the group gets)."""
    group, change = w["group"], w["change"]
    return [
        ("get", reverse("listings:edit", args=[group.slug]), 200),
        ("get", reverse("listings:change", args=[group.slug, change.pk]), 200),
        ("post", reverse("listings:withdraw", args=[group.slug, change.pk]), 302),
        ("get", reverse("listings:contacts", args=[group.slug]), 200),
        ("post", reverse("listings:remove_contact", args=[group.slug, w["second_contact"].pk]), 302),
    ]


def staff_pages(w):
    group = w["group"]
    return [
        ("get", reverse("listings_staff:queue"), 200),
        ("get", reverse("listings_staff:change", args=[w["change"].pk]), 200),
        ("get", reverse("listings_staff:claim", args=[w["claim"].pk]), 200),
        ("get", reverse("listings_staff:report", args=[w["report"].pk]), 200),
        ("get", reverse("listings_staff:history", args=[group.slug]), 200),
        (
            "post",
            reverse("listings_staff:revert", args=[w["history"].pk]),
            302,
            {f"revert-{w['history'].pk}-reason": "x"},
        ),
        ("post", reverse("listings_staff:trusted", args=[group.slug]), 302, {"trusted": "on"}),
        ("post", reverse("listings_staff:add_contact", args=[group.slug]), 302, {"email": "new@example.org"}),
        ("post", reverse("listings_staff:remove_contact", args=[w["second_contact"].pk]), 302),
    ]


def call(client, page):
    method, url, *rest = page
    data = rest[1] if len(rest) > 1 else {}
    return getattr(client, method)(url, data)


def assert_sent_to_sign_in(response, url):
    assert response.status_code == 302
    assert response["Location"] == f"{SIGN_IN}?next={quote(url, safe='/')}"


# --- the group's own pages ----------------------------------------------------------------------------------


def test_the_groups_contact_may_use_every_page_of_their_group(client, world):
    client.force_login(world["pat"])
    for page in group_pages(world):
        assert call(client, page).status_code == page[2], page


def test_anonymous_visitors_are_sent_to_sign_in_and_brought_back(client, world):
    for page in group_pages(world):
        assert_sent_to_sign_in(call(client, page), page[1])
    assert_sent_to_sign_in(client.get(reverse("listings:my_groups")), reverse("listings:my_groups"))
    claim_url = reverse("listings:claim", args=[world["group"].slug])
    assert_sent_to_sign_in(client.get(claim_url), claim_url)


def test_another_groups_contact_is_refused(client, world):
    client.force_login(world["sam"])
    for page in group_pages(world):
        response = call(client, page)
        assert response.status_code == 403, page
        assert "Only the people who look after this group" in response.content.decode()
    assert GroupContact.objects.get(pk=world["second_contact"].pk).removed_at is None
    world["change"].refresh_from_db()
    assert world["change"].status == Decision.PENDING


def test_someone_signed_in_who_does_not_look_after_it_is_refused(client, world):
    client.force_login(person("stranger@example.org"))
    for page in group_pages(world):
        assert call(client, page).status_code == 403, page


@pytest.mark.parametrize("status", [Decision.PENDING, Decision.RETURNED, Decision.WITHDRAWN])
def test_a_claim_that_is_not_approved_gives_no_access(client, world, status):
    claimant = person("hopeful@example.org")
    Claim.objects.create(group=world["group"], user=claimant, role_in_group="member", status=status)
    client.force_login(claimant)
    for page in group_pages(world):
        assert call(client, page).status_code == 403, page


def test_a_removed_contact_loses_access(client, world):
    contact = GroupContact.objects.get(group=world["group"], user=world["pat"])
    contact.removed_at = timezone.now()
    contact.save()
    client.force_login(world["pat"])
    for page in group_pages(world):
        assert call(client, page).status_code == 403, page
    assert world["group"].name not in client.get(reverse("listings:my_groups")).content.decode()


def test_staff_are_not_group_contacts(client, world):
    # Staff change listings in the admin, with the same history; the group's own pages are the group's.
    client.force_login(staff())
    assert client.get(reverse("listings:edit", args=[world["group"].slug])).status_code == 403


def test_an_inactive_contact_is_treated_as_signed_out(client, world):
    world["pat"].is_active = False
    world["pat"].save()
    client.force_login(world["pat"])
    url = reverse("listings:edit", args=[world["group"].slug])
    assert client.get(url).status_code in (302, 403)


# --- staff pages --------------------------------------------------------------------------------------------


def test_staff_may_use_every_staff_page(client, world):
    client.force_login(staff())
    for page in staff_pages(world):
        assert call(client, page).status_code == page[2], page


def test_anonymous_visitors_are_sent_to_sign_in_from_staff_pages(client, world):
    for page in staff_pages(world):
        assert_sent_to_sign_in(call(client, page), page[1])


@pytest.mark.parametrize(
    "who",
    ["a group contact", "staff flag without a staff role", "a staff role without the staff flag"],
)
def test_people_who_are_not_staff_are_refused_on_staff_pages(client, world, who):
    if who == "a group contact":
        user = world["pat"]
    elif who == "staff flag without a staff role":
        user = staff("flagged", role=None)
    else:
        user = staff("roleonly")
        user.is_staff = False
        user.save()
    client.force_login(user)
    for page in staff_pages(world):
        response = call(client, page)
        assert response.status_code == 403, (who, page)
    assert GroupContact.objects.get(pk=world["second_contact"].pk).removed_at is None
    assert not GroupContact.objects.filter(user__email="new@example.org").exists()


# --- public pages -------------------------------------------------------------------------------------------


def test_the_public_forms_are_open_to_everyone(client, world):
    slug = world["group"].slug
    for url in [
        reverse("listings:submit"),
        reverse("listings:submitted"),
        reverse("listings:report", args=[slug]),
        reverse("listings:reported", args=[slug]),
    ]:
        assert client.get(url).status_code == 200, url


def test_public_forms_refuse_a_post_without_a_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    for url in [reverse("listings:submit"), reverse("listings:report", args=[world["group"].slug])]:
        assert client.post(url, {"what": "x"}).status_code == 403, url
    assert ChangeReport.objects.count() == 1


def test_group_pages_refuse_a_post_without_a_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["pat"])
    response = client.post(
        reverse("listings:contacts", args=[world["group"].slug]), {"email": "x@example.org"}
    )
    assert response.status_code == 403
    assert not GroupContact.objects.filter(user__email="x@example.org").exists()


def test_pages_that_only_change_things_refuse_get(client, world):
    client.force_login(staff())
    assert client.get(reverse("listings_staff:revert", args=[world["history"].pk])).status_code == 405
    assert client.get(reverse("listings_staff:trusted", args=[world["group"].slug])).status_code == 405
