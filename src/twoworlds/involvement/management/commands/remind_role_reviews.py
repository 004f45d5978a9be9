"""`twoworlds remind_role_reviews`: remind both sides of a role to review it, for cron (see services.py)."""

from twoworlds.core.scheduled import ScheduledCommand
from twoworlds.involvement.services import remind_role_reviews


class Command(ScheduledCommand):
    help = (
        "Email both sides of every agreed role INVOLVEMENT_REVIEW_REMINDER_DAYS (default 14) before its "
        "review date, and again on the date. Prints what it did. Safe to run as often as you like (e.g. "
        "daily from cron): each reminder goes once per review date."
    )

    dry_run_help = "List the reminders it would send; send and change nothing."

    def run(self, today, dry_run):
        return remind_role_reviews(today=today, dry_run=dry_run)
