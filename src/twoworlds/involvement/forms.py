"""Forms for invitations and roles. Each field says why it is asked; what was typed is kept on an error."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twoworlds.accounts.services import agencies_of, user_for_email

from .models import RoleKind, RoleReview
from .services import RoleTerms

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def error_summary(form, *others):
    """[(anchor id, text)] for every error of the forms, in page order (listings/_error_summary.html). A
    choice links to its first option, so that following the link lands on something that can be chosen."""
    rows = []
    for each in (form, *others):
        if each is None or not each.is_bound:
            continue
        for name, errors in each.errors.items():
            field = each.fields.get(name)
            if field is None:
                rows += [(f"{each.prefix or 'form'}-errors", str(error)) for error in errors]
                continue
            bound = each[name]
            radio = isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
            anchor = f"{bound.auto_id}_0" if radio else bound.auto_id
            label = str(field.label).rstrip("?.:")
            rows += [(anchor, f"{label}: {error}") for error in errors]
    return rows


class AgencyChoiceMixin:
    """An agency field only when the professional works for more than one."""

    def add_agency_field(self, agencies):
        self.agencies = list(agencies)
        if len(self.agencies) > 1:
            self.fields["agency"] = forms.TypedChoiceField(
                label=_("Which agency are you asking for?"),
                choices=[(a.pk, a.name) for a in self.agencies],
                coerce=int,
                widget=forms.RadioSelect,
            )
            self.order_fields(["agency"])

    def chosen_agency(self):
        if len(self.agencies) == 1:
            return self.agencies[0]
        return next(a for a in self.agencies if a.pk == self.cleaned_data["agency"])


class AskToAttendForm(AgencyChoiceMixin, forms.Form):
    professional_name = forms.CharField(
        label=_("Your name, as the group will see it"),
        max_length=100,
        error_messages={"required": _("Give your name, so the group knows who is asking.")},
    )
    about_you = forms.CharField(
        label=_("Who you are"),
        max_length=300,
        help_text=_("Your job and what you do, in a sentence. The group sees this and your agency's name."),
        error_messages={"required": _("Say in a sentence who you are and what you do.")},
    )
    meetings = forms.MultipleChoiceField(
        label=_("Which meetings would you like to attend?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    meetings_note = forms.CharField(
        label=_("Or say which, in your own words"),
        max_length=300,
        required=False,
        help_text=_("For example “one meeting in the spring” or “the meeting after the summer break”."),
    )
    reason = forms.CharField(
        label=_("Why you would like to come"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Be clear about what you hope to do there: listen, answer questions, explain a service. The "
            "group decides, and may say no."
        ),
        error_messages={"required": _("Say why you would like to come: the group needs it to decide.")},
    )

    def __init__(self, *args, group, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meetings"].choices = [(m.describe(), m.describe()) for m in group.meetings.all()]
        if not self.fields["meetings"].choices:
            del self.fields["meetings"]
        self.add_agency_field(agencies)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("meetings") and not (cleaned.get("meetings_note") or "").strip():
            target = "meetings" if "meetings" in self.fields else "meetings_note"
            self.add_error(target, _("Say which meeting or meetings you would like to attend."))
        return cleaned

    def meetings_text(self):
        parts = list(self.cleaned_data.get("meetings") or [])
        if (self.cleaned_data.get("meetings_note") or "").strip():
            parts.append(self.cleaned_data["meetings_note"].strip())
        return "\n".join(parts)


class DecideInvitationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("accept", _("Accept: invite them as a guest")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose accept or decline.")},
    )
    ends_on = forms.DateField(
        label=_("If you accept: the invitation ends on"),
        required=False,
        widget=DATE,
        help_text=_("After this date they are no longer invited. You can withdraw it sooner at any time."),
    )
    reason = forms.CharField(
        label=_("A reason, if you want to give one"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("You do not have to give a reason. The professional sees what you write here."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "accept":
            ends_on = cleaned.get("ends_on")
            if ends_on is None:
                self.add_error("ends_on", _("Say when the invitation ends."))
            elif ends_on < timezone.localdate():
                self.add_error("ends_on", _("Choose today or a later date."))
        return cleaned


class RoleTermsForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("The role"),
        choices=RoleKind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "From the lightest involvement to the most. A figurehead only ever at the group's request."
        ),
        error_messages={"required": _("Choose the role.")},
    )
    description = forms.CharField(
        label=_("What the role involves"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "In plain words both sides agree: what the professional will do, and what they will not."
        ),
        error_messages={"required": _("Describe the role, so both sides agree the same thing.")},
    )
    time_commitment = forms.CharField(
        label=_("Time commitment"),
        max_length=200,
        help_text=_("For example “an hour a month” or “on call on meeting nights”."),
        error_messages={"required": _("Say how much time the role takes.")},
    )
    review_on = forms.DateField(
        label=_("Review date"),
        widget=DATE,
        help_text=_("When both sides look at it again: carry on, change it or end it. Both are reminded."),
        error_messages={"required": _("Choose a review date."), "invalid": _("Enter a date.")},
    )

    def __init__(self, *args, allow_figurehead=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_figurehead:
            self.fields["kind"].choices = [c for c in RoleKind.choices if c[0] != RoleKind.FIGUREHEAD]
            self.fields["kind"].help_text = _(
                "From the lightest involvement to the most. A figurehead (such as a medical adviser) is only "
                "ever the group's own choice, so only the group can propose one."
            )

    def clean_review_on(self):
        review_on = self.cleaned_data["review_on"]
        if review_on <= timezone.localdate():
            raise forms.ValidationError(_("Choose a review date after today."))
        return review_on

    def terms(self):
        data = self.cleaned_data
        return RoleTerms(data["kind"], data["description"], data["time_commitment"], data["review_on"])


class ProfessionalRoleForm(AgencyChoiceMixin, RoleTermsForm):
    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, allow_figurehead=False, **kwargs)
        self.add_agency_field(agencies)


class GroupRoleForm(RoleTermsForm):
    professional_email = forms.EmailField(
        label=_("The professional's work email address"),
        max_length=254,
        help_text=_(
            "They must have a professional account here. They are asked to agree before anything starts."
        ),
        error_messages={"required": _("Give the professional's email address.")},
    )
    field_order = ["professional_email", "kind", "description", "time_commitment", "review_on"]

    def clean_professional_email(self):
        user = user_for_email(self.cleaned_data["professional_email"])
        agencies = list(agencies_of(user)) if user else []
        if not agencies:
            raise forms.ValidationError(
                _(
                    "There is no professional with that address here. Ask them to get in touch with the "
                    "clearinghouse, who can add them to their agency."
                )
            )
        self.professional, self.agency = user, agencies[0]
        return self.cleaned_data["professional_email"]


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What did you decide?"),
        choices=RoleReview.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose carry on, change or end.")},
    )
    next_review_on = forms.DateField(
        label=_("If you carry on: the next review date"), required=False, widget=DATE
    )
    notes = forms.CharField(
        label=_("Notes from the review"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Both sides see these. Do not write anything about individual members."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == RoleReview.Outcome.CARRY_ON:
            day = cleaned.get("next_review_on")
            if day is None:
                self.add_error("next_review_on", _("Choose the next review date."))
            elif day <= timezone.localdate():
                self.add_error("next_review_on", _("Choose a date after today."))
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("A reason, if you want to give one"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
