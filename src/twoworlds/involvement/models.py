"""How professionals are involved with a group, always on the group's terms: as invited guests at a meeting,
and in agreed roles (from linking to resources up to figurehead) that are reviewed and easy to end.

Nothing here is ever deleted by the product: a declined or withdrawn invitation, an ended role and every
review stay, so that both sides can see the history of the arrangement."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Side(models.TextChoices):
    """Which of the two worlds did something: the group, or the professional."""

    GROUP = "group", _("the group")
    PROFESSIONAL = "professional", _("the professional")


class Invitation(models.Model):
    """A professional asks to attend a meeting as a guest; the group decides. Accepted, it lasts until its
    end date, and the group can withdraw it at any time without giving a reason."""

    class State(models.TextChoices):
        ASKED = "asked", _("Waiting for the group")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn by the group")
        CANCELLED = "cancelled", _("Taken back by the professional")

    group = models.ForeignKey("directory.Group", on_delete=models.CASCADE, related_name="guest_invitations")
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="guest_invitations"
    )
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="guest_invitations")
    professional_name = models.CharField(_("your name, as the group will see it"), max_length=100)
    about_you = models.CharField(
        _("who you are"),
        max_length=300,
        help_text=_("Your job and what you do, in a sentence. The group sees this and your agency's name."),
    )
    meetings = models.TextField(_("which meetings"))
    reason = models.TextField(_("why you would like to come"))
    state = models.CharField(max_length=10, choices=State.choices, default=State.ASKED)
    ends_on = models.DateField(_("the invitation ends on"), null=True, blank=True)
    decision_reason = models.TextField(_("the group's reason"), blank=True)
    asked_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-asked_at", "-pk"]
        verbose_name = _("invitation to attend")
        verbose_name_plural = _("invitations to attend")

    def __str__(self):
        return f"{self.professional_name} ({self.agency}) to {self.group}: {self.get_state_display()}"

    def has_ended(self, today=None):
        """An accepted invitation past its end date: the professional is no longer invited."""
        today = today or timezone.localdate()
        return self.state == self.State.ACCEPTED and self.ends_on is not None and self.ends_on < today

    def is_current(self, today=None):
        return self.state == self.State.ACCEPTED and not self.has_ended(today)

    def describe_state(self, today=None):
        if self.has_ended(today):
            return _("Ended")
        return self.get_state_display()


class RoleKind(models.TextChoices):
    """From low to high involvement; a figurehead only where the group itself wants one."""

    RESOURCES = "resources", _("Link to practical resources")
    LOW_KEY = "low_key", _("Low-key supporter")
    REQUESTS = "requests", _("Responding to requests for help")
    BACK_UP = "back_up", _("On-the-spot back-up")
    ACTIVE = "active", _("Long-term active supporter")
    INITIATOR = "initiator", _("Initiator")
    FIGUREHEAD = "figurehead", _("Figurehead (for example medical adviser)")


class Role(models.Model):
    """A role a professional plays with a group, proposed by one side and agreed by the other. It runs until
    either side ends it; it is reviewed on its review date. A change agreed at a review is a new role that
    replaces this one, so the history of what was agreed is kept."""

    class State(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, waiting for agreement")
        ACTIVE = "active", _("Agreed")
        DECLINED = "declined", _("Not agreed")
        WITHDRAWN = "withdrawn", _("Proposal taken back")
        ENDED = "ended", _("Ended")

    group = models.ForeignKey("directory.Group", on_delete=models.CASCADE, related_name="professional_roles")
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles_with_groups"
    )
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="roles_with_groups")
    kind = models.CharField(_("role"), max_length=12, choices=RoleKind.choices)
    description = models.TextField(_("what the role involves"))
    time_commitment = models.CharField(_("time commitment"), max_length=200)
    review_on = models.DateField(_("review date"))
    state = models.CharField(max_length=10, choices=State.choices, default=State.PROPOSED)
    proposed_by = models.CharField(max_length=12, choices=Side.choices)
    proposed_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_reason = models.TextField(_("reason given"), blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.CharField(max_length=12, choices=Side.choices, blank=True)
    end_reason = models.TextField(_("reason given for ending"), blank=True)
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by"
    )
    # The review date each reminder was last sent for, so that running the reminders twice sends nothing twice
    # and a new review date gets its own reminders.
    early_reminder_for = models.DateField(null=True, blank=True)
    due_reminder_for = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return (
            f"{self.get_kind_display()}: {self.professional} with {self.group} ({self.get_state_display()})"
        )

    @property
    def answering_side(self):
        """The side whose agreement a proposal waits for."""
        return Side.GROUP if self.proposed_by == Side.PROFESSIONAL else Side.PROFESSIONAL

    def review_overdue(self, today=None):
        return self.state == self.State.ACTIVE and self.review_on < (today or timezone.localdate())


class RoleReview(models.Model):
    """What a review decided: carry on (with a new review date), change (new terms, to be agreed), or end."""

    class Outcome(models.TextChoices):
        CARRY_ON = "carry_on", _("Carry on")
        CHANGE = "change", _("Change the role")
        END = "end", _("End the role")

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="reviews")
    side = models.CharField(max_length=12, choices=Side.choices)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    review_was_due_on = models.DateField()
    next_review_on = models.DateField(_("next review date"), null=True, blank=True)
    notes = models.TextField(_("notes from the review"), blank=True)
    reviewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["reviewed_at", "pk"]
        verbose_name = _("role review")
        verbose_name_plural = _("role reviews")

    def __str__(self):
        return f"Review of {self.role}: {self.get_outcome_display()}"
