"""Organisations in the admin: the groups each one runs are listed (as links), and a new name reaches
every one of those groups' listings."""

import pytest
from django.urls import reverse

from twoworlds.directory.models import Group, Organisation

from .admin_support import assert_saved, form_data, hit_ids, make_group, make_organisation, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff("boss", is_superuser=True))
    return client


def test_organisation_page_lists_its_groups_read_only(staff_client):
    organisation = make_organisation("Nottingham Mind")
    group = make_group("Hearing Voices Nottingham", organisation=organisation)
    url = reverse("admin:directory_organisation_change", args=[organisation.pk])

    response = staff_client.get(url)

    content = response.content.decode()
    assert "Groups it runs" in content
    assert reverse("admin:directory_group_change", args=[group.pk]) in content
    [inline] = response.context["inline_admin_formsets"]
    assert (
        not inline.has_add_permission
        and not inline.has_change_permission
        and not inline.has_delete_permission
    )


def test_renaming_an_organisation_reindexes_its_groups(staff_client, django_capture_on_commit_callbacks):
    organisation = make_organisation("Carers Federation")
    groups = [
        make_group("Thursday Carers", organisation=organisation),
        make_group("Ollerton Carers", organisation=organisation),
    ]
    url = reverse("admin:directory_organisation_change", args=[organisation.pk])
    data = form_data(staff_client.get(url))
    data.update(name="Kingfisher Carers Federation", website="kingfisher.example.org")

    with django_capture_on_commit_callbacks(execute=True):
        assert_saved(staff_client.post(url, data))

    organisation.refresh_from_db()
    assert organisation.website == "https://kingfisher.example.org"
    assert set(hit_ids("kingfisher")) == {g.pk for g in groups}
    # The read-only inline changed nothing.
    assert Group.objects.filter(organisation=organisation).count() == 2


def test_add_organisation_and_list_filters(staff_client):
    url = reverse("admin:directory_organisation_add")
    data = form_data(staff_client.get(url))
    data.update(name="National Stammering Association", slug="national-stammering", is_national="on")

    assert_saved(staff_client.post(url, data))

    assert Organisation.objects.get(slug="national-stammering").is_national
    make_organisation("Local Only Trust")
    response = staff_client.get(
        reverse("admin:directory_organisation_changelist"), {"is_national__exact": "1"}
    )
    assert [o.name for o in response.context["cl"].result_list] == ["National Stammering Association"]
    response = staff_client.get(reverse("admin:directory_organisation_changelist"), {"q": "local"})
    assert [o.name for o in response.context["cl"].result_list] == ["Local Only Trust"]


def test_an_organisation_with_groups_cannot_be_deleted(staff_client):
    organisation = make_organisation("Busy Trust")
    make_group("Still Running", organisation=organisation)

    response = staff_client.post(
        reverse("admin:directory_organisation_delete", args=[organisation.pk]), {"post": "yes"}
    )

    assert response.status_code == 200
    assert Organisation.objects.filter(pk=organisation.pk).exists()
