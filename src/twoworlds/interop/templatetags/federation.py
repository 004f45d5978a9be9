"""`{% group_sources group as sources %}`: the sources that list a group, for staff only (others get [])."""

from django import template

from twoworlds.accounts.decorators import is_staff_member

from ..federation import sources_of

register = template.Library()


@register.simple_tag(takes_context=True)
def group_sources(context, group):
    request = context.get("request")
    if request is None or not is_staff_member(request.user):
        return []
    return sources_of(group)
