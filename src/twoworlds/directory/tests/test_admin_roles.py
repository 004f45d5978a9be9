"""Who may do what in the staff admin: editors add and change listings; only administrators delete and
manage people; visitors and signed-in people who are not staff are turned away from every admin page."""

import uuid
from datetime import date

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from twoworlds.accounts.roles import ADMINISTRATOR, EDITOR
from twoworlds.accounts.services import create_staff
from twoworlds.directory.models import Group

from .admin_support import (
    assert_saved,
    form_data,
    make_category,
    make_group,
    make_organisation,
    make_staff,
)

pytestmark = pytest.mark.django_db

REGISTERED = sorted((model._meta.app_label, model._meta.model_name) for model in admin.site._registry)
DIRECTORY = [
    ("directory", name)
    for name in ["group", "organisation", "venue", "meeting", "contactroute", "category", "language"]
] + [("search", "place")]


def admin_urls(app_label, model_name):
    """The changelist, add, change, delete and history pages of one model (for any id: access is decided
    before the object is looked up)."""
    some_id = str(uuid.uuid4())
    return [
        reverse(f"admin:{app_label}_{model_name}_changelist"),
        reverse(f"admin:{app_label}_{model_name}_add"),
        reverse(f"admin:{app_label}_{model_name}_change", args=[some_id]),
        reverse(f"admin:{app_label}_{model_name}_delete", args=[some_id]),
        reverse(f"admin:{app_label}_{model_name}_history", args=[some_id]),
    ]


@pytest.fixture
def editor_client(client):
    user, _ = create_staff("eddie", "eddie@example.org", EDITOR)
    client.force_login(user)
    return client


@pytest.fixture
def administrator_client(client):
    # The role alone, not superuser status (create_staff makes administrators superusers too).
    client.force_login(make_staff("ada", ADMINISTRATOR))
    return client


def test_every_directory_model_and_the_user_model_are_registered():
    assert set(DIRECTORY) | {("accounts", "user")} <= set(REGISTERED)


@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_anonymous_visitors_are_sent_to_sign_in(client, app_label, model_name):
    login = reverse("admin:login")
    for url in admin_urls(app_label, model_name):
        for response in (client.get(url), client.post(url, {})):
            assert response.status_code == 302, url
            assert response["Location"].startswith(f"{login}?next="), url


def test_anonymous_visitors_are_sent_to_sign_in_from_the_index_and_autocomplete(client):
    for url in [
        reverse("admin:index"),
        reverse("admin:autocomplete"),
        reverse("admin:app_list", args=["directory"]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_signed_in_people_who_are_not_staff_are_refused(client, app_label, model_name):
    client.force_login(make_staff("member", is_staff=False))
    for url in admin_urls(app_label, model_name):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url
    # Even a superuser flag does not open the admin without staff status.
    client.force_login(make_staff("root-but-not-staff", is_staff=False, is_superuser=True))
    assert client.get(reverse("admin:directory_group_changelist")).status_code == 302


def test_staff_without_a_role_see_nothing(client):
    client.force_login(make_staff("newcomer"))
    assert client.get(reverse("admin:index")).status_code == 200
    for app_label, model_name in REGISTERED:
        assert client.get(reverse(f"admin:{app_label}_{model_name}_changelist")).status_code == 403


@pytest.mark.parametrize(("app_label", "model_name"), DIRECTORY)
def test_editor_can_reach_every_directory_list_and_add_page(editor_client, app_label, model_name):
    assert editor_client.get(reverse(f"admin:{app_label}_{model_name}_changelist")).status_code == 200
    assert editor_client.get(reverse(f"admin:{app_label}_{model_name}_add")).status_code == 200


def test_editor_can_add_and_change_a_group(editor_client, django_capture_on_commit_callbacks):
    organisation = make_organisation("Editors' Trust")
    category = make_category("Editors' issue")
    url = reverse("admin:directory_group_add")
    data = form_data(editor_client.get(url))
    data.update(
        name="Added By Editor",
        slug="added-by-editor",
        organisation=str(organisation.pk),
        categories=[str(category.pk)],
        description="A group an editor added.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(editor_client.post(url, data))
    group = Group.objects.get(slug="added-by-editor")

    url = reverse("admin:directory_group_change", args=[group.pk])
    data = form_data(editor_client.get(url))
    data["name"] = "Changed By Editor"
    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(editor_client.post(url, data))
    group.refresh_from_db()
    assert group.name == "Changed By Editor"

    # The autocomplete widgets on the form work for an editor too.
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "directory", "model_name": "group", "field_name": "organisation", "term": "editors"},
    )
    assert response.status_code == 200


def test_editor_can_mark_groups_confirmed(editor_client, django_capture_on_commit_callbacks):
    group = make_group("Checked In", last_confirmed=date(2021, 5, 1))

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("admin:directory_group_changelist"),
            {"action": "mark_confirmed", "_selected_action": [str(group.pk)]},
        )

    group.refresh_from_db()
    assert group.last_confirmed == timezone.localdate()


def test_editor_cannot_delete(editor_client):
    group = make_group("Undeletable")
    url = reverse("admin:directory_group_delete", args=[group.pk])

    assert editor_client.get(url).status_code == 403
    assert editor_client.post(url, {"post": "yes"}).status_code == 403

    # Nor through the bulk action, which is not even offered.
    changelist = reverse("admin:directory_group_changelist")
    assert "delete_selected" not in editor_client.get(changelist).content.decode()
    editor_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [str(group.pk)], "post": "yes"}
    )
    assert Group.objects.filter(pk=group.pk).exists()


@pytest.mark.parametrize(("app_label", "model_name"), [("accounts", "user"), ("auth", "group")])
def test_editor_cannot_manage_people(editor_client, app_label, model_name):
    for url in [
        reverse(f"admin:{app_label}_{model_name}_changelist"),
        reverse(f"admin:{app_label}_{model_name}_add"),
    ]:
        assert editor_client.get(url).status_code == 403
        assert editor_client.post(url, {}).status_code == 403


def test_editor_cannot_change_their_own_account_in_the_admin(editor_client):
    from django.contrib.auth import get_user_model

    me = get_user_model().objects.get(username="eddie")
    url = reverse("admin:accounts_user_change", args=[me.pk])
    assert editor_client.get(url).status_code == 403
    assert editor_client.post(url, {"username": "eddie", "is_superuser": "on"}).status_code == 403
    me.refresh_from_db()
    assert not me.is_superuser


def test_administrator_can_delete(administrator_client, django_capture_on_commit_callbacks):
    group = make_group("To Be Removed")

    with django_capture_on_commit_callbacks(execute=True):
        response = administrator_client.post(
            reverse("admin:directory_group_delete", args=[group.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Group.objects.filter(pk=group.pk).exists()


def test_administrator_can_manage_people(administrator_client):
    assert administrator_client.get(reverse("admin:accounts_user_changelist")).status_code == 200
    assert administrator_client.get(reverse("admin:auth_group_changelist")).status_code == 200
