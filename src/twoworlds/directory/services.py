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
def remove_meeting(meeting):
    """Take a meeting off its group's timetable (e.g. an importer's feed says it no longer runs)."""
    group_id = meeting.group_id
    meeting.delete()
    listing_changed(group_id)


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


# --- bulk writes for importers ----------------------------------------------------------------------------
# The same rules as the one-at-a-time functions above (slugs unique, search told of every changed listing,
# history recorded), in a few statements per batch instead of several per row: importing 100,000 services
# row by row takes an hour. Callers validate the values first (the importer checks every field it maps).


def unique_slugs(model, objects):
    """Give every object without a slug a unique one, with one query per batch (not one per row)."""
    wanted = [obj for obj in objects if not obj.slug]
    bases = {obj.pk: slugify(obj.name)[:180] or "item" for obj in wanted}
    taken = set()
    candidates = list(set(bases.values()))
    for start in range(0, len(candidates), 500):
        chunk = candidates[start : start + 500]
        taken |= set(model.objects.filter(slug__in=chunk).values_list("slug", flat=True))
    for obj in wanted:
        base = bases[obj.pk]
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        if n > 2 and model.objects.filter(slug=slug).exists():  # a suffixed slug from an earlier run
            slug = unique_slug(model, base, obj.pk)
        obj.slug = slug
        taken.add(slug)


_PREPARED_TYPES = {
    "UUIDField",
    "DateField",
    "DateTimeField",
    "TimeField",
    "JSONField",
    "DecimalField",
    "FileField",
    "ImageField",
}


def _insert_plan(model):
    """Columns, the SQL, and for each column how to prepare its value."""
    from django.db import connection

    # Auto-increment keys are left to the database (every row here is new).
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and f.get_internal_type() in ("AutoField", "BigAutoField", "SmallAutoField"))
    ]
    prepare = []
    for f in fields:
        target = f.target_field if f.is_relation else f
        needs = target.get_internal_type() in _PREPARED_TYPES or f.get_internal_type() in _PREPARED_TYPES
        stamped = getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        prepare.append((f, f.attname, needs, stamped))
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    return sql, prepare


def _execute_rows(sql, rows, batch_size):
    from django.db import connection

    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            cursor.executemany(sql, rows[start : start + batch_size])


def insert_many(model, objects, batch_size=5000):
    """INSERT unsaved instances with one executemany per batch. bulk_create compiles every value through
    the ORM and, on SQLite, splits a batch into INSERTs of 999 parameters; this prepares only the values
    that need it (UUIDs, dates, times, JSON) and sends plain rows. auto_now/auto_now_add fields are set."""
    if not objects:
        return
    from django.utils import timezone

    now = timezone.now()
    _, prepare = _insert_plan(model)
    rows = []
    for obj in objects:
        for _field, attname, _needs, stamped in prepare:
            if stamped and getattr(obj, attname) is None:
                setattr(obj, attname, now)
        rows.append({attname: getattr(obj, attname) for _field, attname, _needs, _stamped in prepare})
    insert_rows(model, rows, batch_size)
    for obj in objects:
        obj._state.adding = False
        obj._state.db = model.objects.db


def insert_rows(model, rows, batch_size=5000):
    """INSERT rows given as dicts of attribute names (e.g. `group_id`) without making model instances:
    missing values take the field's default; auto_now/auto_now_add fields are set. For link rows
    (many-to-many, provenance) written by the thousand."""
    if not rows:
        return
    from django.db import connections
    from django.utils import timezone

    # The real connection, not the thread-local proxy: it is passed for every value below.
    connection = connections[model.objects.db]
    now = timezone.now()
    sql, prepare = _insert_plan(model)
    prepared = []
    for data in rows:
        row = []
        for field, attname, needs, stamped in prepare:
            if attname in data:
                value = data[attname]
            else:
                value = now if stamped else field.get_default()
            row.append(field.get_db_prep_save(value, connection) if needs and value is not None else value)
        prepared.append(row)
    _execute_rows(sql, prepared, batch_size)


def _bulk_upsert(model, created, updated, fields=None, batch_size=1000):
    """Insert `created`; write `fields` (default: every field but the slug and timestamps) of `updated`,
    so that what the caller does not set (e.g. a charity number staff entered) is left as it is."""
    from django.utils import timezone

    unique_slugs(model, created) if hasattr(model, "slug") else None
    insert_many(model, created)
    if updated:
        now = timezone.now()
        names = (
            list(fields)
            if fields is not None
            else [
                f.attname
                for f in model._meta.concrete_fields
                if not f.primary_key and f.attname not in ("slug", "created_at", "updated_at")
            ]
        )
        for obj in updated:
            obj.updated_at = now
        model.objects.bulk_update(updated, [*names, "updated_at"], batch_size=batch_size)


