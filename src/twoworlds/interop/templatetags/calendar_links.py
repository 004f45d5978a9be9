"""Where the "add to calendar" links of a page point (used by interop/_add_to_calendar.html)."""

from django import template
from django.urls import reverse

from twoworlds.interop.calendars import is_scheduled

register = template.Library()


@register.simple_tag(takes_context=True)
def calendar_links(context, of="group"):
    """{'download': https URL, 'subscribe': webcal URL, 'of': what} for the page's calendar, or None when
    there is nothing to put in one (a closed group, a group with no scheduled meetings, no results)."""
    request = context.get("request")
    if of == "group":
        group = context.get("group")
        if (
            group is None
            or group.status == "closed"
            or not any(is_scheduled(m) for m in group.meetings.all())
        ):
            return None
        path = reverse("feeds:group_calendar", args=[group.slug])
    elif of == "category":
        category, outcome = context.get("category"), context.get("outcome")
        if category is None or outcome is None or not (outcome.hits or outcome.national):
            return None
        path = reverse("feeds:category_calendar", args=[category.slug])
    elif of == "search":
        outcome = context.get("outcome")
        if outcome is None or not (outcome.hits or outcome.national):
            return None
        query = context.get("query_string", "")
        path = reverse("feeds:search_calendar") + (f"?{query}" if query else "")
    else:
        return None
    download = request.build_absolute_uri(path) if request is not None else path
    subscribe = "webcal://" + download.split("://", 1)[1] if "://" in download else None
    return {"download": download, "subscribe": subscribe, "of": of}
