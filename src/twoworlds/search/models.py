"""The search index: one document per group, with the facets the filters need and the public points
where it meets. It is derived data, rebuilt from the directory at any time (`twoworlds rebuild_search_index`).
The keyword index itself is an FTS5 table on SQLite and a tsvector column on PostgreSQL (see migrations)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    group = models.OneToOneField("directory.Group", on_delete=models.CASCADE, related_name="search_document")
    name = models.TextField()
    categories_text = models.TextField(blank=True)
    body = models.TextField(blank=True)
    place_text = models.TextField(blank=True)
    listed = models.BooleanField(default=True, db_index=True)
    national = models.BooleanField(default=False, db_index=True)
    sort_name = models.CharField(max_length=200, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.name


class SearchFacet(models.Model):
    """One filterable value of a document: ('day', '1'), ('format', 'online'), ('cat', 'dementia')…"""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=12)
    value = models.CharField(max_length=120)

    class Meta:
        indexes = [models.Index(fields=["facet", "value", "document"])]

    def __str__(self):
        return f"{self.facet}={self.value}"


class SearchPoint(models.Model):
    """A publicly shown place where the group meets (a member's home only as its district)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="points")
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self):
        return f"{self.latitude:.4f}, {self.longitude:.4f}"


class Place(models.Model):
    """Offline gazetteer for 'near': postcodes, postcode districts and towns with a centre point.
    Built from the directory's own venues (`rebuild_places`) and extendable by staff."""

    class Kind(models.TextChoices):
        POSTCODE = "postcode", _("Postcode")
        DISTRICT = "district", _("Postcode district")
        TOWN = "town", _("Town or area")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    key = models.CharField(
        _("lookup key"), max_length=100, help_text=_("Upper-case postcode or lower-case name.")
    )
    name = models.CharField(_("name"), max_length=100)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    from_venues = models.BooleanField(
        _("worked out from venues"),
        default=True,
        help_text=_("Rebuilt automatically; untick to keep by hand."),
    )

    class Meta:
        unique_together = [("kind", "key")]
        ordering = ["kind", "name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return self.name


class SearchVector(models.Model):
    """What a document means, as a sentence embedding (see vectors.py). Kept in the database so that any app
    server can rebuild its in-memory index; the text hash spares re-embedding text that did not change."""

    document = models.OneToOneField(
        SearchDocument, on_delete=models.CASCADE, primary_key=True, related_name="vector"
    )
    vector = models.BinaryField(help_text="float16 values, little-endian, one per dimension")
    text_hash = models.CharField(max_length=32, help_text="Of the embedded text and the model's name.")
    model = models.CharField(max_length=100)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self):
        return f"vector of document {self.document_id}"
