"""Reading Meeting Guide meetings as the wild feeds write them: days, times, addresses, types, passcodes."""

from datetime import time

import pytest

from twoworlds.interop.meeting_guide_import import (
    FeedError,
    dial_number,
    feed_entity,
    normalise_meeting,
    parse_feed,
    parse_time,
    parse_updated,
    public_link,
    split_address,
    withhold_passcodes,
)

from .meeting_guide_support import meeting, real_feed

MONDAY, TUESDAY, SATURDAY, SUNDAY = 0, 1, 5, 6


def normalised(raw, numbering="0-6", position=1):
    data, problems, warnings = normalise_meeting(position, raw, numbering)
    return data, problems, warnings


@pytest.mark.parametrize(
    "value, expected",
    [
        ("19:00", time(19, 0)),
        ("7:05", time(7, 5)),
        ("19:00:00", time(19, 0)),
        ("8:00 PM", time(20, 0)),
        ("11:00 AM", time(11, 0)),
        ("12:01 PM", time(12, 1)),
        ("12:30 am", time(0, 30)),
        ("8 pm", time(20, 0)),
        ("", None),
        (None, None),
    ],
)
def test_times_in_24_and_12_hour_forms(value, expected):
    assert parse_time(value) == expected


@pytest.mark.parametrize("value", ["25:00", "7pm-ish", "13:00 PM", "noon"])
def test_unreadable_times_are_refused(value):
    with pytest.raises(ValueError):
        parse_time(value)


@pytest.mark.parametrize(
    "day, numbering, weekday",
    [
        (0, "0-6", SUNDAY),
        (1, "0-6", MONDAY),
        (6, "0-6", SATURDAY),
        ([6], "0-6", SATURDAY),
        ("1", "0-6", MONDAY),
        (7, "1-7", SUNDAY),
        (1, "1-7", MONDAY),
        (0, "1-7", SUNDAY),
    ],
)
def test_days_as_integer_array_or_string_and_in_either_numbering(day, numbering, weekday):
    data, problems, _ = normalised(meeting("m", day=day), numbering)
    assert problems == []
    assert data.weekdays == [weekday]


def test_a_day_array_with_several_days_gives_one_meeting_per_day():
    data, _, _ = normalised(meeting("m", day=[1, 3]))
    assert data.weekdays == [MONDAY, 2]


def test_a_feed_with_a_day_7_is_read_as_numbering_1_to_7_and_says_so():
    feed = parse_feed(b'[{"name": "A", "slug": "a", "day": 7, "time": "10:00"}]')
    assert feed.numbering == "1-7"
    assert "1–7" in feed.notes[0]
    assert parse_feed(b'[{"name": "A", "slug": "a", "day": 6, "time": "10:00"}]').numbering == "0-6"


def test_the_online_intergroup_export_is_recognised_as_1_to_7():
    feed = parse_feed(real_feed("_variants/oiaa-central-meetings.json").read_bytes())
    assert feed.numbering == "1-7"
    assert any("Online Intergroup" in note for note in feed.notes)


def test_the_deliberately_broken_fixture_gets_a_plain_message():
    with pytest.raises(FeedError) as raised:
        parse_feed(real_feed("_fixtures/tsml-ui-invalid.json").read_bytes())
    message = str(raised.value)
    assert "not valid JSON" in message and "text after the end" in message and "line 80" in message


@pytest.mark.parametrize(
    "data, words",
    [(b"\xff\xfe\x00", "not UTF-8"), (b'{"hello": 1}', "JSON object"), (b'"meetings"', "not a list")],
)
def test_other_things_that_are_not_feeds(data, words):
    with pytest.raises(FeedError, match=words):
        parse_feed(data)


def test_a_wrapped_list_of_meetings_is_accepted():
    assert len(parse_feed(b'{"meetings": [{"name": "A", "slug": "a"}]}').meetings) == 1


@pytest.mark.parametrize(
    "raw, field, words",
    [
        ({"day": 2, "time": ""}, "time", "has a day but no time"),
        ({"day": None, "time": "19:00"}, "day", "has a time but no day"),
        ({"day": 9}, "day", "is not a day"),
        ({"time": "7pm-ish"}, "time", "is not a time"),
        ({"slug": ""}, "slug", "has no slug"),
        ({"name": "  "}, "name", "has no name"),
        ({"attendance_option": "online", "conference_url": ""}, "conference_url", "no link or phone"),
    ],
)
def test_meetings_that_are_rejected_say_where_which_field_and_why(raw, field, words):
    _, problems, _ = normalised({**meeting("the-slug"), **raw}, position=12)
    assert [p.field for p in problems] == [field]
    assert words in problems[0].reason
    if raw.get("slug", "x"):
        assert problems[0].position == "meeting 12 (slug the-slug)"


def test_no_day_and_no_time_is_a_meeting_by_arrangement():
    data, problems, _ = normalised(meeting("appointment", day=None, time=None))
    assert problems == [] and data.weekdays == [] and data.start_time is None


def test_latitude_and_longitude_as_strings():
    data, _, _ = normalised(meeting("m", latitude="39.8712402", longitude="-75.3543743"))
    assert (data.venue.latitude, data.venue.longitude) == (39.8712402, -75.3543743)


def test_updated_in_the_specification_form_and_in_us_locale():
    assert parse_updated("2014-05-31 14:32:23") == "2014-05-31 14:32:23"
    assert parse_updated("8/25/2022 11:17:07 AM") == "2022-08-25 11:17:07"


