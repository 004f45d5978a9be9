"""The two staff roles: created by migrate, kept up to date by ensure_roles, and holding exactly the
permissions the clearinghouse expects."""

import pytest
from django.contrib.auth.models import Group as Role
from django.contrib.auth.models import Permission
from django.core.management import call_command

from twoworlds.accounts.roles import ADMINISTRATOR, DIRECTORY_MODELS, EDITOR, PEOPLE_MODELS, ensure_roles

pytestmark = pytest.mark.django_db


def codenames(role_name):
    role = Role.objects.get(name=role_name)
    return {
        f"{p.content_type.app_label}.{p.codename}" for p in role.permissions.select_related("content_type")
    }


def expected(models, actions):
    return {f"{app}.{action}_{model}" for app, model in models for action in actions}


def test_roles_exist_after_migrate():
    # The test database was built by `migrate`; its post_migrate hook created both roles.
    assert set(Role.objects.filter(name__in=[EDITOR, ADMINISTRATOR]).values_list("name", flat=True)) == {
        EDITOR,
        ADMINISTRATOR,
    }
    assert codenames(EDITOR) == expected(DIRECTORY_MODELS, ["view", "add", "change"])


def test_editor_changes_listings_but_cannot_delete_or_manage_people():
    editor = codenames(EDITOR)
    assert "directory.change_group" in editor
    assert "search.add_place" in editor
    assert not any(name.split(".")[1].startswith("delete_") for name in editor)
    assert not editor & expected(PEOPLE_MODELS, ["view", "add", "change", "delete"])


def test_administrator_can_do_everything_including_delete_and_people():
    everything = ["view", "add", "change", "delete"]
    wanted = expected(DIRECTORY_MODELS, everything) | expected(PEOPLE_MODELS, everything)
    assert codenames(ADMINISTRATOR) == wanted


def test_ensure_roles_is_idempotent():
    before = {name: codenames(name) for name in (EDITOR, ADMINISTRATOR)}
    role_count = Role.objects.count()

    first = ensure_roles()
    second = ensure_roles()

    assert [r.pk for r in first] == [r.pk for r in second]
    assert Role.objects.count() == role_count
    assert {name: codenames(name) for name in (EDITOR, ADMINISTRATOR)} == before


def test_ensure_roles_restores_permissions_taken_away_and_removes_extra_ones():
    editor = Role.objects.get(name=EDITOR)
    editor.permissions.remove(
        Permission.objects.get(codename="change_group", content_type__app_label="directory")
    )
    editor.permissions.add(
        Permission.objects.get(codename="delete_group", content_type__app_label="directory")
    )

    ensure_roles()

    assert codenames(EDITOR) == expected(DIRECTORY_MODELS, ["view", "add", "change"])


def test_ensure_roles_recreates_a_deleted_role():
    Role.objects.filter(name=EDITOR).delete()

    ensure_roles()

    assert codenames(EDITOR) == expected(DIRECTORY_MODELS, ["view", "add", "change"])


def test_migrating_again_keeps_one_of_each_role():
    call_command("migrate", verbosity=0)

    assert Role.objects.filter(name=EDITOR).count() == 1
    assert Role.objects.filter(name=ADMINISTRATOR).count() == 1
    assert codenames(ADMINISTRATOR) >= expected(DIRECTORY_MODELS, ["delete"])
