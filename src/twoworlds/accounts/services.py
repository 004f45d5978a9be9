"""Accounts: creating staff, and passwordless sign-in by emailed link.

Sign-in links: `send_sign_in_link(email)` finds or creates the person's account and emails them a link that
works once, within settings.SIGN_IN_LINK_MINUTES. Only a SHA-256 hash of the link's token is stored, so a
copy of the database cannot be used to sign in. The response is the same whether or not the address
already had an account.
"""

import hashlib
import logging
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as Role
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from .emails import send_templated_email
from .models import SignInLink
from .roles import ADMINISTRATOR, EDITOR, ensure_roles

log = logging.getLogger(__name__)

NEXT_URL_MAX_LENGTH = SignInLink._meta.get_field("next_url").max_length


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


# --- people and their email addresses -------------------------------------------------------------------


def normalise_email(email):
    """How addresses are compared and stored: surrounding space removed, lower case."""
    return (email or "").strip().lower()


def user_for_email(email):
    """The account with this email address (any case), or None. The oldest one if, unusually, several share
    it (staff accounts made by hand may)."""
    email = normalise_email(email)
    if not email:
        return None
    return get_user_model().objects.filter(email__iexact=email).order_by("pk").first()


def _username_base(email):
    local = email.split("@", 1)[0]
    return re.sub(r"[^\w.+-]", "", local)[:140] or "person"


def _free_username(base):
    User = get_user_model()
    taken = {
        name.lower()
        for name in User.objects.filter(username__istartswith=base).values_list("username", flat=True)
    }
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def get_or_create_user_for_email(email):
    """(user, created): the account with this address, or a new one with no password (they sign in by
    link until they choose a password). Its username comes from the address and is unique."""
    email = normalise_email(email)
    if not email:
        raise ValueError("An email address is needed.")
    user = user_for_email(email)
    if user is not None:
        return user, False
    User = get_user_model()
    base = _username_base(email)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                user = User(username=_free_username(base), email=email)
                user.set_unusable_password()
                user.save()
            return user, True
        except IntegrityError:
            # Someone took that username between the check and the save: look again.
            existing = user_for_email(email)
            if existing is not None:
                return existing, False
    raise RuntimeError(f"Could not find a free username for {base!r}")


# --- safe places to go after signing in -----------------------------------------------------------------


def safe_next_url(url, request=None):
    """`url` if it is a path on this site (or, given a request, a URL on this request's host); else "".

    Stops open redirects: "//evil.example", "https://evil.example/", "javascript:…" all give "".
    """
    url = (url or "").strip()
    if not url or len(url) > NEXT_URL_MAX_LENGTH:
        return ""
    allowed_hosts = {request.get_host()} if request is not None else set()
    require_https = request.is_secure() if request is not None else False
    if url_has_allowed_host_and_scheme(url, allowed_hosts=allowed_hosts, require_https=require_https):
        return url
    return ""


def _local_path(url):
    """Only a plain path on this site is stored with a link (the link may be opened on another host name)."""
    url = safe_next_url(url)
    return url if url.startswith("/") and not url.startswith("//") else ""


# --- sign-in links --------------------------------------------------------------------------------------


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in_link(user, next_url=""):
    """Make a one-time sign-in link for `user`; returns its path, /account/sign-in/<token>/.

    The token itself is never stored (only its SHA-256), so this is the only time it can be read."""
    token = secrets.token_urlsafe(32)
    SignInLink.objects.create(
        user=user,
        token_hash=_token_hash(token),
        next_url=_local_path(next_url),
        expires_at=timezone.now() + timedelta(minutes=settings.SIGN_IN_LINK_MINUTES),
    )
    return reverse("accounts:use_link", args=[token])