def test_a_long_slug_is_kept_and_regions_with_null_do_no_harm():
    slug = "meeting-1937-macdade-boulevard-woodlyn-pa-19094-usa-0-000000-and-then-some-more-words"
    data, problems, _ = normalised(meeting(slug, regions=[None]))
    assert problems == [] and data.slug == slug and len(slug) > 64


@pytest.mark.parametrize(
    "raw, expected",
    [
        (
            {"formatted_address": "1937 West MacDade Boulevard, Woodlyn, PA 19094, USA"},
            ("1937 West MacDade Boulevard", "Woodlyn", "PA", "19094", "US"),
        ),
        (
            {"address": "8318 104 St, Edmonton, Alberta, T6E 4E8, Canada"},
            ("8318 104 St", "Edmonton", "Alberta", "T6E 4E8", "CA"),
        ),
        (
            {"address": "12 High St", "city": "Nottingham", "postal_code": "NG1 1AA", "country": "UK"},
            ("12 High St", "Nottingham", "", "NG1 1AA", "GB"),
        ),
        ({"formatted_address": "Philadelphia, PA 19106"}, ("", "Philadelphia", "PA", "19106", "US")),
    ],
)
def test_addresses_from_separate_fields_or_one_formatted_line(raw, expected):
    assert split_address(raw) == expected


def test_types_map_onto_our_fields_and_the_rest_stay_in_words():
    data, _, _ = normalised(meeting("m", types=["C", "W", "X", "S", "Y", "B", "SP", "AC", "ONL", "ASBI"]))
    assert data.languages == ["es"]  # S = Spanish
    assert data.notes.startswith("Big Book, Speaker, As Bill Sees It, AC.")  # ASBI read as ABSI, AC unknown
    assert "ONL" not in data.notes and "Women" not in data.notes


@pytest.mark.parametrize(
    "extra, attendance",
    [
        ({}, "in_person"),
        ({"conference_url": "https://zoom.us/j/1"}, "hybrid"),
        ({"conference_url": "https://zoom.us/j/1", "types": ["TC", "ONL"]}, "online"),
        ({"conference_phone": "+441234567890", "types": ["TC"]}, "telephone"),
        ({"types": ["TC"]}, "inactive"),
        ({"attendance_option": "inactive"}, "inactive"),
        ({"attendance_option": "online", "conference_url": "https://zoom.us/j/1"}, "online"),
        ({"attendance_option": "hybrid", "conference_url": "https://zoom.us/j/1"}, "hybrid"),
        ({"address": "", "conference_url": ""}, "inactive"),  # an area only ("Nottingham NG1 1AA"), no link
    ],
)
def test_how_people_take_part(extra, attendance):
    data, problems, _ = normalised(meeting("m", **extra))
    assert problems == []
    assert data.attendance == attendance


def test_an_online_meeting_keeps_no_venue_and_an_inactive_one_says_why():
    online, _, _ = normalised(meeting("m", attendance_option="online", conference_url="https://zoom.us/j/1"))
    assert online.venue is None
    inactive, _, _ = normalised(meeting("m", types=["TC"]))
    assert "temporarily closed" in inactive.inactive_reason


def test_passcodes_are_not_published_in_our_listing_text():
    raw = meeting(
        "m",
        attendance_option="hybrid",
        conference_url="https://us06web.zoom.us/j/85254380832?pwd=WUt5NUVhN2FkSkMyRktvK1V2YlhOUT09",
        conference_phone="+19292056099,,85254380832#,,,,,#123456#",
        conference_url_notes="Passcode: 424242",
        notes="Zoom ID: 123 4567 890\npasscode: 123456\n\nDial-In-passcode:\n\nVirtual",
    )
    data, _, _ = normalised(raw)
    listing = data.online_joining + " " + data.notes
    for secret in ("WUt5NUVh", "pwd=", "424242", "123456#", "passcode: 123456"):
        assert secret not in listing
    assert "https://us06web.zoom.us/j/85254380832" in data.online_joining
    assert "Phone: +19292056099" in data.online_joining
    assert "Zoom ID: 123 4567 890" in data.notes  # a meeting id is how people find the meeting: kept


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Passcode: See our website", "Passcode: See our website"),
        ("Password: none", "Password: none"),
        ("Password is serenity", "Password is ask the group"),
        ("PIN 4321#", "PIN ask the group"),
        ("Meet at Pinewood Hall", "Meet at Pinewood Hall"),
    ],
)
def test_what_counts_as_a_passcode_in_notes(text, expected):
    assert withhold_passcodes(text) == expected


def test_links_and_phone_numbers_lose_only_their_secrets():
    assert public_link("https://zoom.us/j/1?pwd=abc&uname=x") == "https://zoom.us/j/1?uname=x"
    assert dial_number("+16465588656,,8675309#,,,,*1234#") == "+16465588656"


def test_html_entities_and_tags_in_notes_become_plain_text():
    data, _, _ = normalised(meeting("m", notes="Tea &amp; coffee<br>Use the <b>side</b> door"))
    assert data.notes.endswith("Tea & coffee Use the side door")


def test_an_end_time_before_the_start_is_left_out_with_a_warning():
    data, problems, warnings = normalised(meeting("m", time="23:30", end_time="00:30"))
    assert problems == [] and data.end_time is None
    assert [w.field for w in warnings] == ["end_time"] and not warnings[0].rejected


@pytest.mark.parametrize("website_field", ["entity_url", "entity_website_url"])
def test_the_entity_website_under_either_name(website_field):
    feed = [{"name": "A", "slug": "a", "entity": "District 123", website_field: "https://district123.org"}]
    assert feed_entity(feed) == "District 123 (https://district123.org)"
