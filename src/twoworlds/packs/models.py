"""Agency information packs: a short, always-current list of groups that an agency gives to everyone in a
situation ("Stroke ward: going home"). A pack stores only its choices (picked groups and rules); the groups
it shows are worked out from the live directory every time (see services.pack_groups). Counts of how often a
pack was opened or printed are kept per day, with nothing about who did it."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from twoworlds.accounts.models import Agency
from twoworlds.directory.models import Category, Group

# Short codes: no 0/O, 1/I/L or U/V look-alikes, so a code read aloud or typed from paper comes out right.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
CODE_LENGTH = 6
CODE_PATTERN = rf"[{CODE_ALPHABET}{CODE_ALPHABET.lower()}]{{6,8}}"


class Pack(models.Model):
    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="packs",
        verbose_name=_("agency"),
        help_text=_("Leave empty for a pack made by the clearinghouse."),
    )
    title = models.CharField(_("title"), max_length=120, help_text=_("e.g. 'Stroke ward: going home'."))
    slug = models.SlugField(_("slug"), max_length=120)
    code = models.CharField(_("short code"), max_length=8, unique=True, editable=False)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few words from the agency to the person reading the pack, in your own words."),
    )
    groups = models.ManyToManyField(
        Group, through="PackGroup", blank=True, related_name="packs", verbose_name=_("picked groups")
    )
    # Rules: all current groups in these categories (near a place, within a distance).
    categories = models.ManyToManyField(
        Category, blank=True, related_name="packs", verbose_name=_("issues to include")
    )
    near = models.CharField(
        _("near"), max_length=100, blank=True, help_text=_("A postcode, postcode district or town.")
    )
    distance = models.PositiveSmallIntegerField(_("within (miles)"), null=True, blank=True)
    include_national = models.BooleanField(
        _("include national organisations"),
        default=True,
        help_text=_("National organisations for the chosen issues, for when no local group suits."),
    )
    active = models.BooleanField(
        _("in use"), default=True, help_text=_("A pack no longer in use says so to anyone who opens it.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("information pack")
        verbose_name_plural = _("information packs")

    def __str__(self):
        return f"{self.title} ({self.code})"

    def get_absolute_url(self):
        return reverse("packs:pack", args=[self.code])

    def get_short_url(self):
        return reverse("packs:short", args=[self.code])


class PackGroup(models.Model):
    """A group picked for a pack, in the order the pack shows it."""

    pack = models.ForeignKey(Pack, on_delete=models.CASCADE, related_name="picks")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("picked group")
        verbose_name_plural = _("picked groups")
        constraints = [models.UniqueConstraint(fields=["pack", "group"], name="pack_group_once")]

    def __str__(self):
        return f"{self.group} in {self.pack}"


class PackEvent(models.Model):
    """How many times, on one day, a pack was opened, printed or reached by its QR code. Counts only."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Opened")
        PRINTED_A4 = "printed_a4", _("Printed (A4)")
        PRINTED_LARGE = "printed_large", _("Printed (large print)")
        QR_SCANNED = "qr_scanned", _("Reached by QR code")

    pack = models.ForeignKey(Pack, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        ordering = ["-day", "kind"]
        verbose_name = _("pack count")
        verbose_name_plural = _("pack counts")
        constraints = [models.UniqueConstraint(fields=["pack", "kind", "day"], name="one_count_per_day")]

    def __str__(self):
        return f"{self.pack.code} {self.kind} {self.day}: {self.count}"
