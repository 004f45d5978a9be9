"""Who may use the pack builder. Staff: every pack. A professional (an active member of an agency): their own
agency's packs only. Anonymous visitors: sent to sign in and brought back. Anyone else signed in, a removed
member, or a professional of another agency: refused with 403. Every builder view is listed here."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from twoworlds.core import testing as t
from twoworlds.packs.models import Pack

from .support import SIGN_IN, agency, make_pack, person, professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack(ward):
    return make_pack(
        at=ward, picked=[t.group("Sneinton Stroke Club", []), t.group("Beeston Stroke Club", [])]
    )


@pytest.fixture
def clearinghouse_pack(db):
    return make_pack("Bereavement: what now", at=None, picked=[t.group("Cruse Nottingham", [])])


def builder_pages(pack):
    """(method, url, data) for every builder view of one pack, and the builder-wide ones."""
    group = pack.picks.last()
    return [
        ("get", reverse("packs:list"), None),
        ("get", reverse("packs:new"), None),
        ("post", reverse("packs:new"), {"title": "Sneaky"}),
        ("get", reverse("packs:edit", args=[pack.code]), None),
        ("post", reverse("packs:edit", args=[pack.code]), {"title": "Changed"}),
        ("post", reverse("packs:move", args=[pack.code]), {"group": group.group_id, "direction": "up"}),
    ]


def pack_pages(pack):
    return [page for page in builder_pages(pack) if f"/{pack.code}/" in page[1]]


def call(client, method, url, data):
    return getattr(client, method)(url, data or {})


def test_anonymous_visitors_are_sent_to_sign_in_and_back(client, pack):
    for method, url, data in builder_pages(pack):
        response = call(client, method, url, data)
        assert response.status_code == 302, url
        assert response["Location"] == f"{SIGN_IN}?next={quote(url)}", url


def test_people_who_are_not_professionals_are_refused(client, pack):
    client.force_login(person("someone@example.org"))
    for method, url, data in builder_pages(pack):
        response = call(client, method, url, data)
        assert response.status_code == 403, url
        assert "ask the clearinghouse to add you to your agency" in response.content.decode()


def test_a_removed_member_is_refused(client, pack, ward):
    client.force_login(professional("left@hospital.example", ward, removed=True))
    for method, url, data in builder_pages(pack):
        assert call(client, method, url, data).status_code == 403, url


def test_a_deactivated_account_is_sent_to_sign_in(client, pack, nurse):
    client.force_login(nurse)
    nurse.is_active = False
    nurse.save()
    response = client.get(reverse("packs:list"))
    assert response.status_code == 302


def test_another_agencys_professional_cannot_touch_the_pack(client, pack):
    other = professional("gp@surgery.example", agency("Bridgeway GP Practice"))
    client.force_login(other)
    for method, url, data in pack_pages(pack):
        response = call(client, method, url, data)
        assert response.status_code == 403, url
        assert "Only the agency that made this pack" in response.content.decode()
    assert "Stroke ward: going home" not in client.get(reverse("packs:list")).content.decode()
    assert Pack.objects.get(pk=pack.pk).title == "Stroke ward: going home"


def test_only_staff_change_the_clearinghouse_packs(client, clearinghouse_pack, nurse, editor):
    client.force_login(nurse)
    for method, url, data in pack_pages(clearinghouse_pack):
        assert call(client, method, url, data).status_code == 403, url
    client.force_login(editor)
    assert client.get(reverse("packs:edit", args=[clearinghouse_pack.code])).status_code == 200


def test_staff_and_the_agencys_own_professionals_may_use_every_page(client, pack, nurse, editor):
    for user in (nurse, editor):
        client.force_login(user)
        for method, url, data in builder_pages(pack):
            response = call(client, method, url, data)
            assert response.status_code in (200, 302), (user, url)
            if response.status_code == 302:
                assert response["Location"].startswith(f"/packs/{pack.code}/edit/"), url


def test_staff_see_every_pack_and_professionals_their_own(client, pack, clearinghouse_pack, nurse, editor):
    theirs = make_pack("New diagnosis of MS", at=agency("MS Nurse Team"))
    client.force_login(editor)
    page = client.get(reverse("packs:list")).content.decode()
    assert all(p.title in page for p in (pack, clearinghouse_pack, theirs))

    client.force_login(nurse)
    page = client.get(reverse("packs:list")).content.decode()
    assert pack.title in page
    assert clearinghouse_pack.title not in page and theirs.title not in page


def test_unknown_packs_are_not_found_for_builders(client, nurse):
    client.force_login(nurse)
    assert client.get("/packs/ZZZZZZ/edit/").status_code == 404
