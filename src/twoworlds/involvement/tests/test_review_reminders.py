"""`twoworlds remind_role_reviews`: both sides are emailed N days before a review date and on the date, once
each per review date, whatever day it runs; --today and --dry-run work; the task does the same."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from twoworlds.involvement import services
from twoworlds.involvement.models import Side
from twoworlds.involvement.tasks import remind_role_reviews

from .support import proposed_role


@pytest.fixture
def role(guests_welcome, contact, pro, settings):
    settings.INVOLVEMENT_REVIEW_REMINDER_DAYS = 14
    role = proposed_role(guests_welcome, pro, review_in=60)
    return services.answer_role(role, contact, Side.GROUP, True)


def run(day, *extra):
    out = StringIO()
    call_command("remind_role_reviews", "--today", day.isoformat(), *extra, stdout=out)
    return out.getvalue()


def test_reminders_before_and_on_the_date_to_both_sides(role, mailoutbox):
    review_on = role.review_on
    assert "Reminded (review coming up): 0" in run(review_on - timedelta(days=15))
    assert mailoutbox == []

    out = run(review_on - timedelta(days=14))
    assert "Reminded (review coming up): 1" in out
    assert sorted(m.to[0] for m in mailoutbox) == ["nurse@qmc.example", "pat@example.org"]
    assert all("Coming up" in m.subject for m in mailoutbox)
    assert "/my-groups/sneinton-stroke-club/involvement/roles/" in next(
        m.body for m in mailoutbox if m.to == ["pat@example.org"]
    )
    assert "/professional/involvement/roles/" in next(
        m.body for m in mailoutbox if m.to == ["nurse@qmc.example"]
    )

    run(review_on - timedelta(days=10))  # nothing twice
    assert len(mailoutbox) == 2

    assert "Reminded (review due): 1" in run(review_on)
    assert len(mailoutbox) == 4 and all("Time to review" in m.subject for m in mailoutbox[2:])
    run(review_on + timedelta(days=3))
    assert len(mailoutbox) == 4


def test_a_new_review_date_gets_its_own_reminders(role, contact, mailoutbox):
    run(role.review_on)
    assert len(mailoutbox) == 2
    services.review_role(
        role,
        contact,
        Side.GROUP,
        "carry_on",
        next_review_on=role.review_on + timedelta(days=90),
        today=role.review_on,
    )
    role.refresh_from_db()
    mailoutbox.clear()
    run(role.review_on - timedelta(days=14))
    run(role.review_on)
    assert len([m for m in mailoutbox if "review" in m.subject.lower()]) == 4


def test_a_catch_up_run_after_the_date_sends_the_due_reminder_once(role, mailoutbox):
    run(role.review_on + timedelta(days=5))
    assert len(mailoutbox) == 2 and "was due on" in mailoutbox[0].body
    run(role.review_on + timedelta(days=6))
    assert len(mailoutbox) == 2


def test_dry_run_sends_nothing(role, mailoutbox):
    out = run(role.review_on, "--dry-run")
    assert "Would remind (review due): 1" in out and mailoutbox == []
    role.refresh_from_db()
    assert role.due_reminder_for is None


def test_ended_roles_get_no_reminders(role, pro, mailoutbox):
    services.end_role(role, pro, Side.PROFESSIONAL)
    mailoutbox.clear()
    run(role.review_on)
    assert mailoutbox == []


def test_the_task_runs_the_same_reminders(role, mailoutbox):
    result = remind_role_reviews.enqueue(today=role.review_on.isoformat())
    assert result.return_value["due"][0]["role"] == role.pk
    assert len(mailoutbox) == 2
