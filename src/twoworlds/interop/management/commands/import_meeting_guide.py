"""twoworlds import_meeting_guide PATH_OR_URL --as ORGANISATION [--category SLUG] [--dry-run]"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from twoworlds.core.progress import progress_bar
from twoworlds.directory.models import Category, Organisation
from twoworlds.interop.importer import reindex_imported
from twoworlds.interop.meeting_guide_import import FeedError, import_feed

EXIT_OK, EXIT_PROBLEMS, EXIT_FAILED = 0, 1, 2


class Command(BaseCommand):
    help = (
        "Import a Meeting Guide JSON feed (the format of the Meeting Guide app, TSML UI and the 12 Step "
        "Meeting List plugin) from a file or web address: each meeting becomes a meeting of a group run by "
        "the organisation given with --as. Meetings are matched by their slug, so importing the same feed "
        "again changes nothing. One transaction: a failure or --dry-run leaves the database as it was. "
        "Exit status: 0 everything imported; 1 some meetings were rejected (listed, with the reason; the "
        "rest was imported); 2 nothing was imported (the feed could not be read)."
    )

    def add_arguments(self, parser):
        parser.add_argument("location", help="A Meeting Guide JSON file or an http(s) address.")
        parser.add_argument(
            "--as",
            dest="organisation",
            required=True,
            help="The organisation that runs the meetings (its name or slug); made if it does not exist.",
        )
        parser.add_argument(
            "--category",
            action="append",
            default=[],
            metavar="SLUG",
            help="An issue new groups are listed under (e.g. alcohol); repeat for more than one.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check and report; save nothing.")

    def handle(self, *args, location, organisation, category, dry_run=False, **options):
        categories = []
        for slug in category:
            found = Category.objects.filter(slug=slug).first()
            if found is None:
                raise CommandError(f"There is no category with the slug {slug!r}.")
            categories.append(found)
        org = Organisation.objects.filter(Q(slug=organisation) | Q(name__iexact=organisation)).first()
        if org is None:
            # Saved inside the import's transaction: a dry run leaves no trace of it.
            self.stdout.write(f"The organisation {organisation!r} is new: it is made with the groups.")
            org = Organisation(name=organisation)
        with progress_bar(None, "Importing meetings") as bar:
            bar.unit = "meeting"

            def progress(total):
                bar.reset(total=total)
                return bar

            try:
                report = import_feed(location, org, dry_run=dry_run, progress=progress, categories=categories)
            except FeedError as error:
                self.stderr.write(f"Nothing imported: {error}")
                raise SystemExit(EXIT_FAILED) from None
            except Exception as error:  # the transaction was rolled back: say so rather than show a traceback
                self.stderr.write(
                    f"Nothing imported: an unexpected error ({type(error).__name__}: {error}). "
                    "The database is as it was."
                )
                raise SystemExit(EXIT_FAILED) from None
        self.stdout.write(report.as_text())
        if report.changed_group_ids:
            started = time.perf_counter()
            with progress_bar(len(report.changed_group_ids), "Updating search") as bar:
                indexed = reindex_imported(report, progress=bar.update)
            seconds = time.perf_counter() - started
            self.stdout.write(f"Search index updated for {indexed} groups in {seconds:.1f}s.")
        if report.problems:
            raise SystemExit(EXIT_PROBLEMS)
