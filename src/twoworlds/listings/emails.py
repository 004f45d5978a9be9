"""Emails about listings, through Django's mail framework (plain text, templates in
listings/templates/listings/email/). Each message goes to one person, so nobody sees anyone else's address,
and carries no one else's personal details: staff get a link to the queue, not the details."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from twoworlds.accounts.emails import unique_addresses

log = logging.getLogger(__name__)


def absolute(name, *args):
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def staff_addresses():
    """settings.STAFF_EMAILS (a shared inbox, say) and every active staff member with an email address."""
    from .access import STAFF_ROLES

    configured = getattr(settings, "STAFF_EMAILS", None) or []
    if isinstance(configured, str):
        configured = configured.split(",")
    people = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=STAFF_ROLES))
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return unique_addresses([*configured, *people])


def send(template, subject, recipients, context):
    """One message per recipient. A failure to send is logged, never lost silently, and never undoes the
    decision it reports (that is already saved)."""
    recipients = unique_addresses(recipients)
    if not recipients:
        return 0
    body = render_to_string(
        f"listings/email/{template}.txt",
        {
            "site_name": settings.SITE_NAME,
            "site_operator": settings.SITE_OPERATOR,
            "site_url": settings.SITE_URL.rstrip("/"),
            **context,
        },
    )
    messages = [EmailMessage(subject, body, to=[address]) for address in recipients]
    try:
        return get_connection().send_messages(messages)
    except Exception:  # noqa: BLE001 - mail trouble must not turn a saved decision into an error page
        log.exception("Could not send %s to %d recipient(s)", template, len(recipients))
        return 0


def contact_added(contact):
    group = contact.group
    send(
        "contact_added",
        _("You can now keep %(group)s's listing up to date") % {"group": group.name},
        [contact.user.email],
        {"group": group, "my_groups_url": absolute("listings:my_groups")},
    )


def claim_received(claim):
    send(
        "claim_received",
        _("A claim for %(group)s is waiting") % {"group": claim.group.name},
        staff_addresses(),
        {"group": claim.group, "queue_url": absolute("listings_staff:claim", claim.pk)},
    )


def claim_decided(claim):
    approved = claim.status == "approved"
    subject = (
        _("You now look after %(group)s's listing")
        if approved
        else _("Your claim for %(group)s was returned")
    ) % {"group": claim.group.name}
    send(
        "claim_decided",
        subject,
        [claim.user.email],
        {
            "claim": claim,
            "group": claim.group,
            "approved": approved,
            "edit_url": absolute("listings:edit", claim.group.slug),
            "my_groups_url": absolute("listings:my_groups"),
        },
    )


def change_waiting(change):
    name = change.group.name if change.group_id else change.proposal.get("name", "")
    subject = (
        _("A new group is waiting to be checked: %(group)s")
        if change.kind == "new_group"
        else _("A change to %(group)s is waiting to be checked")
    ) % {"group": name}
    send(
        "change_waiting",
        subject,
        staff_addresses(),
        {"change": change, "name": name, "queue_url": absolute("listings_staff:change", change.pk)},
    )


def submission_received(change):
    send(
        "submission_received",
        _("Thank you: we have received %(group)s") % {"group": change.proposal.get("name", "")},
        [change.submitter_email],
        {"change": change, "name": change.proposal.get("name", "")},
    )


def change_decided(change):
    approved = change.status == "approved"
    name = change.group.name if change.group_id else change.proposal.get("name", "")
    context = {
        "change": change,
        "name": name,
        "approved": approved,
        "group_url": absolute("directory:group", change.group.slug) if change.group_id else "",
        "my_groups_url": absolute("listings:my_groups"),
    }
    if change.kind == "new_group":
        subject = (
            _("%(group)s is now listed") if approved else _("Your listing for %(group)s was returned")
        ) % {"group": name}
        context["looks_after"] = (change.proposal.get("_submission") or {}).get("looks_after", False)
        send("submission_decided", subject, [change.submitter_email], context)
    else:
        subject = (
            _("Your change to %(group)s is published")
            if approved
            else _("Your change to %(group)s was returned")
        ) % {"group": name}
        from .services import contact_addresses

        send("change_decided", subject, contact_addresses(change.group), context)


def report_received(report):
    from .services import contact_addresses

    group = report.group
    send(
        "report_to_group",
        _("Someone says %(group)s's listing needs changing") % {"group": group.name},
        contact_addresses(group),
        {"report": report, "group": group, "edit_url": absolute("listings:edit", group.slug)},
    )
    send(
        "report_to_staff",
        _("A report of a change to %(group)s") % {"group": group.name},
        staff_addresses(),
        {"report": report, "group": group, "queue_url": absolute("listings_staff:report", report.pk)},
    )
