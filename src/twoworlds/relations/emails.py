"""Emails for every step of an arrangement, to the other side. One template (relations/email/notice): each
step gives its subject, its paragraphs and the page to open; the page itself needs signing in, and emails
never carry more than the step needs."""

import logging

from django.conf import settings
from django.db import transaction

from twoworlds.accounts.emails import send_templated_email, unique_addresses
from twoworlds.accounts.services import absolute_url

log = logging.getLogger(__name__)


def user_addresses(*users):
    return unique_addresses(u.email for u in users if u is not None and u.is_active)


def notify(to, subject, paragraphs, path, *, link_text=""):
    """Send one step's email after the transaction commits (nothing is sent for a change rolled back)."""
    to = unique_addresses(to)
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
