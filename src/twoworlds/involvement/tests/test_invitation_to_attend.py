"""A professional asks to attend as a guest; the group accepts (with an end date) or declines, and can
withdraw an accepted invitation at any time without a reason; the professional sees the state; both sides
are emailed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from twoworlds.involvement import services
from twoworlds.involvement.models import Invitation

from .support import ask, in_days, professional, set_stance


def test_asking_tells_the_groups_contacts(guests_welcome, contact, pro, commit, mailoutbox):
    with commit():
        invitation = ask(guests_welcome, pro)
    assert invitation.state == Invitation.State.ASKED
    assert [m.to for m in mailoutbox] == [["pat@example.org"]]
    assert "Sam Okafor" in mailoutbox[0].subject
    assert "/my-groups/sneinton-stroke-club/involvement/" in mailoutbox[0].body


def test_the_ask_page_sends_the_request(client, guests_welcome, pro, commit, mailoutbox):
    client.force_login(pro)
    url = reverse("involvement:ask_to_attend", args=[guests_welcome.slug])
    page = client.get(url)
    assert page.status_code == 200
    assert "Tuesday" in page.content.decode()  # the group's meetings are offered as choices
    with commit():
        response = client.post(
            url,
            {
                "professional_name": "Sam Okafor",
                "about_you": "Stroke nurse",
                "meetings_note": "One meeting in March",
                "reason": "To listen.",
            },
        )
    assert response.status_code == 302
    assert Invitation.objects.get().meetings == "One meeting in March"
    assert len(mailoutbox) == 1


def test_a_form_without_a_reason_keeps_what_was_typed(client, guests_welcome, pro):
    client.force_login(pro)
    url = reverse("involvement:ask_to_attend", args=[guests_welcome.slug])
    response = client.post(
        url, {"professional_name": "Sam Okafor", "about_you": "Stroke nurse", "reason": ""}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body and 'value="Stroke nurse"' in body
    assert "Say which meeting" in body
    assert not Invitation.objects.exists()


def test_accepting_needs_an_end_date_and_tells_the_professional(
    guests_welcome, contact, pro, commit, mailoutbox
):
    invitation = ask(guests_welcome, pro)
    with pytest.raises(ValidationError):
        services.decide_invitation(invitation, contact, True, ends_on=None)
    with commit():
        services.decide_invitation(invitation, contact, True, ends_on=in_days(60))
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.ACCEPTED and invitation.is_current()
    assert mailoutbox[-1].to == ["nurse@qmc.example"]
    assert "invited you as a guest" in mailoutbox[-1].subject


def test_declining_with_or_without_a_reason(guests_welcome, contact, pro, commit, mailoutbox):
    first = ask(guests_welcome, pro)
    with commit():
        services.decide_invitation(first, contact, False)
    second = ask(guests_welcome, pro)
    with commit():
        services.decide_invitation(second, contact, False, reason="We are a closed group this year.")
    assert Invitation.objects.filter(state=Invitation.State.DECLINED).count() == 2
    assert "The group said" not in mailoutbox[0].body
    assert "We are a closed group this year." in mailoutbox[1].body


def test_the_group_withdraws_at_any_time_without_a_reason(
    client, guests_welcome, contact, pro, commit, mailoutbox
):
    invitation = ask(guests_welcome, pro)
    services.decide_invitation(invitation, contact, True, ends_on=in_days(200))
    client.force_login(contact)
    with commit():
        response = client.post(
            reverse("involvement:withdraw_invitation", args=[guests_welcome.slug, invitation.pk])
        )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.WITHDRAWN
    assert "withdrawn its invitation" in mailoutbox[-1].subject
    assert "do not need to give a reason" in mailoutbox[-1].body


def test_an_invitation_ends_on_its_date(guests_welcome, contact, pro):
    invitation = ask(guests_welcome, pro)
    invitation = services.decide_invitation(invitation, contact, True, ends_on=in_days(0))
    assert invitation.is_current(today=in_days(0))
    assert invitation.has_ended(today=in_days(1))
    assert str(invitation.describe_state(today=in_days(1))) == "Ended"


def test_the_professional_sees_the_state(client, guests_welcome, contact, pro):
    invitation = ask(guests_welcome, pro)
    client.force_login(pro)
    assert "Waiting for the group" in client.get(reverse("involvement:professional")).content.decode()
    services.decide_invitation(invitation, contact, True, ends_on=in_days(30))
    body = client.get(reverse("involvement:professional")).content.decode()
    assert "Accepted" in body and "you are invited until" in body


def test_the_professional_can_take_it_back(client, guests_welcome, contact, pro, commit, mailoutbox):
    invitation = ask(guests_welcome, pro)
    client.force_login(pro)
    with commit():
        client.post(reverse("involvement:cancel_invitation", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.CANCELLED
    assert mailoutbox[-1].to == ["pat@example.org"]


@pytest.mark.parametrize("stance", ["no_involvement", "tell_people", "speakers_by_invitation", None])
def test_refused_up_front_when_the_groups_terms_do_not_allow_guests(client, group, contact, pro, stance):
    if stance:
        set_stance(group, stance, contact)
    client.force_login(pro)
    response = client.get(reverse("involvement:ask_to_attend", args=[group.slug]))
    assert response.status_code == 403
    assert "does not invite professionals" in response.content.decode()
    assert '<form method="post" novalidate' not in response.content.decode()
    with pytest.raises(services.NotOnTheGroupsTerms):
        ask(group, pro)
    assert not Invitation.objects.exists()


def test_only_for_the_professionals_own_agency(guests_welcome, pro):
    other = professional("gp@practice.example", name=("Ann", "Lee"))
    with pytest.raises(PermissionDenied):
        services.ask_to_attend(
            guests_welcome,
            pro,
            other.agency_memberships.get().agency,
            professional_name="x",
            about_you="x",
            meetings="x",
            reason="x",
        )
