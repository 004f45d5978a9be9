"""Small numbers never identify a member: any member count below 5 is "fewer than 5", in every view and
email."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from twoworlds.influence import services
from twoworlds.influence.counts import describe_count

from .support import agency, listing_with_contact, professional, staff


@pytest.mark.parametrize(
    ("number", "shown"),
    [(None, ""), (0, "none"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5"), (12, "12")],
)
def test_describe_count(number, shown):
    assert describe_count(number) == shown
    assert Template("{% load influence_tags %}{{ n|small_count }}").render(Context({"n": number})) == shown


@pytest.fixture
def thread(db, commit, mailoutbox):
    group, contact = listing_with_contact("Sneinton Stroke Club", "pat@example.org")
    clinic = agency("Stroke Rehabilitation Service")
    professional("physio@rehab.example", at=clinic)
    with commit():
        thread = services.start_feedback(
            group,
            contact,
            clinic,
            subject="Waiting times",
            body="The wait for physio is long.",
            members_sharing=3,
        )
        services.add_group_message(thread, contact, "And the car park is hard.", members_sharing=7)
    return thread


def test_counts_below_five_are_never_shown_in_pages(client, thread):
    contact = thread.group.contacts.get().user
    for user, url in [
        (contact, reverse("influence:group_thread", args=[thread.group.slug, thread.pk])),
        (
            thread.agency.feedback_threads.model.objects.get().agency.members.get().user,
            reverse("influence:service_thread", args=[thread.pk]),
        ),
    ]:
        client.force_login(user)
        body = client.get(url).content.decode()
        assert "Members who share this view: fewer than 5." in body
        assert "Members who share this view: 7." in body
        assert "share this view: 3" not in body


def test_counts_below_five_are_never_shown_in_emails(thread, mailoutbox):
    first, second = mailoutbox
    assert "Members who share this view: fewer than 5." in first.body
    assert "3" not in first.body.replace(str(thread.pk), "")
    assert "Members who share this view: 7." in second.body


def test_staff_see_banded_counts_only(client, thread):
    client.force_login(staff())
    body = client.get(reverse("influence_staff:overview")).content.decode()
    assert "Stroke Rehabilitation Service" in body and "fewer than 5" in body
    assert "The wait for physio is long." not in body and "Waiting times" not in body
