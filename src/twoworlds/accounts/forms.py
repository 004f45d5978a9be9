from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from twoworlds.core.forms import HoneypotMixin

from .services import authenticate_by_email, normalise_email


class EmailField(forms.EmailField):
    def clean(self, value):
        return normalise_email(super().clean(value))


class SignInLinkForm(HoneypotMixin, forms.Form):
    email = EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_(
            "We email you a link that signs you in, so there is no password to remember. We use your "
            "address only for signing in and for messages about the groups you look after."
        ),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput, max_length=1000)


class PasswordSignInForm(HoneypotMixin, forms.Form):
    email = EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("The address you signed in with before."),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=4096,
        help_text=_("Not set one, or forgotten it? Ask for an emailed sign-in link instead."),
        error_messages={"required": _("Enter your password.")},
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput, max_length=1000)

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        self.user = authenticate_by_email(self.request, cleaned["email"], cleaned["password"])
        if self.user is None:
            raise forms.ValidationError(
                _(
                    "That email address and password do not match an account. Check them and try again, "
                    "or ask for an emailed sign-in link."
                ),
                code="invalid_login",
            )
        return cleaned


class ChoosePasswordForm(SetPasswordForm):
    """Django's SetPasswordForm (no old password asked: someone who forgot theirs signs in by link and
    chooses a new one), with plainer labels."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password2"].label = _("The same password again")
        self.fields["new_password2"].help_text = _("So we know it was typed as you meant.")
