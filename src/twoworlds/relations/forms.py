"""Forms for groups' terms, agencies' offers, requests, room bookings, talks and surveys. Every field says why
it is asked; nothing asks for more than the arrangement needs (no member's details, ever)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twoworlds.listings.forms import error_summary  # noqa: F401  (re-exported for the views)

from .models import AgencyOffer, GroupTerms, ResourceKind, RoomBooking, Stance, Survey, Talk

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
SHORT_TEXT = forms.Textarea(attrs={"rows": 3})

STANCE_HINT = _(
    "“Tell people about us”: professionals may pass on the group's details, and nothing more is assumed. "
    "“Speakers by invitation”: the group invites a professional to speak when it wants one. “Invited "
    "guests”: a professional may ask to come to a meeting as a guest, and the group decides each time. "
    "Many groups keep professionals at a distance on purpose: twelve-step groups, for example, follow "
    "traditions that forbid affiliation with outside bodies and having figureheads. If you choose “No "
    "professional involvement”, that answer is respected everywhere on this site: no professional can "
    "invite the group to give a talk, ask to attend, propose a role or offer it anything through the site, "
    "and your page says so plainly."
)


class GroupTermsForm(forms.ModelForm):
    """The group's own terms. The three ways of working together (talks, training days, being consulted)
    share the same four terms: a fee, travel costs, how much notice, and topics."""

    stance = forms.ChoiceField(
        label=_("How the group relates to professionals"),
        choices=Stance.choices,
        widget=forms.RadioSelect,
        help_text=STANCE_HINT,
    )

    class Meta:
        model = GroupTerms
        fields = [
            "stance",
            "stance_note",
            "gives_talks",
            "talks_fee",
            "talks_travel_costs",
            "talks_notice_weeks",
            "talks_topics",
            "training_days",
            "training_fee",
            "training_travel_costs",
            "training_notice_weeks",
            "training_topics",
            "consulted",
            "consulted_fee",
            "consulted_travel_costs",
            "consulted_notice_weeks",
            "consulted_topics",
            "welcomes_meeting_room",
            "welcomes_library_storage",
            "welcomes_noticeboard",
            "welcomes_photocopying",
            "welcomes_grant_help",
            "welcomes_fundraising_space",
            "welcomes_speakers",
            "welcomes_note",
        ]
        widgets = {"stance_note": SHORT_TEXT, "welcomes_note": SHORT_TEXT}
        help_texts = {
            "stance_note": _(
                "Shown on the group's page. For example: “Please ring before passing our leaflet on.”"
            ),
            "gives_talks": _(
                "For example to nurses, GPs' practices or students, about what the group offers."
            ),
            "talks_fee": _("Leave empty if there is no fee. For example: “£40, or a donation”."),
            "talks_notice_weeks": _("How many weeks ahead the group needs to be asked."),
            "talks_topics": _("What members are happy to talk about."),
            "training_days": _("Planned together with the professionals who run it."),
            "consulted": _("For example about a service the group's members use."),
            "welcomes_note": _("Anything else, or more about what would help (times, sizes, how often)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for prefix in ("talks", "training", "consulted"):
            self.fields[f"{prefix}_fee"].label = _("Fee")
            self.fields[f"{prefix}_travel_costs"].label = _("Travel costs must be paid")
            self.fields[f"{prefix}_notice_weeks"].label = _("Weeks' notice needed")
            self.fields[f"{prefix}_topics"].label = _("Topics")

    SECTIONS = [
        ("talks", _("Giving talks"), "gives_talks"),
        ("training", _("Training days"), "training_days"),
        ("consulted", _("Being consulted"), "consulted"),
    ]

    def sections(self):
        """The three ways of working together, for the template: (id, title, [bound fields])."""
        return [
            (
                key,
                title,
                [self[flag]]
                + [self[f"{key}_{name}"] for name in ("fee", "travel_costs", "notice_weeks", "topics")],
            )
            for key, title, flag in self.SECTIONS
        ]

    def clean(self):
        data = super().clean()
        for prefix in ("talks", "training", "consulted"):
            weeks = data.get(f"{prefix}_notice_weeks")
            if weeks is not None and weeks > 52:
                self.add_error(f"{prefix}_notice_weeks", _("Please give a number of weeks up to 52."))
        if data.get("stance") == Stance.NO_INVOLVEMENT:
            # A firm no is a no to talks, training days and consultations too.
            for flag in ("gives_talks", "training_days", "consulted"):
                data[flag] = False
        return data


class AgencyOfferForm(forms.ModelForm):
    class Meta:
        model = AgencyOffer
        fields = [
            "kind",
            "title",
            "description",
            "times",
            "capacity",
            "access",
            "cost",
            "topics",
            "available",
        ]
        widgets = {"description": SHORT_TEXT}
        help_texts = {
            "kind": _("Groups that would welcome this see it when they look for help."),
            "title": _("For example: “Seminar room, Ward 7 day centre”."),
            "times": _("For rooms: when groups can use it, e.g. “weekday evenings after 6pm”."),
            "capacity": _("For rooms: how many people it holds."),
            "access": _("Step-free access, hearing loop, parking, buses: what people need to know."),
            "cost": _("Leave empty if it is free."),
            "topics": _("For speakers: what they can talk about."),
            "available": _("Untick to stop offering it for now; requests already made are kept."),
        }


class ChooseGroupMixin:
    """A person who looks after several groups says which one this is for; with one group, it is chosen."""

    def add_group_choice(self, groups):
        groups = list(groups)
        self.only_group = groups[0] if len(groups) == 1 else None
        if self.only_group is None:
            self.fields["group"] = forms.ModelChoiceField(
                label=_("For which group"), queryset=None, empty_label=None
            )
            self.fields["group"].queryset = groups[0].__class__.objects.filter(pk__in=[g.pk for g in groups])
            self.order_fields(["group"])

    def chosen_group(self):
        return self.only_group or self.cleaned_data["group"]


class ChooseAgencyMixin:
    """A professional working for several agencies says which one this is from."""

    def add_agency_choice(self, agencies):
        agencies = list(agencies)
        self.only_agency = agencies[0] if len(agencies) == 1 else None
        if self.only_agency is None and agencies:
            self.fields["agency"] = forms.ModelChoiceField(
                label=_("From which agency"), queryset=None, empty_label=None
            )
            self.fields["agency"].queryset = agencies[0].__class__.objects.filter(
                pk__in=[a.pk for a in agencies]
            )
            self.order_fields(["agency"])

    def chosen_agency(self):
        return self.only_agency or self.cleaned_data.get("agency")


class GroupAsksForm(ChooseGroupMixin, forms.Form):
    """A group asks an agency for something it offers."""

    message = forms.CharField(
        label=_("Message to the agency"),
        required=False,
        max_length=2000,
        widget=SHORT_TEXT,
        help_text=_("What the group would like, and when. Please do not write about members."),
    )


class AgencyOffersForm(ChooseAgencyMixin, forms.Form):
    """An agency offers something to a group (which decides)."""

    kind = forms.ChoiceField(label=_("What you offer"), choices=ResourceKind.choices)
    message = forms.CharField(
        label=_("Message to the group"),
        required=False,
        max_length=2000,
        widget=SHORT_TEXT,
        help_text=_("What you offer and on what terms. The group decides, and may say no without a reason."),
    )


class DecideForm(forms.Form):
    """Accept or decline, with a reason or none."""

    decision = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason or note"),
        required=False,
        max_length=1000,
        widget=SHORT_TEXT,
        help_text=_("The other side sees it. You do not have to give a reason."),
    )


class BookingForm(ChooseGroupMixin, forms.ModelForm):
    class Meta:
        model = RoomBooking
        fields = ["date", "starts_at", "ends_at", "purpose"]
        widgets = {"date": DATE, "starts_at": TIME, "ends_at": TIME}
        help_texts = {
            "purpose": _("For example: “our monthly meeting” or “a coffee morning to raise funds”."),
        }

    def clean(self):
        data = super().clean()
        if data.get("date") and data["date"] < timezone.localdate():
            self.add_error("date", _("Please choose a date from today on."))
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end time is not after the start time."))
        return data


class TalkInvitationForm(ChooseAgencyMixin, forms.ModelForm):
    class Meta:
        model = Talk
        fields = [
            "kind",
            "topic",
            "audience",
            "date_option_1",
            "date_option_2",
            "date_option_3",
            "fee_offered",
            "message",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "date_option_1": DATE,
            "date_option_2": DATE,
            "date_option_3": DATE,
            "message": SHORT_TEXT,
        }
        help_texts = {
            "topic": _("What you would like the group to talk about."),
            "audience": _("For example: “twenty student nurses”."),
            "date_option_1": _("Give up to three dates; the group picks one, or proposes another."),
            "fee_offered": _("Leave empty if none. The group's own terms are shown above."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_option_1"].required = True

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        for name in ("date_option_1", "date_option_2", "date_option_3"):
            if data.get(name) and data[name] < today:
                self.add_error(name, _("Please choose a date from today on."))
        return data


class TalkAnswerForm(forms.Form):
    """The group's answer: accept (picking a date), decline, or propose other terms."""

    answer = forms.ChoiceField(
        label=_("The group's answer"),
        choices=[
            ("accept", _("Accept")),
            ("propose", _("Propose other terms")),
            ("decline", _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    date = forms.ChoiceField(label=_("The date the group picks"), required=False, widget=forms.RadioSelect)
    proposed_date = forms.DateField(
        label=_("A date that suits the group"),
        required=False,
        widget=DATE,
        help_text=_("When proposing other terms."),
    )
    proposed_fee = forms.CharField(label=_("The fee the group asks"), required=False, max_length=200)
    proposed_terms = forms.CharField(
        label=_("The group's terms"), required=False, max_length=2000, widget=SHORT_TEXT
    )
    reason = forms.CharField(
        label=_("Reason or note"),
        required=False,
        max_length=1000,
        widget=SHORT_TEXT,
        help_text=_("You do not have to give a reason for saying no."),
    )

    def __init__(self, *args, talk, **kwargs):
        super().__init__(*args, **kwargs)
        self.talk = talk
        self.fields["date"].choices = [(d.isoformat(), d.strftime("%A %-d %B %Y")) for d in talk.date_options]
        self.fields["date"].conditional = True
        self.fields["proposed_date"].conditional = True

    def clean(self):
        data = super().clean()
        answer = data.get("answer")
        if answer == "accept":
            if self.talk.date_options and not data.get("date"):
                self.add_error("date", _("Pick one of the dates offered, or propose another one."))
            if not self.talk.date_options and not data.get("proposed_date"):
                self.add_error("proposed_date", _("No dates were offered: give a date that suits the group."))
        if answer == "propose" and not (
            data.get("proposed_date") or data.get("proposed_fee") or data.get("proposed_terms")
        ):
            self.add_error("proposed_terms", _("Say what the group proposes: a date, a fee, or other terms."))
        if data.get("proposed_date") and data["proposed_date"] < timezone.localdate():
            self.add_error("proposed_date", _("Please choose a date from today on."))
        return data


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Add a planning note"),
        max_length=2000,
        widget=SHORT_TEXT,
        help_text=_("Both sides see it. Please do not write about members."),
    )


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "introduction", "categories"]
        widgets = {
            "categories": forms.CheckboxSelectMultiple,
            "introduction": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "introduction": _(
                "Shown at the top of the survey and in the email. For example: “Would you like a talk from a "
                "group? More information about groups?”"
            ),
            "categories": _(
                "Each professional ticks, issue by issue, whether they would like a talk or more information."
            ),
        }


class SurveyReplyForm(forms.Form):
    """Two boxes per issue: a talk from a group, and more information about groups."""

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = list(categories)
        for category in self.categories:
            self.fields[f"talk_{category.pk}"] = forms.BooleanField(
                label=_("A talk from a group"), required=False
            )
            self.fields[f"info_{category.pk}"] = forms.BooleanField(
                label=_("More information about groups"), required=False
            )
        self.fields["audience"] = forms.CharField(
            label=_("Who would come to a talk"),
            required=False,
            max_length=300,
            help_text=_("For example: “the ward's nurses”. Groups see this with the invitation."),
        )

    def rows(self):
        return [(c, self[f"talk_{c.pk}"], self[f"info_{c.pk}"]) for c in self.categories]

    def ticks(self):
        """[(category, wants_talk, wants_information)] for every issue."""
        return [
            (c, self.cleaned_data[f"talk_{c.pk}"], self.cleaned_data[f"info_{c.pk}"]) for c in self.categories
        ]
