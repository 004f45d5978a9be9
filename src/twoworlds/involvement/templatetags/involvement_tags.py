"""What the group's page offers a professional: asking to attend, proposing a role, or the group's firm no."""

from django import template

from twoworlds.accounts.services import is_professional

from .. import services

register = template.Library()


@register.simple_tag
def involvement_offer(group, user):
    if not is_professional(user) or group.status == group.Status.CLOSED:
        return {"professional": False}
    roles = services.allows_roles(group)
    return {"professional": True, "roles": roles, "guests": roles and services.allows_guests(group)}
