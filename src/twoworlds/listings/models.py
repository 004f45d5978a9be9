"""Groups keeping their own listings current: who looks after a group, claims, proposed changes and their
moderation, the history of every change, reports of a change, and the re-confirmation cycle.

A listing's content lives in `directory`; this app holds the workflow around it. Changes are carried as
snapshots (`directory.snapshots`): a proposal is a snapshot, history keeps the snapshot before and after."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class GroupContact(models.Model):
    """A person who looks after a group's listing. Removing one keeps the row (who, when) for history."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_contacts"
    )
    group = models.ForeignKey("directory.Group", on_delete=models.CASCADE, related_name="contacts")
    added_at = models.DateTimeField(_("added"), auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("group contact")
        verbose_name_plural = _("group contacts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "group"],
                condition=Q(removed_at__isnull=True),
                name="one_active_contact_per_group",
            )
        ]

    def __str__(self):
        return f"{self.user} looks after {self.group}"


class Decision(models.TextChoices):
    PENDING = "pending", _("Waiting for staff")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned with a reason")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Claim(models.Model):
    """Someone says they look after a listed group; staff approve before they can edit it."""

    group = models.ForeignKey("directory.Group", on_delete=models.CASCADE, related_name="claims")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="claims")
    role_in_group = models.CharField(_("your part in the group"), max_length=200)
    message = models.TextField(_("anything staff should know"), blank=True)
    status = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    reason = models.TextField(_("reason given to the person"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")

    def __str__(self):
        return f"{self.user} claims {self.group}"


class ProposedChange(models.Model):
    """A new group submitted through the public form, or an edit to a listing, as a whole-listing snapshot.
    Trusted groups' edits are published at once and recorded here as already approved, so staff still see
    them."""

    class Kind(models.TextChoices):
        NEW_GROUP = "new_group", _("New group")
        EDIT = "edit", _("Change to a listing")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    group = models.ForeignKey(
        "directory.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="proposed_changes"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    submitter_name = models.CharField(_("your name"), max_length=100, blank=True)
    submitter_email = models.EmailField(_("your email"), blank=True)
    before = models.JSONField(null=True, blank=True)
    proposal = models.JSONField()
    note = models.TextField(_("what changed and why"), blank=True)
    status = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    published_without_review = models.BooleanField(default=False)
    reason = models.TextField(_("reason given to the group"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.proposal.get('name', '')}"


class ListingChange(models.Model):
    """History: one row per change to a listing, whoever made it — who, when, what (before and after), why."""

    class Source(models.TextChoices):
        STAFF = "staff", _("Staff")
        GROUP = "group", _("The group")
        MODERATION = "moderation", _("Approved by staff")
        REVERT = "revert", _("Reverted by staff")
        CONFIRMATION = "confirmation", _("Confirmed as still right")
        SYSTEM = "system", _("Automatic")
        IMPORT = "import", _("Import")

    group = models.ForeignKey("directory.Group", on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=12, choices=Source.choices)
    reason = models.TextField(blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("listing change")
        verbose_name_plural = _("listing changes")

    def __str__(self):
        return f"{self.group} changed by {self.get_source_display()} at {self.created_at:%Y-%m-%d %H:%M}"


class ChangeReport(models.Model):
    """Anyone's report that a listing is wrong ('they stopped meeting'). Reaches the group and staff."""

    group = models.ForeignKey("directory.Group", on_delete=models.CASCADE, related_name="change_reports")
    what = models.TextField(_("what is wrong"))
    reporter_email = models.EmailField(_("your email (optional)"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report of a change")
        verbose_name_plural = _("reports of a change")

    def __str__(self):
        return f"Report on {self.group}"


class ListingState(models.Model):
    """Moderation and confirmation state of one group's listing."""

    group = models.OneToOneField("directory.Group", on_delete=models.CASCADE, related_name="listing_state")
    trusted = models.BooleanField(
        _("trusted: publish the group's edits straight away"),
        default=False,
        help_text=_("Staff still see every edit in the queue and in the history."),
    )

    class Meta:
        verbose_name = _("listing state")
        verbose_name_plural = _("listing states")

    def __str__(self):
        return f"{self.group}: {'trusted' if self.trusted else 'moderated'}"


class ConfirmationRequest(models.Model):
    """One round of 'is this still right?' for a group: the email, its reminders, and the answer.
    Unique per group and due date, so running the scheduler twice sends nothing twice."""

    group = models.ForeignKey(
        "directory.Group", on_delete=models.CASCADE, related_name="confirmation_requests"
    )
    due_on = models.DateField()
    token_hash = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminder_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lapsed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-due_on"]
        constraints = [models.UniqueConstraint(fields=["group", "due_on"], name="one_request_per_cycle")]
        verbose_name = _("confirmation request")
        verbose_name_plural = _("confirmation requests")

    def __str__(self):
        return f"Confirm {self.group} (due {self.due_on})"
