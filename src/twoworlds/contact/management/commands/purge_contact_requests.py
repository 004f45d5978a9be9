"""`twoworlds purge_contact_requests`: delete requests to be contacted on schedule, for cron (see
contact/services.py: purge)."""

from twoworlds.contact.services import purge
from twoworlds.core.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = (
        "Delete requests to be contacted whose time has come (CONTACT_PURGE_CLOSED_DAYS after the group "
        "closed them, CONTACT_PURGE_UNOPENED_DAYS after they arrived at most), and remind each group once, "
        "CONTACT_REMINDER_BEFORE_DAYS before, about requests nobody has closed. Prints what it did. Safe to "
        "run as often as you like (e.g. daily from cron): running it twice deletes and sends nothing twice."
    )

    dry_run_help = "List what it would do; delete and send nothing."

    def run(self, today, dry_run):
        return purge(today=today, dry_run=dry_run)
