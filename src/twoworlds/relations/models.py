"""Two worlds, on the groups' terms.

- `GroupTerms`: how a group relates to professionals (with a firm no), whether it gives talks, takes part in
  training days or is consulted (and on what terms), and what it would welcome.
- `AgencyOffer`: what an agency offers groups (rooms, noticeboards, photocopying, grant help, …).
- `ResourceRequest`: a group asks an agency for something, or an agency offers something to a group; the
  other side decides. `RoomBooking`: a group books a room an agency offers; the agency decides.
- `Talk`: a professional or agency invites a group to give a talk or plan a training day together; the
  group decides, or proposes other terms. `TalkNote`: the shared page's planning notes.
- `Survey`, `SurveyRecipient`, `SurveyAnswer`: staff ask professionals what they would like from groups.

Nothing here is assumed: every arrangement starts as a question and waits for the other side's answer.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from twoworlds.accounts.models import Agency
from twoworlds.directory.models import Category, Group


class ResourceKind(models.TextChoices):
    """What a group may welcome and an agency may offer: the same words on both sides."""

    MEETING_ROOM = "meeting_room", _("A meeting room")
    LIBRARY_STORAGE = "library_storage", _("Storage for the group's library")
    NOTICEBOARD = "noticeboard", _("Noticeboard space")
    PHOTOCOPYING = "photocopying", _("Photocopying")
    GRANT_HELP = "grant_help", _("Help with grant application forms")
    FUNDRAISING_SPACE = "fundraising_space", _("A place for a fund-raising event")
    SPEAKERS = "speakers", _("Speakers")


class Stance(models.TextChoices):
    """How a group relates to professionals, from most open to a firm no."""

    TELL_PEOPLE = "tell_people", _("Professionals are welcome to tell people about us")
    SPEAKERS_BY_INVITATION = "speakers_by_invitation", _("Speakers welcome by invitation")
    INVITED_GUESTS = "invited_guests", _("Professionals attend only as invited guests")
    NO_INVOLVEMENT = "no_involvement", _("No professional involvement")


class GroupTerms(models.Model):
    """A group's own terms for professionals. One per group, set by the people who look after it."""

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="terms")
    stance = models.CharField(
        _("how the group relates to professionals"), max_length=24, choices=Stance.choices
    )
    stance_note = models.TextField(_("anything else professionals should know"), blank=True, max_length=1000)

    gives_talks = models.BooleanField(_("the group is happy to give talks"), default=False)
    talks_fee = models.CharField(_("fee for a talk"), max_length=200, blank=True)
    talks_travel_costs = models.BooleanField(_("travel costs to be paid for talks"), default=False)
    talks_notice_weeks = models.PositiveSmallIntegerField(
        _("weeks' notice for a talk"), null=True, blank=True
    )
    talks_topics = models.CharField(_("topics for talks"), max_length=500, blank=True)

    training_days = models.BooleanField(_("the group takes part in training days"), default=False)
    training_fee = models.CharField(_("fee for a training day"), max_length=200, blank=True)
    training_travel_costs = models.BooleanField(_("travel costs to be paid for training days"), default=False)
    training_notice_weeks = models.PositiveSmallIntegerField(
        _("weeks' notice for a training day"), null=True, blank=True
    )
    training_topics = models.CharField(_("topics for training days"), max_length=500, blank=True)

    consulted = models.BooleanField(_("the group is happy to be consulted"), default=False)
    consulted_fee = models.CharField(_("fee for being consulted"), max_length=200, blank=True)
    consulted_travel_costs = models.BooleanField(
        _("travel costs to be paid for consultations"), default=False
    )
    consulted_notice_weeks = models.PositiveSmallIntegerField(
        _("weeks' notice for a consultation"), null=True, blank=True
    )
    consulted_topics = models.CharField(_("topics the group can be consulted on"), max_length=500, blank=True)

    welcomes_meeting_room = models.BooleanField(ResourceKind.MEETING_ROOM.label, default=False)
    welcomes_library_storage = models.BooleanField(ResourceKind.LIBRARY_STORAGE.label, default=False)
    welcomes_noticeboard = models.BooleanField(ResourceKind.NOTICEBOARD.label, default=False)
    welcomes_photocopying = models.BooleanField(ResourceKind.PHOTOCOPYING.label, default=False)
    welcomes_grant_help = models.BooleanField(ResourceKind.GRANT_HELP.label, default=False)
    welcomes_fundraising_space = models.BooleanField(ResourceKind.FUNDRAISING_SPACE.label, default=False)
    welcomes_speakers = models.BooleanField(ResourceKind.SPEAKERS.label, default=False)
    welcomes_note = models.TextField(_("more about what would help"), blank=True, max_length=1000)

    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("group's terms for professionals")
        verbose_name_plural = _("groups' terms for professionals")

    def __str__(self):
        return f"{self.group}: {self.get_stance_display()}"

    @property
    def says_no(self):
        return self.stance == Stance.NO_INVOLVEMENT

    def welcomes(self, kind):
        return bool(getattr(self, f"welcomes_{kind}", False))

    @property
    def welcomed_kinds(self):
        """The things the group would welcome, as ResourceKind members, in the list's order."""
        return [kind for kind in ResourceKind if self.welcomes(kind.value)]


