"""A group leader relays members' views to a service as the group's voice: no member, and not the leader,
is named; the group is named only if it chooses, otherwise "a self-help group for <issue>"; the service
replies; both see the thread; staff see that it exists, not what it says."""

import pytest
from django.urls import reverse

from twoworlds.influence.models import FeedbackMessage, FeedbackThread

from .support import agency, listing_with_contact, person, professional, staff


@pytest.fixture
def parties(db):
    group, contact = listing_with_contact("Sneinton Stroke Club", "pat.leader@example.org")
    contact.first_name, contact.last_name = "Patricia", "Leadbetter"
    contact.save()
    service = agency("Stroke Rehabilitation Service")
    physio = professional("physio@rehab.example", at=service)
    return {"group": group, "contact": contact, "service": service, "physio": physio}


def send(client, parties, named="0"):
    client.force_login(parties["contact"])
    return client.post(
        reverse("influence:group_feedback_new", args=[parties["group"].slug]),
        {
            "agency": parties["service"].pk,
            "subject": "Waiting times",
            "body": "Members find the wait for physio after discharge very long.",
            "members_sharing": "6",
            "named": named,
        },
    )


def test_anonymous_feedback_reaches_the_service_without_identifying_anyone(
    client, parties, commit, mailoutbox
):
    with commit():
        response = send(client, parties)
    assert response.status_code == 302
    thread = FeedbackThread.objects.get()
    assert thread.shown_as == "a self-help group for stroke"
    assert FeedbackMessage.objects.get().author is None  # the group speaks as the group
    assert [m.to for m in mailoutbox] == [["physio@rehab.example"]]
    email = mailoutbox[0]
    for secret in ("Sneinton", "Stroke Club", "Patricia", "Leadbetter", "pat.leader"):
        assert secret not in email.subject + email.body
    assert "a self-help group for stroke" in email.subject.lower()

    client.force_login(parties["physio"])
    for url in (reverse("influence:service_feedback"), reverse("influence:service_thread", args=[thread.pk])):
        body = client.get(url).content.decode()
        assert "self-help group for stroke" in body
        for secret in (
            "Sneinton",
            "Stroke Club",
            "Patricia",
            "Leadbetter",
            "pat.leader",
            parties["group"].slug,
        ):
            assert secret not in body, (url, secret)


def test_a_named_group_is_named(client, parties):
    send(client, parties, named="1")
    assert FeedbackThread.objects.get().shown_as == "Sneinton Stroke Club"


def test_the_service_replies_and_both_see_the_thread(client, parties, commit, mailoutbox):
    send(client, parties)
    thread = FeedbackThread.objects.get()
    client.force_login(parties["physio"])
    with commit():
        response = client.post(
            reverse("influence:service_thread", args=[thread.pk]),
            {"body": "Thank you: we are adding a clinic."},
        )
    assert response.status_code == 302
    assert mailoutbox[-1].to == ["pat.leader@example.org"] and "replied" in mailoutbox[-1].subject
    client.force_login(parties["contact"])
    body = client.get(
        reverse("influence:group_thread", args=[parties["group"].slug, thread.pk])
    ).content.decode()
    assert "Members find the wait" in body and "we are adding a clinic" in body


def test_an_empty_reply_keeps_the_page(client, parties):
    send(client, parties)
    client.force_login(parties["physio"])
    response = client.post(
        reverse("influence:service_thread", args=[FeedbackThread.objects.get().pk]), {"body": ""}
    )
    assert response.status_code == 400 and "Write your reply" in response.content.decode()


def test_a_bad_count_is_refused_and_what_was_typed_kept(client, parties):
    client.force_login(parties["contact"])
    response = client.post(
        reverse("influence:group_feedback_new", args=[parties["group"].slug]),
        {
            "agency": parties["service"].pk,
            "subject": "Parking",
            "body": "Hard to park.",
            "members_sharing": "0",
            "named": "0",
        },
    )
    assert response.status_code == 400
    assert 'value="Parking"' in response.content.decode()
    assert not FeedbackThread.objects.exists()


def test_staff_see_that_threads_exist_not_what_they_say(client, parties):
    send(client, parties)
    client.force_login(staff())
    body = client.get(reverse("influence_staff:overview")).content.decode()
    assert "Stroke Rehabilitation Service" in body
    assert "Waiting times" not in body and "Members find the wait" not in body
    # Nor in the admin: the thread's subject and messages are not shown there.
    admin_user = staff("admin2")
    admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)
    body = client.get(reverse("admin:influence_feedbackthread_changelist")).content.decode()
    assert "Stroke Rehabilitation Service" in body and "Waiting times" not in body


def test_only_the_services_own_staff_read_it(client, parties):
    send(client, parties)
    thread = FeedbackThread.objects.get()
    for outsider in (professional("gp@practice.example"), person("someone@example.org")):
        client.force_login(outsider)
        response = client.get(reverse("influence:service_thread", args=[thread.pk]))
        assert response.status_code == 403
        assert "physio" not in response.content.decode()
