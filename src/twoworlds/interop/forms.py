"""Forms for the staff import pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from twoworlds.directory.models import Category

MAX_UPLOAD = 50 * 1024 * 1024


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("HSDS file"),
        help_text=_(
            "HSDS 3.0 JSON (a list of services, a /services page, one service, or one per line), Open "
            "Referral UK JSON, or a .zip of HSDS CSV files with their datapackage.json. Up to 50 MB."
        ),
    )
    source = forms.CharField(
        label=_("Where it comes from"),
        max_length=200,
        help_text=_(
            "A name for the publisher, e.g. 'Bristol City Council Open Place'. Records are matched by their "
            "id within one source, so use the same name each time you import from them."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Preview only: check and report, save nothing"), required=False, initial=True
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("The file is larger than 50 MB: import it with the command instead.")
            )
        name = upload.name.lower()
        if not name.endswith((".json", ".ndjson", ".jsonl", ".zip")):
            raise forms.ValidationError(_("Choose a .json file, or a .zip of CSV files."))
        return upload


class TermMappingForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Our category"),
        queryset=Category.objects.select_related("parent"),
        required=False,
        empty_label=_("Not mapped (leave as it is)"),
        help_text=_("Groups that carried this term get the category now, and on every later import."),
    )


class ResolveConflictForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Which version to keep"),
        choices=[
            ("ours", _("Keep our version (the group's or staff's edit)")),
            ("theirs", _("Take the imported version")),
        ],
        widget=forms.RadioSelect,
    )


def error_summary(form):
    """(anchor, message) pairs for the error summary at the top of a page."""
    found = []
    for name, errors in form.errors.items():
        anchor = form[name].id_for_label if name in form.fields else "main"
        found += [(anchor, f"{form.fields[name].label}: {e}" if name in form.fields else e) for e in errors]
    return found
