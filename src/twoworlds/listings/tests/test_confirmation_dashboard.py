"""The staff dashboard: staff only; due, overdue, lapsed and no-one-to-ask listings, counted by first-level
issue, each linking to its admin page and public page; "Mark confirmed" after a phone call."""

import re

import pytest
from django.contrib.auth.models import Group as Role
from django.utils import timezone

from twoworlds.accounts.roles import ADMINISTRATOR, EDITOR
from twoworlds.accounts.services import create_staff
from twoworlds.core import testing as t
from twoworlds.directory.models import Group
from twoworlds.listings import confirmation
from twoworlds.listings.models import ConfirmationRequest, ListingChange
from twoworlds.search.services import find_groups

from .confirmation_support import listed, looks_after, person, use_defaults

pytestmark = pytest.mark.django_db

DASHBOARD = "/staff/confirmation/"


@pytest.fixture(autouse=True)
def _cycle(settings):
    use_defaults(settings)


@pytest.fixture
def editor(client):
    user, _ = create_staff("ed", "ed@example.org", EDITOR)
    client.force_login(user)
    return user


@pytest.fixture
def board_groups():
    """Two first-level issues (one through a sub-issue), one group under both, one under none."""
    today = timezone.localdate()
    carers = t.category("Carers")
    dementia = t.category("Dementia", parent=carers)
    health = t.category("Mental health")
    contact = person("c@example.org")
    groups = {
        "due": looks_after(
            listed("Due Carers", confirmed_days_ago=190, today=today, categories=[dementia]), contact
        ),
        "overdue": looks_after(
            listed("Overdue Both", confirmed_days_ago=230, today=today, categories=[dementia, health]),
            contact,
        ),
        "lapsed": listed("Lapsed Minds", confirmed_days_ago=300, today=today, categories=[health]),
        "no_one": listed("Orphan Carers", confirmed_days_ago=200, today=today, categories=[carers]),
        "uncategorised": listed("No Issue Group", confirmed_days_ago=200, today=today),
        "fresh": looks_after(
            listed("Fresh Carers", confirmed_days_ago=10, today=today, categories=[carers]), contact
        ),
        "closed": listed(
            "Closed Carers", confirmed_days_ago=400, today=today, categories=[carers], status="closed"
        ),
    }
    confirmation.run_cycle(today=today)  # lapses "Lapsed Minds"
    return groups


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/?next=")
    assert "next=/staff/confirmation/" in response["Location"]


def test_people_who_are_not_staff_are_refused(client):
    client.force_login(person("contact@example.org"))
    response = client.get(DASHBOARD)
    assert response.status_code == 403
    assert "For clearinghouse staff only" in response.content.decode()


def test_a_staff_flag_without_a_staff_role_is_refused(client):
    client.force_login(person("flag@example.org", is_staff=True))
    assert client.get(DASHBOARD).status_code == 403


def test_editors_and_administrators_are_let_in(client, editor):
    assert client.get(DASHBOARD).status_code == 200
    admin, _ = create_staff("boss", "boss@example.org", ADMINISTRATOR)
    client.force_login(admin)
    assert client.get(DASHBOARD).status_code == 200
    assert Role.objects.filter(name=EDITOR).exists()


def test_lists_and_counts_by_state(board_groups):
    board = confirmation.dashboard()
    names = {state: [r.group.name for r in rows] for state, rows in board.rows.items()}
    assert names == {
        confirmation.DUE: ["Due Carers"],
        confirmation.OVERDUE: ["Overdue Both"],
        confirmation.LAPSED: ["Lapsed Minds"],
        confirmation.NO_ONE: ["No Issue Group", "Orphan Carers"],
    }
    assert board.counts() == {"due": 1, "overdue": 1, "lapsed": 1, "no_one_to_ask": 2}


def test_counts_by_first_level_issue(board_groups):
    table = {
        (e.category.name if e.category else None): e.counts for e in confirmation.dashboard().by_category
    }
    assert table == {
        "Carers": {"due": 1, "overdue": 1, "lapsed": 0, "no_one_to_ask": 1},
        "Mental health": {"due": 0, "overdue": 1, "lapsed": 1, "no_one_to_ask": 0},
        None: {"due": 0, "overdue": 0, "lapsed": 0, "no_one_to_ask": 1},
    }


def test_the_page_shows_the_table_and_links_each_group_to_admin_and_public_page(client, editor, board_groups):
    page = client.get(DASHBOARD).content.decode()
    for key in ("due", "overdue", "lapsed", "no_one", "uncategorised"):
        group = board_groups[key]
        assert f'href="/staff/directory/group/{group.pk}/change/"' in page
        assert f'href="{group.get_absolute_url()}"' in page
    assert "Fresh Carers" not in page and "Closed Carers" not in page
    assert '<tr data-category="t-carers">' in page
    row = page.split('<tr data-category="t-mental-health">')[1].split("</tr>")[0]
    assert [int(n) for n in re.findall(r"<td>(\d+)</td>", row)] == [0, 1, 1, 0, 2]
    assert "No issue set" in page
    # Each button names its group for screen readers.
    assert 'Mark confirmed<span class="visually-hidden"> Lapsed Minds</span></button>' in page
    assert page.count('class="confirmation-mark"') == 5


def test_staff_mark_a_group_confirmed_after_a_phone_call(client, editor, board_groups, indexed):
    lapsed = board_groups["lapsed"]
    with indexed():
        response = client.post(
            f"{DASHBOARD}{lapsed.pk}/confirmed/", {"note": "phoned Pat, all still right"}, follow=True
        )
    assert response.status_code == 200
    assert "Lapsed Minds is confirmed as still right today." in response.content.decode()
    lapsed.refresh_from_db()
    assert lapsed.last_confirmed == timezone.localdate() and not lapsed.lapsed
    assert find_groups("Lapsed Minds").total == 1
    [change] = ListingChange.objects.filter(group=lapsed)
    assert change.source == ListingChange.Source.CONFIRMATION and change.actor == editor
    assert change.reason == "Confirmed as still right: phoned Pat, all still right"
    request_obj = ConfirmationRequest.objects.get(group=lapsed)
    assert request_obj.confirmed_at is not None and request_obj.confirmed_by == editor
    assert confirmation.dashboard().counts()["lapsed"] == 0


def test_mark_confirmed_is_post_only_and_staff_only(client, board_groups):
    group = board_groups["due"]
    url = f"{DASHBOARD}{group.pk}/confirmed/"
    assert client.post(url).status_code == 302  # anonymous: to sign in
    client.force_login(person("notstaff@example.org"))
    assert client.post(url).status_code == 403
    editor, _ = create_staff("ed2", "ed2@example.org", EDITOR)
    client.force_login(editor)
    assert client.get(url).status_code == 405
    group.refresh_from_db()
    assert group.last_confirmed != timezone.localdate()
    assert not ListingChange.objects.exists()


def test_a_closed_group_cannot_be_marked_confirmed(client, editor, board_groups):
    closed = board_groups["closed"]
    response = client.post(f"{DASHBOARD}{closed.pk}/confirmed/", follow=True)
    assert "has closed" in response.content.decode()
    assert Group.objects.get(pk=closed.pk).last_confirmed != timezone.localdate()
