"""pack_groups(pack): picked groups first, in the pack's order, without closed or lapsed ones; then every
current group matching a rule (issue, near a place, within a distance), without repeats; then national
organisations for those issues when the pack includes them. Always from the live directory."""

import pytest

from twoworlds.core import testing as t
from twoworlds.directory import services as directory_services
from twoworlds.directory.models import ContactRoute, Group
from twoworlds.packs.services import move_pick, pack_groups
from twoworlds.search.services import rebuild_index

from .support import close, make_pack

pytestmark = pytest.mark.django_db


def names(pack):
    return [group.name for group in pack_groups(pack)]


def test_picked_groups_come_in_the_pack_order(directory):
    picked = [directory["tinnitus"], directory["dementia_cafe"], directory["phone"]]
    pack = make_pack(picked=picked)

    assert names(pack) == ["Tinnitus Self Help Nottingham", "Memory Lane Carers Café", "Telephone Friends"]
    assert {g.pack_source for g in pack_groups(pack)} == {"picked"}

    move_pick(pack, directory["phone"].pk, -1)
    assert names(pack) == ["Tinnitus Self Help Nottingham", "Telephone Friends", "Memory Lane Carers Café"]


def test_closed_and_lapsed_picks_are_left_out(directory):
    pack = make_pack(picked=[directory["closed"], directory["tinnitus"], directory["dementia_polish"]])
    Group.objects.filter(pk=directory["dementia_polish"].pk).update(lapsed=True)

    assert names(pack) == ["Tinnitus Self Help Nottingham"]


def test_a_rule_brings_every_current_group_for_an_issue_and_its_sub_issues(directory):
    carers = t.category("Carers")
    pack = make_pack(categories=[carers], include_national=False)

    found = names(pack)
    assert set(found) == {"Memory Lane Carers Café", "Polish Carers Circle", "Arnold Kitchen Table"}
    assert "Old Dementia Group" not in found  # closed
    assert {g.pack_source for g in pack_groups(pack)} == {"matched"}


def test_a_rule_near_a_place_keeps_to_the_distance(directory):
    dementia = t.category("Dementia")
    near_city = make_pack(categories=[dementia], near="NG1 5FS", distance=3, include_national=False)
    wider = make_pack(categories=[dementia], near="NG1 5FS", distance=10, include_national=False)

    # Beeston is about 3.3 miles from the city centre; the Arnold home's district is about 3.5 miles.
    assert names(near_city) == ["Memory Lane Carers Café"]
    assert set(names(wider)) == {"Memory Lane Carers Café", "Polish Carers Circle", "Arnold Kitchen Table"}


def test_online_and_phone_groups_count_as_near_everywhere(directory):
    health = t.category("Specific conditions")
    pack = make_pack(categories=[health], near="Beeston", distance=1, include_national=False)

    assert set(names(pack)) == {"ME Connect Online", "Telephone Friends"}


def test_picked_groups_come_first_and_are_not_repeated_by_rules(directory):
    dementia = t.category("Dementia")
    pack = make_pack(picked=[directory["home_group"]], categories=[dementia], include_national=False)

    found = names(pack)
    assert found[0] == "Arnold Kitchen Table"
    assert found.count("Arnold Kitchen Table") == 1
    assert set(found[1:]) == {"Memory Lane Carers Café", "Polish Carers Circle"}


def test_national_organisations_come_last_when_the_pack_includes_them(directory):
    dementia = t.category("Dementia")
    with_national = make_pack(categories=[dementia], include_national=True)
    without = make_pack(categories=[dementia], include_national=False)

    assert names(with_national)[-1] == "Dementia Society UK"
    assert pack_groups(with_national)[-1].pack_source == "national"
    assert "Dementia Society UK" not in names(without)


def test_a_pack_with_two_issues_lists_a_group_in_both_once(directory):
    both = t.group("Tinnitus Carers", [t.category("Tinnitus"), t.category("Dementia")])
    rebuild_index()
    pack = make_pack(categories=[t.category("Tinnitus"), t.category("Dementia")], include_national=False)

    assert names(pack).count(both.name) == 1


def test_a_change_to_a_listing_shows_in_the_pack_at_once(directory, indexed, client):
    cafe = directory["dementia_cafe"]
    pack = make_pack(picked=[cafe], categories=[t.category("Tinnitus")], include_national=False)
    page = client.get(pack.get_absolute_url()).content.decode()
    assert "Memory Lane Carers Café" in page and "Tinnitus Self Help Nottingham" in page

    # After the pack was made: the café renames itself and changes its phone number; a new tinnitus group is
    # listed; the tinnitus group closes.
    with indexed():
        cafe.name = "Memory Lane Café for Carers"
        directory_services.save_group(cafe)
        t.group("Hearing Voices of Tinnitus", [t.category("Tinnitus")])
        directory_services.save_contact_route(ContactRoute(group=cafe, kind="phone", value="0115 496 0999"))
    close(directory["tinnitus"])

    found = names(pack)
    assert found[0] == "Memory Lane Café for Carers"
    assert "Hearing Voices of Tinnitus" in found
    assert "Tinnitus Self Help Nottingham" not in found
    page = client.get(pack.get_absolute_url()).content.decode()
    assert "Memory Lane Café for Carers" in page and "0115 496 0999" in page
    assert "Tinnitus Self Help Nottingham" not in page


def test_nothing_about_the_groups_is_stored_in_the_pack(directory):
    from twoworlds.packs.models import Pack, PackGroup

    stored = {f.name for f in Pack._meta.concrete_fields} | {f.name for f in PackGroup._meta.concrete_fields}
    assert not stored & {"name", "description", "phone", "venue", "details", "cache", "snapshot"}
