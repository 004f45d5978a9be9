"""The first email of a cycle: one per contact, about one group only, with the one-click link and the link to
update the details; only a hash of the link's token is kept. A group nobody looks after goes on the staff
list instead."""

import re

import pytest

from twoworlds.listings import confirmation
from twoworlds.listings.models import ConfirmationRequest, GroupContact

from .confirmation_support import TODAY, listed, looks_after, person, use_defaults

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cycle(settings):
    use_defaults(settings)


def confirm_links(body):
    return re.findall(r"https://groups\.example\.org/confirm/([\w-]+)/", body)


def test_the_email_has_the_one_click_link_and_the_update_link(mailoutbox):
    group = looks_after(
        listed("Hearing Voices Nottingham", confirmed_days_ago=182), person("sam@example.org")
    )
    report = confirmation.run_cycle(today=TODAY)

    assert [item.group for item in report.sent] == [group]
    [message] = mailoutbox
    assert message.to == ["sam@example.org"]
    assert "Hearing Voices Nottingham" in message.subject
    assert "Yes, nothing has changed:" in message.body
    assert f"https://groups.example.org/my-groups/{group.slug}/edit/" in message.body
    assert f"https://groups.example.org/groups/{group.slug}/" in message.body
    [token] = confirm_links(message.body)
    request_obj = ConfirmationRequest.objects.get(group=group)
    assert request_obj.token_hash == confirmation.hash_token(token)
    assert token not in request_obj.token_hash
    assert confirmation.find_request(token) == request_obj
    assert message.extra_headers.get("Auto-Submitted") == "auto-generated"


def test_each_contact_gets_their_own_email_and_removed_contacts_none(mailoutbox):
    group = looks_after(
        listed("Carers Together", confirmed_days_ago=200),
        person("ann@example.org", first_name="Ann"),
        person("bob@example.org"),
    )
    gone = person("gone@example.org")
    GroupContact.objects.create(user=gone, group=group, removed_at="2025-01-01T00:00Z")
    looks_after(group, person("inactive@example.org", is_active=False))

    confirmation.run_cycle(today=TODAY)

    assert sorted(m.to[0] for m in mailoutbox) == ["ann@example.org", "bob@example.org"]
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mailoutbox)
    ann = next(m for m in mailoutbox if m.to == ["ann@example.org"])
    assert ann.body.startswith("Hello Ann,")
    assert "bob@example.org" not in ann.body


def test_an_email_carries_no_other_groups_data(mailoutbox):
    someone = person("both@example.org")
    first = looks_after(listed("Stammering Support", confirmed_days_ago=190), someone)
    second = looks_after(listed("Tinnitus Friends", confirmed_days_ago=250), someone, person("x@example.org"))

    confirmation.run_cycle(today=TODAY)

    to_both = [m for m in mailoutbox if m.to == ["both@example.org"]]
    assert len(to_both) == 2
    for message in to_both:
        mine, other = (first, second) if first.name in message.subject else (second, first)
        text = message.subject + message.body
        assert other.name not in text and other.slug not in text
        assert "x@example.org" not in text
        [token] = confirm_links(message.body)
        assert confirmation.find_request(token).group == mine


def test_a_group_with_no_one_to_ask_goes_on_the_staff_list_and_is_not_emailed(mailoutbox):
    orphan = listed("Nobody Looks After Us", confirmed_days_ago=190)
    report = confirmation.run_cycle(today=TODAY)
    assert mailoutbox == []
    assert [item.group for item in report.no_one_to_ask] == [orphan]
    request_obj = ConfirmationRequest.objects.get(group=orphan)
    assert request_obj.sent_at is None
    board = confirmation.dashboard(TODAY)
    assert [row.group for row in board.rows[confirmation.NO_ONE]] == [orphan]


def test_a_group_that_gets_a_contact_later_is_then_asked(mailoutbox):
    group = listed("Found Someone", confirmed_days_ago=190)
    confirmation.run_cycle(today=TODAY)
    assert mailoutbox == []
    looks_after(group, person("new@example.org"))

    report = confirmation.run_cycle(today=TODAY)

    assert [m.to for m in mailoutbox] == [["new@example.org"]]
    assert [item.group for item in report.sent] == [group] and report.no_one_to_ask == []


def test_a_failed_send_is_reported_and_tried_again_next_run(mailoutbox, monkeypatch):
    group = looks_after(listed("Flaky Mail", confirmed_days_ago=190), person("flaky@example.org"))

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(confirmation, "_send", broken)
    report = confirmation.run_cycle(today=TODAY)
    assert [item.group for item in report.failed] == [group] and report.sent == []
    assert ConfirmationRequest.objects.get(group=group).sent_at is None

    monkeypatch.undo()
    report = confirmation.run_cycle(today=TODAY)
    assert [item.group for item in report.sent] == [group]
    assert len(mailoutbox) == 1
