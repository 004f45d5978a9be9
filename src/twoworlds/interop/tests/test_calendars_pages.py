"""Calendars for a category and for any search, what a closed or lapsed group gives, the HTTP side
(content type, caching, who may read them) and the "add to calendar" links on the pages."""

from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone

from twoworlds.core import testing as t
from twoworlds.directory.models import Group
from twoworlds.search.services import Filters, find_groups

from . import feeds

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(db):
    """The small directory of core.testing (this folder's conftest has a `directory` of its own)."""
    return t.small_directory()


def summaries(response):
    assert response.status_code == 200, response.content[:300]
    return sorted(str(e["summary"]) for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


# --- category and search calendars ---


def test_category_calendar_holds_the_meetings_of_the_groups_on_its_page(client, directory):
    carers = directory["dementia_cafe"].categories.get().parent
    in_carers = summaries(client.get(f"/issues/{carers.slug}/meetings.ics"))
    # Sub-issue groups count for their parent; the closed group and the national one without meetings add
    # nothing; the home group's meeting is in (its area only).
    assert in_carers == ["Arnold Kitchen Table", "Memory Lane Carers Café", "Polish Carers Circle"]
    tinnitus = directory["tinnitus"].categories.get()
    assert summaries(client.get(f"/issues/{tinnitus.slug}/meetings.ics")) == ["Tinnitus Self Help Nottingham"]


def test_unknown_category_calendar_is_not_found(client, db):
    assert client.get("/issues/no-such-issue/meetings.ics").status_code == 404


def test_search_calendar_holds_what_the_same_search_finds(client, directory):
    for query in ("dementia", "tinnitus", "carers"):
        outcome = find_groups(query, Filters())
        found = Group.objects.filter(pk__in=[h.group_id for h in outcome.hits + outcome.national])
        expected = sorted(
            g.name
            for g in found.exclude(status=Group.Status.CLOSED)
            for m in g.meetings.all()
            if m.frequency != "arranged"
        )
        assert summaries(client.get(f"/search/meetings.ics?q={query}")) == expected
    assert "Memory Lane Carers Café" in summaries(client.get("/search/meetings.ics?q=dementia"))


def test_search_calendar_keeps_only_the_meetings_matching_day_time_and_format(client, directory):
    assert summaries(client.get("/search/meetings.ics?q=dementia&day=thursday")) == ["Polish Carers Circle"]
    assert summaries(client.get("/search/meetings.ics?format=online")) == ["ME Connect Online"]
    assert summaries(client.get("/search/meetings.ics?q=dementia&time=morning")) == [
        "Arnold Kitchen Table",
        "Memory Lane Carers Café",
    ]


def test_search_calendar_with_bad_input_says_what_is_wrong(client, db):
    response = client.get("/search/meetings.ics?day=someday")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "day" in response.content.decode()


# --- closed, lapsed, missing groups ---


def test_closed_group_gives_an_empty_calendar(client, directory):
    response = client.get(f"/groups/{directory['closed'].slug}/meetings.ics")
    assert summaries(response) == []
    assert "closed" in str(icalendar.Calendar.from_ical(response.content)["X-WR-CALDESC"])


def test_lapsed_group_keeps_its_calendar_with_a_warning(client, db):
    group = t.group("Quiet Lately", meetings=[feeds.weekly(1, venue=feeds.public_venue())])
    Group.objects.filter(pk=group.pk).update(
        lapsed=True, last_confirmed=timezone.localdate() - timedelta(days=400)
    )
    (event,) = icalendar.Calendar.from_ical(client.get(f"/groups/{group.slug}/meetings.ics").content).walk(
        "VEVENT"
    )
    assert "have not been confirmed since" in str(event["description"])


def test_unknown_group_calendar_is_not_found(client, db):
    assert client.get("/groups/nobody-here/meetings.ics").status_code == 404


# --- HTTP ---


@pytest.mark.parametrize(
    "path", ["/groups/{group}/meetings.ics", "/issues/{issue}/meetings.ics", "/search/meetings.ics?q=carers"]
)
def test_calendars_are_public_text_calendar_files(client, directory, path):
    group = directory["dementia_cafe"]
    url = path.format(group=group.slug, issue=group.categories.get().slug)
    response = client.get(url)  # anonymous: calendars are as public as the pages they come from
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.ics"')
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.post(url).status_code == 405


# --- links on the pages ---


def test_group_page_links_to_its_calendar_and_explains_it(client, directory):
    group = directory["dementia_cafe"]
    page = client.get(group.get_absolute_url()).content.decode()
    assert f'href="http://testserver/groups/{group.slug}/meetings.ics"' in page
    assert f'href="webcal://testserver/groups/{group.slug}/meetings.ics"' in page
    assert "What is a calendar file?" in page


def test_no_calendar_link_without_scheduled_meetings_or_for_a_closed_group(client, directory):
    for nickname in ("phone", "closed", "national_dementia"):
        page = client.get(directory[nickname].get_absolute_url()).content.decode()
        assert "meetings.ics" not in page, nickname


def test_category_page_links_to_its_calendar(client, directory):
    carers = directory["dementia_cafe"].categories.get().parent
    page = client.get(carers.get_absolute_url()).content.decode()
    assert f'href="http://testserver/issues/{carers.slug}/meetings.ics"' in page


def test_search_results_link_to_the_same_search_as_a_calendar(client, directory):
    page = client.get("/search?q=dementia&day=thursday&page=1").content.decode()
    assert 'href="http://testserver/search/meetings.ics?q=dementia&amp;day=thursday"' in page
    assert 'href="webcal://testserver/search/meetings.ics?q=dementia&amp;day=thursday"' in page
    nothing = client.get("/search?q=zzzzqqq").content.decode()
    assert "meetings.ics" not in nothing
