"""The gazetteer (search.Place) in the staff admin: keys are stored the way 'near' looks them up, and a
district's centre, which stands in for members' homes, re-indexes the groups meeting there."""

import pytest
from django.urls import reverse

from twoworlds.search.geocoding import locate
from twoworlds.search.models import Place, SearchDocument

from .admin_support import assert_saved, form_data, make_group, make_meeting, make_staff, make_venue

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff("boss", is_superuser=True))
    return client


def test_adding_a_town_by_hand(staff_client):
    url = reverse("admin:search_place_add")
    data = form_data(staff_client.get(url))
    data.update(
        kind="town", key="  West   Bridgford ", name="West Bridgford", latitude="52.93", longitude="-1.13"
    )
    data.pop("from_venues", None)

    assert_saved(staff_client.post(url, data))

    place = Place.objects.get(name="West Bridgford")
    assert place.key == "west bridgford"
    assert not place.from_venues
    assert locate("west bridgford").name == "West Bridgford"


def test_postcode_keys_are_normalised_and_coordinates_checked(staff_client):
    url = reverse("admin:search_place_add")
    data = form_data(staff_client.get(url))
    data.update(kind="postcode", key="ng72uh", name="NG7 2UH", latitude="95", longitude="-1.2")

    response = staff_client.post(url, data)
    assert "latitude" in response.context["adminform"].form.errors

    data["latitude"] = "52.94"
    assert_saved(staff_client.post(url, data))
    assert Place.objects.get(kind="postcode").key == "NG7 2UH"


def test_moving_a_district_centre_moves_members_home_points(staff_client, django_capture_on_commit_callbacks):
    district = Place.objects.create(kind="district", key="NG5", name="NG5", latitude=53.0, longitude=-1.1)
    home = make_venue("A member's home", town="Arnold", postcode="NG5 6AA", is_members_home=True)
    group = make_group("Kitchen Table Group")
    make_meeting(group, venue=home)
    point = SearchDocument.objects.get(group=group).points.get()
    assert (point.latitude, point.longitude) == (53.0, -1.1)
    url = reverse("admin:search_place_change", args=[district.pk])
    data = form_data(staff_client.get(url))
    data["latitude"] = "53.02"

    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(url, data))

    point = SearchDocument.objects.get(group=group).points.get()
    assert (point.latitude, point.longitude) == (53.02, -1.1)


def test_place_list_filters(staff_client):
    Place.objects.create(kind="town", key="hucknall", name="Hucknall", latitude=53.03, longitude=-1.2)
    Place.objects.create(kind="district", key="NG15", name="NG15", latitude=53.03, longitude=-1.2)

    response = staff_client.get(reverse("admin:search_place_changelist"), {"kind__exact": "town"})

    assert [p.name for p in response.context["cl"].result_list] == ["Hucknall"]
