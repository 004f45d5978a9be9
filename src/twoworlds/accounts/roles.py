"""Staff roles, as Django groups with model permissions. Created (and kept up to date) after every migrate.

- Clearinghouse editor: adds and changes listings (groups, organisations, venues, meetings, contact routes,
  categories, languages, places); cannot delete, cannot manage people.
- Clearinghouse administrator: everything an editor can, plus deleting and managing staff accounts.
"""

from django.contrib.auth.models import Group as Role
from django.contrib.auth.models import Permission

EDITOR = "Clearinghouse editor"
ADMINISTRATOR = "Clearinghouse administrator"

DIRECTORY_MODELS = [
    ("directory", "group"),
    ("directory", "organisation"),
    ("directory", "venue"),
    ("directory", "meeting"),
    ("directory", "contactroute"),
    ("directory", "category"),
    ("directory", "language"),
    ("search", "place"),
    ("accounts", "agency"),
    ("accounts", "agencymember"),
    ("packs", "pack"),
]
PEOPLE_MODELS = [("accounts", "user"), ("auth", "group")]


def _permissions(models, actions):
    wanted = {(app, f"{action}_{model}") for app, model in models for action in actions}
    return [
        p
        for p in Permission.objects.select_related("content_type")
        if (p.content_type.app_label, p.codename) in wanted
    ]


def ensure_roles(**kwargs):
    editor, _ = Role.objects.get_or_create(name=EDITOR)
    editor.permissions.set(_permissions(DIRECTORY_MODELS, ["view", "add", "change"]))
    administrator, _ = Role.objects.get_or_create(name=ADMINISTRATOR)
    administrator.permissions.set(
        _permissions(DIRECTORY_MODELS, ["view", "add", "change", "delete"])
        + _permissions(PEOPLE_MODELS, ["view", "add", "change", "delete"])
    )
    return editor, administrator
