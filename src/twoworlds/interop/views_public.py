"""Open feeds at the site root: `/meetings.json` (Meeting Guide) and the iCalendar files.

All are public, read-only and cacheable: anyone may read them (CORS `*`), clients may keep them for
FEED_MAX_AGE seconds, and an unchanged body answers 304 to a conditional request (ETag)."""

import hashlib
import json

from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_ratelimit.decorators import ratelimit

from twoworlds.core.views import rate_limited
from twoworlds.directory import queries as directory
from twoworlds.directory.models import Category, Group
from twoworlds.search.forms import SearchForm
from twoworlds.search.services import Filters, find_groups

from . import calendars, meeting_guide
from .problems import problem_response

FEED_MAX_AGE = 900  # 15 minutes: the apps import once a day; people see a group's change soon enough
SEARCH_CALENDAR_LIMIT = 500  # groups in one search calendar


def _feed_response(request, body, content_type, filename=None):
    """A cacheable, shareable response; 304 when the client already has this body."""
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    conditional = get_conditional_response(request, etag=etag)
    response = conditional if conditional is not None else HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    if filename and conditional is None:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def meetings_json(request):
    """The weekly meetings as a Meeting Guide feed; ?category=<slug> and ?organisation=<slug> narrow it
    (for an intergroup that wants only its own meetings)."""
    category = request.GET.get("category", "").strip()
    organisation = request.GET.get("organisation", "").strip()
    try:
        groups = meeting_guide.feed_groups(category=category or None, organisation=organisation or None)
    except meeting_guide.UnknownFilter as unknown:
        what = "issue" if unknown.parameter == "category" else "organisation"
        response = problem_response(
            request,
            "invalid-parameters",
            f"Check the value of: {unknown.parameter}.",
            errors=[{"parameter": unknown.parameter, "detail": f"No {what} has the slug '{unknown.value}'."}],
        )
        response["Access-Control-Allow-Origin"] = "*"
        return response
    feed = meeting_guide.build_feed(groups, request.build_absolute_uri)
    body = json.dumps(feed, ensure_ascii=False, indent=1).encode()
    return _feed_response(request, body, "application/json; charset=utf-8")


def _calendar_response(request, calendar, filename):
    return _feed_response(request, calendars.to_ical(calendar), calendars.CONTENT_TYPE, filename)


@require_safe
def group_calendar(request, slug):
    """One group's meetings. A closed group gives an empty calendar (see calendars.py)."""
    try:
        group = directory.get_group(slug)
    except Group.DoesNotExist:
        raise Http404 from None
    calendar = calendars.group_calendar(group, request.build_absolute_uri)
    return _calendar_response(request, calendar, f"{group.slug}.ics")


@require_safe
def category_calendar(request, slug):
    """The meetings of the groups listed on an issue's page (local groups, then national ones)."""
    try:
        category = directory.get_category(slug)
    except Category.DoesNotExist:
        raise Http404 from None
    outcome = find_groups("", Filters(category=category.slug))
    ids = [hit.group_id for hit in outcome.hits] + [hit.group_id for hit in outcome.national]
    calendar = calendars.calendar_for_groups(
        directory.groups_by_ids(ids),
        _("%(issue)s: group meetings") % {"issue": category.name},
        request.build_absolute_uri,
        description=_("Meetings of groups about %(issue)s. Details: %(url)s")
        % {"issue": category.name, "url": request.build_absolute_uri(category.get_absolute_url())},
    )
    return _calendar_response(request, calendar, f"{category.slug}-meetings.ics")


@require_safe
@ratelimit(key="ip", rate="120/m", block=False)
def search_calendar(request):
    """The meetings of the groups a search finds (same query string as /search), only those meetings
    that match its day, time and format."""
    if getattr(request, "limited", False):
        return rate_limited(request)
    form = SearchForm(request.GET)
    if not form.is_valid():
        problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
        return HttpResponse(
            _("This search cannot be made into a calendar. %(problems)s") % {"problems": problems},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    query = form.cleaned_data["q"]
    filters = form.filters()
    outcome = find_groups(query, filters)
    ids = [hit.group_id for hit in outcome.hits[:SEARCH_CALENDAR_LIMIT]]
    ids += [hit.group_id for hit in outcome.national]
    name = _("Groups for “%(q)s”") % {"q": query} if query else _("Groups found")
    calendar = calendars.calendar_for_groups(
        directory.groups_by_ids(ids),
        name,
        request.build_absolute_uri,
        description=_("Meetings of the groups found by a search. Details: %(url)s")
        % {"url": request.build_absolute_uri(f"/search?{request.GET.urlencode()}")},
        meeting_filter=calendars.search_meeting_filter(filters),
    )
    filename = f"{slugify(query)[:40] or 'search'}-meetings.ics"
    return _calendar_response(request, calendar, filename)
