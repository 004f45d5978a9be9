"""People who sign in. Staff roles are Django groups (see roles.py); later: group contacts, professionals."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    email = models.EmailField(_("email address"), blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Sign-in is by email: one account per address, whatever its capitals.
            models.UniqueConstraint(Lower("email"), condition=~Q(email=""), name="one_account_per_email")
        ]


class SignInLink(models.Model):
    """A one-time sign-in link sent by email. Only a hash of its token is stored; it expires, works once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sign_in_links")
    token_hash = models.CharField(max_length=64, unique=True)
    next_url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in link")
        verbose_name_plural = _("sign-in links")

    def __str__(self):
        return f"Sign-in link for {self.user} (expires {self.expires_at:%Y-%m-%d %H:%M})"


class Agency(models.Model):
    """A ward, GP practice, social-work team or council service whose staff (professionals) put people in
    touch with groups and hand out information packs. Knowledge stays with the agency when staff move on."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(
        _("kind"), max_length=100, blank=True, help_text=_("e.g. 'Hospital ward', 'GP practice'.")
    )
    description = models.TextField(_("about the agency"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self):
        return self.name


class AgencyMember(models.Model):
    """A professional: a person who works for an agency. Removing one keeps the row for the record."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="agency_memberships")
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("professional")
        verbose_name_plural = _("professionals")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "user"], condition=Q(removed_at__isnull=True), name="one_active_membership"
            )
        ]

    def __str__(self):
        return f"{self.user} at {self.agency}"
