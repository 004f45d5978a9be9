"""The gazetteer in the staff admin: places that 'near' understands. The search documents themselves are
derived data (`twoworlds rebuild_search_index`) and are not edited by hand."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from twoworlds.directory import services as directory_services
from twoworlds.directory.models import normalise_postcode
from twoworlds.directory.queries import groups_placed_at_district

from .models import Place


def normalise_key(kind, key):
    """The lookup key the way `geocoding.locate` looks it up."""
    key = (key or "").strip()
    if kind == Place.Kind.POSTCODE:
        return normalise_postcode(key)
    if kind == Place.Kind.DISTRICT:
        return "".join(key.split()).upper()
    return " ".join(key.lower().split())


class PlaceForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = ["kind", "name", "key", "latitude", "longitude", "from_venues"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") and cleaned.get("key"):
            cleaned["key"] = normalise_key(cleaned["kind"], cleaned["key"])
            self.instance.key = cleaned["key"]
        for name, low, high in (("latitude", -90, 90), ("longitude", -180, 180)):
            value = cleaned.get(name)
            if value is not None and not low <= value <= high:
                self.add_error(name, _("Must be between %(low)s and %(high)s.") % {"low": low, "high": high})
        return cleaned


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    form = PlaceForm
    list_display = ["name", "kind", "key", "latitude", "longitude", "from_venues"]
    list_filter = ["kind", "from_venues"]
    search_fields = ["name", "key"]

    def _reindex_for(self, *places):
        ids = []
        for place in places:
            if place.kind == Place.Kind.DISTRICT:
                ids += groups_placed_at_district(place.key)
        directory_services.listing_changed(*dict.fromkeys(ids))

    def save_model(self, request, obj, form, change):
        before = list(Place.objects.filter(pk=obj.pk)) if change else []
        super().save_model(request, obj, form, change)
        self._reindex_for(*before, obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._reindex_for(obj)

    def delete_queryset(self, request, queryset):
        places = list(queryset)
        super().delete_queryset(request, queryset)
        self._reindex_for(*places)
