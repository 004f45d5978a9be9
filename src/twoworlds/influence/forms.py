"""Forms for opting in, posting an opportunity, and feedback to a service. Each says why it asks."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twoworlds.accounts.models import Agency
from twoworlds.directory.queries import all_categories
from twoworlds.involvement.forms import DATE, error_summary  # noqa: F401  (re-exported for the views)

from .models import Level

LEVEL_EXPLAINED = {
    Level.INFORMAL: _(
        "Informal contact: giving a talk, planning a training day together, or a conversation with a team "
        "about how it feels to use their service."
    ),
    Level.FORUM: _(
        "Forums: meetings where groups and services talk regularly, such as a carers' forum or a mental "
        "health forum."
    ),
    Level.FORMAL: _(
        "Formal consultation: planning groups and working parties that shape how services are run. These ask "
        "the most time and energy."
    ),
}


class CategoryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, category):
        return str(category)


def _categories():
    return sorted(all_categories(), key=lambda c: str(c).lower())


class PreferenceForm(forms.Form):
    levels = forms.MultipleChoiceField(
        label=_("Which kinds of opportunity may we send you?"),
        choices=[(level.value, LEVEL_EXPLAINED[level]) for level in Level],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick none and we send you nothing."),
    )
    categories = CategoryChoiceField(
        label=_("On which issues?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("An issue includes the issues under it: “Carers” includes “Carers › Dementia”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["categories"]
        field.queryset = all_categories()
        field.choices = [(c.pk, str(c)) for c in _categories()]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("levels") and not cleaned.get("categories"):
            self.add_error(
                "categories", _("Choose at least one issue, or untick every kind to receive nothing.")
            )
        return cleaned


class OpportunityForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Level"),
        choices=[(level.value, LEVEL_EXPLAINED[level]) for level in Level],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the level.")},
    )
    title = forms.CharField(
        label=_("Title"), max_length=200, error_messages={"required": _("Give it a title.")}
    )
    description = forms.CharField(
        label=_("What it is, and what could change"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In everyday words. Say honestly what the group's views can change."),
        error_messages={"required": _("Say what it is.")},
    )
    categories = CategoryChoiceField(
        label=_("Issues"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("It goes only to groups that opted in to this level and one of these issues."),
        error_messages={"required": _("Choose at least one issue.")},
    )
    time_and_energy = forms.CharField(
        label=_("The time and energy it asks"),
        max_length=300,
        help_text=_("For example “one two-hour meeting” or “monthly meetings for a year, with reading”."),
        error_messages={"required": _("Say how much time and energy it asks.")},
    )
    starts_on = forms.DateField(
        label=_("First date"), widget=DATE, error_messages={"required": _("Give the first date.")}
    )
    ends_on = forms.DateField(label=_("Last date"), widget=DATE, required=False)
    dates_note = forms.CharField(label=_("More about the dates"), max_length=300, required=False)
    respond_by = forms.DateField(label=_("Please answer by"), widget=DATE, required=False)
    paid = forms.BooleanField(label=_("Contributions are paid"), required=False)
    payment = forms.CharField(
        label=_("If paid: how much, and for what"),
        max_length=300,
        required=False,
        help_text=_("For example “£40 per meeting, plus travel”."),
    )

    def __init__(self, *args, agencies=(), staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = all_categories()
        self.fields["categories"].choices = [(c.pk, str(c)) for c in _categories()]
        self.agencies = list(agencies)
        choices = ([("", _("The clearinghouse"))] if staff else []) + [(a.pk, a.name) for a in self.agencies]
        if len(choices) > 1:
            self.fields["agency"] = forms.ChoiceField(
                label=_("Posted by"), choices=choices, widget=forms.RadioSelect, required=not staff
            )
            self.order_fields(["agency"])
        self.staff = staff

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        if cleaned.get("starts_on") and cleaned["starts_on"] < today:
            self.add_error("starts_on", _("Choose today or a later date."))
        if cleaned.get("ends_on") and cleaned.get("starts_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", _("The last date is before the first."))
        if cleaned.get("respond_by") and cleaned["respond_by"] < today:
            self.add_error("respond_by", _("Choose today or a later date."))
        if cleaned.get("paid") and not (cleaned.get("payment") or "").strip():
            self.add_error("payment", _("Say how much is paid, and for what."))
        return cleaned

    def chosen_agency(self):
        if "agency" in self.fields:
            value = self.cleaned_data.get("agency")
            return next((a for a in self.agencies if str(a.pk) == str(value)), None)
        return None if self.staff else self.agencies[0]


class FeedbackForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Which service is it about?"),
        queryset=Agency.objects.order_by("name"),
        empty_label=_("Choose a service"),
        error_messages={"required": _("Choose the service.")},
    )
    subject = forms.CharField(
        label=_("What it is about, in a few words"),
        max_length=200,
        error_messages={"required": _("Say in a few words what it is about.")},
    )
    body = forms.CharField(
        label=_("What members told you"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "In the group's voice. Please leave out names, and details that would let the service work out "
            "who said what (dates of a stay, a rare situation)."
        ),
        error_messages={"required": _("Write what members told you.")},
    )
    members_sharing = forms.IntegerField(
        label=_("How many members share this view (if you know)"),
        min_value=1,
        required=False,
        help_text=_("Fewer than 5 is always shown as “fewer than 5”, so that nobody can be picked out."),
    )
    named = forms.TypedChoiceField(
        label=_("How should the service see your group?"),
        choices=[("0", ""), ("1", "")],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="0",
        error_messages={"required": _("Choose how the service sees your group.")},
    )
    issue = forms.ChoiceField(label=_("If not named, which issue should we mention?"), required=False)

    def __init__(self, *args, group, **kwargs):
        from .services import anonymous_label, issues_of

        super().__init__(*args, **kwargs)
        self.issues = issues_of(group)
        example = anonymous_label(group, self.issues[0] if self.issues else None)
        self.fields["named"].choices = [
            ("0", _("Only as “%(label)s”") % {"label": example}),
            ("1", _("By our group's name, %(name)s") % {"name": group.name}),
        ]
        self.fields["issue"].choices = [(str(c.pk), c.name) for c in self.issues]
        if len(self.issues) <= 1:
            del self.fields["issue"]

    def chosen_issue(self):
        value = self.cleaned_data.get("issue")
        return next((c for c in self.issues if str(c.pk) == value), None)


class GroupMessageForm(forms.Form):
    body = FeedbackForm.base_fields["body"]
    members_sharing = FeedbackForm.base_fields["members_sharing"]


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The group's contacts see it, signed with your agency's name."),
        error_messages={"required": _("Write your reply.")},
    )
