"""The taxonomy every search reads is kept in memory, and a change made here shows at once."""

from twoworlds.directory import queries
from twoworlds.directory.models import Category, Language


def test_the_taxonomy_is_read_once_and_kept(db, django_assert_num_queries):
    queries.taxonomy()
    with django_assert_num_queries(0):
        taxonomy = queries.taxonomy()
    assert len(taxonomy.categories) == Category.objects.count()
    assert [c.pk for c, _ in taxonomy.tree] == list(
        Category.objects.filter(parent=None).values_list("pk", flat=True)
    )
    for parent, children in taxonomy.tree:
        assert [c.pk for c in children] == list(parent.children.values_list("pk", flat=True))


def test_a_new_or_changed_category_or_language_shows_at_once(db):
    queries.taxonomy()
    parent = Category.objects.filter(parent=None).first()
    added = Category.objects.create(name="Hiccups", slug="hiccups", parent=parent, lay_terms="cannot stop")
    assert added.pk in {c.pk for c in queries.taxonomy().categories}
    added.lay_terms = "hiccoughs"
    added.save()
    assert {c.pk: c.lay_terms for c in queries.taxonomy().categories}[added.pk] == "hiccoughs"
    added.delete()
    assert added.slug not in {c.slug for c in queries.taxonomy().categories}
    Language.objects.create(code="kw", name="Cornish")
    assert "kw" in {language.code for language in queries.taxonomy().languages}


def test_another_processs_change_shows_within_the_ttl(db, monkeypatch):
    queries.taxonomy()
    Category.objects.filter(parent=None).update(lay_terms="changed elsewhere")  # no signal, as elsewhere
    assert "changed elsewhere" not in {c.lay_terms for c in queries.taxonomy().categories}
    monkeypatch.setattr(queries, "TAXONOMY_TTL", 0)
    assert "changed elsewhere" in {c.lay_terms for c in queries.taxonomy().categories}
