"""The taxonomy and languages every deployment starts with (seeded by directory migration 0002)."""

import uuid

import pytest

from twoworlds.directory import seeds
from twoworlds.directory.models import Category, Language
from twoworlds.search.services import matching_categories

FIRST_LEVEL = [
    "Chronic illness",
    "Disability",
    "Specific medical conditions",
    "Rare illnesses",
    "Carers",
    "Addiction and compulsive behaviour",
    "Isolation and social problems",
    "Mental health",
    "Bereavement",
    "Family problems",
    "Women's health",
    "Parenting",
]


def seeded():
    return Category.objects.filter(id__in=[row["id"] for row in seeds.flat_categories()])


@pytest.mark.django_db
def test_twelve_first_level_categories_in_order():
    first = seeded().filter(parent__isnull=True).order_by("position")
    assert [c.name for c in first] == FIRST_LEVEL


@pytest.mark.django_db
def test_every_second_level_category_has_a_first_level_parent():
    second = seeded().filter(parent__isnull=False).select_related("parent")
    assert second.count() == len(seeds.second_level_slugs()) >= 60
    for category in second:
        assert category.parent.parent_id is None
        category.full_clean()
        assert category.description and category.lay_terms


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slug, term",
    [
        ("dementia", "Alzheimer's"),
        ("stroke", "TIA"),
        ("multiple-sclerosis", "MS"),
        ("tinnitus", "ringing in my ears"),
        ("baby-loss", "miscarriage"),
        ("gambling", "betting"),
        ("eating-disorders", "anorexia"),
        ("me-cfs", "ME"),
    ],
)
def test_required_second_level_terms(slug, term):
    category = Category.objects.get(slug=slug)
    assert category.parent is not None
    assert term in category.lay_term_list


@pytest.mark.django_db
def test_ids_are_fixed():
    category = Category.objects.get(slug="tinnitus")
    assert category.id == uuid.uuid5(uuid.NAMESPACE_URL, "https://twoworlds.example/categories/tinnitus")


@pytest.mark.django_db
def test_acronyms_are_capitals_and_everyday_words_find_categories():
    for row in seeds.flat_categories():
        for term in [t.strip() for t in row["lay_terms"].split(",")]:
            if term.lower() in {"me", "ms", "ibs", "ocd", "ptsd", "copd"}:
                assert term.isupper(), (row["slug"], term)
    assert "tinnitus" in {c.slug for c in matching_categories("I have ringing in my ears at night")}
    assert "me-cfs" in {c.slug for c in matching_categories("ME")}
    assert "me-cfs" not in {c.slug for c in matching_categories("can someone help me")}
    assert "gambling" in {c.slug for c in matching_categories("my husband's betting")}


@pytest.mark.django_db
def test_languages_present():
    codes = set(Language.objects.values_list("code", flat=True))
    assert {row["code"] for row in seeds.LANGUAGES} <= codes
    assert Language.objects.get(code="bfi").name == "British Sign Language"
    assert Language.objects.get(code="pl").native_name == "Polski"


@pytest.mark.django_db
def test_loading_again_changes_nothing():
    before = list(Category.objects.values_list("id", "slug", "parent_id", "name").order_by("id"))
    seeds.load(Category, Language)
    seeds.load(Category, Language, update=False)
    assert list(Category.objects.values_list("id", "slug", "parent_id", "name").order_by("id")) == before
    assert Language.objects.filter(code="en").count() == 1


def test_a_flushed_database_gets_its_taxonomy_back(transactional_db):
    """Browser tests flush the database between tests; the taxonomy must come back for the next test."""
    from django.core.management import call_command

    call_command("flush", "--no-input", verbosity=0)
    assert Category.objects.filter(slug="dementia").exists()
    assert Category.objects.count() == len(seeds.flat_categories())
    assert Language.objects.exists()
