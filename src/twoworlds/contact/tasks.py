"""Scheduled work of the contact app, as a Django task (django-tasks; `django.tasks` from Django 6).

Enqueue `purge_contact_requests` once a day from whatever scheduler the deployment has; cron can call
`twoworlds purge_contact_requests` instead. Either way services.purge runs, and running it twice deletes and
sends nothing twice."""

from datetime import date

from django_tasks import task

from . import services


@task()
def purge_contact_requests(today=None, dry_run=False):
    """Delete requests past their date and remind groups once before an unclosed one goes. `today` is an ISO
    date (tasks take JSON arguments); the result is the report as JSON (ids, group names, counts only)."""
    report = services.purge(today=date.fromisoformat(today) if today else None, dry_run=dry_run)
    return report.as_dict()
