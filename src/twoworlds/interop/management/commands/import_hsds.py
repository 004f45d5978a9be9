"""twoworlds import_hsds PATH_OR_URL [--dry-run] [--source NAME]"""

import time

from django.core.management.base import BaseCommand

from twoworlds.core.progress import progress_bar
from twoworlds.interop.importer import ImportFailed, import_services, reindex_imported, source_named
from twoworlds.interop.models import Source
from twoworlds.interop.readers import open_input

EXIT_OK, EXIT_PROBLEMS, EXIT_FAILED = 0, 1, 2


class Command(BaseCommand):
    help = (
        "Import Open Referral HSDS 3.0 services (JSON: a list, a /services page, one service, one per "
        "line; or a folder of CSV files with datapackage.json; Open Referral UK v1 JSON too) from a file, "
        "folder or web address. One transaction: a failure or --dry-run leaves the database as it was. "
        "Records are matched by their HSDS id, so importing the same file again changes nothing. Exit "
        "status: 0 everything imported; 1 some records or values were rejected (listed in the report; "
        "the rest was imported); 2 nothing was imported (the input could not be read, or the run failed)."
    )

    def add_arguments(self, parser):
        parser.add_argument("location", help="A file, a folder of CSV files, or an http(s) address.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report, save nothing.")
        parser.add_argument(
            "--source",
            help="The name this source is known by (default: the file or address). Records are matched by "
            "id within one source.",
        )

    def handle(self, *args, location, dry_run, source=None, **options):
        try:
            found = open_input(location)
        except ImportFailed as error:
            self.stderr.write(f"Nothing imported: {error}.")
            raise SystemExit(EXIT_FAILED) from None
        kind = Source.Kind.HSDS_API if location.startswith(("http://", "https://")) else Source.Kind.HSDS_FILE
        source = source_named(source or str(location), kind=kind, location=str(location))
        self.stdout.write(f"Reading {found.description}.")
        started = time.perf_counter()
        with progress_bar(found.total, "Importing") as bar:
            report = import_services(source, found.services, dry_run=dry_run, progress=bar.update)
        seconds = time.perf_counter() - started
        self.stdout.write(report.as_text())
        read = sum(
            report.counts_dict()[k] for k in ("created", "updated", "unchanged", "rejected", "conflicts")
        )
        self.stdout.write(f"{read} records in {seconds:.1f}s.")
        if report.changed_group_ids and not dry_run and not report.error:
            started = time.perf_counter()
            with progress_bar(len(report.changed_group_ids), "Updating search") as bar:
                indexed = reindex_imported(report, progress=bar.update)
            self.stdout.write(
                f"Search index updated for {indexed} groups in {time.perf_counter() - started:.1f}s."
            )
        if report.error:
            raise SystemExit(EXIT_FAILED)
        if report.problems:
            raise SystemExit(EXIT_PROBLEMS)
