"""Where imported records came from, what each import run did, and what staff must decide.

A `Source` is one feed or file we take records from (an HSDS file or API, a Meeting Guide feed). Every record
we created or updated from it has an `ImportedRecord` saying which of our rows it became, with two
fingerprints: the incoming record as we last applied it, and our own record right after we applied it. When
our record's fingerprint no longer matches, the group or staff edited it since; the next import keeps our
version and opens an `ImportConflict` for staff instead of overwriting it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    class Kind(models.TextChoices):
        HSDS_FILE = "hsds_file", _("HSDS file")
        HSDS_API = "hsds_api", _("HSDS API")
        MEETING_GUIDE = "meeting_guide", _("Meeting Guide feed")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.HSDS_FILE)
    location = models.CharField(
        _("web address or file"), max_length=1000, blank=True, help_text=_("Where the records are read from.")
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_sources",
        verbose_name=_("organisation running all its groups"),
        help_text=_("For a feed whose groups are all run by one organisation, e.g. a fellowship's meetings."),
    )
    subscribed = models.BooleanField(
        _("subscribed"), default=False, help_text=_("Refresh the records from this source on a schedule.")
    )
    refresh_hours = models.PositiveIntegerField(_("refresh every (hours)"), default=24)
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_status = models.CharField(_("last result"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("import source")
        verbose_name_plural = _("import sources")

    def __str__(self):
        return self.name


class ImportedRecord(models.Model):
    """One record of a source and the row(s) of ours it became."""

    class Kind(models.TextChoices):
        ORGANIZATION = "organization", _("organisation")
        SERVICE = "service", _("service (group)")
        LOCATION = "location", _("location (venue)")
        SCHEDULE = "schedule", _("schedule (meeting)")
        MEETING = "meeting", _("meeting (Meeting Guide)")
        CONTACT = "contact", _("phone or contact")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="records")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    external_id = models.CharField(_("id in the source"), max_length=255)
    group = models.ForeignKey(
        "directory.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="imported_records"
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_records",
    )
    venue = models.ForeignKey(
        "directory.Venue", null=True, blank=True, on_delete=models.SET_NULL, related_name="imported_records"
    )
    meeting = models.ForeignKey(
        "directory.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="imported_records"
    )
    fingerprint = models.CharField(_("fingerprint of the incoming record"), max_length=64, blank=True)
    local_fingerprint = models.CharField(
        _("fingerprint of our record after the import"), max_length=64, blank=True
    )
    imported_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    seen_at = models.DateTimeField(_("last seen in the source"), null=True, blank=True)

    class Meta:
        ordering = ["source", "kind", "external_id"]
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "external_id"], name="unique_imported_record")
        ]

    def __str__(self):
        return f"{self.source} {self.kind} {self.external_id}"


class ImportRun(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    dry_run = models.BooleanField(_("preview only"), default=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    summary = models.TextField(_("report"), blank=True)
    ok = models.BooleanField(_("nothing rejected"), default=False)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self):
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"


class ImportConflict(models.Model):
    """The source changed a record that the group or staff had also changed here: we kept ours."""

    class Resolution(models.TextChoices):
        KEPT_OURS = "kept_ours", _("Kept our version")
        TOOK_THEIRS = "took_theirs", _("Took the imported version")

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="conflicts")
    record = models.ForeignKey(ImportedRecord, on_delete=models.CASCADE, related_name="conflicts")
    group = models.ForeignKey(
        "directory.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="import_conflicts"
    )
    fields = models.JSONField(_("fields that differ"), default=list)
    incoming = models.JSONField(_("imported values"), default=dict)
    ours = models.JSONField(_("our values at the time"), default=dict, blank=True)
    created_at = models.DateTimeField(_("found"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.CharField(_("resolution"), max_length=12, choices=Resolution.choices, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import conflict")
        verbose_name_plural = _("import conflicts")

    def __str__(self):
        return f"{self.record} ({', '.join(self.fields)})"

    @property
    def is_open(self):
        return self.resolved_at is None


class TermMapping(models.Model):
    """A taxonomy term met in imports and the category of ours it means (empty until staff map it)."""

    taxonomy = models.CharField(_("taxonomy"), max_length=255, blank=True)
    code = models.CharField(_("term id or code"), max_length=255)
    name = models.CharField(_("term"), max_length=255, blank=True)
    category = models.ForeignKey(
        "directory.Category",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="term_mappings",
        verbose_name=_("our category"),
    )
    seen_count = models.PositiveIntegerField(_("times seen"), default=0)
    first_seen_at = models.DateTimeField(_("first seen"), auto_now_add=True)

    class Meta:
        ordering = ["taxonomy", "name", "code"]
        verbose_name = _("taxonomy term mapping")
        verbose_name_plural = _("taxonomy term mappings")
        constraints = [models.UniqueConstraint(fields=["taxonomy", "code"], name="unique_term_mapping")]

    def __str__(self):
        return f"{self.name or self.code} ({self.taxonomy or _('no taxonomy')})"


class ImportedTerm(models.Model):
    """Which imported groups carried which term: when staff map the term, these groups get the category."""

    term = models.ForeignKey(TermMapping, on_delete=models.CASCADE, related_name="uses")
    group = models.ForeignKey("directory.Group", on_delete=models.CASCADE, related_name="imported_terms")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "group"], name="unique_imported_term")]

    def __str__(self):
        return f"{self.term} on {self.group_id}"
