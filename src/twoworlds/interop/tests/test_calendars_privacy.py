"""Calendar files publish a venue only as far as the group allows, and joining details only as the
group's page shows them."""

import icalendar
import pytest

from twoworlds.core import testing as t
from twoworlds.directory.models import ContactRoute

from . import feeds

pytestmark = pytest.mark.django_db


def only_event(client, group):
    response = client.get(f"/groups/{group.slug}/meetings.ics")
    assert response.status_code == 200
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    return event, response.content.decode()


def test_public_venue_gives_its_full_address_and_position(client):
    group = t.group("Clarendon Group", meetings=[feeds.weekly(1, venue=feeds.public_venue())])
    event, _text = only_event(client, group)
    assert str(event["location"]) == "Friends Meeting House, 30 Clarendon Street, Nottingham NG1 5FS"
    assert (event["geo"].latitude, event["geo"].longitude) == (52.95623, -1.15619)


def test_members_home_gives_only_its_area(client):
    group = t.group("Kitchen Table", meetings=[feeds.weekly(5, venue=feeds.home_venue())])
    event, text = only_event(client, group)
    assert "Arnold NG5" in str(event["location"])
    assert "given when you get in touch" in str(event["location"])
    assert "GEO" not in event
    for private in ("Acacia", "NG5 6AA", "Jo's house", "53.005"):
        assert private not in text


def test_address_given_on_request_gives_only_its_area(client):
    group = t.group("Quiet Group", meetings=[feeds.weekly(2, venue=feeds.on_request_venue())])
    event, text = only_event(client, group)
    assert "Carlton NG4" in str(event["location"])
    assert "GEO" not in event
    for private in ("Larch Close", "NG4 1AA", "Quiet Room"):
        assert private not in text


def test_hidden_venue_gives_no_place(client):
    group = t.group("Hidden Group", meetings=[feeds.weekly(2, venue=feeds.hidden_venue())])
    event, text = only_event(client, group)
    assert str(event["location"]) == "The venue is given when you get in touch."
    for private in ("Hidden Lane", "Hucknall", "NG15", "Secret Place"):
        assert private not in text


def test_online_meeting_gives_the_joining_details_its_page_shows(client):
    group = t.group(
        "Screen Circle",
        meetings=[feeds.weekly(3, attendance="online", online_joining="Zoom – we send the link by email.")],
    )
    event, _text = only_event(client, group)
    assert str(event["location"]) == "Online"
    assert "Zoom – we send the link by email." in str(event["description"])
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Zoom – we send the link by email." in page  # the same words, public on the page


def test_contact_routes_that_are_not_public_never_appear(client):
    group = t.group(
        "Careful Group",
        meetings=[feeds.weekly(3, venue=feeds.public_venue())],
        routes=[
            {"kind": "phone", "value": "0115 496 0999", "visibility": ContactRoute.Visibility.ON_REQUEST},
            {"kind": "email", "value": "private@example.org", "visibility": ContactRoute.Visibility.HIDDEN},
        ],
    )
    _event, text = only_event(client, group)
    assert "496 0999" not in text and "private@example.org" not in text
