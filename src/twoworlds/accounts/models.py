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
