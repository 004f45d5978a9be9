"""`twoworlds export_hsds`: the directory in Open Referral HSDS 3.0, as JSON or as CSV tables (see
../../exporting.py)."""

import time

from django.core.management.base import BaseCommand, CommandError

from twoworlds.core.progress import progress_bar
from twoworlds.interop import exporting


class Command(BaseCommand):
    help = (
        "Export the directory's listed groups in Open Referral HSDS 3.0: --format json writes one file, a "
        "list of fully nested services; --format csv writes the tabular form (one CSV file per table and a "
        "datapackage.json) into a folder, or into a .zip file when PATH ends in .zip. Filters add up. Only "
        "what the public site shows is exported: public contact routes, and a member's home only as its "
        "postcode district and town."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write: a .json file, a folder, or a .zip file.")
        parser.add_argument("--format", choices=["json", "csv"], default="json", help="Default: json.")
        parser.add_argument(
            "--category", default="", help="Only groups about this issue or its sub-issues (slug or id)."
        )
        parser.add_argument(
            "--organisation", default="", help="Only groups run by this organisation (id, slug or name)."
        )
        parser.add_argument(
            "--modified-after",
            default="",
            help="Only groups whose listing changed at or after this date or time (2025-01-31 or "
            "2025-01-31T09:00:00Z; UTC unless a zone is given).",
        )

    def handle(self, *args, path, format, category, organisation, modified_after, **options):
        try:
            selection = exporting.Selection.from_options(
                category=category, organisation=organisation, modified_after=modified_after
            )
        except exporting.SelectionError as error:
            raise CommandError(str(error)) from None
        started = time.monotonic()
        export = exporting.export_json if format == "json" else exporting.export_tables
        with progress_bar(selection.count(), "Exporting services") as bar:
            try:
                result = export(path, selection, progress=bar.update)
            except (exporting.SelectionError, OSError) as error:
                raise CommandError(str(error)) from None
        elapsed = time.monotonic() - started
        services = f"{result.services} service{'' if result.services == 1 else 's'}"
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {services} ({selection.describe()}) as HSDS 3.0 {format.upper()} to {result.path} in "
                f"{elapsed:.1f}s."
            )
        )
        if format == "csv":
            for name, rows in result.files.items():
                self.stdout.write(f"  {name}: {rows} rows")
            self.stdout.write("  datapackage.json: describes the files above")
