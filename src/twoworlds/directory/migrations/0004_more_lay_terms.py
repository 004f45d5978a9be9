"""More everyday words for the seeded issues (seeds.MORE_LAY_TERMS), so plain-language search finds them,
and two too broad ones out (seeds.FEWER_LAY_TERMS: "mum" and "dad" on Parenting). Every other word staff have
added or changed stays as it is. Safe to run again."""

from django.db import migrations

from twoworlds.directory import seeds


def add(apps, schema_editor):
    seeds.add_more_lay_terms(apps.get_model("directory", "Category"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_venue_disclosure_group_logo_lapsed")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
