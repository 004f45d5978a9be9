"""Only the group's own active contacts see its requests. Everyone else is refused: anonymous visitors are
sent to sign in; another group's contact, a removed contact, clearinghouse staff and professionals get a
403; a request of another group is not found through this group's pages."""

import pytest
from django.utils import timezone

from twoworlds.contact.models import ContactRequest, ContactRequestAccess
from twoworlds.listings.models import GroupContact

from .support import (
    NAME,
    PHONE,
    close_url,
    inbox_url,
    looks_after,
    make_listing,
    make_request,
    person,
    professional,
    request_url,
    staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(group, contact):
    return make_request(group)[0]


def pages(contact_request):
    return [inbox_url(contact_request.group), request_url(contact_request)]


def test_the_groups_contact_sees_the_list_and_the_request(client, contact, waiting):
    client.force_login(contact)
    listing = client.get(inbox_url(waiting.group))
    assert listing.status_code == 200
    assert NAME not in listing.content.decode()  # the list decrypts nothing
    detail = client.get(request_url(waiting))
    assert detail.status_code == 200
    assert NAME in detail.content.decode() and PHONE in detail.content.decode()
    assert detail["Cache-Control"].startswith("no-store")


def test_anonymous_visitors_are_sent_to_sign_in(client, waiting):
    for url in pages(waiting):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/sign-in/?next=")
    assert client.post(close_url(waiting), {"outcome": "contacted"}).status_code == 302
    assert ContactRequest.objects.get().state == "new"


@pytest.mark.parametrize(
    "who", ["other_group_contact", "removed_contact", "editor", "superuser", "professional"]
)
def test_everyone_else_is_refused(client, waiting, who):
    if who == "other_group_contact":
        user = person("other@example.org")
        looks_after(make_listing("Another Group"), user)
    elif who == "removed_contact":
        user = person("former@example.org")
        GroupContact.objects.create(group=waiting.group, user=user, removed_at=timezone.now())
    elif who == "editor":
        user = staff()
    elif who == "superuser":
        user = staff("root", role=None, is_superuser=True)
    else:
        user = professional()
    client.force_login(user)
    for url in pages(waiting):
        response = client.get(url)
        assert response.status_code == 403, (who, url)
        assert NAME not in response.content.decode()
    assert client.post(close_url(waiting), {"outcome": "contacted"}).status_code == 403
    waiting.refresh_from_db()
    assert waiting.state == "new" and waiting.opened_at is None
    assert not ContactRequestAccess.objects.exists()


def test_a_deactivated_contact_is_sent_to_sign_in(client, contact, waiting):
    contact.is_active = False
    contact.save()
    client.force_login(contact)
    assert client.get(request_url(waiting)).status_code == 302


def test_a_request_of_another_group_is_not_found_through_this_groups_pages(client, contact, group):
    other = make_listing("Another Group")
    looks_after(other, person("other@example.org"))
    theirs = make_request(other)[0]
    client.force_login(contact)
    url = f"/my-groups/{group.slug}/requests/{theirs.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(f"{url}close/", {"outcome": "contacted"}).status_code == 404
    assert not ContactRequestAccess.objects.exists()


def test_my_groups_links_to_the_requests_with_how_many_wait(client, contact, waiting):
    make_request(waiting.group)
    client.force_login(contact)
    html = client.get("/my-groups/").content.decode()
    assert inbox_url(waiting.group) in html
    assert "(2 waiting)" in html


def test_closing_needs_a_post(client, contact, waiting):
    client.force_login(contact)
    assert client.get(close_url(waiting)).status_code == 405
