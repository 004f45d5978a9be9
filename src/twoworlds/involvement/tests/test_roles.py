"""Roles, from low to high involvement: proposed by either side and agreed by the other (nothing assumed), a
figurehead only where the group wants one, reviewed (carry on, change, end), ended by either side at any
time, and the history kept."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from twoworlds.involvement import services
from twoworlds.involvement.models import Role, RoleReview, Side

from .support import in_days, professional, proposed_role, set_stance, terms


@pytest.fixture
def agreed(guests_welcome, contact, pro):
    role = proposed_role(guests_welcome, pro)
    return services.answer_role(role, contact, Side.GROUP, True)


def test_nothing_starts_until_the_other_side_agrees(guests_welcome, contact, pro, commit, mailoutbox):
    with commit():
        role = proposed_role(guests_welcome, pro)
    assert role.state == Role.State.PROPOSED
    assert mailoutbox[-1].to == ["pat@example.org"] and "please answer" in mailoutbox[-1].subject
    with pytest.raises(PermissionDenied):  # the proposer cannot agree their own proposal
        services.answer_role(role, pro, Side.PROFESSIONAL, True)
    with commit():
        services.answer_role(role, contact, Side.GROUP, True)
    role.refresh_from_db()
    assert role.state == Role.State.ACTIVE
    assert mailoutbox[-1].to == ["nurse@qmc.example"] and "is agreed" in mailoutbox[-1].subject


def test_the_group_proposes_and_the_professional_agrees(
    client, guests_welcome, contact, pro, commit, mailoutbox
):
    client.force_login(contact)
    with commit():
        response = client.post(
            reverse("involvement:group_propose_role", args=[guests_welcome.slug]),
            {
                "professional_email": "NURSE@qmc.example",
                "kind": "figurehead",
                "description": "Medical adviser, named on our leaflet.",
                "time_commitment": "A few emails a year",
                "review_on": in_days(365).isoformat(),
            },
        )
    role = Role.objects.get()
    assert response.status_code == 302
    assert role.kind == "figurehead" and role.proposed_by == Side.GROUP and role.professional == pro
    assert mailoutbox[-1].to == ["nurse@qmc.example"]
    client.force_login(pro)
    client.post(reverse("involvement:professional_role_action", args=[role.pk, "agree"]))
    role.refresh_from_db()
    assert role.state == Role.State.ACTIVE


def test_a_professional_cannot_propose_themselves_as_figurehead(client, guests_welcome, pro):
    with pytest.raises(ValidationError):
        proposed_role(guests_welcome, pro, kind="figurehead")
    client.force_login(pro)
    page = client.get(reverse("involvement:propose_as_professional", args=[guests_welcome.slug]))
    assert 'value="figurehead"' not in page.content.decode()
    response = client.post(
        reverse("involvement:propose_as_professional", args=[guests_welcome.slug]),
        {
            "kind": "figurehead",
            "description": "x",
            "time_commitment": "x",
            "review_on": in_days(30).isoformat(),
        },
    )
    assert response.status_code == 400
    assert not Role.objects.exists()


def test_an_unknown_professional_address_is_explained(client, guests_welcome, contact):
    client.force_login(contact)
    response = client.post(
        reverse("involvement:group_propose_role", args=[guests_welcome.slug]),
        {
            "professional_email": "nobody@example.org",
            "kind": "low_key",
            "description": "x",
            "time_commitment": "x",
            "review_on": in_days(30).isoformat(),
        },
    )
    assert response.status_code == 400
    assert "There is no professional with that address" in response.content.decode()


def test_no_roles_where_the_group_says_no(client, group, contact, pro):
    set_stance(group, "no_involvement", contact)
    with pytest.raises(services.NotOnTheGroupsTerms):
        proposed_role(group, pro)
    client.force_login(pro)
    response = client.get(reverse("involvement:propose_as_professional", args=[group.slug]))
    assert response.status_code == 403 and "no professional involvement" in response.content.decode()


def test_roles_are_allowed_where_guests_are_not(group, contact, pro):
    set_stance(group, "tell_people", contact)
    assert proposed_role(group, pro).state == Role.State.PROPOSED


def test_either_side_ends_a_role_at_any_time(agreed, contact, pro, commit, mailoutbox):
    with commit():
        services.end_role(agreed, pro, Side.PROFESSIONAL)
    agreed.refresh_from_db()
    assert agreed.state == Role.State.ENDED and agreed.ended_by == Side.PROFESSIONAL
    assert mailoutbox[-1].to == ["pat@example.org"] and "has ended" in mailoutbox[-1].subject
    with pytest.raises(ValidationError):
        services.end_role(agreed, contact, Side.GROUP)


def test_the_group_ends_it_with_a_reason(client, agreed, contact, commit, mailoutbox):
    client.force_login(contact)
    with commit():
        client.post(
            reverse("involvement:group_role_action", args=[agreed.group.slug, agreed.pk, "end"]),
            {"reason": "We manage on our own now."},
        )
    agreed.refresh_from_db()
    assert agreed.state == Role.State.ENDED and agreed.end_reason == "We manage on our own now."
    assert "We manage on our own now." in mailoutbox[-1].body


def test_a_review_carries_on_with_a_new_date(agreed, contact, pro, commit, mailoutbox):
    with pytest.raises(ValidationError):
        services.review_role(agreed, contact, Side.GROUP, RoleReview.Outcome.CARRY_ON)
    with commit():
        services.review_role(
            agreed,
            contact,
            Side.GROUP,
            RoleReview.Outcome.CARRY_ON,
            next_review_on=in_days(200),
            notes="Going well",
        )
    agreed.refresh_from_db()
    assert agreed.review_on == in_days(200) and agreed.state == Role.State.ACTIVE
    review = agreed.reviews.get()
    assert review.review_was_due_on == in_days(90) and review.next_review_on == in_days(200)
    assert mailoutbox[-1].to == ["nurse@qmc.example"] and "carry on" in mailoutbox[-1].subject


def test_a_change_is_agreed_by_the_other_side_and_the_history_is_kept(client, agreed, contact, pro):
    review, changed = services.review_role(
        agreed,
        pro,
        Side.PROFESSIONAL,
        RoleReview.Outcome.CHANGE,
        change=terms(kind="requests", time_commitment="When asked", review_in=180),
    )
    agreed.refresh_from_db()
    assert agreed.state == Role.State.ACTIVE  # it carries on as it is until the change is agreed
    assert changed.state == Role.State.PROPOSED and changed.replaces == agreed
    services.answer_role(changed, contact, Side.GROUP, True)
    agreed.refresh_from_db()
    changed.refresh_from_db()
    assert agreed.state == Role.State.ENDED and changed.state == Role.State.ACTIVE
    assert [version.pk for version in services.role_history(changed)] == [changed.pk, agreed.pk]

    client.force_login(contact)
    body = client.get(
        reverse("involvement:group_role", args=[agreed.group.slug, changed.pk])
    ).content.decode()
    assert "History of this role" in body
    assert "Change the role" in body and "Low-key supporter" in body and "Responding to requests" in body


def test_a_review_can_end_the_role(client, agreed, contact):
    client.force_login(contact)
    response = client.post(
        reverse("involvement:group_review", args=[agreed.group.slug, agreed.pk]),
        {"outcome": "end", "notes": "Thank you for everything."},
    )
    assert response.status_code == 302
    agreed.refresh_from_db()
    assert agreed.state == Role.State.ENDED and agreed.reviews.get().outcome == "end"


def test_the_review_form_keeps_what_was_typed(client, agreed, contact):
    client.force_login(contact)
    response = client.post(
        reverse("involvement:group_review", args=[agreed.group.slug, agreed.pk]),
        {"outcome": "carry_on", "notes": "Keep going"},
    )
    assert response.status_code == 400
    assert "Choose the next review date" in response.content.decode()
    assert "Keep going" in response.content.decode()


def test_a_proposal_can_be_taken_back_or_declined(guests_welcome, contact, pro):
    first = proposed_role(guests_welcome, pro)
    services.withdraw_proposal(first, pro, Side.PROFESSIONAL)
    second = proposed_role(guests_welcome, pro)
    services.answer_role(second, contact, Side.GROUP, False, "Not now")
    assert list(Role.objects.order_by("pk").values_list("state", flat=True)) == ["withdrawn", "declined"]


def test_another_professional_cannot_review(agreed):
    stranger = professional("gp@practice.example", name=("Ann", "Lee"))
    with pytest.raises(PermissionDenied):
        services.end_role(agreed, stranger, Side.PROFESSIONAL)
