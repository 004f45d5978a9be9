"""`twoworlds refresh_subscriptions`: refresh the subscribed sources that are due, for cron."""

from twoworlds.core.scheduled import ScheduledCommand
from twoworlds.interop.federation import moment_of, refresh_due_sources


class Command(ScheduledCommand):
    help = (
        "Fetch every subscribed source (another directory's HSDS API or file, a Meeting Guide feed) whose "
        "refresh interval has passed, and bring its records up to date. Groups a source no longer lists are "
        "taken out of search, never deleted. Prints what it did. Safe to run as often as you like (e.g. "
        "hourly from cron): a source refreshed within its interval is left alone."
    )

    dry_run_help = "List the subscriptions that are due; fetch and change nothing."

    def run(self, today, dry_run):
        return refresh_due_sources(moment_of(today), dry_run=dry_run)
