"""Writes to the directory. One write path per concept: the admin, the importers and (later) the groups'
own edit forms and the moderation queue all change a group through these functions, so that history,
moderation and the search index stay consistent whoever made the change."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.utils.text import slugify

from .models import Group, Organisation

log = logging.getLogger(__name__)


def unique_slug(model, text, instance_id=None):
    base = slugify(text)[:180] or "item"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exclude(pk=instance_id).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


_deferred = ContextVar("deferred_listing_changes", default=None)


@contextmanager
def deferred_indexing():
    """For bulk writers (demo data, importers): collect the ids of changed groups instead of indexing each
    change; the caller indexes them once (e.g. `search.services.index_groups(changed)` or a rebuild)."""
    changed = set()
    token = _deferred.set(changed)
    try:
        yield changed
    finally:
        _deferred.reset(token)


def listing_changed(*group_ids):
    """Tell search (after the transaction commits) that these groups' listings changed."""
    from twoworlds.search.services import index_groups

    ids = [gid for gid in group_ids if gid]
    collecting = _deferred.get()
    if collecting is not None:
        collecting.update(ids)
    elif ids:
        transaction.on_commit(lambda: index_groups(ids))


@transaction.atomic
def save_group(group, *, categories=None, languages=None, validate=True):
    """Create or update a group (its own fields, and optionally its categories and languages)."""
    if not group.slug:
        group.slug = unique_slug(Group, group.name, group.pk)
    if validate:
        group.full_clean(exclude=["categories", "languages"])
    group.save()
    if categories is not None:
        group.categories.set(categories)
    if languages is not None:
        group.languages.set(languages)
    listing_changed(group.pk)
    return group


@transaction.atomic
def save_organisation(organisation, *, validate=True):
    if not organisation.slug:
        organisation.slug = unique_slug(Organisation, organisation.name, organisation.pk)
    if validate:
        organisation.full_clean()
    organisation.save()
    listing_changed(*organisation.groups.values_list("pk", flat=True))
    return organisation


@transaction.atomic
def save_venue(venue, *, validate=True):
    """A venue is shared by every group meeting there: all of their listings change with it."""
    if validate:
        venue.full_clean()
    venue.save()
    listing_changed(*Group.objects.filter(meetings__venue=venue).values_list("pk", flat=True).distinct())
    return venue


@transaction.atomic
def save_meeting(meeting, *, validate=True):
    if validate:
        meeting.full_clean()
    meeting.save()
    listing_changed(meeting.group_id)
    return meeting


@transaction.atomic
def save_contact_route(route, *, validate=True):
    if validate:
        route.full_clean()
    route.save()
    listing_changed(route.group_id)
    return route


def lapse_group(group):
    """Take a listing nobody confirmed out of search (its page stays reachable, marked). Returns False when
    it had already lapsed, so that overlapping runs of the scheduler act once."""
    from django.utils import timezone

    changed = Group.objects.filter(pk=group.pk, lapsed=False).update(lapsed=True, updated_at=timezone.now())
    if changed:
        group.lapsed = True
        listing_changed(group.pk)
    return bool(changed)


def confirm_group(group, on=None, *, actor=None, reason=""):
    """The group (or staff on its behalf) says the details are still right: the confirmed date moves on and
    a listing that had lapsed out of search comes back. Announced as `listing_confirmed` (history)."""
    from django.utils import timezone

    from .signals import listing_confirmed

    group.last_confirmed = on or timezone.localdate()
    group.lapsed = False
    group.save(update_fields=["last_confirmed", "lapsed", "updated_at"])
    listing_changed(group.pk)
    listing_confirmed.send(sender=Group, group=group, on=group.last_confirmed, actor=actor, reason=reason)
    return group
