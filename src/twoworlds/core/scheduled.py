"""Shared plumbing for the commands cron calls (reconfirm, purge_contact_requests): --dry-run and --today."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError


class ScheduledCommand(BaseCommand):
    """A command that does a day's scheduled work idempotently; subclasses implement `run(today, dry_run)`
    and return a report with `as_text()`."""

    dry_run_help = "List what it would do; change and send nothing."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)
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
        self.stdout.write(self.run(day, dry_run).as_text())
        self.after(dry_run)

    def run(self, today, dry_run):
        raise NotImplementedError

    def after(self, dry_run):
        """Housekeeping after the report (nothing by default)."""
