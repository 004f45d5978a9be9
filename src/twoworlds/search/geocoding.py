"""Offline geocoding for 'near': a UK postcode, a postcode district or a town name -> a point.

No web service is ever called: the gazetteer (`Place`) is built from the directory's own venues, and staff
can add places by hand. A member's home never adds its full postcode to the gazetteer."""

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction

from twoworlds.directory.models import UK_POSTCODE, normalise_postcode, postcode_district
from twoworlds.directory.queries import venue_points

from .models import Place

DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
EARTH_RADIUS_MILES = 3958.8


@dataclass(frozen=True)
class Located:
    name: str
    latitude: float
    longitude: float
    approximate: bool = False  # a full postcode we only knew by its district


def distance_miles(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(min(1.0, a)))


def locate(text):
    """Where `text` is, or None. Tries a full postcode, then its district, then a town name."""
    text = (text or "").strip()
    if not text or len(text) > 100:
        return None
    compact = re.sub(r"\s+", "", text.upper())
    if UK_POSTCODE.match(compact):
        postcode = normalise_postcode(compact)
        place = Place.objects.filter(kind=Place.Kind.POSTCODE, key=postcode).first()
        if place:
            return Located(postcode, place.latitude, place.longitude)
        district = Place.objects.filter(kind=Place.Kind.DISTRICT, key=postcode_district(postcode)).first()
        if district:
            return Located(postcode, district.latitude, district.longitude, approximate=True)
        return None
    if DISTRICT.match(compact):
        place = Place.objects.filter(kind=Place.Kind.DISTRICT, key=compact).first()
        if place:
            return Located(place.name, place.latitude, place.longitude)
    place = Place.objects.filter(kind=Place.Kind.TOWN, key=" ".join(text.lower().split())).first()
    if place:
        return Located(place.name, place.latitude, place.longitude)
    return None


def district_centre(district):
    place = Place.objects.filter(kind=Place.Kind.DISTRICT, key=district).first()
    return (place.latitude, place.longitude) if place else None


@transaction.atomic
def rebuild_places():
    """Rebuild the gazetteer entries that come from venues: each public venue's postcode, and the centre of
    every postcode district and town that has public venues. Places staff added by hand are kept."""
    postcodes, districts, towns = {}, defaultdict(list), defaultdict(list)
    for postcode, town, lat, lon, private in venue_points():
        if private:
            continue  # a member's home or a kept-back address must not become, or pull, any point
        district = postcode_district(postcode)
        if district:
            districts[district].append((lat, lon))
            postcodes[postcode] = (lat, lon)
        if town:
            towns[" ".join(town.lower().split())].append((town, lat, lon))
    Place.objects.filter(from_venues=True).delete()
    manual = set(Place.objects.values_list("kind", "key"))
    rows = []
    for postcode, (lat, lon) in postcodes.items():
        rows.append(Place(kind=Place.Kind.POSTCODE, key=postcode, name=postcode, latitude=lat, longitude=lon))
    for district, points in districts.items():
        lat, lon = _centre(points)
        rows.append(Place(kind=Place.Kind.DISTRICT, key=district, name=district, latitude=lat, longitude=lon))
    for key, entries in towns.items():
        lat, lon = _centre([(a, b) for _, a, b in entries])
        rows.append(Place(kind=Place.Kind.TOWN, key=key, name=entries[0][0], latitude=lat, longitude=lon))
    Place.objects.bulk_create([r for r in rows if (r.kind, r.key) not in manual], batch_size=500)
    return len(rows)


def _centre(points):
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
