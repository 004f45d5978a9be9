"""Nothing is sent to a group that has not opted in: an opportunity reaches a group only when the group chose
its level AND one of its issues (an issue covering its sub-issues). Tested hard, through the service, the
emails and the pages."""

import pytest
from django.urls import reverse

from twoworlds.directory.models import Group
from twoworlds.influence import services
from twoworlds.influence.models import Delivery, Level

from .support import issues, listing_with_contact, post, staff


@pytest.fixture
def world(db):
    found = issues()
    dementia_forums, dementia_contact = listing_with_contact(
        "Memory Carers", "dem@example.org", [found["dementia"]]
    )
    services.set_preference(dementia_forums, dementia_contact, [Level.FORUM], [found["dementia"]])
    silent, _ = listing_with_contact("Quiet Carers", "quiet@example.org", [found["dementia"]])
    mental_formal, mental_contact = listing_with_contact(
        "Mind Matters", "mind@example.org", [found["depression"]]
    )
    services.set_preference(mental_formal, mental_contact, [Level.FORMAL], [found["mental_health"]])
    return {
        **found,
        "dementia_forums": dementia_forums,
        "silent": silent,
        "mental_formal": mental_formal,
        "editor": staff(),
    }


def received(group):
    return set(Delivery.objects.filter(group=group).values_list("opportunity__title", flat=True))


def test_a_dementia_forum_reaches_only_the_group_opted_in_to_dementia_forums(world, commit, mailoutbox):
    with commit():
        post(world["editor"], Level.FORUM, [world["dementia"]], "Dementia carers' forum")
        post(world["editor"], Level.FORMAL, [world["dementia"]], "Dementia strategy working party")
        post(world["editor"], Level.FORUM, [world["mental_health"]], "Mental health forum")
        post(world["editor"], Level.INFORMAL, [world["dementia"]], "Talk to the memory clinic team")
    assert received(world["dementia_forums"]) == {"Dementia carers' forum"}
    assert received(world["silent"]) == set()
    assert received(world["mental_formal"]) == set()
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["dem@example.org"], "An opportunity for Memory Carers: Dementia carers' forum")
    ]


def test_an_issue_covers_its_sub_issues_but_not_the_other_way(world, commit):
    post(world["editor"], Level.FORMAL, [world["depression"]], "Depression services review")
    post(world["editor"], Level.FORMAL, [world["mental_health"]], "Mental health planning group")
    post(world["editor"], Level.FORUM, [world["carers"]], "Carers' forum (all carers)")
    assert received(world["mental_formal"]) == {"Depression services review", "Mental health planning group"}
    # The dementia group chose "Dementia", not every carers' issue.
    assert received(world["dementia_forums"]) == set()


def test_opting_in_later_brings_open_matching_opportunities_once(world, commit, mailoutbox):
    post(world["editor"], Level.FORUM, [world["dementia"]], "Dementia carers' forum")
    closed = post(world["editor"], Level.FORUM, [world["dementia"]], "Closed forum")
    services.close_opportunity(closed, world["editor"])
    contact = world["silent"].contacts.get().user
    with commit():
        services.set_preference(world["silent"], contact, [Level.FORUM], [world["carers"]])
        services.set_preference(world["silent"], contact, [Level.FORUM], [world["carers"]])
    assert received(world["silent"]) == {"Dementia carers' forum"}
    assert [m.to for m in mailoutbox] == [["quiet@example.org"]]


def test_opting_out_stops_everything(world):
    contact = world["dementia_forums"].contacts.get().user
    services.set_preference(world["dementia_forums"], contact, [], [])
    post(world["editor"], Level.FORUM, [world["dementia"]], "Dementia carers' forum")
    assert received(world["dementia_forums"]) == set()


def test_a_closed_group_gets_nothing(world):
    group = world["dementia_forums"]
    group.status = Group.Status.CLOSED
    group.save()
    post(world["editor"], Level.FORUM, [world["dementia"]])
    assert received(group) == set()


def test_the_group_sees_only_what_was_sent_to_it(client, world):
    post(world["editor"], Level.FORUM, [world["dementia"]], "Dementia carers' forum")
    post(world["editor"], Level.FORMAL, [world["dementia"]], "Dementia strategy working party")
    client.force_login(world["dementia_forums"].contacts.get().user)
    body = client.get(reverse("influence:group", args=[world["dementia_forums"].slug])).content.decode()
    assert "Dementia carers&#x27; forum" in body
    assert "working party" not in body
    other = Delivery.objects.create(
        opportunity=post(world["editor"], Level.FORUM, [world["depression"]]), group=world["mental_formal"]
    )
    response = client.get(
        reverse("influence:group_opportunity", args=[world["dementia_forums"].slug, other.pk])
    )
    assert response.status_code == 404


def test_the_opt_in_page_explains_the_levels_and_saves(client, world):
    group = world["silent"]
    client.force_login(group.contacts.get().user)
    url = reverse("influence:group", args=[group.slug])
    body = client.get(url).content.decode()
    assert "Three kinds of opportunity" in body and "planning groups and working parties" in body
    assert "You have not opted in" in body
    response = client.post(url, {"levels": ["informal"], "categories": []})
    assert response.status_code == 400 and "Choose at least one issue" in response.content.decode()
    response = client.post(url, {"levels": ["informal", "forum"], "categories": [str(world["dementia"].pk)]})
    assert response.status_code == 302
    preference = services.preference_for(group)
    assert preference.levels() == [Level.INFORMAL, Level.FORUM]
    assert list(preference.categories.all()) == [world["dementia"]]
