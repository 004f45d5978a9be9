"""A group nobody can read requests for (no active contacts), a closed group and a lapsed one are not offered
the form: the page says so and shows the public ways to get in touch."""

import pytest
from django.utils import timezone

from twoworlds.contact.models import ContactRequest
from twoworlds.directory.models import Group
from twoworlds.listings.models import GroupContact

from .support import ask_url, form_data, person

pytestmark = pytest.mark.django_db


def test_without_active_contacts_the_form_is_not_offered(client, group, mailoutbox):
    GroupContact.objects.create(group=group, user=person("gone@example.org"), removed_at=timezone.now())
    page = client.get(ask_url(group))
    html = page.content.decode()
    assert page.status_code == 200 and "form" not in page.context
    assert "cannot take requests to get in touch through this site yet" in html
    assert "0115 496 0123" in html  # the group's public phone number
    assert client.post(ask_url(group), form_data()).status_code == 200
    assert not ContactRequest.objects.exists() and mailoutbox == []
    group_page = client.get(group.get_absolute_url()).content.decode()
    assert ask_url(group) not in group_page
    assert "cannot take requests to get in touch through this site yet" in group_page


def test_a_closed_group_is_not_offered_the_form(client, group, contact):
    Group.objects.filter(pk=group.pk).update(status=Group.Status.CLOSED)
    html = client.get(ask_url(group)).content.decode()
    assert "This group has closed" in html
    client.post(ask_url(group), form_data())
    assert not ContactRequest.objects.exists()


def test_a_lapsed_group_is_not_offered_the_form(client, group, contact):
    Group.objects.filter(pk=group.pk).update(lapsed=True)
    client.post(ask_url(group), form_data())
    assert not ContactRequest.objects.exists()


def test_a_group_with_a_contact_offers_it_on_its_page(client, group, contact):
    html = client.get(group.get_absolute_url()).content.decode()
    assert f'href="{ask_url(group)}"' in html and "Ask the group to contact me" in html


def test_an_unknown_group_is_not_found(client):
    assert client.get("/groups/no-such-group/ask-to-be-contacted/").status_code == 404
