"""Putting people in touch with groups: a person (or a professional, with the person beside them and agreeing)
asks a group to get in touch. Never a "referral": only what the person agreed to share reaches the group.

What the person typed is stored encrypted (see crypto.py) in the `*_sealed` columns and read only through
`ContactRequest.reveal()`, which views reach via services.reveal_for (logged). Nothing else here holds any
personal detail: states, dates and counts only. Requests are deleted on a schedule (services.purge)."""

import json
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twoworlds.accounts.models import Agency
from twoworlds.directory.models import Group

from . import crypto


class ReachBy(models.TextChoices):
    PHONE = "phone", _("A phone call")
    TEXT = "text", _("A text message")
    EMAIL = "email", _("An email")


@dataclass(frozen=True)
class ContactDetails:
    """What the person agreed to share, in plain text. Lives only in memory, never in a log or an email."""

    name: str
    reach_kind: str
    reach_value: str
    good_times: str = ""
    message: str = ""

    def __repr__(self):  # a stray log line or traceback must not print the details
        return "ContactDetails(<hidden>)"

    __str__ = __repr__

    @property
    def reach_kind_label(self):
        return ReachBy(self.reach_kind).label if self.reach_kind in ReachBy.values else self.reach_kind


class ContactRequest(models.Model):
    class State(models.TextChoices):
        NEW = "new", _("New: not read yet")
        OPENED = "opened", _("Read")
        CONTACTED = "contacted", _("In touch")
        COULD_NOT_REACH = "could_not_reach", _("Could not reach them")
        # Withdrawing deletes the row at once (services.withdraw); the state exists for completeness only.
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN_STATES = (State.NEW, State.OPENED)
    CLOSED_STATES = (State.CONTACTED, State.COULD_NOT_REACH)

    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="contact_requests", verbose_name=_("group")
    )
    created_at = models.DateTimeField(_("asked"), default=timezone.now, db_index=True)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_requests",
        verbose_name=_("made with the help of"),
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("professional who made it"),
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.NEW)
    opened_at = models.DateTimeField(_("first read"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    purge_after = models.DateField(_("to be deleted on"), db_index=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    withdraw_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Encrypted (Fernet tokens): never decrypt these except through reveal().
    name_sealed = models.TextField(editable=False)
    reach_sealed = models.TextField(editable=False)
    good_times_sealed = models.TextField(editable=False)
    message_sealed = models.TextField(editable=False)

    SEALED_FIELDS = ("name_sealed", "reach_sealed", "good_times_sealed", "message_sealed")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request to be contacted")
        verbose_name_plural = _("requests to be contacted")
        indexes = [models.Index(fields=["group", "state"])]

    def __str__(self):
        return f"Request {self.pk} to {self.group}" if self.group_id else f"Request {self.pk}"

    @property
    def is_closed(self):
        return self.state in self.CLOSED_STATES

    def seal(self, details):
        """Store `details` (a ContactDetails) encrypted; nothing else keeps them."""
        self.name_sealed = crypto.encrypt(details.name)
        self.reach_sealed = crypto.encrypt(
            json.dumps({"kind": details.reach_kind, "value": details.reach_value})
        )
        self.good_times_sealed = crypto.encrypt(details.good_times or "")
        self.message_sealed = crypto.encrypt(details.message or "")

    def reveal(self):
        """The details in plain text. Call it through services.reveal_for, which checks and logs the read."""
        reach = json.loads(crypto.decrypt(self.reach_sealed))
        return ContactDetails(
            name=crypto.decrypt(self.name_sealed),
            reach_kind=reach["kind"],
            reach_value=reach["value"],
            good_times=crypto.decrypt(self.good_times_sealed),
            message=crypto.decrypt(self.message_sealed),
        )


class ContactRequestAccess(models.Model):
    """Who read or closed which request, and when. Never what it said. Kept after the request is deleted
    (request becomes empty; request_number keeps which one it was)."""

    class Action(models.TextChoices):
        VIEWED = "viewed", _("Read it")
        MARKED_CONTACTED = "marked_contacted", _("Marked as in touch")
        MARKED_COULD_NOT_REACH = "marked_could_not_reach", _("Marked as could not reach")

    request = models.ForeignKey(
        ContactRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="accesses"
    )
    request_number = models.PositiveBigIntegerField(_("request number"), db_index=True)
    group = models.ForeignKey(Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    action = models.CharField(_("what"), max_length=30, choices=Action.choices)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("read of a request")
        verbose_name_plural = _("reads of requests")

    def __str__(self):
        return (
            f"{self.get_action_display()}: request {self.request_number} by user {self.user_id} at {self.at}"
        )


class ContactTally(models.Model):
    """Counts that outlive the requests (which are deleted): how many people asked each group each month, and
    through which agency. No personal details. Read with Sum(): a rare race may leave two rows for one key."""

    month = models.DateField(_("month"))  # the first day of the month
    group = models.ForeignKey(Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    count = models.PositiveIntegerField(_("people"), default=0)

    class Meta:
        verbose_name = _("count of people put in touch")
        verbose_name_plural = _("counts of people put in touch")
        indexes = [models.Index(fields=["agency", "month"]), models.Index(fields=["group", "month"])]

    def __str__(self):
        return f"{self.count} for {self.group_id} in {self.month:%Y-%m}"
