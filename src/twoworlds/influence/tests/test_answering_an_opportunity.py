"""Declining is one click and costs nothing: no reason asked, and the poster sees only counts (banded below
5), never who declined. "Interested" tells the poster which group, with a way to reply."""

import pytest
from django.urls import reverse

from twoworlds.influence import services
from twoworlds.influence.models import Delivery, Level

from .support import issues, listing_with_contact, post, professional


@pytest.fixture
def sent(db):
    dementia = issues()["dementia"]
    pro = professional("lead@memoryclinic.example")
    groups = []
    for n in range(7):
        group, contact = listing_with_contact(f"Carers {n}", f"c{n}@example.org", [dementia])
        services.set_preference(group, contact, [Level.INFORMAL], [dementia])
        groups.append((group, contact))
    opportunity = post(
        pro, Level.INFORMAL, [dementia], "Team conversation", agency=pro.agency_memberships.get().agency
    )
    return {"pro": pro, "groups": groups, "opportunity": opportunity}


def delivery(group):
    return Delivery.objects.get(group=group)


def test_no_thanks_is_one_click_and_asks_nothing(client, sent, commit, mailoutbox):
    group, contact = sent["groups"][0]
    client.force_login(contact)
    body = client.get(reverse("influence:group", args=[group.slug])).content.decode()
    assert (
        'name="answer" value="declined"' in body and "reason" not in body.lower().split("no thanks")[0][-200:]
    )
    with commit():
        response = client.post(
            reverse("influence:group_answer", args=[group.slug, delivery(group).pk]), {"answer": "declined"}
        )
    assert response.status_code == 302
    assert delivery(group).answer == "declined"
    assert mailoutbox == []  # the poster is not told


def test_the_poster_sees_counts_not_who_declined(client, sent):
    for group, contact in sent["groups"][:2]:
        services.answer(delivery(group), contact, interested=False)
    interested_group, interested_contact = sent["groups"][2]
    services.answer(delivery(interested_group), interested_contact, interested=True)
    client.force_login(sent["pro"])
    body = client.get(reverse("influence:opportunity", args=[sent["opportunity"].pk])).content.decode()
    assert "Carers 2" in body  # interested: named
    assert "Carers 0" not in body and "Carers 1" not in body  # declined: never named
    assert "fewer than 5" in body  # 2 declined is shown as fewer than 5
    assert "<dd>7</dd>" in body  # 7 were sent: shown as it is
    counts = services.counts_for(sent["opportunity"])
    assert counts["declined"] == "fewer than 5" and counts["waiting"] == "fewer than 5"


def test_interested_tells_the_poster_once_with_a_way_to_reply(sent, commit, mailoutbox):
    group, contact = sent["groups"][3]
    with commit():
        services.answer(delivery(group), contact, interested=True)
        services.answer(delivery(group), contact, interested=True)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["lead@memoryclinic.example"]
    assert mailoutbox[0].reply_to == ["c3@example.org"]
    assert "Carers 3 is interested" in mailoutbox[0].subject
