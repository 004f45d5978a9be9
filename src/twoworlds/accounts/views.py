"""Signing in and out: an emailed link (no password to remember), or a password for people who set one.

Every POST to a sign-in form is counted per IP address and per email address (both counters go up, so
neither can be dodged by varying the other); over the limit the 429 page is shown instead.
"""

import logging
from functools import wraps

from django.conf import settings
from django.contrib.auth import login, logout, update_session_auth_hash
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from twoworlds.core.views import rate_limited

from . import services
from .decorators import sign_in_required
from .forms import ChoosePasswordForm, PasswordSignInForm, SignInLinkForm

log = logging.getLogger(__name__)

SIGN_IN_LINK_RATE = "5/m"
PASSWORD_SIGN_IN_RATE = "10/m"  # as the staff sign-in page (core.admin_site)
AFTER_SIGN_IN = "/my-groups/"
BACKEND = "django.contrib.auth.backends.ModelBackend"


def email_key(group, request):
    """The rate-limit key for the address typed in (normalised, so "Jo@X.org " counts as "jo@x.org")."""
    return services.normalise_email(request.POST.get("email"))


def limit_posts(name, rate):
    """Count every POST per IP address and per email address; over either limit, the 429 page instead.
    (RatelimitMiddleware is not installed, so the decorators do not block: this checks request.limited.)"""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if getattr(request, "limited", False):
                log.warning("%s: POSTs over the limit; refused with 429.", name)
                return rate_limited(request)
            return view(request, *args, **kwargs)

        checked = ratelimit(group=f"{name}:email", key=email_key, rate=rate, method="POST", block=False)(
            checked
        )
        return ratelimit(group=f"{name}:ip", key="ip", rate=rate, method="POST", block=False)(checked)

    return decorator


def _next(request):
    """The safe place to go afterwards, from ?next= or the form's hidden field; "" if none or unsafe."""
    return services.safe_next_url(request.POST.get("next") or request.GET.get("next") or "", request)


def _sign_in(request, user, next_url):
    login(request, user, backend=BACKEND)
    return redirect(services.safe_next_url(next_url, request) or AFTER_SIGN_IN)


@never_cache
@require_http_methods(["GET", "POST"])
@limit_posts("sign-in-link", SIGN_IN_LINK_RATE)
def sign_in(request):
    """Ask for a sign-in link by email."""
    next_url = _next(request)
    if request.method == "POST":
        form = SignInLinkForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"]
            services.send_sign_in_link(email, request=request, next_url=next_url)
            # The same page whether or not the address had an account.
            return render(
                request,
                "accounts/sign_in_sent.html",
                {"email": email, "minutes": settings.SIGN_IN_LINK_MINUTES, "next": next_url},
            )
    else:
        form = SignInLinkForm(initial={"next": next_url})
    return render(
        request,
        "accounts/sign_in.html",
        {"form": form, "next": next_url, "minutes": settings.SIGN_IN_LINK_MINUTES},
    )


def _link_gone(request):
    return render(
        request,
        "accounts/link_invalid.html",
        {"minutes": settings.SIGN_IN_LINK_MINUTES},
        status=410,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def use_link(request, token):
    """GET shows a "Sign in" button and leaves the link unused (mail scanners open links); POST uses it."""
    if request.method == "POST":
        link = services.consume_sign_in_link(token)
        if link is None:
            return _link_gone(request)
        return _sign_in(request, link.user, link.next_url)
    link = services.valid_sign_in_link(token)
    if link is None:
        return _link_gone(request)
    return render(request, "accounts/use_link.html", {"link_user": link.user})


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
@limit_posts("password-sign-in", PASSWORD_SIGN_IN_RATE)
def password_sign_in(request):
    """Email address and password, for people who chose a password."""
    next_url = _next(request)
    if request.method == "POST":
        form = PasswordSignInForm(request.POST, request=request)
        if form.is_valid():
            return _sign_in(request, form.user, next_url)
    else:
        form = PasswordSignInForm(initial={"next": next_url})
    return render(request, "accounts/password_sign_in.html", {"form": form, "next": next_url})


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
@sign_in_required
def set_password(request):
    """Set a password (or change it), for people who would rather use one than an emailed link."""
    user = request.user
    had_password = user.has_usable_password()
    if request.method == "POST":
        form = ChoosePasswordForm(user, request.POST)
        if form.is_valid():
            form.save()
            update_session_auth_hash(request, user)  # stay signed in here; other sessions are signed out
            services.password_changed(user, request)
            return render(
                request,
                "accounts/password_set.html",
                {"had_password": had_password},
            )
    else:
        form = ChoosePasswordForm(user)
    return render(request, "accounts/set_password.html", {"form": form, "had_password": had_password})


@never_cache
@require_http_methods(["GET", "POST"])
def sign_out(request):
    """POST signs out (a GET could be triggered by any page linking here); GET shows the button."""
    if request.method == "POST":
        logout(request)
        return redirect("directory:home")
    return render(request, "accounts/sign_out.html")
