"""For pages outside this app: whether a group takes requests to get in touch, and how many are waiting."""

from django import template

from twoworlds.contact import services

register = template.Library()


@register.simple_tag
def contact_offer(group, user=None):
    """{% contact_offer group user as offer %}: offer.can_ask (the form is offered on the group's page) and
    offer.professional (the signed-in person may put someone in touch on their behalf)."""
    can_ask = services.can_ask(group)
    return {"can_ask": can_ask, "professional": can_ask and services.is_professional(user)}


@register.simple_tag
def open_requests(group):
    """{% open_requests group as waiting %}: requests to the group nobody has marked as done yet."""
    return services.open_count(group)
