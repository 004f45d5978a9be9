"""Taxonomy terms map onto our categories: our own ids and codes, category names and everyday words match
by themselves; unknown terms wait for staff, and mapping one gives its groups the category at once."""

import pytest

from twoworlds.core import testing as t
from twoworlds.directory import hsds
from twoworlds.directory.models import Group
from twoworlds.interop.importer import apply_mapping, import_services, source_named
from twoworlds.interop.models import TermMapping

from .import_support import service

pytestmark = pytest.mark.django_db


def _attribute(**term):
    return {"id": "a", "taxonomy_term": term}


def test_unknown_term_is_kept_unmapped_and_mapping_it_gives_the_category():
    report = import_services(source_named("voices"), [("item 1", service())])
    assert report.counts_dict()["created"] == 1
    term = TermMapping.objects.get(code="ESD-9999")
    assert (
        term.category is None and term.name == "Allotment gardening" and term.taxonomy == "example-taxonomy"
    )
    assert term.seen_count == 1
    group = Group.objects.get()
    assert not group.categories.exists()
    growing = t.category("Growing things")
    term.category = growing
    term.save()
    assert apply_mapping(term) == 1
    assert list(group.categories.all()) == [growing]
    # And later imports of new groups with the term get it too.
    import_services(source_named("voices"), [("item 2", service(sid="other", name="Voices Two"))])
    assert list(Group.objects.get(name="Voices Two").categories.all()) == [growing]


def test_terms_matching_our_categories_map_by_themselves():
    carers = t.category("Carers", lay_terms="looking after someone")
    tinnitus = t.category("Tinnitus")
    dementia = t.category("Dementia", parent=carers)
    attributes = [
        _attribute(id=str(dementia.pk), code="whatever", name="x", taxonomy=hsds.ISSUES_TAXONOMY),
        _attribute(id="t2", code="tinnitus", name="Ringing", taxonomy="esd"),
        _attribute(id="t3", code="LAS-1", name="Looking after someone", taxonomy="esd"),
    ]
    import_services(source_named("s"), [("item 1", service(attributes=attributes))])
    assert set(Group.objects.get().categories.all()) == {dementia, tinnitus, carers}
    assert not TermMapping.objects.filter(category__isnull=True).exists()


def test_our_own_facets_set_the_group_type():
    attributes = [
        _attribute(
            id=hsds.facet_term_id("professionally_led"),
            code="professionally_led",
            taxonomy=hsds.FACETS_TAXONOMY,
            name="Professionally led group",
        )
    ]
    import_services(source_named("s"), [("item 1", service(attributes=attributes))])
    assert Group.objects.get().group_type == Group.Type.PROFESSIONALLY_LED
    assert not TermMapping.objects.exists()
