"""The pack builder's form: title and introduction, picked groups, rules, and (for staff or a professional
of several agencies) which agency the pack belongs to."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from twoworlds.accounts.models import Agency
from twoworlds.directory import queries as directory
from twoworlds.directory.models import Category, Group, Meeting
from twoworlds.search.geocoding import locate
from twoworlds.search.services import DISTANCES

from .models import Pack


class PickedGroupsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, group):
        towns = sorted(
            {
                meeting.venue.town
                for meeting in group.meetings.all()
                if meeting.venue and meeting.is_in_person and meeting.venue.shows_area
            }
        )
        online = any(meeting.is_online for meeting in group.meetings.all())
        where = ", ".join(towns + ([str(_("online"))] if online else []))
        issues = ", ".join(category.name for category in group.categories.all())
        label = group.name
        if group.is_national:
            label += f" ({_('national')})"
        if not group.is_listed:
            label += f" ({_('no longer listed: left out of the pack')})"
        details = " · ".join(part for part in (issues, where) if part)
        return f"{label} — {details}" if details else label


class PackForm(forms.ModelForm):
    picked = PickedGroupsField(
        label=_("Groups to include"),
        queryset=Group.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick the groups you want in the pack. They come first, in the order you can set below once "
            "the pack is saved."
        ),
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Also include every current group for these issues"),
        queryset=Category.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The pack keeps up with the directory: new groups for these issues appear by themselves."
        ),
    )
    distance = forms.TypedChoiceField(
        label=_("Within"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("10 miles"))] + [(str(d), _("%(n)s miles") % {"n": d}) for d in DISTANCES],
        help_text=_("Groups that meet online or by phone are always included."),
    )

    class Meta:
        model = Pack
        fields = [
            "agency",
            "title",
            "introduction",
            "picked",
            "categories",
            "near",
            "distance",
            "include_national",
            "active",
        ]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "near": _(
                "Only for the issues above: a postcode, postcode district or town. Leave empty for the "
                "whole area."
            ),
        }

    def __init__(self, *args, agencies=None, staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs.update({"autocomplete": "off"})
        picked_now = list(self.instance.picks.values_list("group_id", flat=True)) if self.instance.pk else []
        self.fields["picked"].queryset = (
            Group.objects.filter(Q(pk__in=picked_now) | Q(pk__in=directory.listed_groups().values("pk")))
            .select_related("organisation")
            .prefetch_related(
                "categories", Prefetch("meetings", queryset=Meeting.objects.select_related("venue"))
            )
            .order_by("name")
        )
        if self.instance.pk:
            self.initial.setdefault("picked", picked_now)
        self.fields["categories"].choices = [
            (category.pk, label)
            for top in directory.category_tree()
            for category, label in [(top, top.name)]
            + [(child, f"{top.name} › {child.name}") for child in top.children.all()]
        ]
        if self.instance.distance and self.instance.distance not in DISTANCES:
            self.fields["distance"].choices += [(str(self.instance.distance), f"{self.instance.distance}")]

        agencies = list(agencies if agencies is not None else [])
        if staff:
            self.fields["agency"].queryset = Agency.objects.all()
            self.fields["agency"].empty_label = _("The clearinghouse (no agency)")
            self.fields["agency"].help_text = _("Whose pack this is: its professionals can change it.")
        elif len(agencies) > 1:
            self.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies])
            self.fields["agency"].required = True
            self.fields["agency"].help_text = _("Whose pack this is: its professionals can change it.")
        else:
            del self.fields["agency"]
        self.fields["active"].help_text = _(
            "Untick when the pack is no longer handed out: anyone who opens it is told, and shown how to "
            "find groups instead."
        )
        if not self.instance.pk:
            del self.fields["active"]

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_near(self):
        near = "".join(ch for ch in self.cleaned_data["near"] if ch.isprintable()).strip()
        if near and locate(near) is None:
            raise forms.ValidationError(
                _("We could not find that place. Try a postcode (NG7 2UH), a district (NG7) or a town.")
            )
        return near

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("picked") and not cleaned.get("categories"):
            raise forms.ValidationError(
                _("Tick at least one group, or at least one issue to include all its groups.")
            )
        if cleaned.get("near") and not cleaned.get("categories"):
            self.add_error("near", _("A place only narrows the issues you choose: choose an issue too."))
        return cleaned

    def error_rows(self):
        """[(anchor, text)] for the error summary, in page order."""
        rows = []
        for name, errors in self.errors.items():
            if name == NON_FIELD_ERRORS:
                anchor, label = "form-errors", None
            else:
                anchor, label = self[name].auto_id, self[name].label
            rows += [(anchor, f"{label}: {message}" if label else str(message)) for message in errors]
        return rows
