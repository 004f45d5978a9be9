"""The keyword index, per database. SQLite: an FTS5 table kept in step with search documents by triggers.
PostgreSQL: a generated tsvector column with a GIN index. Ranking in keyword.py."""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(name, categories, body, place, "
    "tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(rowid, name, categories, body, place) "
    "VALUES (new.id, new.name, new.categories_text, new.body, new.place_text); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN "
    "DELETE FROM search_fts WHERE rowid = old.id; "
    "INSERT INTO search_fts(rowid, name, categories, body, place) "
    "VALUES (new.id, new.name, new.categories_text, new.body, new.place_text); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
    "DELETE FROM search_fts WHERE rowid = old.id; END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_FORWARD = [
    "ALTER TABLE search_searchdocument ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(categories_text, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(place_text, '')), 'C') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'D')) STORED",
    "CREATE INDEX search_tsv_gin ON search_searchdocument USING gin (search_tsv)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_tsv_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_tsv",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
