"""For pages outside this app: a group's terms for professionals, and what the signed-in person may do."""

from django import template

from twoworlds.accounts.decorators import is_staff_member
from twoworlds.accounts.services import is_professional
from twoworlds.listings.services import is_contact

from .. import queries

register = template.Library()


@register.simple_tag
def group_terms_for(group, user=None):
    """{% group_terms_for group user as relations %}: relations.terms (None if not set), relations.may_edit
    (the person looks after the group, or is staff), relations.professional (may invite or offer)."""
    signed_in = bool(user and user.is_authenticated)
    return {
        "terms": queries.group_terms(group),
        "may_edit": signed_in and (is_contact(user, group) or is_staff_member(user)),
        "professional": signed_in and is_professional(user),
    }


@register.filter
def works_with_groups(user):
    """{% if user|works_with_groups %}: looks after a group or works for an agency (has a "Working together"
    page)."""
    from twoworlds.listings.services import groups_looked_after_by

    if not (user and user.is_authenticated):
        return False
    return is_professional(user) or groups_looked_after_by(user).exists()
