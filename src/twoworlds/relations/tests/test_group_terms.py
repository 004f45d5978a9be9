"""A group's own terms: set by its contacts (or staff), shown on its page, and read by the queries that the
rest of the site uses. "No professional involvement" is a firm no."""

import pytest
from django.urls import reverse

from twoworlds.core import testing

from .. import queries
from ..models import GroupTerms, ResourceKind, Stance
from .support import terms

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "stance": Stance.SPEAKERS_BY_INVITATION,
        "stance_note": "Please ring first.",
        "gives_talks": "on",
        "talks_fee": "£40 or a donation",
        "talks_travel_costs": "on",
        "talks_notice_weeks": "6",
        "talks_topics": "Living with voices",
        "welcomes_meeting_room": "on",
        "welcomes_photocopying": "on",
        "welcomes_note": "Monthly, about 12 people.",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_no_terms_means_nothing_is_assumed(world):
    assert queries.group_terms(world.group) is None
    assert not queries.accepts_guests(world.group)
    assert not queries.accepts_roles(world.group)
    assert not queries.gives_talks(world.group)
    assert list(queries.groups_welcoming(ResourceKind.MEETING_ROOM)) == []


@pytest.mark.parametrize(
    "stance, guests, roles",
    [
        (Stance.TELL_PEOPLE, False, True),
        (Stance.SPEAKERS_BY_INVITATION, False, True),
        (Stance.INVITED_GUESTS, True, True),
        (Stance.NO_INVOLVEMENT, False, False),
    ],
)
def test_stance_decides_guests_and_roles(world, stance, guests, roles):
    terms(world.group, stance, gives_talks=True)
    assert queries.accepts_guests(world.group) is guests
    assert queries.accepts_roles(world.group) is roles
    # A firm no is a no to talks too, whatever else is ticked.
    assert queries.gives_talks(world.group) is (stance != Stance.NO_INVOLVEMENT)


def test_groups_welcoming_lists_only_groups_that_said_so(world):
    terms(world.group, welcomes_meeting_room=True)
    terms(world.other_group, Stance.NO_INVOLVEMENT, welcomes_meeting_room=True)
    closed = testing.group("Closed Group", status="closed")
    terms(closed, welcomes_meeting_room=True)
    assert list(queries.groups_welcoming(ResourceKind.MEETING_ROOM)) == [world.group]
    assert list(queries.groups_welcoming("photocopying")) == []
    with pytest.raises(ValueError):
        queries.groups_welcoming("a castle")


def test_groups_giving_talks_by_issue(world):
    carers = testing.category("Carers")
    voices = testing.group("Voices", [carers])
    terms(voices, gives_talks=True)
    terms(world.group, gives_talks=True)
    assert list(queries.groups_giving_talks(carers)) == [voices]
    assert set(queries.groups_giving_talks()) == {voices, world.group}


def test_contact_sets_terms_and_they_show_on_the_page(world, client_for):
    client = client_for(world.contact)
    url = reverse("relations:terms_edit", args=[world.group.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, _form())
    assert response.status_code == 302
    assert "terms are saved and shown here" in client.get(response["Location"]).content.decode()
    saved = GroupTerms.objects.get(group=world.group)
    assert (
        saved.stance == Stance.SPEAKERS_BY_INVITATION and saved.gives_talks and saved.talks_notice_weeks == 6
    )
    assert saved.updated_by == world.contact
    page = client_for(None).get(world.group.get_absolute_url()).content.decode()
    assert "Speakers welcome by invitation" in page
    assert "Please ring first." in page
    assert "£40 or a donation" in page
    assert "A meeting room" in page and "Photocopying" in page


def test_a_firm_no_is_shown_plainly_and_clears_talks(world, client_for):
    client = client_for(world.contact)
    client.post(reverse("relations:terms_edit", args=[world.group.slug]), _form(stance=Stance.NO_INVOLVEMENT))
    saved = GroupTerms.objects.get(group=world.group)
    assert saved.stance == Stance.NO_INVOLVEMENT and not saved.gives_talks
    page = client_for(world.professional).get(world.group.get_absolute_url()).content.decode()
    assert "No professional involvement" in page
    assert "Invite the group" not in page


def test_bad_input_re_renders_with_errors_and_keeps_what_was_typed(world, client_for):
    client = client_for(world.contact)
    response = client.post(
        reverse("relations:terms_edit", args=[world.group.slug]), _form(stance="", talks_notice_weeks="99")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and "Living with voices" in page
    assert not GroupTerms.objects.exists()


def test_staff_may_set_terms(world, client_for):
    response = client_for(world.staff).post(reverse("relations:terms_edit", args=[world.group.slug]), _form())
    assert response.status_code == 302


@pytest.mark.parametrize("who", ["other_contact", "professional", "stranger"])
def test_others_may_not_set_terms(world, client_for, who):
    client = client_for(getattr(world, who))
    url = reverse("relations:terms_edit", args=[world.group.slug])
    assert client.get(url).status_code == 403
    assert client.post(url, _form()).status_code == 403
    assert not GroupTerms.objects.exists()


def test_anonymous_is_sent_to_sign_in(world, client_for):
    response = client_for(None).get(reverse("relations:terms_edit", args=[world.group.slug]))
    assert response.status_code == 302 and reverse("accounts:sign_in") in response["Location"]


def test_the_edit_link_shows_only_to_those_who_may_edit(world, client_for):
    url = world.group.get_absolute_url()
    edit = reverse("relations:terms_edit", args=[world.group.slug])
    assert edit in client_for(world.contact).get(url).content.decode()
    assert edit not in client_for(world.other_contact).get(url).content.decode()
    assert edit not in client_for(None).get(url).content.decode()
