"""Staff admin: agencies (searchable, with their professionals inline), professionals (searchable) and packs
(searchable, with picks and counts, no adding outside the builder)."""

import pytest
from django.contrib.auth import get_user_model

from twoworlds.accounts.models import AgencyMember

from .support import make_pack

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("root", "root@clearinghouse.example", "x" * 12)
    client.force_login(admin)
    return client


def test_agencies_are_listed_searched_and_show_their_professionals(admin_client, ward, nurse):
    page = admin_client.get("/staff/accounts/agency/?q=ward").content.decode()
    assert "Ward 12, City Hospital" in page
    assert "Ward 12" not in admin_client.get("/staff/accounts/agency/?q=surgery").content.decode()

    change = admin_client.get(f"/staff/accounts/agency/{ward.pk}/change/").content.decode()
    assert "nurse@hospital.example" in change and 'name="members-0-job_title"' in change


def test_professionals_are_listed_and_searched_by_email(admin_client, nurse):
    page = admin_client.get("/staff/accounts/agencymember/?q=nurse@hospital").content.decode()
    assert "nurse@hospital.example at Ward 12, City Hospital" in page
    member = AgencyMember.objects.get()
    assert admin_client.get(f"/staff/accounts/agencymember/{member.pk}/change/").status_code == 200


def test_packs_are_found_by_title_or_code(admin_client, ward):
    pack = make_pack(at=ward)
    assert pack.code in admin_client.get("/staff/packs/pack/?q=stroke").content.decode()
    assert "Stroke ward" in admin_client.get(f"/staff/packs/pack/?q={pack.code}").content.decode()
    assert admin_client.get(f"/staff/packs/pack/{pack.pk}/change/").status_code == 200
    assert admin_client.get("/staff/packs/pack/add/").status_code == 403
