"""Short codes: six characters from an alphabet without look-alikes, unique (a clash draws again), found in
any case; /p/<code> leads to the pack's page."""

import re

import pytest

from twoworlds.packs import services
from twoworlds.packs.models import CODE_ALPHABET, Pack

from .support import make_pack

pytestmark = pytest.mark.django_db


def test_codes_use_six_unambiguous_characters(db):
    for ambiguous in "01ILOUV":
        assert ambiguous not in CODE_ALPHABET
    codes = {make_pack(f"Pack {n}").code for n in range(40)}

    assert len(codes) == 40
    for code in codes:
        assert re.fullmatch(f"[{CODE_ALPHABET}]{{6}}", code)


def test_a_clash_draws_a_new_code(db, monkeypatch):
    first = make_pack("First")
    drawn = iter([first.code, first.code, "XYZ234"])
    monkeypatch.setattr(services, "new_code", lambda length=6: next(drawn))

    second = make_pack("Second")

    assert second.code == "XYZ234"
    assert Pack.objects.filter(code=first.code).count() == 1


def test_a_clash_at_the_moment_of_saving_draws_again(db, monkeypatch):
    """Two builders saving at once: the other one takes the code between our check and our insert; the
    database's unique constraint refuses ours, and a new code is drawn."""
    drawn = iter(["AAAAAA", "BBBBBB"])
    monkeypatch.setattr(services, "new_code", lambda length=6: next(drawn))
    real_insert = services._insert_with_code
    raced = []

    def insert_after_a_rival(pack):
        if not raced:
            raced.append(Pack.objects.create(title="Rival", slug="rival", code=pack.code))
        real_insert(pack)

    monkeypatch.setattr(services, "_insert_with_code", insert_after_a_rival)
    ours = make_pack("Ours")

    assert ours.code == "BBBBBB"
    assert Pack.objects.get(code="AAAAAA").title == "Rival"


def test_codes_grow_after_repeated_clashes(db, monkeypatch):
    first = make_pack("First")
    lengths = []

    def draw(length=6):
        lengths.append(length)
        return first.code if len(lengths) <= 5 else "ABCDEFG"

    monkeypatch.setattr(services, "new_code", draw)
    assert make_pack("Second").code == "ABCDEFG"
    assert lengths == [6, 6, 6, 6, 6, 7]


def test_codes_are_found_in_any_case_and_the_short_link_redirects(client, db):
    pack = make_pack()

    assert services.get_pack(pack.code.lower()) == pack
    for typed in (pack.code, pack.code.lower()):
        response = client.get(f"/p/{typed}")
        assert response.status_code == 302
        assert response["Location"] == f"/packs/{pack.code}/"
    assert client.get(f"/packs/{pack.code.lower()}/").status_code == 200


def test_unknown_codes_are_not_found(client, db):
    make_pack()
    assert client.get("/p/ZZZZZZ").status_code == 404
    assert client.get("/packs/ZZZZZZ/").status_code == 404
    assert client.get("/p/O0O0O0").status_code == 404  # not even a possible code
