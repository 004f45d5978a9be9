"""A group's public page: everything a person or a professional needs, and nothing the group keeps back."""

from datetime import timedelta

from django.utils import timezone

from twoworlds.directory.models import Group


def test_shows_who_when_where_and_how_to_get_in_touch(client, listing):
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "Sneinton Stroke Club" in page
    assert "Self-help group: run by its members" in page
    assert "Every Wednesday, 2 p.m. to 4 p.m." in page
    assert "St Anne&#x27;s Hall" in page and "NG3 3AB" in page
    assert "Step-free access" in page and "Hearing loop" in page
    assert "Family and friends" in page
    assert "Someone will meet you at the door" in page
    assert 'href="tel:01154960123"' in page and "ask for Pat" in page
    assert "Details last confirmed" in page


def test_a_members_home_shows_only_its_area(client, listing):
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "A member&#x27;s home in Arnold NG5" in page
    assert "NG5 8XY" not in page and "Jo&#x27;s house" not in page and "1 High Street" in page  # hall only


def test_routes_given_on_request_or_hidden_are_not_shown(client, listing):
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "private@example.org" not in page
    assert "07700 900999" not in page


def test_details_not_confirmed_for_long_carry_a_warning(client, listing):
    listing.last_confirmed = timezone.localdate() - timedelta(days=400)
    listing.save()
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "Details not confirmed since" in page


def test_a_professionally_led_group_says_so(client, listing):
    listing.group_type = Group.Type.PROFESSIONALLY_LED
    listing.save()
    assert "Led by professionals" in client.get(listing.get_absolute_url()).content.decode()


def test_a_closed_group_stays_reachable_and_says_it_closed(client, listing):
    listing.status = Group.Status.CLOSED
    listing.save()
    response = client.get(listing.get_absolute_url())
    assert response.status_code == 200
    assert "This group has closed" in response.content.decode()


def test_an_unknown_group_is_a_friendly_404(client, db):
    response = client.get("/groups/no-such-group/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_page_carries_crisis_signposting(client, listing):
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "Need to talk to someone now?" in page and "116 123" in page


def test_a_paused_group_says_until_when_and_stays_findable(client, listing):
    from twoworlds.search.services import find_groups, rebuild_index

    listing.status = Group.Status.PAUSED
    listing.paused_until = timezone.localdate() + timedelta(days=30)
    listing.save()
    rebuild_index()
    assert "This group is taking a break until" in client.get(listing.get_absolute_url()).content.decode()
    assert "Paused until" in client.get("/search", {"q": "stroke"}).content.decode()
    assert find_groups("stroke").total == 1


def test_email_these_details_carries_the_public_details_only(client, listing):
    from urllib.parse import unquote

    page = client.get(listing.get_absolute_url()).content.decode()
    mailto = unquote(page.split('href="mailto:?subject=')[1].split('"')[0])
    assert "0115 496 0123" in mailto and "Every Wednesday" in mailto and "Details last confirmed" in mailto
    assert "private@example.org" not in mailto and "NG5 8XY" not in mailto
