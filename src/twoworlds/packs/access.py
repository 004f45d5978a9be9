"""Who may build and edit packs, and see their counts.

- Clearinghouse staff (accounts.decorators.is_staff_member): every pack, including the clearinghouse's own
  (packs with no agency).
- A professional (an active, signed-in user with an AgencyMember row that has not been removed): the packs
  of their own agency or agencies, and no others.
- Anyone else signed in: refused (403). Anonymous visitors: sent to sign in and brought back.

The public pack page, short link, handouts and QR code need no sign-in."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from twoworlds.accounts.decorators import is_staff_member
from twoworlds.accounts.services import agencies_of

from .models import Pack
from .services import get_pack


def can_build(user):
    return is_staff_member(user) or agencies_of(user).exists()


def can_manage(user, pack):
    """May change the pack and see its counts."""
    if is_staff_member(user):
        return True
    return pack.agency_id is not None and agencies_of(user).filter(pk=pack.agency_id).exists()


def visible_packs(user):
    """The packs on a builder's list: all for staff, their own agencies' for a professional."""
    packs = Pack.objects.select_related("agency").order_by("agency__name", "title")
    if is_staff_member(user):
        return packs
    return packs.filter(agency__in=agencies_of(user))


def forbidden(request, message):
    return render(request, "core/forbidden.html", {"message": message}, status=403)


def _refuse_non_builders(request):
    if not (request.user.is_authenticated and request.user.is_active):
        return redirect_to_login(request.get_full_path(), reverse("accounts:sign_in"))
    if not can_build(request.user):
        return forbidden(
            request,
            _(
                "Information packs are made by clearinghouse staff and by professionals working for an "
                "agency (a ward, a GP practice, a social-work team). If you work for one, ask the "
                "clearinghouse to add you to your agency."
            ),
        )
    return None


def builder_required(view):
    """Staff or a professional; the view runs as usual."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        refused = _refuse_non_builders(request)
        return refused or view(request, *args, **kwargs)

    return wrapper


def pack_manager_required(view):
    """For /packs/<code>/…/: staff, or a professional of the pack's agency. The view gets the pack."""

    @wraps(view)
    def wrapper(request, code, *args, **kwargs):
        refused = _refuse_non_builders(request)
        if refused:
            return refused
        try:
            pack = get_pack(code)
        except Pack.DoesNotExist:
            raise Http404 from None
        if not can_manage(request.user, pack):
            return forbidden(
                request,
                _("Only the agency that made this pack, and clearinghouse staff, can change it."),
            )
        return view(request, pack, *args, **kwargs)

    return wrapper