@transaction.atomic
def import_organisations_bulk(created, updated, fields=None, batch_size=1000):
    """Create and update many organisations (instances with every field set; slugs made for new ones)."""
    _bulk_upsert(Organisation, created, updated, fields, batch_size)
    if updated:
        listing_changed(
            *Group.objects.filter(organisation__in=[o.pk for o in updated]).values_list("pk", flat=True)
        )


@transaction.atomic
def import_venues_bulk(created, updated, fields=None, batch_size=1000):
    """Create and update many venues; a member's home never has a public address (as Venue.save says), and
    an update never makes a venue less private than it is here (a member's home stays one; an address shown
    on request or hidden stays so)."""
    from .models import Meeting, Venue, normalise_postcode

    if updated:
        order = [Venue.Disclosure.PUBLIC, Venue.Disclosure.ON_REQUEST, Venue.Disclosure.HIDDEN]
        here = dict(
            (pk, (home, disclosure))
            for pk, home, disclosure in Venue.objects.filter(pk__in=[v.pk for v in updated]).values_list(
                "pk", "is_members_home", "address_disclosure"
            )
        )
        for venue in updated:
            home, disclosure = here.get(venue.pk, (False, Venue.Disclosure.PUBLIC))
            venue.is_members_home = venue.is_members_home or home
            if order.index(disclosure) > order.index(venue.address_disclosure):
                venue.address_disclosure = disclosure
        if fields is not None:
            fields = list(dict.fromkeys([*fields, "is_members_home", "address_disclosure"]))

    for venue in [*created, *updated]:
        venue.postcode = normalise_postcode(venue.postcode)
        if venue.is_members_home and venue.address_disclosure == Venue.Disclosure.PUBLIC:
            venue.address_disclosure = Venue.Disclosure.ON_REQUEST
    _bulk_upsert(Venue, created, updated, fields, batch_size)
    if updated:
        listing_changed(
            *Meeting.objects.filter(venue__in=[v.pk for v in updated]).values_list("group_id", flat=True)
        )


@transaction.atomic
def import_listings_bulk(
    *, created, updated, fields, categories, languages, meetings, routes, batch_size=1000
):
    """Create and update many groups with their categories, languages, meetings and contact routes.

    `created`/`updated` are Group instances (updated ones need only their pk and `fields`); `categories`,
    `languages`: {group pk: [pks]}; `meetings`, `routes`: {group pk: [dicts of field values, ids
    included]} that replace the group's own. Every group is announced to search through listing_changed()."""
    from .models import ContactRoute, Meeting

    unique_slugs(Group, created)
    insert_many(Group, created)
    if updated:
        Group.objects.bulk_update(updated, [*fields, "updated_at"], batch_size=batch_size)
        old = [g.pk for g in updated]
        for start in range(0, len(old), 500):
            chunk = old[start : start + 500]
            Meeting.objects.filter(group_id__in=chunk).delete()
            ContactRoute.objects.filter(group_id__in=chunk).delete()
            Group.categories.through.objects.filter(group_id__in=chunk).delete()
            Group.languages.through.objects.filter(group_id__in=chunk).delete()
    insert_rows(
        Group.categories.through,
        [{"group_id": g, "category_id": c} for g, cs in categories.items() for c in cs],
    )
    insert_rows(
        Group.languages.through,
        [{"group_id": g, "language_id": lang} for g, ls in languages.items() for lang in ls],
    )
    insert_rows(Meeting, [m for ms in meetings.values() for m in ms])
    insert_rows(ContactRoute, [r for rs in routes.values() for r in rs])
    listing_changed(*[g.pk for g in created], *[g.pk for g in updated])


def note_imported_listings(changes, *, reason, actor=None):
    """History for listings an import wrote: `changes` is [(group, before snapshot or None, after)].
    Announced once for the batch as listings_saved (source "import"); where nothing listens to that,
    as listing_saved per group, as apply_snapshot does for one listing."""
    from .signals import listing_saved, listings_saved

    if not changes:
        return
    if listings_saved.has_listeners(Group):
        listings_saved.send(sender=Group, changes=changes, actor=actor, source="import", reason=reason)
        return
    for group, before, after in changes:
        listing_saved.send(
            sender=Group,
            group=group,
            before=before,
            after=after,
            actor=actor,
            source="import",
            reason=reason,
        )


@transaction.atomic
def add_category_bulk(group_ids, category_id):
    """Give these groups one more category (e.g. staff mapped an imported taxonomy term to it)."""
    through = Group.categories.through
    through.objects.bulk_create(
        [through(group_id=gid, category_id=category_id) for gid in group_ids], ignore_conflicts=True
    )
    listing_changed(*group_ids)
