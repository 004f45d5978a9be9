"""Scheduled work of the involvement app, as a Django task (django-tasks; `django.tasks` from Django 6).

Enqueue `remind_role_reviews` once a day from whatever scheduler the deployment has; cron can call
`twoworlds remind_role_reviews` instead. Either way services.remind_role_reviews runs, and running it twice
sends nothing twice."""

from datetime import date

from django_tasks import task

from . import services


@task()
def remind_role_reviews(today=None, dry_run=False):
    """Remind both sides of roles coming up for review, and of reviews now due. `today` is an ISO date (tasks
    take JSON arguments); the result is the report as JSON (role ids, group names, dates, emails sent)."""
    report = services.remind_role_reviews(today=date.fromisoformat(today) if today else None, dry_run=dry_run)
    return report.as_dict()
