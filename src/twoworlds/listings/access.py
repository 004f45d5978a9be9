"""Who may do what with listings. Small and explicit: every view in this app starts with one of these.

- Staff: an active user with `is_staff` who is a superuser or holds a clearinghouse role (editor or
  administrator). Staff moderate, see history, revert, and manage any group's contacts.
- A group's contact: an active `GroupContact` row (not removed). Only they may change their group's listing.
  A pending or returned claim gives nothing.
- Everyone else who is signed in may claim a group; anonymous visitors are sent to sign in first.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from twoworlds.accounts.decorators import is_staff_member, sign_in_required, staff_required
from twoworlds.accounts.roles import ADMINISTRATOR, EDITOR
from twoworlds.directory.models import Group

STAFF_ROLES = (EDITOR, ADMINISTRATOR)
__all__ = ["contact_required", "forbidden", "is_staff_member", "sign_in_required", "staff_required"]


def is_contact(user, group):
    from .services import is_contact as _is_contact

    return _is_contact(user, group)


def forbidden(request, message=None):
    """A 403 that says why, in plain words, with somewhere to go next."""
    return render(
        request,
        "core/forbidden.html",
        {"message": message or _("You do not have permission to see this page.")},
        status=403,
    )


def contact_required(view):
    """For /my-groups/<slug>/…: the signed-in person must be an active contact of the group. The view gets
    the group instead of the slug."""

    @wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        if not (request.user.is_authenticated and request.user.is_active):
            return redirect_to_login(request.get_full_path(), reverse("accounts:sign_in"))
        group = get_object_or_404(Group, slug=slug)
        if not is_contact(request.user, group):
            return forbidden(
                request,
                _(
                    "Only the people who look after this group can change its listing. If you run it, "
                    "you can claim it from the group's page; staff check claims before they are approved."
                ),
            )
        return view(request, group, *args, **kwargs)

    return wrapper
