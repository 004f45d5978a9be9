"""Reads of the directory for other apps and for the public pages."""

import threading
import time
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from .models import Category, ContactRoute, Group, Language, Meeting, Organisation, Venue


def listed_groups():
    """Groups that appear in search: all but the closed and the lapsed ones."""
    return Group.objects.exclude(status=Group.Status.CLOSED).exclude(lapsed=True)


def groups_with_details():
    """Groups with everything a listing shows, in as few queries as possible."""
    return Group.objects.select_related("organisation").prefetch_related(
        Prefetch("categories", queryset=Category.objects.select_related("parent")),
        "languages",
        Prefetch("meetings", queryset=Meeting.objects.select_related("venue")),
        Prefetch(
            "contact_routes", queryset=ContactRoute.objects.filter(visibility=ContactRoute.Visibility.PUBLIC)
        ),
    )


def groups_by_ids(ids):
    """The groups with these ids, in the order given (search decides the order)."""
    found = {g.pk: g for g in groups_with_details().filter(pk__in=list(ids))}
    return [found[i] for i in ids if i in found]


def get_group(slug):
    return groups_with_details().get(slug=slug)


def get_group_by_id(group_id):
    return groups_with_details().get(pk=group_id)


def first_level_categories():
    """Top-level issues with how many listed groups each has (including its sub-issues)."""
    listed = listed_groups().values("pk")
    categories = list(
        Category.objects.filter(parent__isnull=True).prefetch_related(
            Prefetch(
                "children",
                queryset=Category.objects.annotate(
                    listed_count=Count("groups", filter=Q(groups__in=listed), distinct=True)
                ),
            )
        )
    )
    for category in categories:
        category.listed_count = (
            listed_groups().filter(Q(categories=category) | Q(categories__parent=category)).distinct().count()
        )
    return categories


def category_tree():
    """First-level categories with their children, for pickers (no counts, two queries)."""
    return Category.objects.filter(parent__isnull=True).prefetch_related("children")


def get_category(slug):
    return Category.objects.select_related("parent").prefetch_related("children").get(slug=slug)


def all_categories():
    return Category.objects.select_related("parent")


def all_languages():
    return Language.objects.all()


TAXONOMY_TTL = 30  # seconds another process's change to the taxonomy may take to show here


@dataclass(frozen=True)
class Taxonomy:
    categories: list  # every category, its parent loaded
    tree: list  # [(first-level category, [its children])], in the taxonomy's order
    languages: list


_taxonomy_lock = threading.Lock()
_taxonomy = {"value": None, "read_at": 0.0}


def taxonomy():
    """The issue taxonomy and the languages, for pickers and for reading queries, kept in memory: every search
    needs them and they change rarely. A change saved in this process clears them at once (signals, see
    apps.py); one saved by another process shows within TAXONOMY_TTL seconds."""
    now = time.monotonic()
    with _taxonomy_lock:
        cached = _taxonomy["value"]
        if cached is not None and now - _taxonomy["read_at"] < TAXONOMY_TTL:
            return cached
    categories = list(all_categories())  # in the taxonomy's order (position, name)
    children = {}
    for category in categories:
        if category.parent_id is not None:
            children.setdefault(category.parent_id, []).append(category)
    tree = [(c, children.get(c.pk, [])) for c in categories if c.parent_id is None]
    value = Taxonomy(categories=categories, tree=tree, languages=list(all_languages()))
    with _taxonomy_lock:
        _taxonomy.update(value=value, read_at=now)
    return value


def forget_taxonomy(**kwargs):
    with _taxonomy_lock:
        _taxonomy["value"] = None


def venue_points():
    """(postcode, town, latitude, longitude, private) for every venue with coordinates; private means
    its exact place must not be published (a member's home, or an address the group keeps back)."""
    return [
        (postcode, town, lat, lon, is_home or disclosure != Venue.Disclosure.PUBLIC)
        for postcode, town, lat, lon, is_home, disclosure in Venue.objects.exclude(latitude=None).values_list(
            "postcode", "town", "latitude", "longitude", "is_members_home", "address_disclosure"
        )
    ]


def groups_placed_at_district(district):
    """Ids of groups meeting somewhere published only as this postcode district (a member's home, or an
    address given on request): their public point is the district's centre."""
    if not district:
        return []
    area_only = Q(meetings__venue__is_members_home=True) | Q(
        meetings__venue__address_disclosure=Venue.Disclosure.ON_REQUEST
    )
    return list(
        Group.objects.filter(area_only, meetings__venue__postcode__startswith=f"{district} ")
        .values_list("pk", flat=True)
        .distinct()
    )


# --- selections of groups (the open data API's filters and the HSDS export share these) -------------------


def in_category(category):
    """Groups about this issue or one of its sub-issues."""
    return Q(categories=category) | Q(categories__parent=category)


def modified_since(moment):
    """Groups whose listing changed at or after `moment`: the group, its organisation or a venue."""
    return (
        Q(updated_at__gte=moment)
        | Q(organisation__updated_at__gte=moment)
        | Q(meetings__venue__updated_at__gte=moment)
    )


def in_batches(groups, size=500):
    """Lists of the groups of this queryset, with details, in id order, `size` at a time: walks the ids
    (keyset paging) so that memory stays the same however many groups there are."""
    last = None
    while True:
        chunk = groups.order_by("pk")
        if last is not None:
            chunk = chunk.filter(pk__gt=last)
        ids = list(chunk.values_list("pk", flat=True).distinct()[:size])
        if not ids:
            return
        yield list(groups_with_details().filter(pk__in=ids).order_by("pk"))
        last = ids[-1]


def venues_met_at_in_person(groups):
    """Venues where these groups meet in person (hybrid meetings included): the physical locations an
    HSDS export lists."""
    return Venue.objects.filter(
        meetings__group__in=groups.values("pk"),
        meetings__attendance__in=[Meeting.Attendance.IN_PERSON, Meeting.Attendance.HYBRID],
    ).distinct()


def organisations_of(groups):
    """The organisations that run these groups."""
    return Organisation.objects.filter(groups__in=groups.values("pk")).distinct()
