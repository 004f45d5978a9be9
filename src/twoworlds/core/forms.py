"""Shared form plumbing for public forms."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin(forms.Form):
    """A field people never see or fill in (hidden by CSS and from screen readers); bots fill every field.
    Cheaper and kinder than a captcha. Render it with {% include "core/_honeypot.html" %}."""

    website_url = forms.CharField(required=False, label=_("Leave this empty"))

    def clean_website_url(self):
        if self.cleaned_data.get("website_url"):
            raise forms.ValidationError(_("This form could not be sent. Please try again."))
        return ""
