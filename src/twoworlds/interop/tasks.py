"""Scheduled work of the interop app, as Django tasks (django-tasks; `django.tasks` from Django 6).

Enqueue `refresh_subscriptions` every hour or so from whatever scheduler the deployment has; cron can call
`twoworlds refresh_subscriptions` instead. Either way `federation.refresh_due_sources` runs, and a source
refreshed within its interval is left alone. `refresh_subscription` refreshes one source now (the staff
page's "Refresh now" enqueues it)."""

from datetime import datetime

from django_tasks import task

from . import federation
from .models import Source


@task()
def refresh_subscriptions(now=None, dry_run=False):
    """Refresh the subscribed sources that are due. `now` is an ISO date-time (tasks take JSON arguments);
    the result is the round's report as JSON."""
    moment = datetime.fromisoformat(now) if now else None
    return federation.refresh_due_sources(moment, dry_run=dry_run).as_dict()


@task()
def refresh_subscription(source_id, user_id=None):
    """Refresh one source now, whatever its schedule."""
    from django.contrib.auth import get_user_model

    source = Source.objects.get(pk=source_id)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return federation.refresh_source(source, user=user).as_dict()
