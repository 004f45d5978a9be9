"""`twoworlds reconfirm`: the re-confirmation cycle, for cron (see listings/confirmation.py)."""

from twoworlds.accounts.services import purge_expired_links
from twoworlds.core.scheduled import ScheduledCommand
from twoworlds.listings.confirmation import run_cycle


class Command(ScheduledCommand):
    help = (
        "Ask listed groups to confirm their details when due, send reminders, and take listings nobody "
        "confirmed out of search. Prints what it did. Safe to run as often as you like (e.g. daily from "
        "cron): running it twice sends nothing twice."
    )

    dry_run_help = "List what it would do; send and change nothing."

    def run(self, today, dry_run):
        return run_cycle(today=today, dry_run=dry_run)

    def after(self, dry_run):
        if not dry_run:
            # Daily housekeeping rides along: sign-in links past their expiry are of no use to anyone.
            self.stdout.write(f"Expired sign-in links removed: {purge_expired_links()}")
