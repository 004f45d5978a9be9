"""Packs: working out which groups a pack shows (always from the live directory), short codes, saving a
pack's choices, and counting opens and prints (counts only)."""

import secrets

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.text import slugify

from twoworlds.directory import queries as directory
from twoworlds.search.services import Filters, find_groups

from .models import CODE_ALPHABET, CODE_LENGTH, Pack, PackEvent, PackGroup

PICKED, MATCHED, NATIONAL = "picked", "matched", "national"


def pack_groups(pack):
    """The groups the pack shows now, each marked with `pack_source` (picked, matched or national):

    1. the picked groups, in the pack's order, leaving out any that have closed or lapsed;
    2. then every current group that matches a rule (each of the pack's issues, near its place, within its
       distance), in search order, without repeats;
    3. then, when the pack includes them, the national organisations for those issues.

    Nothing is cached in the pack: a change to a listing shows in the pack at once."""
    picked_ids = list(pack.picks.order_by("position", "pk").values_list("group_id", flat=True))
    chosen = [(gid, PICKED) for gid in picked_ids]
    seen = set(picked_ids)
    national = []
    for category in pack.categories.all():
        outcome = find_groups("", Filters(category=category.slug, near=pack.near, distance=pack.distance))
        for hit in outcome.hits:
            if hit.group_id not in seen:
                seen.add(hit.group_id)
                chosen.append((hit.group_id, MATCHED))
        if pack.include_national:
            national += [hit.group_id for hit in outcome.national]
    for group_id in national:
        if group_id not in seen:
            seen.add(group_id)
            chosen.append((group_id, NATIONAL))

    sources = dict(chosen)
    groups = directory.groups_by_ids([gid for gid, _ in chosen])
    current = []
    for group in groups:
        if group.is_listed:  # the live listing decides, whatever the search index last saw
            group.pack_source = sources[group.pk]
            current.append(group)
    return current


# --- short codes ------------------------------------------------------------------------------------------


def new_code(length=CODE_LENGTH):
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(text):
    return (text or "").strip().upper()


def get_pack(code):
    """The pack with this short code (typed in any case), or Pack.DoesNotExist."""
    return Pack.objects.select_related("agency").get(code=normalise_code(code))


@transaction.atomic
def _insert_with_code(pack):
    pack.save(force_insert=True)


def create_pack(pack, *, attempts=20):
    """Save a new pack with a fresh short code that no other pack has. Codes are random (about 600 million
    of six characters); on the rare clash a new one is drawn, and after a few clashes the code grows."""
    if not pack.slug:
        pack.slug = slugify(pack.title)[:120] or "pack"
    for attempt in range(attempts):
        length = CODE_LENGTH + min(2, attempt // 5)
        pack.code = new_code(length)
        if Pack.objects.filter(code=pack.code).exists():
            continue
        try:
            _insert_with_code(pack)
        except IntegrityError:
            if Pack.objects.filter(code=pack.code).exists():
                pack.pk = None
                continue
            raise
        return pack
    raise RuntimeError("Could not find an unused short code for the pack")


@transaction.atomic
def save_pack(pack, *, picked, categories):
    """Save a pack (a new one gets its short code) with its picked groups, in order (those already picked
    keep their place, new ones go at the end), and its rule categories."""
    pack.slug = slugify(pack.title)[:120] or "pack"
    if pack.pk is None:
        create_pack(pack)
    else:
        pack.save()
    wanted = list(dict.fromkeys(picked))
    existing = {pick.group_id: pick for pick in pack.picks.all()}
    pack.picks.exclude(group__in=wanted).delete()
    kept = sorted((existing[g.pk] for g in wanted if g.pk in existing), key=lambda p: (p.position, p.pk))
    order = [pick.group_id for pick in kept] + [g.pk for g in wanted if g.pk not in existing]
    for position, group_id in enumerate(order):
        PackGroup.objects.update_or_create(pack=pack, group_id=group_id, defaults={"position": position})
    pack.categories.set(categories)
    return pack


@transaction.atomic
def move_pick(pack, group_id, step):
    """Move a picked group up (step -1) or down (step +1) in the pack's order."""
    picks = list(pack.picks.order_by("position", "pk"))
    index = next((i for i, pick in enumerate(picks) if str(pick.group_id) == str(group_id)), None)
    if index is None:
        return False
    target = index + step
    if not 0 <= target < len(picks):
        return False
    picks[index], picks[target] = picks[target], picks[index]
    for position, pick in enumerate(picks):
        if pick.position != position:
            pick.position = position
            pick.save(update_fields=["position"])
    return True


# --- counts -----------------------------------------------------------------------------------------------


def record(pack, kind):
    """Add one to today's count of `kind` for the pack. Nothing else is stored: no person, address or
    browser."""
    day = timezone.localdate()
    counts = PackEvent.objects.filter(pack=pack, kind=kind, day=day)
    if counts.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            PackEvent.objects.create(pack=pack, kind=kind, day=day, count=1)
    except IntegrityError:  # someone else created today's row first
        counts.update(count=F("count") + 1)


def totals(packs):
    """{pack id: {kind: total}} over all days, for the packs given."""
    ids = [pack.pk for pack in packs]
    found = {pid: dict.fromkeys(PackEvent.Kind.values, 0) for pid in ids}
    rows = PackEvent.objects.filter(pack_id__in=ids).values("pack_id", "kind").annotate(total=Sum("count"))
    for row in rows:
        found[row["pack_id"]][row["kind"]] = row["total"]
    return found


def qr_target(short_url):
    """What the printed QR code opens: the short link, marked so that visits from paper can be counted."""
    return f"{short_url}?qr"
