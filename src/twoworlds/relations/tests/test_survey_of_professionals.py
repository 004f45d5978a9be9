"""A survey of professionals: staff write it and send it by email with personal links; each professional
ticks boxes by issue; talk ticks become invitations to groups that give talks on that issue (the group still
decides), information ticks are answered by email; staff see the results."""

import re

import pytest
from django.urls import reverse

from twoworlds.core import testing

from ..models import Survey, SurveyRecipient, Talk
from .support import agency_with_member, group_with_contact, terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def issues(world):
    carers = testing.category("Carers")
    bereavement = testing.category("Bereavement")
    talking, _ = group_with_contact("Carers Who Talk", "talkers@example.org", [carers])
    terms(talking, gives_talks=True)
    quiet, _ = group_with_contact("Quiet Carers", "quiet@example.org", [carers])
    terms(quiet, gives_talks=False)
    return carers, bereavement, talking


def _write_and_send(client):
    carers = testing.category("Carers")
    bereavement = testing.category("Bereavement")
    client.post(
        reverse("relations_staff:survey_new"),
        {
            "title": "Would you like a talk from a group?",
            "introduction": "Tell us what would help.",
            "categories": [carers.pk, bereavement.pk],
        },
    )
    survey = Survey.objects.get()
    client.post(reverse("relations_staff:survey_send", args=[survey.pk]))
    survey.refresh_from_db()
    return survey


def test_the_whole_survey(world, issues, client_for, mailoutbox, django_capture_on_commit_callbacks):
    carers, bereavement, talking = issues
    with django_capture_on_commit_callbacks(execute=True):
        survey = _write_and_send(client_for(world.staff))
    assert survey.sent_at is not None
    assert sorted(m.to[0] for m in mailoutbox) == ["gp@example.org", "nurse@example.org"]
    replying = mailoutbox[0].to[0]
    path = re.search(r"/survey/[^\s/]+/", mailoutbox[0].body).group(0)
    mailoutbox.clear()
    anonymous = client_for(None)
    page = anonymous.get(path).content.decode()
    assert "Carers" in page and "Bereavement" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = anonymous.post(
            path,
            {
                f"talk_{carers.pk}": "on",
                f"info_{carers.pk}": "on",
                f"talk_{bereavement.pk}": "on",
                "audience": "The ward's nurses",
            },
        )
    assert response.status_code == 200 and "Carers Who Talk" in response.content.decode()
    talk = Talk.objects.get()
    assert talk.group == talking and talk.survey == survey and talk.state == Talk.State.INVITED
    assert talk.audience == "The ward's nurses"
    to = {m.to[0]: m for m in mailoutbox}
    assert "talkers@example.org" in to  # the group is invited, and decides
    assert "/issues/t-carers/" in to[replying].body  # the information asked for
    # A second reply through the same link changes nothing.
    anonymous.post(path, {f"talk_{carers.pk}": "on"})
    assert Talk.objects.count() == 1
    results = (
        client_for(world.staff).get(reverse("relations_staff:survey", args=[survey.pk])).content.decode()
    )
    assert "1 reply, 2 talks asked for, 1 invitation sent, 0 accepted by groups." in results


def test_an_unknown_link_finds_nothing(world, client_for):
    assert client_for(None).get(reverse("relations:survey_reply", args=["not-a-token"])).status_code == 404


def test_sending_again_reaches_only_new_professionals(
    world, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(world.staff)
    with django_capture_on_commit_callbacks(execute=True):
        survey = _write_and_send(client)
    agency_with_member("Social work team", "sw@example.org")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("relations_staff:survey_send", args=[survey.pk]))
    assert [m.to for m in mailoutbox] == [["sw@example.org"]]
    assert SurveyRecipient.objects.count() == 3


def test_only_a_hash_of_the_personal_link_is_kept(
    world, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _write_and_send(client_for(world.staff))
    token = re.search(r"/survey/([^\s/]+)/", mailoutbox[0].body).group(1)
    assert not SurveyRecipient.objects.filter(token_hash=token).exists()


@pytest.mark.parametrize("who", ["professional", "contact", "stranger"])
def test_surveys_are_for_staff_only(world, client_for, who):
    client = client_for(getattr(world, who))
    assert client.get(reverse("relations_staff:survey_new")).status_code == 403
    assert (
        client.post(reverse("relations_staff:survey_new"), {"title": "x", "introduction": "y"}).status_code
        == 403
    )
    survey = Survey.objects.create(title="S", introduction="I")
    assert client.get(reverse("relations_staff:survey", args=[survey.pk])).status_code == 403
    assert client.post(reverse("relations_staff:survey_send", args=[survey.pk])).status_code == 403
    assert not SurveyRecipient.objects.exists()
    assert client_for(None).get(reverse("relations_staff:survey_new")).status_code == 302


def test_a_survey_form_with_errors_keeps_what_was_typed(world, client_for):
    response = client_for(world.staff).post(
        reverse("relations_staff:survey_new"), {"title": "Talks?", "introduction": ""}
    )
    assert response.status_code == 400 and "Talks?" in response.content.decode()