def absolute_url(path, request=None):
    """A full URL for emails: from the request when there is one, else from settings.SITE_URL."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL.rstrip("/") + path


def send_sign_in_link(email, request=None, next_url=""):
    """Email a sign-in link to `email`, making an account for it if there is none.

    Returns nothing, and behaves the same for a known and an unknown address, so callers cannot reveal
    whether someone has an account. A deactivated account gets no link."""
    email = normalise_email(email)
    user, created = get_or_create_user_for_email(email)
    if not user.is_active:
        log.info("Sign-in link not sent: the account is deactivated.")
        return
    path = sign_in_link(user, next_url=next_url)
    send_templated_email(
        "accounts/email/sign_in_link",
        {
            "url": absolute_url(path, request),
            "minutes": settings.SIGN_IN_LINK_MINUTES,
            "new_account": created,
            "site_name": settings.SITE_NAME,
            "site_operator": settings.SITE_OPERATOR,
        },
        [email],
    )


def valid_sign_in_link(token):
    """The SignInLink for `token` if it could still be used (unused, unexpired, account active); else None.
    Does not use it up: for showing the confirmation page."""
    if not token:
        return None
    return (
        SignInLink.objects.select_related("user")
        .filter(
            token_hash=_token_hash(token),
            used_at__isnull=True,
            expires_at__gt=timezone.now(),
            user__is_active=True,
        )
        .first()
    )


def consume_sign_in_link(token):
    """Use up the link for `token` and return it (with .user and .next_url), or None if it is unknown, used,
    expired or its account deactivated. Marking it used is one atomic UPDATE, so two requests racing with
    the same link cannot both succeed."""
    if not token:
        return None
    token_hash = _token_hash(token)
    now = timezone.now()
    used = SignInLink.objects.filter(
        token_hash=token_hash, used_at__isnull=True, expires_at__gt=now, user__is_active=True
    ).update(used_at=now)
    if used != 1:
        return None
    return SignInLink.objects.select_related("user").get(token_hash=token_hash)


def use_sign_in_link(token):
    """The user the link for `token` signs in (using it up), or None if it cannot be used."""
    link = consume_sign_in_link(token)
    return link.user if link else None


def purge_expired_links():
    """Delete sign-in links past their expiry (used or not); returns how many. Safe to run at any time."""
    deleted, _ = SignInLink.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted


# --- passwords --------------------------------------------------------------------------------------------


def authenticate_by_email(request, email, password):
    """The active user with this email address and password, or None. Takes as long either way."""
    from django.contrib.auth import authenticate

    user = user_for_email(email)
    if user is None:
        # Hash the password anyway, so the time taken does not say whether the address has an account.
        get_user_model()().set_password(password)
        return None
    return authenticate(request, username=user.get_username(), password=password)


def password_changed(user, request=None):
    """Tell the person their password was set or changed (so they notice if it was not them)."""
    if not user.email:
        return
    send_templated_email(
        "accounts/email/password_changed",
        {
            "sign_in_url": absolute_url(reverse("accounts:sign_in"), request),
            "site_name": settings.SITE_NAME,
            "site_operator": settings.SITE_OPERATOR,
        },
        [user.email],
    )


def agencies_of(user):
    """The agencies this person works for now (empty for anyone who is not a professional), by name."""
    from .models import Agency

    if not (user and user.is_authenticated and user.is_active):
        return Agency.objects.none()
    current = Agency.objects.filter(members__user=user, members__removed_at__isnull=True)
    return current.distinct().order_by("name")


def is_professional(user):
    """Works for an agency (a ward, a practice, a team) now."""
    return agencies_of(user).exists()


def professionals_at(agency):
    """The people who work for this agency now (active accounts)."""
    from django.contrib.auth import get_user_model

    current = {"agency_memberships__agency": agency, "agency_memberships__removed_at__isnull": True}
    return get_user_model().objects.filter(is_active=True, **current).distinct().order_by("pk")


def agency_addresses(agency):
    """The email addresses of the agency's professionals now (removed members get nothing)."""
    from .emails import unique_addresses

    if agency is None:
        return []
    return unique_addresses(user.email for user in professionals_at(agency))


def ensure_agency(slug, name, kind="", description=""):
    """The agency with this slug, created or brought up to date (for demo data and set-up scripts)."""
    from .models import Agency

    agency, _created = Agency.objects.update_or_create(
        slug=slug, defaults={"name": name, "kind": kind, "description": description}
    )
    return agency


def add_agency_member(agency, email, job_title=""):
    """Make the person with this email a professional at the agency (creating their account if new); returns
    the user. Adding someone who already works there changes nothing."""
    from .models import AgencyMember

    user, _created = get_or_create_user_for_email(email)
    AgencyMember.objects.get_or_create(
        agency=agency, user=user, removed_at=None, defaults={"job_title": job_title}
    )
    return user
