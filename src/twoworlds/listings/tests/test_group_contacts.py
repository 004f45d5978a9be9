"""One person may look after several groups; a group may have several contacts, and can add or remove them.
Removing keeps the row (who, when); a group keeps at least one contact unless staff remove it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from twoworlds.listings import services
from twoworlds.listings.models import GroupContact

from .support import looks_after, make_listing, person, sent_to

pytestmark = pytest.mark.django_db

# Fixtures shared with the other listings tests.


def test_adding_someone_by_email_creates_their_account_and_tells_them(
    client, listing, contact, django_user_model, django_capture_on_commit_callbacks
):
    client.force_login(contact)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("listings:contacts", args=[listing.slug]), {"email": "Lee@Example.org"}
        )

    assert response.status_code == 302
    lee = django_user_model.objects.get(email__iexact="lee@example.org")
    assert not lee.has_usable_password()
    added = GroupContact.objects.get(user=lee)
    assert (added.group, added.added_by) == (listing, contact)
    assert services.is_contact(lee, listing)
    (email,) = sent_to(lee.email)
    assert listing.name in email.subject and "/my-groups/" in email.body
    assert "pat@example.org" not in email.body


def test_adding_someone_who_already_looks_after_it_changes_nothing(listing, contact):
    assert services.add_contact(listing, "PAT@example.org", contact).user == contact
    assert GroupContact.objects.filter(group=listing).count() == 1


def test_a_bad_address_keeps_what_was_typed(client, listing, contact):
    client.force_login(contact)
    response = client.post(reverse("listings:contacts", args=[listing.slug]), {"email": "lee at example"})
    assert response.status_code == 400
    assert 'value="lee at example"' in response.content.decode()
    assert "id_email" in dict(response.context["errors"])


def test_removing_keeps_the_row_with_who_and_when(client, listing, contact):
    other = looks_after(listing, person("lee@example.org"))
    client.force_login(contact)

    client.post(reverse("listings:remove_contact", args=[listing.slug, other.pk]))

    other.refresh_from_db()
    assert other.removed_at is not None and other.removed_by == contact
    assert not services.is_contact(other.user, listing)


def test_the_last_contact_cannot_leave_the_group_without_one(client, listing, contact):
    mine = GroupContact.objects.get(user=contact)
    client.force_login(contact)

    response = client.post(reverse("listings:remove_contact", args=[listing.slug, mine.pk]), follow=True)

    assert "at least one person" in response.content.decode()
    mine.refresh_from_db()
    assert mine.removed_at is None


def test_someone_can_step_back_when_another_contact_remains(client, listing, contact):
    looks_after(listing, person("lee@example.org"))
    mine = GroupContact.objects.get(user=contact)
    client.force_login(contact)

    response = client.post(reverse("listings:remove_contact", args=[listing.slug, mine.pk]))

    assert response["Location"] == reverse("listings:my_groups")
    assert not services.is_contact(contact, listing)


def test_staff_may_remove_the_last_contact_and_add_new_ones(client, listing, contact, editor):
    client.force_login(editor)
    mine = GroupContact.objects.get(user=contact)

    client.post(reverse("listings_staff:remove_contact", args=[mine.pk]))
    client.post(reverse("listings_staff:add_contact", args=[listing.slug]), {"email": "new@example.org"})

    assert not services.is_contact(contact, listing)
    assert [c.user.email for c in services.active_contacts(listing)] == ["new@example.org"]
    page = client.get(reverse("listings_staff:history", args=[listing.slug])).content.decode()
    assert "People who used to look after it" in page and "pat@example.org" in page


def test_a_contact_of_one_group_cannot_remove_contacts_of_another(listing, contact):
    other_group = make_listing("Beeston Carers")
    theirs = looks_after(other_group, person("sam@example.org"))
    looks_after(other_group, person("sue@example.org"))
    with pytest.raises(PermissionDenied):
        services.remove_contact(theirs, contact)


def test_one_person_may_look_after_several_groups(client, listing, contact):
    second = make_listing("Beeston Carers")
    looks_after(second, contact)
    client.force_login(contact)

    html = client.get(reverse("listings:my_groups")).content.decode()

    assert list(services.groups_looked_after_by(contact)) == [second, listing]
    assert reverse("listings:edit", args=[listing.slug]) in html
    assert reverse("listings:edit", args=[second.slug]) in html


def test_a_removed_contact_may_be_added_again(listing, contact, editor):
    mine = GroupContact.objects.get(user=contact)
    services.remove_contact(mine, editor)
    again = services.add_contact(listing, contact.email, editor)
    assert again.pk != mine.pk and services.is_contact(contact, listing)
    with pytest.raises(ValidationError):
        services.remove_contact(again, contact)  # the only one left
