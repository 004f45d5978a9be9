"""Emails for every step of an arrangement, to the other side. One template (relations/email/notice): each
step gives its subject, its paragraphs and the page to open; the page itself needs signing in, and emails
never carry more than the step needs."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from twoworlds.accounts.emails import send_templated_email
from twoworlds.accounts.services import absolute_url
from twoworlds.listings.services import active_contacts

log = logging.getLogger(__name__)


def _unique(addresses):
    seen, result = set(), []
    for address in addresses:
        key = (address or "").strip().lower()
        if key and key not in seen:
            seen.add(key)
            result.append(address.strip())
    return result


def group_addresses(group):
    """The people who look after the group now."""
    return _unique(c.user.email for c in active_contacts(group) if c.user.is_active)


def agency_addresses(agency):
    """The agency's professionals now (a read of accounts' memberships; removed members get nothing)."""
    if agency is None:
        return []
    users = get_user_model().objects.filter(
        is_active=True, agency_memberships__agency=agency, agency_memberships__removed_at__isnull=True
    )
    return _unique(users.values_list("email", flat=True))


def user_addresses(*users):
    return _unique(u.email for u in users if u is not None and u.is_active)


def notify(to, subject, paragraphs, path, *, link_text=""):
    """Send one step's email after the transaction commits (nothing is sent for a change rolled back)."""
    to = _unique(to)
    if not to:
        log.info("Relations email not sent: nobody to tell (%s).", path)
        return
    context = {
        "subject": str(subject),
        "paragraphs": [str(p) for p in paragraphs],
        "url": absolute_url(path) if path else "",
        "link_text": str(link_text),
        "site_name": settings.SITE_NAME,
        "site_operator": settings.SITE_OPERATOR,
    }
    transaction.on_commit(lambda: send_templated_email("relations/email/notice", context, to))
