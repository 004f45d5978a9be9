"""The search parameters, shared by the search page and the API (same names, same rules)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from twoworlds.directory import queries as directory

from .services import DAYS, DISTANCES, FORMATS, TIMES, Filters

DAY_LABELS = [
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
]
TIME_LABELS = [_("Morning (before 12)"), _("Afternoon (12 to 5pm)"), _("Evening (after 5pm)")]
FORMAT_LABELS = [_("In person"), _("Online"), _("By telephone"), _("Home visits")]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("What would you like support with?"),
        required=False,
        max_length=200,
        help_text=_("In your own words, for example 'my mum has dementia' or 'lost my husband'."),
    )
    near = forms.CharField(
        label=_("Near"), required=False, max_length=100, help_text=_("A postcode, postcode district or town.")
    )
    distance = forms.TypedChoiceField(
        label=_("Within"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("10 miles"))] + [(str(d), _("%(n)s miles") % {"n": d}) for d in DISTANCES],
    )
    day = forms.ChoiceField(
        label=_("Day"),
        required=False,
        choices=[("", _("Any day"))] + list(zip(DAYS, DAY_LABELS, strict=True)),
    )
    time = forms.ChoiceField(
        label=_("Time of day"),
        required=False,
        choices=[("", _("Any time"))] + list(zip(TIMES, TIME_LABELS, strict=True)),
    )
    format = forms.ChoiceField(
        label=_("How"),
        required=False,
        choices=[("", _("Any way"))] + list(zip(FORMATS, FORMAT_LABELS, strict=True)),
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    category = forms.ChoiceField(label=_("Issue"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        taxonomy = directory.taxonomy()
        self.fields["language"].choices = [("", _("Any language"))] + [
            (language.code, language.name) for language in taxonomy.languages
        ]
        categories = [("", _("Any issue"))]
        for category, children in taxonomy.tree:
            categories.append((category.slug, category.name))
            categories += [(child.slug, f"— {child.name}") for child in children]
        self.fields["category"].choices = categories

    def clean_q(self):
        # Control characters never belong in a query; dropping them keeps the rest of what was typed.
        return "".join(ch for ch in self.cleaned_data["q"] if ch.isprintable()).strip()

    def clean_near(self):
        return "".join(ch for ch in self.cleaned_data["near"] if ch.isprintable()).strip()

    def filters(self):
        data = self.cleaned_data
        return Filters(
            near=data.get("near", ""),
            distance=data.get("distance"),
            day=data.get("day", ""),
            time=data.get("time", ""),
            format=data.get("format", ""),
            language=data.get("language", ""),
            category=data.get("category", ""),
        )

    @property
    def is_filtered(self):
        return any(
            self.cleaned_data.get(name) for name in ("near", "day", "time", "format", "language", "category")
        )
