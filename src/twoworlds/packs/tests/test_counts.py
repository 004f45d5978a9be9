"""Packs count how often they were opened, printed (A4, large print) and reached by QR code: one number per
pack, kind and day, and nothing else: no person, address, browser or time of day."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from twoworlds.packs import services
from twoworlds.packs.models import PackEvent

from .support import make_pack, person

pytestmark = pytest.mark.django_db


def counts(pack):
    return {kind: total for kind, total in services.totals([pack])[pack.pk].items()}


def test_opening_printing_and_scanning_are_counted(client, ward):
    pack = make_pack(at=ward)
    client.get(pack.get_absolute_url())
    client.get(pack.get_absolute_url())
    client.get(reverse("packs:handout", args=[pack.code]))
    client.get(reverse("packs:handout_large", args=[pack.code]))
    client.get(reverse("packs:handout_large", args=[pack.code]))
    client.get(f"/p/{pack.code}?qr")
    client.get(f"/p/{pack.code}")  # the short link typed in: the opening counts, on the pack page

    assert counts(pack) == {"opened": 2, "printed_a4": 1, "printed_large": 2, "qr_scanned": 1}
    assert PackEvent.objects.filter(pack=pack).count() == 4  # one row per kind for today


def test_counts_are_kept_per_day(client, ward):
    pack = make_pack(at=ward)
    PackEvent.objects.create(pack=pack, kind="opened", day=timezone.localdate() - timedelta(days=1), count=5)
    client.get(pack.get_absolute_url())

    assert counts(pack)["opened"] == 6
    assert sorted(PackEvent.objects.values_list("count", flat=True)) == [1, 5]


def test_head_requests_and_the_pack_makers_own_looks_are_not_counted(client, ward, nurse, editor):
    pack = make_pack(at=ward)
    client.head(pack.get_absolute_url())
    client.force_login(nurse)
    client.get(pack.get_absolute_url())
    client.force_login(editor)
    client.get(pack.get_absolute_url())

    assert counts(pack)["opened"] == 0
    client.force_login(person("someone@example.org"))
    client.get(pack.get_absolute_url())
    assert counts(pack)["opened"] == 1


def test_printing_counts_whoever_prints(client, ward, nurse):
    pack = make_pack(at=ward)
    client.force_login(nurse)  # handing a printed sheet to a patient is the point
    client.get(reverse("packs:handout", args=[pack.code]))
    assert counts(pack)["printed_a4"] == 1


def test_nothing_personal_is_stored(client, ward):
    pack = make_pack(at=ward)
    client.get(
        pack.get_absolute_url(),
        HTTP_USER_AGENT="Mozilla/5.0 PrivateBrowser/1.0",
        REMOTE_ADDR="203.0.113.77",
        HTTP_REFERER="https://mail.example.org/inbox/patient-letter",
    )
    client.get(f"/p/{pack.code}?qr", REMOTE_ADDR="203.0.113.77")

    columns = {field.column for field in PackEvent._meta.concrete_fields}
    assert columns == {"id", "pack_id", "kind", "day", "count"}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {PackEvent._meta.db_table}")
        stored = repr(cursor.fetchall())
    for personal in ["203.0.113", "PrivateBrowser", "patient-letter", "sessionid"]:
        assert personal not in stored


def test_counts_are_on_the_list_for_the_agency_and_staff(client, ward, nurse, editor):
    pack = make_pack(at=ward)
    PackEvent.objects.create(pack=pack, kind="opened", day=timezone.localdate(), count=17)
    PackEvent.objects.create(pack=pack, kind="printed_a4", day=timezone.localdate(), count=9)

    for user in (nurse, editor):
        client.force_login(user)
        page = client.get(reverse("packs:list")).content.decode()
        assert "Stroke ward: going home" in page
        assert '<td class="pack-count">17</td>' in page and '<td class="pack-count">9</td>' in page
