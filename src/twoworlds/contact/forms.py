"""The two ways to ask a group to get in touch: a person for themselves, or a professional with the person
beside them. The minimum is asked, and every field says why it is asked and exactly who will see it."""

import re

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from twoworlds.core.forms import HoneypotMixin
from twoworlds.safety.services import reads_as_crisis

from .models import ContactDetails, ReachBy

PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().-]+$")

WHO_SEES = _("Only the people who look after %(group)s see this; the clearinghouse staff do not.")


# Short names for the error summary at the top of the page (the full labels are questions or sentences).
SUMMARY_LABELS = {
    "reach_kind": _("Way to get in touch"),
    "consent": _("Your agreement"),
    "person_agrees": _("The person's agreement"),
    "email_me_link": _("Link by email"),
}


def error_summary(form):
    """[(anchor id, text)] for every error, in page order, for listings/_error_summary.html. A choice links
    to its first option, so that following the link lands on something that can be chosen."""
    rows = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        if field is None or name == "website_url":
            rows += [(f"{form.prefix or 'form'}-errors", str(error)) for error in errors]
            continue
        bound = form[name]
        anchor = f"{bound.auto_id}_0" if isinstance(field.widget, forms.RadioSelect) else bound.auto_id
        label = str(SUMMARY_LABELS.get(name, field.label)).rstrip("?.:")
        rows += [(anchor, f"{label}: {error}") for error in errors]
    return rows


def _one_line(value):
    return " ".join((value or "").split())


def _tidy_text(value):
    """Keep line breaks in a message, but no runs of blank lines or trailing spaces."""
    lines = [line.rstrip() for line in (value or "").strip().splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text)


class ContactFieldsMixin(forms.Form):
    """The fields both forms share. `message_*` and `hints` differ between the person and a professional."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=60,
        error_messages={"required": _("Give a name, so the group knows who to ask for. Any name will do.")},
    )
    reach_kind = forms.ChoiceField(
        label=_("How should they get in touch?"),
        choices=ReachBy.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a phone call, a text message or an email.")},
    )
    reach_value = forms.CharField(
        label=_("Phone number or email address"),
        max_length=120,
        error_messages={"required": _("Give the phone number or email address they should use.")},
    )
    good_times = forms.CharField(
        label=_("Good times to get in touch"),
        max_length=200,
        required=False,
    )
    message = forms.CharField(
        label=_("A message for the group"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        who = WHO_SEES % {"group": group.name}
        for name, hint in self.hints().items():
            self.fields[name].help_text = f"{hint} {who}"
        self.fields["name"].widget.attrs.update({"autocomplete": "given-name", "spellcheck": "false"})
        self.fields["reach_value"].widget.attrs.update({"spellcheck": "false", "autocapitalize": "off"})

    def hints(self):
        return {
            "name": _("A first name or any name you like, so that they know who to ask for."),
            "reach_kind": _("Choose one way, so they reach you the way that suits you."),
            "reach_value": _("So that they can get in touch. It is used for nothing else."),
            "good_times": _(
                "For example “weekday evenings” or “not before 10am”, so they call when it suits."
            ),
            "message": _(
                "Anything you would like them to know first. You do not have to say why you are asking."
            ),
        }

    def clean_name(self):
        return _one_line(self.cleaned_data["name"])

    def clean_good_times(self):
        return _one_line(self.cleaned_data.get("good_times"))

    def clean_message(self):
        return _tidy_text(self.cleaned_data.get("message"))

    def clean(self):
        cleaned = super().clean()
        kind, value = cleaned.get("reach_kind"), _one_line(cleaned.get("reach_value"))
        if kind and value:
            if kind == ReachBy.EMAIL:
                try:
                    validate_email(value)
                except forms.ValidationError:
                    self.add_error("reach_value", _("Enter an email address, like name@example.com."))
                else:
                    local, _at, domain = value.rpartition("@")
                    cleaned["reach_value"] = f"{local}@{domain.lower()}"
            else:
                digits = re.sub(r"\D", "", value)
                if not PHONE_CHARACTERS.match(value) or not 9 <= len(digits) <= 15:
                    example = (
                        _("a mobile number, like 07700 900123")
                        if kind == ReachBy.TEXT
                        else _("a phone number, like 0115 496 0123")
                    )
                    self.add_error(
                        "reach_value",
                        _("Enter %(example)s. Use only numbers, spaces and a + at the start.")
                        % {"example": example},
                    )
                else:
                    cleaned["reach_value"] = value
        return cleaned

    def details(self):
        data = self.cleaned_data
        return ContactDetails(
            name=data["name"],
            reach_kind=data["reach_kind"],
            reach_value=data["reach_value"],
            good_times=data.get("good_times", ""),
            message=data.get("message", ""),
        )

    def reads_as_crisis(self):
        """Whether anything typed, valid or not, reads like acute distress (crisis help comes first)."""
        if not self.is_bound:
            return False
        typed = " ".join(str(self.data.get(name, "")) for name in ("name", "good_times", "message"))
        return reads_as_crisis(typed)


class AskToBeContactedForm(HoneypotMixin, ContactFieldsMixin):
    """A person asks a group to get in touch with them."""

    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _(
                "Tick the box to agree, or nothing is sent. Or get in touch with the group yourself."
            )
        },
    )
    email_me_link = forms.BooleanField(
        label=_("Email me a link I can use to take this request back"),
        required=False,
        help_text=_(
            "Only if you gave an email address above. The email holds the link and the group's name, "
            "nothing else. The link is also shown on the next page."
        ),
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, group=group, **kwargs)
        self.fields["consent"].label = _(
            "I agree that %(group)s's contacts may see these details and get in touch with me. "
            "Nothing else is shared."
        ) % {"group": group.name}


class PutInTouchForm(ContactFieldsMixin):
    """A professional, with the person beside them and agreeing, asks a group to get in touch with the
    person. Only what the person agreed to share; never a diagnosis or notes."""

    person_agrees = forms.BooleanField(
        label=_("The person is with me and agrees to share exactly these details"),
        required=True,
        help_text=_("Read the details back to them before you send. Nothing is sent without this."),
        error_messages={"required": _("Tick the box once the person has agreed to these exact details.")},
    )
    # Shorter than the person's own form: this is not a place for notes.
    message = forms.CharField(
        label=_("Anything the person wants the group to know"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, group, agencies, **kwargs):
        super().__init__(*args, group=group, **kwargs)
        self.agencies = list(agencies)
        self.fields["name"].label = _("The person's name")
        self.fields["reach_kind"].label = _("How should the group get in touch with them?")
        self.fields["good_times"].label = _("Good times to get in touch with them")
        if len(self.agencies) > 1:
            self.fields["agency"] = forms.ChoiceField(
                label=_("On behalf of"),
                choices=[(str(a.pk), a.name) for a in self.agencies],
                help_text=_("Your agency counts the people it puts in touch (numbers only)."),
            )
            self.order_fields(["agency"])

    def hints(self):
        return {
            "name": _("A first name or any name the person chooses, so that the group knows who to ask for."),
            "reach_kind": _("The one way the person chose."),
            "reach_value": _("The person's own number or address (not yours), used for nothing else."),
            "good_times": _("When the person would like to be contacted."),
            "message": _(
                "Only what the person asks you to pass on, in their words. Do not record a diagnosis, case "
                "notes or anything they have not asked you to share."
            ),
        }

    def chosen_agency(self):
        if len(self.agencies) == 1:
            return self.agencies[0]
        chosen = self.cleaned_data.get("agency")
        return next(a for a in self.agencies if str(a.pk) == chosen)
