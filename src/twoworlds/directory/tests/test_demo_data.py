"""`twoworlds demo_data`: a realistic, deterministic demo directory for Nottingham."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from twoworlds.core import testing as t
from twoworlds.directory import demo, seeds
from twoworlds.directory.models import Category, ContactRoute, Group, Meeting, Organisation, Venue
from twoworlds.search.models import SearchDocument
from twoworlds.search.services import Filters, find_groups

DRAMA_NUMBER = re.compile(r"^(0115 496 0\d{3}|07700 900\d{3})$")


def load(*args):
    out = StringIO()
    call_command("demo_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(db):
    return load()


def demo_groups():
    return Group.objects.filter(id__range=demo.DEMO_ID_RANGE)


def test_default_load_covers_every_issue(loaded):
    assert demo_groups().count() == Group.objects.count() == 250
    for first in Category.objects.filter(parent__isnull=True, slug__in=[c["slug"] for c in seeds.CATEGORIES]):
        local = demo_groups().exclude(group_type=Group.Type.NATIONAL)
        assert local.filter(Q(categories=first) | Q(categories__parent=first)).exists(), first
        national = demo_groups().filter(group_type=Group.Type.NATIONAL, organisation__is_national=True)
        assert national.filter(Q(categories=first) | Q(categories__parent=first)).exists(), first
    for slug in seeds.second_level_slugs():
        assert demo_groups().filter(categories__slug=slug).exists(), slug


def test_default_load_has_every_kind_of_listing(loaded):
    groups = demo_groups()
    today = timezone.localdate()
    assert groups.filter(group_type=Group.Type.SELF_HELP).count() > groups.count() / 2
    assert groups.filter(
        group_type=Group.Type.PROFESSIONALLY_LED, organisation__name__contains="NHS"
    ).exists()
    national = groups.filter(group_type=Group.Type.NATIONAL)
    assert national.count() >= 40
    assert not Meeting.objects.filter(group__in=national, venue__isnull=False).exists()
    for name in ["Alzheimer's Society", "Stroke Association", "Tinnitus UK", "Sands", "GamCare", "Mind"]:
        assert national.filter(
            name=name, organisation__is_national=True, website__startswith="https://"
        ).exists()
    assert groups.filter(
        meetings__attendance=Meeting.Attendance.ONLINE, meetings__venue__isnull=True
    ).exists()
    assert groups.filter(meetings__attendance=Meeting.Attendance.HYBRID).exists()
    assert groups.filter(meetings__attendance=Meeting.Attendance.TELEPHONE).exists()
    assert groups.filter(home_visits=True).exists()
    assert groups.filter(meetings__venue__is_members_home=True).exists()
    for code in ["pl", "ur", "pa", "bfi", "so"]:
        assert groups.filter(languages__code=code).exists(), code
    assert (
        groups.filter(gender=Group.Gender.WOMEN).exists() and groups.filter(gender=Group.Gender.MEN).exists()
    )
    assert (
        groups.filter(for_family_friends=True).exists() and groups.filter(minimum_age__isnull=False).exists()
    )
    assert groups.filter(cost=Group.Cost.DONATION).exists() and groups.filter(cost=Group.Cost.CHARGE).exists()
    assert groups.filter(status=Group.Status.PAUSED, paused_until__gt=today).exists()
    assert groups.filter(status=Group.Status.CLOSED).exists()
    assert groups.filter(last_confirmed__lt=today - timezone.timedelta(days=240)).exists()
    frequencies = set(Meeting.objects.values_list("frequency", flat=True))
    assert frequencies == {f.value for f in Meeting.Frequency}
    assert set(Meeting.objects.exclude(weekday=None).values_list("weekday", flat=True)) == set(range(7))
    assert set(Meeting.objects.exclude(nth=None).values_list("nth", flat=True)) == {1, 2, 3, 4, -1}
    names = set(groups.values_list("name", flat=True))
    assert {
        "Beeston Stroke Club",
        "Hearing Voices Nottingham",
        "Gamblers Anonymous – Nottingham Thursday",
    } <= names


def test_every_row_passes_validation(loaded):
    for model in (Organisation, Venue, Group, Meeting, ContactRoute):
        rows = model.objects.all()
        assert rows.exists(), model
        for row in rows:
            row.full_clean()


def test_contact_details_are_fictional_and_words_are_the_groups_own(loaded):
    for route in ContactRoute.objects.select_related("group"):
        if route.kind in (ContactRoute.Kind.PHONE, ContactRoute.Kind.TEXT):
            assert DRAMA_NUMBER.match(route.value), route.value
        elif route.kind == ContactRoute.Kind.EMAIL:
            assert route.value.endswith("@example.org")
        elif route.group.group_type != Group.Type.NATIONAL:
            assert route.value.startswith("https://example.org/")
    visibilities = set(ContactRoute.objects.values_list("visibility", flat=True))
    assert visibilities == {v.value for v in ContactRoute.Visibility}
    for group in demo_groups():
        words = f"{group.description} {group.what_to_expect}".lower()
        assert "referral" not in words and "client" not in words, group.name
    descriptions = list(demo_groups().values_list("description", flat=True))
    assert len(set(descriptions)) > 0.9 * len(descriptions)
    assert demo_groups().exclude(what_to_expect="").count() > 0.7 * demo_groups().count()


def test_venues_are_in_and_around_nottingham(loaded):
    for venue in Venue.objects.all():
        assert venue.postcode.split()[0] in {
            "NG1",
            "NG2",
            "NG3",
            "NG4",
            "NG5",
            "NG6",
            "NG7",
            "NG9",
            "NG10",
            "NG11",
            "NG13",
            "NG15",
            "NG18",
            "NG24",
        }, venue.postcode
        assert 52.85 < venue.latitude < 53.2 and -1.32 < venue.longitude < -0.75, venue


def test_search_index_is_complete_and_finds_groups(loaded):
    assert SearchDocument.objects.count() == Group.objects.count()
    outcome = find_groups("ringing in my ears")
    assert outcome.hits and "tinnitus" in {c.slug for c in outcome.matched_categories}
    assert outcome.national
    near = find_groups("stroke", Filters(near="Beeston", distance=3))
    assert near.located is not None and near.hits
    assert "Beeston Stroke Club" in {hit.group.name for hit in near.load()}


def test_prints_counts_and_staff_sign_in(loaded):
    assert "Loaded 250 demo groups" in loaded
    assert re.search(
        r"Sign in as staff at http://127\.0\.0\.1:8000/staff/ with username admin password \S+", loaded
    )
    assert "username editor password" in loaded


@pytest.mark.django_db
def test_rerunning_gives_the_same_directory():
    load("--no-staff")
    first = set(Group.objects.values_list("id", "name", "slug"))
    venues = set(Venue.objects.values_list("id", "postcode"))
    load("--no-staff")
    assert set(Group.objects.values_list("id", "name", "slug")) == first
    assert set(Venue.objects.values_list("id", "postcode")) == venues
    assert Group.objects.count() == 250


@pytest.mark.django_db
def test_groups_option_and_bulk_writes_match_the_service_functions():
    load("--groups", "40", "--no-staff")
    assert Group.objects.count() == 40 == SearchDocument.objects.count()
    through_services = {
        "groups": set(Group.objects.values_list("id", "name", "slug", "status", "organisation_id")),
        "meetings": set(Meeting.objects.values_list("id", "group_id", "venue_id", "frequency", "weekday")),
        "routes": set(ContactRoute.objects.values_list("id", "group_id", "kind", "value", "visibility")),
        "categories": set(Group.categories.through.objects.values_list("group_id", "category_id")),
    }
    load("--groups", "40", "--bulk", "--no-staff")
    assert Group.objects.count() == 40 == SearchDocument.objects.count()
    assert through_services == {
        "groups": set(Group.objects.values_list("id", "name", "slug", "status", "organisation_id")),
        "meetings": set(Meeting.objects.values_list("id", "group_id", "venue_id", "frequency", "weekday")),
        "routes": set(ContactRoute.objects.values_list("id", "group_id", "kind", "value", "visibility")),
        "categories": set(Group.categories.through.objects.values_list("group_id", "category_id")),
    }
    for row in Meeting.objects.all():
        row.full_clean()


@pytest.mark.django_db
def test_fewer_groups_replace_more_and_other_listings_are_kept():
    stroke = Category.objects.get(slug="stroke")
    own = t.group("Beeston Stroke Club", [stroke], meetings=[t.weekly(1)])  # same name as a demo group
    load("--groups", "60", "--no-staff")
    load("--groups", "20", "--no-staff")
    assert demo_groups().count() == 20
    assert Group.objects.filter(pk=own.pk, slug="beeston-stroke-club").exists()
    assert Group.objects.filter(name="Beeston Stroke Club").count() == 2
    assert not Venue.objects.filter(id__range=demo.DEMO_ID_RANGE, meetings__isnull=True).exists()


def test_plan_is_deterministic_and_scales():
    small, again = demo.build_plan(250), demo.build_plan(250)
    assert [g.fields for g in small.groups] == [g.fields for g in again.groups]
    large = demo.build_plan(3000)
    names = [g.fields["name"] for g in large.groups]
    assert len(names) == len(set(names)) == 3000
    assert len({g.fields["slug"] for g in large.groups}) == 3000
    # The first groups do not depend on how many are asked for.
    first = [(g.fields["id"], g.fields["name"], g.fields["group_type"]) for g in large.groups[:250]]
    assert first == [(g.fields["id"], g.fields["name"], g.fields["group_type"]) for g in small.groups]


@pytest.mark.django_db
def test_reset_clears_the_whole_directory_first():
    own = t.group("Someone Else's Group", [Category.objects.get(slug="lupus")])
    load("--groups", "10", "--reset", "--no-staff")
    assert not Group.objects.filter(pk=own.pk).exists()
    assert Group.objects.count() == demo_groups().count() == 10
