import pytest

from .support import agency_with_member, group_with_contact, staff


@pytest.fixture
def world(db):
    """Two groups each with its contact, two agencies each with a professional, a staff member, and a
    signed-in stranger."""
    from .support import person

    group, contact = group_with_contact("Hearing Voices Group", "contact@example.org")
    other_group, other_contact = group_with_contact("Carers Together", "other-contact@example.org")
    agency, professional = agency_with_member("Ward 7", "nurse@example.org")
    other_agency, other_professional = agency_with_member("Riverside Practice", "gp@example.org")

    class World:
        pass

    w = World()
    w.group, w.contact, w.other_group, w.other_contact = group, contact, other_group, other_contact
    w.agency, w.professional = agency, professional
    w.other_agency, w.other_professional = other_agency, other_professional
    w.staff = staff()
    w.stranger = person("stranger@example.org")
    return w


@pytest.fixture
def client_for(client):
    """client_for(user) -> the test client signed in as `user` (or anonymous for None)."""

    def sign_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return sign_in
