"""Categories and languages in the admin: two levels of issues, and changes that reach every group listed
under them."""

import pytest
from django.urls import reverse

from twoworlds.directory.models import Category, Language
from twoworlds.search.services import Filters, index_groups

from .admin_support import assert_saved, form_data, hit_ids, make_category, make_group, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff("boss", is_superuser=True))
    return client


def test_changelist_shows_children_and_groups_and_filters_by_parent(staff_client):
    # The seeded taxonomy is there too (migration 0002): look only at the categories made here.
    carers = make_category("Test carers")
    young = make_category("Test young carers", parent=carers)
    make_category("Test dementia carers", parent=carers)
    lonely = make_category("Test loneliness")
    make_group("Young Carers Club", categories=[young])
    url = reverse("admin:directory_category_changelist")

    response = staff_client.get(url, {"q": "test", "all": ""})
    rows = {c.name: (c.child_count, c.group_count) for c in response.context["cl"].result_list}
    assert rows["Test carers"] == (2, 0)
    assert rows["Test young carers"] == (0, 1)
    assert rows["Test loneliness"] == (0, 0)

    response = staff_client.get(url, {"parent__id__exact": str(carers.pk)})
    assert sorted(c.name for c in response.context["cl"].result_list) == [
        "Test dementia carers",
        "Test young carers",
    ]
    response = staff_client.get(url, {"level": "1", "q": "test"})
    assert {c.pk for c in response.context["cl"].result_list} == {carers.pk, lonely.pk}
    response = staff_client.get(url, {"level": "2", "q": "test"})
    assert all(c.parent_id for c in response.context["cl"].result_list)


def test_add_category_with_slug(staff_client):
    parent = make_category("Test mental health")
    url = reverse("admin:directory_category_add")
    response = staff_client.get(url)
    assert "prepopulated" in response.content.decode()  # the slug is filled in from the name as staff type
    data = form_data(response)
    data.update(parent=str(parent.pk), name="Test voices", slug="test-voices", position="3")

    assert_saved(staff_client.post(url, data))

    assert Category.objects.get(slug="test-voices").parent == parent


def test_a_third_level_is_refused(staff_client):
    top = make_category("Disability")
    second = make_category("Sight loss", parent=top)
    url = reverse("admin:directory_category_add")
    data = form_data(staff_client.get(url))
    data.update(parent=str(second.pk), name="Glaucoma", slug="glaucoma")

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors


def test_parent_autocomplete_offers_first_level_only(staff_client):
    top = make_category("Zebra illness")
    make_category("Zebra pain", parent=top)

    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "directory", "model_name": "category", "field_name": "parent", "term": "zebra"},
    )

    assert [r["id"] for r in response.json()["results"]] == [str(top.pk)]


def test_renaming_a_category_reindexes_its_groups_and_its_sub_categories_groups(
    staff_client, django_capture_on_commit_callbacks
):
    top = make_category("Test addiction")
    gambling = make_category("Test gambling", parent=top)
    direct, via_child = (
        make_group("Recovery Café", categories=[top]),
        make_group("Bet Free", categories=[gambling]),
    )
    url = reverse("admin:directory_category_change", args=[top.pk])
    data = form_data(staff_client.get(url))
    data.update(name="Hard-to-break habits", lay_terms="can't stop")

    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(url, data))

    found = hit_ids("habits")
    assert set(found) == {direct.pk, via_child.pk}


def test_deleting_a_category_reindexes_its_groups(staff_client, django_capture_on_commit_callbacks):
    keep, drop = make_category("Test rare illnesses"), make_category("Test lupus")
    group = make_group("Lupus Link", categories=[keep, drop])
    assert hit_ids("", Filters(category=drop.slug)) == [group.pk]

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:directory_category_delete", args=[drop.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert hit_ids("", Filters(category=drop.slug)) == []
    assert hit_ids("", Filters(category=keep.slug)) == [group.pk]


def test_changing_a_language_code_reindexes_its_groups(staff_client, django_capture_on_commit_callbacks):
    language = Language.objects.create(code="x-test", name="Test language")
    group = make_group("Polish Mothers")
    group.languages.add(language)
    index_groups([group.pk])
    assert hit_ids("", Filters(language="x-test")) == [group.pk]
    url = reverse("admin:directory_language_change", args=[language.pk])
    data = form_data(staff_client.get(url))
    data["code"] = "x-other"

    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(url, data))

    assert hit_ids("", Filters(language="x-other")) == [group.pk]
    assert hit_ids("", Filters(language="x-test")) == []


def test_language_changelist_and_search(staff_client):
    Language.objects.get_or_create(code="bfi", defaults={"name": "British Sign Language"})

    response = staff_client.get(reverse("admin:directory_language_changelist"), {"q": "sign"})

    codes = [lang.code for lang in response.context["cl"].result_list]
    assert "bfi" in codes
    assert "ur" not in codes
