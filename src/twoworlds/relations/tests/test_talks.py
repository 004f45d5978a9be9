"""Talks and training days: a professional invites a group; the group accepts (picking a date), declines,
or proposes other terms (which the professional accepts or declines); an agreed talk has a shared page.
A group that does not give talks cannot be invited, and is told so plainly."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ..models import Stance, Talk, TalkNote
from .support import terms

pytestmark = pytest.mark.django_db


def _day(n):
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def _invitation(**overrides):
    data = {
        "kind": Talk.Kind.TALK,
        "topic": "What the group offers carers",
        "audience": "Twenty student nurses",
        "date_option_1": _day(30),
        "date_option_2": _day(37),
        "date_option_3": "",
        "fee_offered": "£40",
        "message": "",
    }
    data.update(overrides)
    return data


def _invite(world, client_for):
    client_for(world.professional).post(reverse("relations:invite", args=[world.group.slug]), _invitation())
    return Talk.objects.get()


def test_a_group_that_does_not_give_talks_cannot_be_invited(world, client_for):
    terms(world.group, gives_talks=False)
    client = client_for(world.professional)
    url = reverse("relations:invite", args=[world.group.slug])
    assert "does not give talks" in client.get(url).content.decode()
    assert client.post(url, _invitation()).status_code == 403
    terms_no = terms(world.other_group, Stance.NO_INVOLVEMENT, gives_talks=True)
    assert terms_no.says_no
    page = client.get(reverse("relations:invite", args=[world.other_group.slug])).content.decode()
    assert "no professional involvement" in page
    assert not Talk.objects.exists()


def test_a_group_without_terms_cannot_be_invited_yet(world, client_for):
    page = (
        client_for(world.professional)
        .get(reverse("relations:invite", args=[world.group.slug]))
        .content.decode()
    )
    assert "has not said yet" in page


def test_invited_accepted_and_shown_to_both(
    world, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    terms(world.group, gives_talks=True, talks_fee="£30")
    with django_capture_on_commit_callbacks(execute=True):
        talk = _invite(world, client_for)
    assert talk.state == Talk.State.INVITED and talk.agency == world.agency
    assert mailoutbox[-1].to == ["contact@example.org"]
    group_client = client_for(world.contact)
    with django_capture_on_commit_callbacks(execute=True):
        group_client.post(talk.get_absolute_url(), {"action": "answer", "answer": "accept", "date": _day(37)})
    talk.refresh_from_db()
    assert talk.state == Talk.State.ACCEPTED and talk.agreed_date.isoformat() == _day(37)
    assert "nurse@example.org" in mailoutbox[-1].to
    for user in (world.contact, world.professional):
        dashboard = client_for(user).get(reverse("relations:dashboard")).content.decode()
        assert "What the group offers carers" in dashboard and "Agreed" in dashboard
        shared = client_for(user).get(talk.get_absolute_url()).content.decode()
        assert "Planning together" in shared


def test_accepting_needs_a_date(world, client_for):
    terms(world.group, gives_talks=True)
    talk = _invite(world, client_for)
    response = client_for(world.contact).post(
        talk.get_absolute_url(), {"action": "answer", "answer": "accept"}
    )
    assert response.status_code == 400 and "Pick one of the dates" in response.content.decode()
    talk.refresh_from_db()
    assert talk.state == Talk.State.INVITED


def test_the_group_proposes_other_terms_and_the_professional_accepts(
    world, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    terms(world.group, gives_talks=True)
    talk = _invite(world, client_for)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.contact).post(
            talk.get_absolute_url(),
            {"action": "answer", "answer": "propose", "proposed_date": _day(45), "proposed_fee": "£60"},
        )
    talk.refresh_from_db()
    assert talk.state == Talk.State.PROPOSED and "nurse@example.org" in mailoutbox[-1].to
    # The group cannot accept its own proposal.
    assert (
        client_for(world.contact)
        .post(talk.get_absolute_url(), {"action": "proposal", "decision": "accept"})
        .status_code
        == 403
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.professional).post(
            talk.get_absolute_url(), {"action": "proposal", "decision": "accept"}
        )
    talk.refresh_from_db()
    assert (
        talk.state == Talk.State.ACCEPTED
        and talk.agreed_date.isoformat() == _day(45)
        and talk.fee_offered == "£60"
    )
    assert mailoutbox[-1].to == ["contact@example.org"]


def test_the_professional_may_decline_the_groups_terms(world, client_for):
    terms(world.group, gives_talks=True)
    talk = _invite(world, client_for)
    client_for(world.contact).post(
        talk.get_absolute_url(), {"action": "answer", "answer": "propose", "proposed_terms": "Evenings only"}
    )
    client_for(world.professional).post(
        talk.get_absolute_url(), {"action": "proposal", "decision": "decline"}
    )
    talk.refresh_from_db()
    assert talk.state == Talk.State.TERMS_DECLINED


def test_the_group_declines_without_a_reason(world, client_for):
    terms(world.group, gives_talks=True)
    talk = _invite(world, client_for)
    client_for(world.contact).post(talk.get_absolute_url(), {"action": "answer", "answer": "decline"})
    talk.refresh_from_db()
    assert talk.state == Talk.State.DECLINED and talk.reason == ""


def test_a_training_day_needs_a_group_that_takes_part_in_them(world, client_for):
    terms(world.group, gives_talks=True, training_days=False)
    client = client_for(world.professional)
    url = reverse("relations:invite", args=[world.group.slug])
    client.post(url, _invitation(kind=Talk.Kind.TRAINING_DAY))
    assert not Talk.objects.exists()
    terms_row = world.group.terms
    terms_row.training_days = True
    terms_row.save()
    client.post(url, _invitation(kind=Talk.Kind.TRAINING_DAY))
    assert Talk.objects.get().kind == Talk.Kind.TRAINING_DAY


def test_both_sides_add_planning_notes(world, client_for, mailoutbox, django_capture_on_commit_callbacks):
    terms(world.group, gives_talks=True)
    talk = _invite(world, client_for)
    client_for(world.contact).post(
        talk.get_absolute_url(), {"action": "answer", "answer": "accept", "date": _day(30)}
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.professional).post(
            talk.get_absolute_url(), {"action": "note", "text": "Room 4, projector"}
        )
    assert mailoutbox[-1].to == ["contact@example.org"]
    client_for(world.contact).post(talk.get_absolute_url(), {"action": "note", "text": "Two of us will come"})
    assert [n.from_group for n in TalkNote.objects.all()] == [False, True]
    page = client_for(world.professional).get(talk.get_absolute_url()).content.decode()
    assert "Room 4, projector" in page and "Two of us will come" in page


@pytest.mark.parametrize("who", ["other_contact", "other_professional", "stranger"])
def test_outsiders_neither_see_nor_answer(world, client_for, who):
    terms(world.group, gives_talks=True)
    talk = _invite(world, client_for)
    client = client_for(getattr(world, who))
    assert client.get(talk.get_absolute_url()).status_code == 403
    assert (
        client.post(
            talk.get_absolute_url(), {"action": "answer", "answer": "accept", "date": _day(30)}
        ).status_code
        == 403
    )
    talk.refresh_from_db()
    assert talk.state == Talk.State.INVITED


def test_only_professionals_invite(world, client_for):
    terms(world.group, gives_talks=True)
    url = reverse("relations:invite", args=[world.group.slug])
    assert client_for(world.contact).post(url, _invitation()).status_code == 403
    assert client_for(world.stranger).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302
    assert not Talk.objects.exists()


def test_the_inviting_side_may_withdraw(world, client_for, mailoutbox, django_capture_on_commit_callbacks):
    terms(world.group, gives_talks=True)
    talk = _invite(world, client_for)
    assert client_for(world.contact).post(talk.get_absolute_url(), {"action": "withdraw"}).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.professional).post(talk.get_absolute_url(), {"action": "withdraw"})
    talk.refresh_from_db()
    assert talk.state == Talk.State.WITHDRAWN and mailoutbox[-1].to == ["contact@example.org"]


def test_the_invitation_form_keeps_what_was_typed(world, client_for):
    terms(world.group, gives_talks=True)
    response = client_for(world.professional).post(
        reverse("relations:invite", args=[world.group.slug]), _invitation(date_option_1="", topic="Our work")
    )
    assert response.status_code == 400 and "Our work" in response.content.decode()


def test_dates_sooner_than_the_notice_the_group_asks_for_are_refused(world, client_for):
    terms(world.group, gives_talks=True, talks_notice_weeks=6)
    url = reverse("relations:invite", args=[world.group.slug])
    response = client_for(world.professional).post(
        url, _invitation(date_option_1=_day(10), date_option_2=_day(60))
    )
    assert response.status_code == 400
    assert "asks for 6 weeks" in response.content.decode()
    assert not Talk.objects.exists()
    client_for(world.professional).post(url, _invitation(date_option_1=_day(45), date_option_2=""))
    assert Talk.objects.count() == 1
