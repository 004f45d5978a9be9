"""`twoworlds purge_contact_requests`: delete requests to be contacted on schedule, for cron (see
contact/services.py: purge)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from twoworlds.contact.services import purge


class Command(BaseCommand):
    help = (
        "Delete requests to be contacted whose time has come (CONTACT_PURGE_CLOSED_DAYS after the group "
        "closed them, CONTACT_PURGE_UNOPENED_DAYS after they arrived at most), and remind each group once, "
        "CONTACT_REMINDER_BEFORE_DAYS before, about requests nobody has closed. Prints what it did. Safe to "
        "run as often as you like (e.g. daily from cron): running it twice deletes and sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what it would do; delete and send nothing."
        )
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            help="Run as if today were this date (for catching up or trying things out).",
        )

    def handle(self, *args, dry_run=False, today=None, **options):
        try:
            day = date.fromisoformat(today) if today else None
        except ValueError:
            raise CommandError(f"--today must be a date like 2026-03-01, not {today!r}.") from None
        self.stdout.write(purge(today=day, dry_run=dry_run).as_text())
