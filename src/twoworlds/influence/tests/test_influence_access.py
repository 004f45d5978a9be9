"""Who may see and do what in influence: anonymous visitors go to sign in; another group's contact, another
agency's professional and people who are neither are refused."""

import pytest
from django.urls import reverse

from twoworlds.influence import services
from twoworlds.influence.models import Delivery, Level

from .support import agency, issues, listing_with_contact, person, post, professional, staff


@pytest.fixture
def world(db):
    dementia = issues()["dementia"]
    group, contact = listing_with_contact("Memory Carers", "dem@example.org", [dementia])
    services.set_preference(group, contact, [Level.FORUM], [dementia])
    other_group, other_contact = listing_with_contact("Bulwell Carers", "bul@example.org", [dementia])
    poster = professional("lead@memoryclinic.example")
    opportunity = post(poster, Level.FORUM, [dementia], agency=poster.agency_memberships.get().agency)
    service = agency("Stroke Rehabilitation Service")
    thread = services.start_feedback(group, contact, service, subject="Wait", body="Long")
    return {
        "group": group,
        "other_contact": other_contact,
        "poster": poster,
        "opportunity": opportunity,
        "delivery": Delivery.objects.get(group=group),
        "thread": thread,
        "other_pro": professional("gp@practice.example"),
    }


def group_urls(w):
    slug = w["group"].slug
    return [
        ("get", reverse("influence:group", args=[slug])),
        ("get", reverse("influence:group_opportunity", args=[slug, w["delivery"].pk])),
        ("post", reverse("influence:group_answer", args=[slug, w["delivery"].pk])),
        ("get", reverse("influence:group_feedback", args=[slug])),
        ("get", reverse("influence:group_feedback_new", args=[slug])),
        ("get", reverse("influence:group_thread", args=[slug, w["thread"].pk])),
    ]


def poster_urls(w):
    return [
        ("get", reverse("influence:opportunity", args=[w["opportunity"].pk])),
        ("post", reverse("influence:close", args=[w["opportunity"].pk])),
        ("get", reverse("influence:service_thread", args=[w["thread"].pk])),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    extra = [
        ("get", reverse(n))
        for n in (
            "influence:opportunities",
            "influence:post",
            "influence:service_feedback",
            "influence_staff:overview",
        )
    ]
    for method, url in group_urls(world) + poster_urls(world) + extra:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/account/sign-in/" in response["Location"], url


def test_another_groups_contact_is_refused(client, world):
    client.force_login(world["other_contact"])
    for method, url in group_urls(world) + poster_urls(world):
        assert getattr(client, method)(url).status_code == 403, url
    assert Delivery.objects.get(pk=world["delivery"].pk).answer == ""


def test_another_agency_is_refused(client, world):
    client.force_login(world["other_pro"])
    for method, url in poster_urls(world) + group_urls(world):
        assert getattr(client, method)(url).status_code == 403, url
    world["opportunity"].refresh_from_db()
    assert world["opportunity"].closed_at is None
    body = client.get(reverse("influence:opportunities")).content.decode()
    assert world["opportunity"].title not in body


def test_people_who_are_neither_staff_nor_professionals_cannot_post(client, world):
    client.force_login(person("member@example.org"))
    assert client.get(reverse("influence:post")).status_code == 403
    assert client.get(reverse("influence:opportunities")).status_code == 403
    assert client.get(reverse("influence:service_feedback")).status_code == 403
    assert client.get(reverse("influence_staff:overview")).status_code == 403


def test_staff_post_as_the_clearinghouse_and_see_every_opportunity(client, world, commit, mailoutbox):
    editor = staff()
    client.force_login(editor)
    assert world["opportunity"].title in client.get(reverse("influence:opportunities")).content.decode()
    dementia = world["group"].influence_preference.categories.get()
    with commit():
        response = client.post(
            reverse("influence:post"),
            {
                "level": "forum",
                "title": "Carers' forum, spring",
                "description": "Quarterly forum.",
                "categories": [str(dementia.pk)],
                "time_and_energy": "Two hours, four times a year",
                "starts_on": "2099-03-01",
                "paid": "on",
                "payment": "",
            },
        )
    assert response.status_code == 400 and "Say how much is paid" in response.content.decode()
    with commit():
        response = client.post(
            reverse("influence:post"),
            {
                "level": "forum",
                "title": "Carers' forum, spring",
                "description": "Quarterly forum.",
                "categories": [str(dementia.pk)],
                "time_and_energy": "Two hours, four times a year",
                "starts_on": "2099-03-01",
            },
        )
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["dem@example.org"]]
