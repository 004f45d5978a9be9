"""`twoworlds reconfirm`: the re-confirmation cycle, for cron (see listings/confirmation.py)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from twoworlds.accounts.services import purge_expired_links
from twoworlds.listings.confirmation import run_cycle


class Command(BaseCommand):
    help = (
        "Ask listed groups to confirm their details when due, send reminders, and take listings nobody "
        "confirmed out of search. Prints what it did. Safe to run as often as you like (e.g. daily from "
        "cron): running it twice sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what it would do; send and change nothing."
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
        report = run_cycle(today=day, dry_run=dry_run)
        self.stdout.write(report.as_text())
        if not dry_run:
            # Daily housekeeping rides along: sign-in links past their expiry are of no use to anyone.
            purged = purge_expired_links()
            self.stdout.write(f"Expired sign-in links removed: {purged}")
