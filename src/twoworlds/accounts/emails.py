"""Plain-text emails from templates: `<prefix>_subject.txt` (one line) and `<prefix>.txt` (the body)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string


def unique_addresses(addresses):
    """Email addresses without blanks or repeats (compared case-insensitively), in the order given."""
    seen, result = set(), []
    for address in addresses:
        address = (address or "").strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            result.append(address)
    return result


def render_email(template_prefix, context):
    """(subject, body) rendered from the two templates; the subject is squeezed onto one line."""
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}.txt", context).strip() + "\n"
    return subject, body


def send_templated_email(template_prefix, context, to, *, reply_to=None, fail_silently=False):
    """Send a plain-text email through Django's mail framework (the file backend in the demo: see README)."""
    subject, body = render_email(template_prefix, context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=reply_to,
        # Automatic mail: out-of-office replies should not answer it (RFC 3834).
        headers={"Auto-Submitted": "auto-generated"},
    )
    return message.send(fail_silently=fail_silently)
