from django import template

from .. import presenters

register = template.Library()


@register.filter
def who_can_come(group):
    return presenters.who_can_come(group)


@register.filter
def formats(group):
    return presenters.formats(group)


@register.filter
def venue_lines(venue):
    return presenters.venue_lines(venue)


@register.simple_tag
def freshness(group):
    return presenters.listing_freshness(group)
