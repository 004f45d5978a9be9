"""Creating staff: by `create_staff` (the demo data and the command line) and in the user admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as Role
from django.urls import reverse

from twoworlds.accounts.roles import ADMINISTRATOR, EDITOR
from twoworlds.accounts.services import create_staff

pytestmark = pytest.mark.django_db


def test_create_staff_gives_one_role():
    user, password = create_staff("jo", "jo@example.org", EDITOR)

    assert user.is_staff and not user.is_superuser
    assert [role.name for role in user.groups.all()] == [EDITOR]
    assert user.check_password(password)
    assert len(password) >= 12


def test_create_staff_again_changes_role_and_password():
    create_staff("sam", "sam@example.org", EDITOR, password="first password here")

    user, _ = create_staff("sam", "sam2@example.org", ADMINISTRATOR, password="second password here")

    assert get_user_model().objects.filter(username="sam").count() == 1
    assert user.email == "sam2@example.org"
    assert user.is_superuser
    assert [role.name for role in user.groups.all()] == [ADMINISTRATOR]
    assert user.check_password("second password here")


@pytest.fixture
def administrator_client(client):
    user, _ = create_staff("ada", "ada@example.org", ADMINISTRATOR)
    client.force_login(user)
    return client


def test_administrator_adds_an_editor_in_the_admin(administrator_client):
    url = reverse("admin:accounts_user_add")
    response = administrator_client.get(url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.initial["is_staff"] is True
    assert str(form.fields["groups"].label) == "Staff roles"
    editor_role = Role.objects.get(name=EDITOR)

    response = administrator_client.post(
        url,
        {
            "username": "newbie",
            "email": "newbie@example.org",
            "usable_password": "true",
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
            "is_staff": "on",
            "groups": [str(editor_role.pk)],
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    user = get_user_model().objects.get(username="newbie")
    assert user.is_staff and not user.is_superuser
    assert user.email == "newbie@example.org"
    assert list(user.groups.all()) == [editor_role]
    assert user.check_password("a long enough passphrase")


def test_weak_passwords_are_refused(administrator_client):
    response = administrator_client.post(
        reverse("admin:accounts_user_add"),
        {"username": "weak", "usable_password": "true", "password1": "password", "password2": "password"},
    )

    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="weak").exists()


def test_user_list_shows_roles_and_filters_by_role(administrator_client):
    create_staff("eddie", "eddie@example.org", EDITOR)
    editor_role = Role.objects.get(name=EDITOR)
    url = reverse("admin:accounts_user_changelist")

    response = administrator_client.get(url, {"groups__id__exact": str(editor_role.pk)})

    assert [u.username for u in response.context["cl"].result_list] == ["eddie"]
    assert EDITOR in response.content.decode()
    response = administrator_client.get(url, {"q": "eddie@"})
    assert [u.username for u in response.context["cl"].result_list] == ["eddie"]
