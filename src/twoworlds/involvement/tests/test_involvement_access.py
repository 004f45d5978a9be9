"""Who may see and do what: anonymous visitors go to sign in; people without the right get a 403 (or a 404
for something that is not theirs); another group's contact and another agency's professional are refused."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from twoworlds.involvement import services
from twoworlds.involvement.models import Role

from .support import (
    ask,
    in_days,
    looks_after,
    make_listing,
    person,
    professional,
    proposed_role,
    set_stance,
    staff,
)


@pytest.fixture
def world(guests_welcome, contact, pro):
    invitation = ask(guests_welcome, pro)
    role = proposed_role(guests_welcome, pro)
    other_group = make_listing("Bulwell Carers")
    other_contact = person("other@example.org")
    looks_after(other_group, other_contact)
    set_stance(other_group, "invited_guests", other_contact)
    other_pro = professional("gp@practice.example", at=None, name=("Ann", "Lee"))
    return {
        "group": guests_welcome,
        "invitation": invitation,
        "role": role,
        "other_contact": other_contact,
        "other_pro": other_pro,
    }


def group_urls(w):
    slug = w["group"].slug
    return [
        ("get", reverse("involvement:group", args=[slug])),
        ("get", reverse("involvement:group_invitation", args=[slug, w["invitation"].pk])),
        ("post", reverse("involvement:withdraw_invitation", args=[slug, w["invitation"].pk])),
        ("get", reverse("involvement:group_propose_role", args=[slug])),
        ("get", reverse("involvement:group_role", args=[slug, w["role"].pk])),
        ("get", reverse("involvement:group_review", args=[slug, w["role"].pk])),
        ("post", reverse("involvement:group_role_action", args=[slug, w["role"].pk, "agree"])),
    ]


def professional_urls(w):
    return [
        ("get", reverse("involvement:professional_role", args=[w["role"].pk])),
        ("get", reverse("involvement:professional_review", args=[w["role"].pk])),
        ("post", reverse("involvement:professional_role_action", args=[w["role"].pk, "end"])),
        ("post", reverse("involvement:cancel_invitation", args=[w["invitation"].pk])),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    for method, url in (
        group_urls(world)
        + professional_urls(world)
        + [
            ("get", reverse("involvement:ask_to_attend", args=[world["group"].slug])),
            ("get", reverse("involvement:professional")),
            ("get", reverse("involvement_staff:overview")),
        ]
    ):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/account/sign-in/" in response["Location"], url


def test_another_groups_contact_is_refused(client, world):
    client.force_login(world["other_contact"])
    for method, url in group_urls(world):
        assert getattr(client, method)(url).status_code == 403, url
    assert Role.objects.get().state == Role.State.PROPOSED


def test_a_professional_from_another_agency_is_refused(client, world):
    client.force_login(world["other_pro"])
    for method, url in professional_urls(world):
        assert getattr(client, method)(url).status_code == 404, url
    for method, url in group_urls(world):
        assert getattr(client, method)(url).status_code == 403, url
    world["invitation"].refresh_from_db()
    assert world["invitation"].state == "asked"


def test_someone_who_is_not_a_professional_cannot_ask(client, world):
    client.force_login(person("member@example.org"))
    for name in ("involvement:ask_to_attend", "involvement:propose_as_professional"):
        response = client.get(reverse(name, args=[world["group"].slug]))
        assert response.status_code == 403
        assert "professionals whose agency" in response.content.decode()
    assert client.get(reverse("involvement:professional")).status_code == 403


def test_staff_overview_is_for_staff_only(client, world):
    client.force_login(world["other_pro"])
    assert client.get(reverse("involvement_staff:overview")).status_code == 403
    client.force_login(staff())
    assert client.get(reverse("involvement_staff:overview")).status_code == 200


def test_the_professional_cannot_act_for_the_group(world, pro):
    with pytest.raises(PermissionDenied):
        services.answer_role(world["role"], pro, services.Side.GROUP, True)
    with pytest.raises(PermissionDenied):
        services.decide_invitation(world["invitation"], pro, True, ends_on=in_days(9))
