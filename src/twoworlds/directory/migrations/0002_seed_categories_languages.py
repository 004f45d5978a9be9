"""Seed the issue taxonomy (two levels, fixed ids) and the languages groups meet in. The data lives in
`twoworlds.directory.seeds` so the demo data and tests use the same lists. Safe to run again: rows are
matched by id (categories) or code (languages) and updated."""

from django.db import migrations

from twoworlds.directory import seeds


def seed(apps, schema_editor):
    seeds.load(apps.get_model("directory", "Category"), apps.get_model("directory", "Language"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
