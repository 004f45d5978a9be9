"""What the index knows about a group: its words, its facets and the public points where it meets."""

from twoworlds.directory.schedules import time_of_day

from .geocoding import district_centre

FORMAT_IN_PERSON, FORMAT_ONLINE, FORMAT_TELEPHONE, FORMAT_HOME_VISITS = (
    "in_person",
    "online",
    "telephone",
    "home_visits",
)


def public_point(venue):
    """Where a venue may be shown: exactly, only as its district's centre (a member's home, an address given
    on request), or not at all."""
    if venue is None or venue.latitude is None or not venue.shows_area:
        return None
    if venue.shows_address:
        return (venue.latitude, venue.longitude)
    return district_centre(venue.district) or (round(venue.latitude, 2), round(venue.longitude, 2))


def build_document(group):
    """A dict of the document's fields, facets and points, from a group loaded with its details."""
    categories = list(group.categories.all())
    category_words, slugs = [], set()
    for category in categories:
        category_words += [category.name, *category.lay_term_list]
        slugs.add(category.slug)
        if category.parent_id:
            category_words.append(category.parent.name)
            slugs.add(category.parent.slug)

    facets = {("cat", slug) for slug in slugs} | {("type", group.group_type)}
    facets |= {("lang", language.code) for language in group.languages.all()}
    places, points = [], set()
    for meeting in group.meetings.all():
        if meeting.weekday is not None:
            facets.add(("day", str(meeting.weekday)))
            tod = time_of_day(meeting.start_time)
            if tod:
                facets |= {("time", tod), ("slot", f"{meeting.weekday}-{tod}")}
        if meeting.is_in_person:
            facets.add(("format", FORMAT_IN_PERSON))
        if meeting.is_online:
            facets.add(("format", FORMAT_ONLINE))
        if meeting.attendance == meeting.Attendance.TELEPHONE:
            facets.add(("format", FORMAT_TELEPHONE))
        venue = meeting.venue
        if venue is not None and meeting.is_in_person:
            point = public_point(venue)
            if point:
                points.add(point)
            if venue.shows_address:
                places += [venue.name, venue.town, venue.district]
            elif venue.shows_area:
                places += [venue.town, venue.district]
    if group.phone_support:
        facets.add(("format", FORMAT_TELEPHONE))
    if group.home_visits:
        facets.add(("format", FORMAT_HOME_VISITS))

    body = "\n".join(
        filter(
            None,
            [
                group.alternate_name,
                group.description,
                group.what_to_expect,
                group.eligibility_note,
                group.organisation.name,
            ],
        )
    )
    return {
        "name": group.name,
        "categories_text": " ".join(dict.fromkeys(category_words)),
        "body": body,
        "place_text": " ".join(dict.fromkeys(p for p in places if p)),
        "listed": group.is_listed,
        "national": group.is_national,
        "sort_name": group.name.lower()[:200],
        "facets": sorted(facets),
        "points": sorted(points),
    }
