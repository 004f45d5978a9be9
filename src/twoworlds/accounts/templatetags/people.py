from django import template

from ..services import is_professional as _is_professional

register = template.Library()


@register.filter
def is_professional(user):
    return _is_professional(user)
