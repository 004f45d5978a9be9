"""Every filter narrows the results on its own and in combination."""

import pytest

from twoworlds.search.services import Filters, find_groups


def found(query="", **filters):
    return {hit.group.name for hit in find_groups(query, Filters(**filters)).load()}


def test_without_a_query_or_filters_every_listed_local_group_is_shown(directory):
    assert found() == {
        "Memory Lane Carers Café",
        "Polish Carers Circle",
        "Tinnitus Self Help Nottingham",
        "ME Connect Online",
        "Arnold Kitchen Table",
        "Telephone Friends",
    }


def test_day(directory):
    assert found(day="tuesday") == {"Memory Lane Carers Café", "Tinnitus Self Help Nottingham"}


def test_time_of_day(directory):
    assert found(time="evening") == {"Polish Carers Circle", "Tinnitus Self Help Nottingham"}
    assert found(time="afternoon") == {"ME Connect Online"}


def test_day_and_time_must_be_the_same_meeting(directory):
    assert found(day="tuesday", time="morning") == {"Memory Lane Carers Café"}
    assert found(day="thursday", time="morning") == set()


@pytest.mark.parametrize(
    "format_, expected",
    [
        (
            "in_person",
            {
                "Memory Lane Carers Café",
                "Polish Carers Circle",
                "Tinnitus Self Help Nottingham",
                "Arnold Kitchen Table",
            },
        ),
        ("online", {"ME Connect Online"}),
        ("telephone", {"Telephone Friends"}),
        ("home_visits", {"Arnold Kitchen Table"}),
    ],
)
def test_format(directory, format_, expected):
    assert found(format=format_) == expected


def test_language(directory):
    assert found(language="pl") == {"Polish Carers Circle"}


def test_a_first_level_category_includes_its_second_level_ones(directory):
    assert found(category="t-carers") == {
        "Memory Lane Carers Café",
        "Polish Carers Circle",
        "Arnold Kitchen Table",
    }
    assert found(category="t-tinnitus") == {"Tinnitus Self Help Nottingham", "Telephone Friends"}


def test_near_a_postcode_within_a_distance_keeps_groups_that_need_no_travel(directory):
    near_city = found(near="NG1 5FS", distance=3)
    assert "Memory Lane Carers Café" in near_city
    assert "Tinnitus Self Help Nottingham" not in near_city  # Mansfield, about 13 miles
    assert {"ME Connect Online", "Telephone Friends"} <= near_city


def test_near_a_district_or_a_town(directory):
    assert "Polish Carers Circle" in found(near="NG9", distance=1)
    assert "Tinnitus Self Help Nottingham" in found(near="mansfield", distance=1)
    assert "Tinnitus Self Help Nottingham" not in found(near="Beeston", distance=5)


def test_a_wider_distance_reaches_further(directory):
    assert "Tinnitus Self Help Nottingham" in found(near="NG1 5FS", distance=25)


def test_an_unknown_full_postcode_falls_back_to_its_district(directory):
    outcome = find_groups("", Filters(near="NG9 9ZZ", distance=1))
    assert outcome.located.approximate
    assert "Polish Carers Circle" in {hit.group.name for hit in outcome.load()}


def test_an_unknown_place_says_so_and_lists_nothing(directory):
    outcome = find_groups("dementia", Filters(near="Atlantis"))
    assert outcome.place_not_found
    assert outcome.total == 0
    assert outcome.load_national()  # national organisations still offered


def test_results_near_a_place_are_nearest_first_when_relevance_is_equal(directory):
    outcome = find_groups("", Filters(near="NG9 2JR", distance=10, format="in_person"))
    hits = outcome.load()
    assert hits[0].group.name == "Polish Carers Circle"
    distances = [hit.distance for hit in hits]
    assert distances == sorted(distances)


def test_a_members_home_is_placed_only_at_its_district(directory):
    from twoworlds.search.models import SearchPoint

    group = directory["home_group"]
    (point,) = SearchPoint.objects.filter(document__group=group)
    assert (point.latitude, point.longitude) != (53.0050, -1.1270)


def test_filters_combine(directory):
    assert found("carers", day="thursday", language="pl", near="NG9", distance=3) == {"Polish Carers Circle"}
    assert found("carers", day="monday", language="pl") == set()
