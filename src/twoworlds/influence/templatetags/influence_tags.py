from django import template

from ..counts import describe_count

register = template.Library()


@register.filter
def small_count(number):
    """A count as it may be shown: "fewer than 5" for 1 to 4 (see counts.py)."""
    return describe_count(number)
