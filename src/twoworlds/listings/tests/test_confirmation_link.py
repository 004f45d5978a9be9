"""The one-click link: GET shows the group and a button (link checkers must not confirm), POST confirms,
once; it brings a lapsed listing back into search. Unknown, expired and closed links get a friendly page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from twoworlds.listings import confirmation
from twoworlds.listings.models import ConfirmationRequest, ListingChange
from twoworlds.search.services import find_groups

from .confirmation_support import listed, looks_after, person, use_defaults

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cycle(settings):
    use_defaults(settings)


def ask(group, mailoutbox, today=None):
    """Run the cycle and return the path of the one-click link from the group's email."""
    confirmation.run_cycle(today=today or timezone.localdate())
    body = next(m.body for m in mailoutbox if group.name in m.subject)
    return re.search(r"https://groups\.example\.org(/confirm/[\w-]+/)", body).group(1)


@pytest.fixture
def group():
    return looks_after(
        listed("Sunday Walkers", confirmed_days_ago=190, today=timezone.localdate()), person("w@example.org")
    )


def test_get_shows_the_group_and_a_button_and_confirms_nothing(client, group, mailoutbox):
    link = ask(group, mailoutbox)
    before = group.last_confirmed

    for _ in range(2):  # an email scanner, then the person
        response = client.get(link)
        assert response.status_code == 200

    page = response.content.decode()
    assert "Sunday Walkers" in page
    assert 'method="post"' in page and "Yes, our details are still right" in page
    assert f"/my-groups/{group.slug}/edit/" in page
    assert response["X-Robots-Tag"] == "noindex"
    group.refresh_from_db()
    assert group.last_confirmed == before
    assert ConfirmationRequest.objects.get(group=group).confirmed_at is None
    assert client.head(link).status_code == 200


def test_post_confirms_and_records_it_in_the_history(client, group, mailoutbox):
    link = ask(group, mailoutbox)
    response = client.post(link)
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    group.refresh_from_db()
    assert group.last_confirmed == timezone.localdate()
    request_obj = ConfirmationRequest.objects.get(group=group)
    assert request_obj.confirmed_at is not None and request_obj.confirmed_by is None
    [change] = ListingChange.objects.filter(group=group)
    assert change.source == ListingChange.Source.CONFIRMATION
    assert change.reason == "Confirmed as still right"
    assert change.before == change.after and change.after["name"] == "Sunday Walkers"
    assert change.actor is None


def test_the_link_works_once(client, group, mailoutbox):
    link = ask(group, mailoutbox)
    client.post(link)
    again = client.post(link)
    assert again.status_code == 200
    assert "Already confirmed, thank you" in again.content.decode()
    assert ListingChange.objects.filter(group=group).count() == 1
    assert "Already confirmed, thank you" in client.get(link).content.decode()


def test_the_form_needs_its_csrf_token(group, mailoutbox):
    from django.test import Client

    link = ask(group, mailoutbox)
    assert Client(enforce_csrf_checks=True).post(link).status_code == 403
    assert ConfirmationRequest.objects.get(group=group).confirmed_at is None


def test_confirming_brings_a_lapsed_listing_back_into_search(client, indexed, mailoutbox):
    today = timezone.localdate()
    with indexed():
        lapsing = looks_after(
            listed("Riverside Recovery", confirmed_days_ago=182, today=today - timedelta(days=100)),
            person("r@example.org"),
        )
    link = ask(lapsing, mailoutbox, today=today - timedelta(days=100))
    with indexed():
        confirmation.run_cycle(today=today)
    lapsing.refresh_from_db()
    assert lapsing.lapsed and find_groups("Riverside Recovery").total == 0
    assert "out of search results" in client.get(link).content.decode()

    with indexed():
        response = client.post(link)

    assert "It is back in search results." in response.content.decode()
    lapsing.refresh_from_db()
    assert not lapsing.lapsed and lapsing.last_confirmed == today
    assert find_groups("Riverside Recovery").total == 1
    assert "have not been confirmed since" not in client.get(lapsing.get_absolute_url()).content.decode()


def test_an_unknown_link_is_a_friendly_404(client, db):
    response = client.get("/confirm/not-a-real-token/")
    assert response.status_code == 404
    assert "We do not recognise this link" in response.content.decode()
    assert client.post("/confirm/not-a-real-token/").status_code == 404


def test_an_expired_link_is_a_friendly_410(client, mailoutbox):
    today = timezone.localdate()
    old = looks_after(
        listed("Long Gone Quiet", confirmed_days_ago=182, today=today - timedelta(days=200)),
        person("o@example.org"),
    )
    link = ask(old, mailoutbox, today=today - timedelta(days=200))
    response = client.post(link)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert ConfirmationRequest.objects.get(group=old).confirmed_at is None


def test_the_link_expires_when_the_next_cycle_would_start_and_never_later_than_the_lapse_period(settings):
    group = listed("Expiry Rules", confirmed_days_ago=182)
    due_on = confirmation.due_on_for(group)
    request_obj = ConfirmationRequest(group=group, due_on=due_on)
    assert confirmation.expires_on(request_obj) == due_on + timedelta(days=181)
    request_obj.sent_at = confirmation._moment(due_on + timedelta(days=100))
    assert confirmation.expires_on(request_obj) == due_on + timedelta(days=181)
    # With a cycle longer than the lapse period, the lapse period is the limit.
    settings.RECONFIRM_INTERVAL_DAYS = 400
    assert confirmation.expires_on(request_obj) == due_on + timedelta(days=100 + 270)


def test_a_closed_group_has_nothing_to_confirm(client, group, mailoutbox):
    link = ask(group, mailoutbox)
    group.status = "closed"
    group.save()
    response = client.post(link)
    assert response.status_code == 410
    assert "closed" in response.content.decode()


def test_a_group_confirmed_another_way_meanwhile_just_gets_thanks(client, group, mailoutbox):
    link = ask(group, mailoutbox)
    confirmation.confirm_group_listing(group, person("contact@example.org"))
    response = client.post(link)
    assert response.status_code == 200
    assert "Already confirmed, thank you" in response.content.decode()
    assert ListingChange.objects.filter(group=group).count() == 1
