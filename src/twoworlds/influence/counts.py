"""Small numbers are never shown in a way that could identify a member: below SMALL_COUNT a count is shown as
"fewer than 5", in every page and every email. Use `describe_count` (Python) or `|small_count` (templates);
never print a member count directly."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

SMALL_COUNT = 5


def describe_count(number, zero=None):
    """ "fewer than 5" for 1 to 4; the number itself from 5; `zero` (default "none") for 0; "" for None."""
    if number is None:
        return ""
    if number <= 0:
        return zero if zero is not None else _("none")
    if number < SMALL_COUNT:
        return ngettext("fewer than %(n)d", "fewer than %(n)d", SMALL_COUNT) % {"n": SMALL_COUNT}
    return str(number)
