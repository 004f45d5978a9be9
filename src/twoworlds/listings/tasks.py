"""Scheduled work of the listings app, as Django tasks (django-tasks; `django.tasks` from Django 6).

Enqueue `run_reconfirmation_cycle` once a day from whatever scheduler the deployment has; cron can call
`twoworlds reconfirm` instead. Either way the same `confirmation.run_cycle` runs, and running it twice sends
nothing twice."""

from datetime import date

from django_tasks import task

from . import confirmation


@task()
def run_reconfirmation_cycle(today=None, dry_run=False):
    """Start due cycles, send reminders, lapse listings nobody confirmed. `today` is an ISO date (tasks take
    JSON arguments); the result is the report as JSON."""
    report = confirmation.run_cycle(today=date.fromisoformat(today) if today else None, dry_run=dry_run)
    return report.as_dict()
