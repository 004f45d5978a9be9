"""Accounts: creating staff. Sign-in links, group contacts and professionals come with later issues."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as Role
from django.db import transaction

from .roles import ADMINISTRATOR, EDITOR, ensure_roles


@transaction.atomic
def create_staff(username, email, role, password=None):
    """A staff member with one of the roles; returns (user, password). A random password if none given."""
    ensure_roles()
    password = password or secrets.token_urlsafe(12)
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username, defaults={"email": email})
    user.email = email
    user.is_staff = True
    user.is_superuser = role == ADMINISTRATOR
    user.set_password(password)
    user.save()
    user.groups.set([Role.objects.get(name=role)])
    return user, password


def ensure_demo_staff():
    """Demo staff accounts with fresh random passwords (printed by demo_data, never stored in the repo)."""
    return [
        (*create_staff("admin", "admin@example.org", ADMINISTRATOR), ADMINISTRATOR),
        (*create_staff("editor", "editor@example.org", EDITOR), EDITOR),
    ]
