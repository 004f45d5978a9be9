"""The staff sign-in page is rate limited, so passwords cannot be guessed at speed.

Attempts are counted per IP address and per username (whichever runs out first), in the shared cache, so
the limit holds across worker processes. Over the limit the RATELIMIT_VIEW page (429) is shown instead of
the form. `protect_login(admin.site)` is called when the admin modules load (see accounts/admin.py).
"""

import logging
from functools import wraps

from django.conf import settings
from django.utils.module_loading import import_string
from django_ratelimit.core import is_ratelimited

log = logging.getLogger(__name__)

LOGIN_RATE = "10/m"


def _username(group, request):
    return (request.POST.get("username") or "").strip().lower()


def login_is_rate_limited(request):
    """Count this sign-in attempt; True when its IP address or its username has tried too often."""
    limited = False
    for key in ("ip", _username):
        # Both counters go up on every attempt, so neither can be dodged by varying the other.
        limited |= is_ratelimited(
            request,
            group=f"staff-login:{'ip' if key == 'ip' else 'username'}",
            key=key,
            rate=LOGIN_RATE,
            method="POST",
            increment=True,
        )
    return limited


def protect_login(site):
    """Wrap `site.login` with the rate limit (once, however often this is called)."""
    login = site.login
    if getattr(login, "rate_limited", False):
        return site

    @wraps(login)
    def rate_limited_login(request, extra_context=None):
        if request.method == "POST" and login_is_rate_limited(request):
            log.warning("Staff sign-in attempts over the limit; refused with 429.")
            return import_string(settings.RATELIMIT_VIEW)(request)
        return login(request, extra_context)

    rate_limited_login.rate_limited = True
    site.login = rate_limited_login
    return site
