"""The group's contacts are told that someone asked, and where to read it: no name, no phone number, no
email address, no message, in any email. The person's own copy of the withdraw link holds only the link and
the group's name."""

import pytest

from twoworlds.contact.models import ContactRequest

from .support import EMAIL, GOOD_TIMES, MESSAGE, NAME, PHONE, ask_url, form_data, looks_after, person

pytestmark = pytest.mark.django_db

PERSONAL = [NAME, PHONE, PHONE.replace(" ", ""), EMAIL, MESSAGE, GOOD_TIMES, "Marigold", "zebrafinch"]


def everything_in(message):
    parts = [
        message.subject,
        message.body,
        " ".join(message.cc),
        " ".join(message.bcc),
        str(message.extra_headers),
    ]
    parts += [alternative[0] for alternative in getattr(message, "alternatives", [])]
    return "\n".join(parts)


def test_each_contact_gets_an_email_with_no_personal_details(client, group, contact, mailoutbox, commit):
    looks_after(group, person("sam@example.org"))
    with commit():
        client.post(ask_url(group), form_data())
    assert sorted(m.to[0] for m in mailoutbox) == ["pat@example.org", "sam@example.org"]
    for message in mailoutbox:
        assert len(message.to) == 1
        text = everything_in(message) + " ".join(message.to)
        for detail in PERSONAL:
            assert detail not in text
        assert message.subject == "Someone asked Sneinton Bereavement Circle to get in touch"
        assert f"https://twoworlds.example/my-groups/{group.slug}/requests/" in message.body


def test_an_email_address_given_to_the_group_is_in_no_email_to_the_group(
    client, group, contact, mailoutbox, commit
):
    with commit():
        client.post(ask_url(group), form_data(reach_kind="email", reach_value=EMAIL))
    assert len(mailoutbox) == 1
    assert EMAIL not in everything_in(mailoutbox[0]) + " ".join(mailoutbox[0].to)


def test_the_withdraw_link_email_holds_only_the_link_and_the_group(
    client, group, contact, mailoutbox, commit
):
    with commit():
        html = client.post(
            ask_url(group), form_data(reach_kind="email", reach_value=EMAIL, email_me_link="on")
        ).content.decode()
    to_person = [m for m in mailoutbox if m.to == [EMAIL]]
    assert len(to_person) == 1 and len(mailoutbox) == 2
    body = everything_in(to_person[0])
    for detail in PERSONAL:
        assert detail not in body
    assert "Sneinton Bereavement Circle" in body
    assert "https://twoworlds.example/contact/withdraw/" in body
    assert "We have also emailed you the link" in html


def test_no_link_email_unless_asked_for_or_without_an_email_address(
    client, group, contact, mailoutbox, commit
):
    with commit():
        client.post(ask_url(group), form_data(reach_kind="email", reach_value=EMAIL))
        client.post(ask_url(group), form_data(email_me_link="on"))  # a phone number: nowhere to send it
    assert ContactRequest.objects.count() == 2
    assert all(m.to == ["pat@example.org"] for m in mailoutbox)


def test_removed_and_deactivated_contacts_are_not_told(client, group, contact, mailoutbox, commit):
    from django.utils import timezone

    from twoworlds.listings.models import GroupContact

    gone = person("gone@example.org")
    GroupContact.objects.create(group=group, user=gone, removed_at=timezone.now())
    looks_after(group, person("off@example.org", is_active=False))
    with commit():
        client.post(ask_url(group), form_data())
    assert [m.to for m in mailoutbox] == [["pat@example.org"]]
