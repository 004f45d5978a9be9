"""The form staff use to subscribe to another directory's feed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from twoworlds.directory.models import Organisation

from .models import Source


class SubscriptionForm(forms.ModelForm):
    """A subscription is a Source with `subscribed` set: fetched again every `refresh_hours`."""

    location = forms.URLField(
        label=_("Web address"),
        max_length=1000,
        assume_scheme="https",
        help_text=_(
            "For an HSDS API, its address (e.g. https://example.org/api; we read its /services pages). "
            "For a file: the address of the HSDS JSON file or the Meeting Guide feed."
        ),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation that runs the meetings"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Needed for a Meeting Guide feed: its meetings become groups of this organisation."),
    )
    refresh_hours = forms.IntegerField(
        label=_("Fetch it again every (hours)"),
        min_value=1,
        max_value=24 * 30,
        initial=24,
        # A text box with a numeric keyboard: the number input's spin buttons are too small a target.
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4}),
        help_text=_("Once a day is usually enough."),
    )

    class Meta:
        model = Source
        fields = ["name", "kind", "location", "organisation", "refresh_hours"]
        labels = {"name": _("Name"), "kind": _("What it is")}
        help_texts = {
            "name": _("How staff will know it, e.g. 'County Council directory' or 'Intergroup meetings'."),
        }
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].conditional = True  # needed for one kind only: not marked "(optional)"

    def clean_location(self):
        location = self.cleaned_data["location"]
        if not location.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Enter a web address starting with https://."))
        return location

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Source.Kind.MEETING_GUIDE and not cleaned.get("organisation"):
            self.add_error("organisation", _("Choose the organisation that runs the meetings of this feed."))
        location, kind = cleaned.get("location"), cleaned.get("kind")
        if (
            location
            and kind
            and Source.objects.filter(location=location, kind=kind, subscribed=True).exists()
        ):
            self.add_error("location", _("There is already a subscription to this address."))
        return cleaned

    def save(self, commit=True):
        source = super().save(commit=False)
        source.subscribed = True
        if commit:
            source.save()
        return source
