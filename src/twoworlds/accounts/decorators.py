"""Who may see a view. Anonymous visitors are sent to sign in (and brought back afterwards); people signed in
without the right are told so with a 403 page."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from .roles import ADMINISTRATOR, EDITOR

STAFF_ROLES = (EDITOR, ADMINISTRATOR)


def is_staff_member(user):
    """Clearinghouse staff: signed in, active, marked as staff, and holding a staff role (or superuser)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=STAFF_ROLES).exists()


def _to_sign_in(request):
    return redirect_to_login(request.get_full_path(), reverse("accounts:sign_in"))


def sign_in_required(view):
    """Anonymous visitors go to the sign-in page, with ?next= bringing them back here."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return _to_sign_in(request)
        return view(request, *args, **kwargs)

    return wrapped


def staff_required(view):
    """Clearinghouse staff only (see is_staff_member). Anonymous: to sign in; anyone else: 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return _to_sign_in(request)
        if not is_staff_member(request.user):
            return render(
                request,
                "core/message.html",
                {
                    "title": _("For clearinghouse staff only"),
                    "message": _(
                        "This page is for clearinghouse staff. If you look after a group, your groups are "
                        "under “My groups”."
                    ),
                },
                status=403,
            )
        return view(request, *args, **kwargs)

    return wrapped
