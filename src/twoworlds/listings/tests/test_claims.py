"""Someone who runs a listed group claims it; staff approve or return the claim with a reason; only an
approved claim lets them change the listing."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from twoworlds.listings import services
from twoworlds.listings.models import Claim, Decision, GroupContact

from .support import person, sent_to

pytestmark = pytest.mark.django_db

# Fixtures shared with the other listings tests.


@pytest.fixture
def jo(db):
    return person("jo@example.org")


def claim_url(group):
    return reverse("listings:claim", args=[group.slug])


def test_the_group_page_offers_a_claim(client, listing):
    html = client.get(listing.get_absolute_url()).content.decode()
    assert f'href="{claim_url(listing)}"' in html
    assert "Is this your group? Claim it" in html


def test_a_claim_is_sent_to_staff_and_gives_no_access_until_approved(
    client, listing, jo, editor, django_capture_on_commit_callbacks
):
    client.force_login(jo)
    assert "Staff at the clearinghouse check each claim" in client.get(claim_url(listing)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            claim_url(listing), {"role_in_group": "I organise the meetings", "message": ""}
        )

    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (claim.user, claim.group, claim.status) == (jo, listing, Decision.PENDING)
    (to_staff,) = sent_to(editor.email)
    assert listing.name in to_staff.subject and f"/staff/moderation/claims/{claim.pk}/" in to_staff.body
    assert "jo@example.org" not in to_staff.body  # staff read the details in the queue, not in email
    assert client.get(reverse("listings:edit", args=[listing.slug])).status_code == 403
    my_groups = client.get(reverse("listings:my_groups")).content.decode()
    assert "Waiting for staff" in my_groups and listing.name in my_groups
    assert "You claimed this group on" in client.get(claim_url(listing)).content.decode()


def test_a_half_filled_claim_keeps_what_was_typed(client, listing, jo):
    client.force_login(jo)

    response = client.post(
        claim_url(listing), {"role_in_group": "", "message": "Ring Pat on the listed number"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Ring Pat on the listed number" in html
    assert "Say what you do in the group." in html
    assert response.context["errors"] == [
        ("id_role_in_group", "Your part in the group: Say what you do in the group.")
    ]
    assert not Claim.objects.exists()


def test_approving_makes_them_a_contact_who_can_edit(
    client, listing, jo, editor, django_capture_on_commit_callbacks
):
    claim = services.claim_group(listing, jo, "secretary")
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("listings_staff:claim", args=[claim.pk]), {"decision": "approve"})

    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == Decision.APPROVED and claim.decided_by == editor
    assert GroupContact.objects.filter(group=listing, user=jo, removed_at__isnull=True).exists()
    (email,) = sent_to("jo@example.org")
    assert "You now look after" in email.subject
    assert reverse("listings:edit", args=[listing.slug]) in email.body
    client.force_login(jo)
    assert client.get(reverse("listings:edit", args=[listing.slug])).status_code == 200


def test_returning_needs_a_reason_which_the_person_sees(
    client, listing, jo, editor, django_capture_on_commit_callbacks
):
    claim = services.claim_group(listing, jo, "member")
    client.force_login(editor)
    url = reverse("listings_staff:claim", args=[claim.pk])

    response = client.post(url, {"decision": "return", "reason": ""})
    assert response.status_code == 400
    assert "Say why you are returning it" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == Decision.PENDING

    reason = "We rang the group and they did not know you. Please ask the organiser to get in touch."
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "return", "reason": reason})

    claim.refresh_from_db()
    assert claim.status == Decision.RETURNED and claim.reason == reason
    assert not GroupContact.objects.filter(user=jo).exists()
    (email,) = sent_to("jo@example.org")
    assert reason in email.body
    client.force_login(jo)
    assert reason in client.get(reverse("listings:my_groups")).content.decode()
    assert client.get(reverse("listings:edit", args=[listing.slug])).status_code == 403
    # they may claim again
    assert client.get(claim_url(listing)).status_code == 200
    assert "You claimed this group on" not in client.get(claim_url(listing)).content.decode()


def test_a_claim_is_decided_once(listing, jo, editor):
    claim = services.claim_group(listing, jo, "member")
    services.decide_claim(claim, editor, approve=True)
    with pytest.raises(ValidationError):
        services.decide_claim(claim, editor, approve=False, reason="changed my mind")


def test_claiming_twice_or_claiming_a_group_you_look_after_is_refused(listing, jo):
    services.claim_group(listing, jo, "member")
    with pytest.raises(ValidationError):
        services.claim_group(listing, jo, "member")
    GroupContact.objects.create(group=listing, user=person("already@example.org"))
    with pytest.raises(ValidationError):
        services.claim_group(
            listing, GroupContact.objects.get(user__email="already@example.org").user, "member"
        )


def test_only_staff_decide_claims(listing, jo):
    from django.core.exceptions import PermissionDenied

    claim = services.claim_group(listing, jo, "member")
    with pytest.raises(PermissionDenied):
        services.decide_claim(claim, jo, approve=True)
    assert not GroupContact.objects.exists()
    assert not mail.outbox
