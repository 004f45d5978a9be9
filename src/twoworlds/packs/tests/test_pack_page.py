"""The public pack page: the agency's introduction, then each group with who it is for, when and where,
how to get in touch (public routes only) and when its details were last confirmed, with a link to its page;
links to the handouts; the QR code and short link. Open to everyone, read-only."""

import pytest
from django.urls import reverse

from twoworlds.core import testing as t
from twoworlds.directory.models import ContactRoute

from .support import make_pack

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack(ward):
    hall = t.venue("St Anne's Hall", postcode="NG3 3AB", lat=52.96, lon=-1.13)
    home = t.venue(
        "Jo's house", town="Arnold", postcode="NG5 8XY", lat=53.005, lon=-1.127, is_members_home=True
    )
    club = t.group(
        "Sneinton Stroke Club",
        [t.category("Stroke")],
        meetings=[t.weekly(1, "14:00", "16:00", venue=hall), t.weekly(3, "10:00", "11:30", venue=home)],
        routes=[
            {"kind": ContactRoute.Kind.PHONE, "value": "0115 496 0123", "contact_name": "Pat"},
            {"kind": ContactRoute.Kind.EMAIL, "value": "private@example.org", "visibility": "on_request"},
            {"kind": ContactRoute.Kind.PHONE, "value": "07700 900999", "visibility": "hidden"},
        ],
        for_family_friends=True,
    )
    return make_pack(
        at=ward, picked=[club], introduction="Going home is a big step.\n\nThese groups can help."
    )


def test_the_page_shows_the_pack_and_its_groups(client, pack):
    response = client.get(f"/packs/{pack.code}/")

    assert response.status_code == 200
    page = response.content.decode()
    for expected in [
        "Stroke ward: going home",
        "An information pack from Ward 12, City Hospital",
        "<p>Going home is a big step.</p>",
        'href="/groups/sneinton-stroke-club/"',
        "People affected, Family and friends",
        "Every Tuesday, 2 p.m. to 4 p.m.: St Anne&#x27;s Hall, 1 High Street, Nottingham, NG3 3AB",
        "A member&#x27;s home in Arnold NG5. The address is given when you get in touch.",
        'href="tel:01154960123"',
        "ask for Pat",
        "Details last confirmed",
        "Nobody has passed your details to these groups",
        f'href="/packs/{pack.code}/handout.pdf"',
        f'href="/packs/{pack.code}/handout-large-print.pdf"',
        f'src="/packs/{pack.code}/qr.svg"',
        f"http://testserver/p/{pack.code}",
    ]:
        assert expected in page, expected
    for private in ["private@example.org", "07700 900999", "Jo&#x27;s house", "NG5 8XY"]:
        assert private not in page


def test_builders_get_a_link_to_change_it_and_visitors_do_not(client, pack, nurse):
    edit = reverse("packs:edit", args=[pack.code])
    assert edit not in client.get(pack.get_absolute_url()).content.decode()
    client.force_login(nurse)
    assert edit in client.get(pack.get_absolute_url()).content.decode()


def test_a_pack_out_of_use_says_so_and_points_to_search(client, pack):
    pack.active = False
    pack.save()
    response = client.get(pack.get_absolute_url())

    assert response.status_code == 410
    page = response.content.decode()
    assert "Ward 12, City Hospital no longer keeps this information pack up to date." in page
    assert 'href="/search' in page
    assert "Sneinton Stroke Club" not in page


def test_the_page_refuses_writes(client, pack):
    for path in (pack.get_absolute_url(), pack.get_short_url(), f"/packs/{pack.code}/qr.svg"):
        assert client.post(path).status_code == 405
        assert client.delete(path).status_code == 405
