"""Influencing services, always opt-in: opportunities at three levels and a group's anonymous feedback.

- `Opportunity`: staff or an agency invite groups to influence a service, at one of three levels of a
  pyramid (informal, forums, formal consultation), on some issues, saying the time and energy it asks and
  whether it is paid. `InfluencePreference`: the levels and issues a group has opted in to. `Delivery`: an
  opportunity sent to one opted-in group, and its one-click answer (interested, or no thanks).
- `FeedbackThread` / `FeedbackMessage`: a group's leader relays members' views about a service to the agency,
  as the group's voice (named, or only as "a self-help group for <issue>"); the service replies.

Member counts below SMALL_COUNT are never shown as numbers (see counts.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """The pyramid of opportunity, from its broad base to its narrow top."""

    INFORMAL = "informal", _("Informal contact")
    FORUM = "forum", _("Forums")
    FORMAL = "formal", _("Formal consultation")


class Opportunity(models.Model):
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it is, and what would change"))
    categories = models.ManyToManyField(
        "directory.Category", related_name="influence_opportunities", verbose_name=_("issues")
    )
    time_and_energy = models.CharField(_("the time and energy it asks"), max_length=300)
    starts_on = models.DateField(_("first date"))
    ends_on = models.DateField(_("last date"), null=True, blank=True)
    dates_note = models.CharField(_("more about the dates"), max_length=300, blank=True)
    respond_by = models.DateField(_("please answer by"), null=True, blank=True)
    paid = models.BooleanField(_("contributions are paid"), default=False)
    payment = models.CharField(_("how much, and for what"), max_length=300, blank=True)
    agency = models.ForeignKey(
        "accounts.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="influence_opportunities",
        help_text=_("Empty when the clearinghouse itself posted it."),
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="influence_opportunities"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("opportunity to influence services")
        verbose_name_plural = _("opportunities to influence services")

    def __str__(self):
        return f"{self.title} ({self.get_level_display()})"

    @property
    def poster_name(self):
        return self.agency.name if self.agency_id else settings.SITE_OPERATOR

    def is_open(self, today=None):
        today = today or timezone.localdate()
        return self.closed_at is None and (self.respond_by is None or self.respond_by >= today)


class InfluencePreference(models.Model):
    """What a group has opted in to: which levels, on which issues. No row, or nothing ticked: nothing is
    sent. An issue covers its sub-issues (opting in to "Carers" covers "Dementia")."""

    group = models.OneToOneField(
        "directory.Group", on_delete=models.CASCADE, related_name="influence_preference"
    )
    informal = models.BooleanField(_("informal contact"), default=False)
    forum = models.BooleanField(_("forums"), default=False)
    formal = models.BooleanField(_("formal consultation"), default=False)
    categories = models.ManyToManyField(
        "directory.Category", blank=True, related_name="+", verbose_name=_("issues")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("group's opt-in to influence services")
        verbose_name_plural = _("groups' opt-ins to influence services")

    def __str__(self):
        return f"{self.group}: {', '.join(str(label) for label in self.level_labels()) or 'nothing'}"

    def levels(self):
        return [level for level in Level if getattr(self, level.value)]

    def level_labels(self):
        return [level.label for level in self.levels()]


class Delivery(models.Model):
    """An opportunity sent to one group that opted in, and the group's one-click answer."""

    class Answer(models.TextChoices):
        NONE = "", _("Not answered")
        INTERESTED = "interested", _("Interested")
        DECLINED = "declined", _("No thanks")

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="deliveries")
    group = models.ForeignKey(
        "directory.Group", on_delete=models.CASCADE, related_name="influence_deliveries"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    answer = models.CharField(max_length=10, choices=Answer.choices, default=Answer.NONE, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    poster_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("opportunity sent to a group")
        verbose_name_plural = _("opportunities sent to groups")
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "group"], name="one_delivery_per_group")
        ]

    def __str__(self):
        return f"{self.opportunity} → {self.group}"


class FeedbackThread(models.Model):
    """A group's feedback to a service (an agency) and the service's replies. The service sees the group's
    name only if the group chose to be named; otherwise only "a self-help group for <issue>"."""

    group = models.ForeignKey("directory.Group", on_delete=models.CASCADE, related_name="feedback_threads")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="feedback_threads")
    subject = models.CharField(_("what it is about"), max_length=200)
    named = models.BooleanField(_("name our group"), default=False)
    shown_as = models.CharField(_("how the group is shown to the service"), max_length=250)
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now)
    last_side = models.CharField(max_length=10, default="group")

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("feedback thread")
        verbose_name_plural = _("feedback threads")

    def __str__(self):
        return f"Feedback to {self.agency} ({self.created_at:%Y-%m-%d})"


class FeedbackMessage(models.Model):
    class Side(models.TextChoices):
        GROUP = "group", _("the group")
        SERVICE = "service", _("the service")

    thread = models.ForeignKey(FeedbackThread, on_delete=models.CASCADE, related_name="messages")
    side = models.CharField(max_length=10, choices=Side.choices)
    body = models.TextField(_("message"))
    members_sharing = models.PositiveIntegerField(
        _("how many members share this view"), null=True, blank=True
    )
    # Only for the service's replies (a service answers for itself); a group speaks as the group, unnamed.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("feedback message")
        verbose_name_plural = _("feedback messages")

    def __str__(self):
        return f"Message {self.pk} in thread {self.thread_id} from {self.side}"