class AgencyOffer(models.Model):
    """Something an agency offers groups: a room (with its times, capacity, access and cost), a noticeboard,
    photocopying, grant-application help, space for a fund-raising event, or speakers on topics."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="offers")
    kind = models.CharField(_("what is offered"), max_length=24, choices=ResourceKind.choices)
    title = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("about it"), blank=True, max_length=2000)
    times = models.CharField(_("when it is available"), max_length=300, blank=True)
    capacity = models.PositiveSmallIntegerField(_("how many people it holds"), null=True, blank=True)
    access = models.CharField(_("access"), max_length=300, blank=True)
    cost = models.CharField(_("cost"), max_length=200, blank=True)
    topics = models.CharField(_("topics (for speakers)"), max_length=500, blank=True)
    available = models.BooleanField(_("offered now"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["agency__name", "kind", "title"]
        verbose_name = _("agency's offer")
        verbose_name_plural = _("agencies' offers")

    def __str__(self):
        return f"{self.title} ({self.agency})"

    @property
    def is_room(self):
        return self.kind in (ResourceKind.MEETING_ROOM, ResourceKind.FUNDRAISING_SPACE)


class Decision(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ResourceRequest(models.Model):
    """A group asks an agency for a resource, or an agency offers one to a group. The other side decides."""

    class Direction(models.TextChoices):
        GROUP_ASKS = "group_asks", _("The group asked")
        AGENCY_OFFERS = "agency_offers", _("The agency offered")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="resource_requests")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="resource_requests")
    offer = models.ForeignKey(
        AgencyOffer, null=True, blank=True, on_delete=models.SET_NULL, related_name="requests"
    )
    kind = models.CharField(_("what"), max_length=24, choices=ResourceKind.choices)
    direction = models.CharField(max_length=16, choices=Direction.choices)
    message = models.TextField(_("message"), blank=True, max_length=2000)
    state = models.CharField(max_length=12, choices=Decision.choices, default=Decision.PENDING)
    reason = models.TextField(_("reason"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("offer or request")
        verbose_name_plural = _("offers and requests")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.group} / {self.agency} ({self.state})"

    def get_absolute_url(self):
        return reverse("relations:request", args=[self.pk])

    @property
    def group_decides(self):
        return self.direction == self.Direction.AGENCY_OFFERS


class RoomBooking(models.Model):
    """A group asks to use a room an agency offers, on a date; the agency confirms or declines."""

    offer = models.ForeignKey(AgencyOffer, on_delete=models.CASCADE, related_name="bookings")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="room_bookings")
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    purpose = models.CharField(_("what the room is for"), max_length=300)
    state = models.CharField(max_length=12, choices=Decision.choices, default=Decision.PENDING)
    reason = models.TextField(_("reason"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-starts_at"]
        verbose_name = _("room booking")
        verbose_name_plural = _("room bookings")

    def __str__(self):
        return f"{self.offer.title} for {self.group} on {self.date}"

    def get_absolute_url(self):
        return reverse("relations:booking", args=[self.pk])

    @property
    def agency(self):
        return self.offer.agency


class Talk(models.Model):
    """An invitation to a group to give a talk, or to plan a training day together. The group accepts
    (picking a date), declines, or proposes other terms, which the professional then accepts or declines."""

    class Kind(models.TextChoices):
        TALK = "talk", _("A talk")
        TRAINING_DAY = "training_day", _("A training day planned together")

    class State(models.TextChoices):
        INVITED = "invited", _("Waiting for the group")
        PROPOSED = "proposed", _("The group proposed other terms")
        ACCEPTED = "accepted", _("Agreed")
        DECLINED = "declined", _("Declined by the group")
        TERMS_DECLINED = "terms_declined", _("The group's terms were declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN_STATES = (State.INVITED, State.PROPOSED)

    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices, default=Kind.TALK)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="talks")
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="talks")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="talks_invited"
    )
    topic = models.CharField(_("topic"), max_length=300)
    audience = models.CharField(_("who it is for"), max_length=300)
    date_option_1 = models.DateField(_("first date you could do"), null=True, blank=True)
    date_option_2 = models.DateField(_("another date"), null=True, blank=True)
    date_option_3 = models.DateField(_("another date"), null=True, blank=True)
    fee_offered = models.CharField(_("fee offered"), max_length=200, blank=True)
    message = models.TextField(_("message to the group"), blank=True, max_length=2000)
    state = models.CharField(max_length=16, choices=State.choices, default=State.INVITED)
    agreed_date = models.DateField(_("agreed date"), null=True, blank=True)
    proposed_date = models.DateField(_("date the group proposes"), null=True, blank=True)
    proposed_fee = models.CharField(_("fee the group asks"), max_length=200, blank=True)
    proposed_terms = models.TextField(_("the group's terms"), blank=True, max_length=2000)
    reason = models.TextField(_("reason"), blank=True, max_length=1000)
    survey = models.ForeignKey(
        "Survey", null=True, blank=True, on_delete=models.SET_NULL, related_name="talks"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("talk or training day")
        verbose_name_plural = _("talks and training days")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.topic} ({self.group})"

    def get_absolute_url(self):
        return reverse("relations:talk", args=[self.pk])

    @property
    def date_options(self):
        return [d for d in (self.date_option_1, self.date_option_2, self.date_option_3) if d]

    @property
    def is_open(self):
        return self.state in self.OPEN_STATES


class TalkNote(models.Model):
    """A note on the shared page of an agreed talk or training day, from either side."""

    talk = models.ForeignKey(Talk, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_group = models.BooleanField(default=False)
    text = models.TextField(_("note"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("planning note")
        verbose_name_plural = _("planning notes")

    def __str__(self):
        return f"Note on {self.talk} at {self.created_at:%Y-%m-%d %H:%M}"


class Survey(models.Model):
    """Staff ask professionals, issue by issue, whether they would like a talk from a group or more
    information about groups."""

    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), max_length=3000)
    categories = models.ManyToManyField(Category, related_name="+", verbose_name=_("issues asked about"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("survey of professionals")
        verbose_name_plural = _("surveys of professionals")

    def __str__(self):
        return self.title


class SurveyRecipient(models.Model):
    """One professional a survey was sent to, with the hash of their personal link's token."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="recipients")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(Agency, null=True, on_delete=models.SET_NULL, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("survey recipient")
        verbose_name_plural = _("survey recipients")
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="one_survey_link_per_person")]

    def __str__(self):
        return f"{self.survey} to {self.user}"


class SurveyAnswer(models.Model):
    """A professional's ticks for one issue."""

    recipient = models.ForeignKey(SurveyRecipient, on_delete=models.CASCADE, related_name="answers")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="+")
    wants_talk = models.BooleanField(default=False)
    wants_information = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [models.UniqueConstraint(fields=["recipient", "category"], name="one_answer_per_issue")]

    def __str__(self):
        return f"{self.recipient}: {self.category}"
