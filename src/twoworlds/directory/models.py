"""The directory: organisations, groups (HSDS services), venues (HSDS locations), meetings (HSDS schedules),
public contact routes, issue categories (a two-level taxonomy) and languages.

Every field maps onto Open Referral HSDS 3.0; see `hsds.py` for the mapping. Primary keys are UUIDs because
HSDS identifies every record by one, and imports upsert by them.
"""

import re
import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

UK_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")


def normalise_postcode(value):
    """'ng7 2uh' -> 'NG7 2UH'; anything that is not a UK postcode comes back stripped and upper-cased."""
    compact = re.sub(r"\s+", "", (value or "").upper())
    match = UK_POSTCODE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else (value or "").strip().upper()


def postcode_district(postcode):
    """The outward code ('NG7') of a UK postcode, or '' when it is not one."""
    match = UK_POSTCODE.match(re.sub(r"\s+", "", (postcode or "").upper()))
    return match.group(1) if match else ""


class Category(models.Model):
    """An issue that groups are about: first level (e.g. carers) or second level (e.g. dementia)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        related_name="children",
        on_delete=models.PROTECT,
        verbose_name=_("parent"),
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    lay_terms = models.TextField(
        _("everyday words"),
        blank=True,
        help_text=_(
            "Words people use for this issue, one per line or comma-separated (e.g. 'ringing in my ears')."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def clean(self):
        if self.parent_id and self.parent.parent_id:
            raise ValidationError({"parent": _("Categories have two levels: choose a first-level parent.")})
        if self.parent_id and self.parent_id == self.id:
            raise ValidationError({"parent": _("A category cannot be its own parent.")})

    def get_absolute_url(self):
        return reverse("directory:category", args=[self.slug])

    @property
    def lay_term_list(self):
        return [t.strip() for t in re.split(r"[,\n]", self.lay_terms) if t.strip()]


class Language(models.Model):
    """A language a group meets in. `code` is ISO 639 (HSDS language.code); sign languages included."""

    code = models.CharField(
        _("code"), max_length=12, unique=True, help_text=_("ISO 639 code, e.g. 'pl', 'bfi'.")
    )
    name = models.CharField(_("name"), max_length=80)
    native_name = models.CharField(_("name in the language itself"), max_length=80, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """Who runs one or more groups (HSDS organization): a charity, a fellowship, a hospital team, a
    group that is its own organisation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    charity_number = models.CharField(_("registered charity number"), max_length=40, blank=True)
    is_national = models.BooleanField(
        _("national organisation"),
        default=False,
        help_text=_("A national body that local people can turn to."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Venue(models.Model):
    """Where meetings happen (HSDS location). The group decides how much of the address is published; a
    venue that is a member's home is never published more precisely than its postcode district and town."""

    class Disclosure(models.TextChoices):
        PUBLIC = "public", _("Full address shown")
        ON_REQUEST = "on_request", _("Only the area shown; address given on request")
        HIDDEN = "hidden", _("Not shown")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200, help_text=_("e.g. 'St Mary's Church Hall'."))
    address_1 = models.CharField(_("address line 1"), max_length=200, blank=True)
    address_2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    town = models.CharField(_("town or city"), max_length=100)
    county = models.CharField(_("county"), max_length=100, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    country = models.CharField(_("country"), max_length=2, default="GB")
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    is_members_home = models.BooleanField(
        _("a member's home"),
        default=False,
        help_text=_("Only the postcode district and town are published; the address is given on request."),
    )
    address_disclosure = models.CharField(
        _("who sees the address"), max_length=12, choices=Disclosure.choices, default=Disclosure.PUBLIC
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    parking = models.BooleanField(_("parking"), default=False)
    near_public_transport = models.BooleanField(_("near public transport"), default=False)
    access_notes = models.TextField(
        _("access notes"), blank=True, help_text=_("Anything else about getting in.")
    )
    directions = models.TextField(_("how to find it"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["town", "name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return f"{self.name}, {self.town}"

    def clean(self):
        self.postcode = normalise_postcode(self.postcode)
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))

    def save(self, *args, **kwargs):
        self.postcode = normalise_postcode(self.postcode)
        if self.is_members_home and self.address_disclosure == self.Disclosure.PUBLIC:
            self.address_disclosure = self.Disclosure.ON_REQUEST  # a home's address is never public
        super().save(*args, **kwargs)

    @property
    def shows_address(self):
        """The full address may be published (never for a member's home)."""
        return self.address_disclosure == self.Disclosure.PUBLIC and not self.is_members_home

    @property
    def shows_area(self):
        """At least the district and town may be published."""
        return self.address_disclosure != self.Disclosure.HIDDEN

    @property
    def district(self):
        return postcode_district(self.postcode)

    @property
    def accessibility_features(self):
        labels = [
            (self.step_free, _("Step-free access")),
            (self.hearing_loop, _("Hearing loop")),
            (self.accessible_toilet, _("Accessible toilet")),
            (self.parking, _("Parking")),
            (self.near_public_transport, _("Near public transport")),
        ]
        return [label for present, label in labels if present]


class Group(models.Model):
    """A self-help group, a professionally led group or a national organisation's offer (HSDS service)."""

    class Type(models.TextChoices):
        SELF_HELP = "self_help", _("Self-help group (run by its members)")
        PROFESSIONALLY_LED = "professionally_led", _("Professionally led group")
        NATIONAL = "national", _("National organisation")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        CLOSED = "closed", _("Closed")

    class Cost(models.TextChoices):
        FREE = "free", _("Free")
        DONATION = "donation", _("Free, donations welcome")
        CHARGE = "charge", _("Small charge")

    class Gender(models.TextChoices):
        ANYONE = "anyone", _("Anyone")
        WOMEN = "women", _("Women only")
        MEN = "men", _("Men only")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, related_name="groups", on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    alternate_name = models.CharField(_("also known as"), max_length=200, blank=True)
    group_type = models.CharField(_("type"), max_length=24, choices=Type.choices, default=Type.SELF_HELP)
    description = models.TextField(_("about the group, in its own words"))
    what_to_expect = models.TextField(
        _("what a first meeting is like"),
        blank=True,
        help_text=_("How it feels to come along, in the group's words."),
    )
    categories = models.ManyToManyField(Category, related_name="groups", verbose_name=_("issues"))
    # Who can come
    for_people_affected = models.BooleanField(_("people affected"), default=True)
    for_family_friends = models.BooleanField(_("family and friends"), default=False)
    for_carers = models.BooleanField(_("carers"), default=False)
    gender = models.CharField(_("open to"), max_length=10, choices=Gender.choices, default=Gender.ANYONE)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    eligibility_note = models.CharField(_("anything else about who can come"), max_length=300, blank=True)
    # How it is offered
    home_visits = models.BooleanField(_("visits people at home"), default=False)
    phone_support = models.BooleanField(_("support by telephone"), default=False)
    languages = models.ManyToManyField(
        Language, blank=True, related_name="groups", verbose_name=_("languages")
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_note = models.CharField(_("about the cost"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    # State
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    paused_until = models.DateField(_("paused until"), null=True, blank=True)
    status_note = models.CharField(_("status note"), max_length=300, blank=True)
    logo = models.ImageField(_("photo or logo"), upload_to="groups/", blank=True)
    lapsed = models.BooleanField(
        _("out of search (not confirmed)"),
        default=False,
        help_text=_("Set by the re-confirmation cycle: the page stays reachable by its link, marked."),
    )
    last_confirmed = models.DateField(_("details last confirmed"), default=date.today)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        indexes = [models.Index(fields=["status", "group_type"])]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.status == self.Status.PAUSED and not self.paused_until:
            errors["paused_until"] = _("Say until when the group is paused.")
        if self.status != self.Status.PAUSED and self.paused_until:
            errors["paused_until"] = _("Only a paused group has a date it restarts.")
        if self.minimum_age and self.maximum_age and self.minimum_age > self.maximum_age:
            errors["maximum_age"] = _("The maximum age is below the minimum age.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("directory:group", args=[self.slug])

    @property
    def is_self_help(self):
        return self.group_type == self.Type.SELF_HELP

    @property
    def is_national(self):
        return self.group_type == self.Type.NATIONAL

    @property
    def is_listed(self):
        """Shown in search: every group that has not closed or lapsed (a paused one says until when)."""
        return self.status != self.Status.CLOSED and not self.lapsed

    @property
    def is_paused_now(self):
        return (
            self.status == self.Status.PAUSED
            and bool(self.paused_until)
            and self.paused_until >= timezone.localdate()
        )


class Meeting(models.Model):
    """When a group meets (HSDS schedule): weekly, fortnightly, monthly on the nth weekday, or by
    arrangement."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Every week")
        FORTNIGHTLY = "fortnightly", _("Every other week")
        MONTHLY = "monthly", _("Monthly, on a set weekday")
        BY_ARRANGEMENT = "arranged", _("By arrangement")

    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        TELEPHONE = "telephone", _("By telephone")
        HYBRID = "hybrid", _("In person and online")

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    class Nth(models.IntegerChoices):
        FIRST = 1, _("first")
        SECOND = 2, _("second")
        THIRD = 3, _("third")
        FOURTH = 4, _("fourth")
        LAST = -1, _("last")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(
        Group, related_name="meetings", on_delete=models.CASCADE, verbose_name=_("group")
    )
    venue = models.ForeignKey(
        Venue,
        null=True,
        blank=True,
        related_name="meetings",
        on_delete=models.PROTECT,
        verbose_name=_("venue"),
    )
    attendance = models.CharField(
        _("how people take part"), max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    frequency = models.CharField(
        _("how often"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    weekday = models.SmallIntegerField(_("day"), choices=Weekday.choices, null=True, blank=True)
    nth = models.SmallIntegerField(_("which one in the month"), choices=Nth.choices, null=True, blank=True)
    starts_on = models.DateField(
        _("first meeting"),
        null=True,
        blank=True,
        help_text=_("Needed for fortnightly meetings, to know which weeks."),
    )
    start_time = models.TimeField(_("starts"), null=True, blank=True)
    end_time = models.TimeField(_("ends"), null=True, blank=True)
    online_joining = models.CharField(
        _("how to join online or by phone"),
        max_length=300,
        blank=True,
        help_text=_("e.g. 'Zoom link sent on request'. Never put a private meeting link here."),
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    class Meta:
        ordering = ["weekday", "start_time"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return self.describe()

    def clean(self):
        errors = {}
        scheduled = self.frequency != self.Frequency.BY_ARRANGEMENT
        if scheduled and self.weekday is None:
            errors["weekday"] = _("Choose the day the group meets.")
        if scheduled and self.start_time is None:
            errors["start_time"] = _("Give the time the meeting starts.")
        if self.frequency == self.Frequency.MONTHLY and self.nth is None:
            errors["nth"] = _("Say which one in the month, e.g. 'second'.")
        if self.frequency == self.Frequency.FORTNIGHTLY and not self.starts_on:
            errors["starts_on"] = _("Give the date of one meeting, so people know which weeks.")
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The meeting ends before it starts.")
        needs_venue = self.attendance in (self.Attendance.IN_PERSON, self.Attendance.HYBRID)
        if needs_venue and not self.venue_id:
            errors["venue"] = _("An in-person meeting needs a venue.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_in_person(self):
        return self.attendance in (self.Attendance.IN_PERSON, self.Attendance.HYBRID)

    @property
    def is_online(self):
        return self.attendance in (self.Attendance.ONLINE, self.Attendance.HYBRID)

    def describe(self):
        """Plain words: 'Second Tuesday of the month, 7:00pm to 9:00pm'."""
        from .schedules import describe_meeting

        return describe_meeting(self)


class ContactRoute(models.Model):
    """One way to reach a group (HSDS phone / contact / url). The group decides what is shown."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")
        WEBSITE = "website", _("Website")
        SOCIAL = "social", _("Social media")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Shown to everyone")
        ON_REQUEST = "on_request", _("Given on request")
        HIDDEN = "hidden", _("Not shown")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(Group, related_name="contact_routes", on_delete=models.CASCADE)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    contact_name = models.CharField(
        _("first name"),
        max_length=60,
        blank=True,
        help_text=_("Who answers, e.g. 'Ask for Jo'. First name only."),
    )
    value = models.CharField(_("number, address or link"), max_length=300)
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("e.g. 'weekday evenings'."))
    visibility = models.CharField(
        _("who sees it"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "kind"]
        verbose_name = _("contact route")
        verbose_name_plural = _("contact routes")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self):
        from django.core.validators import EmailValidator, URLValidator

        if self.kind == self.Kind.EMAIL:
            EmailValidator(message=_("Enter a valid email address."))(self.value)
        elif self.kind in (self.Kind.WEBSITE, self.Kind.SOCIAL):
            URLValidator(message=_("Enter a full web address starting with https://."))(self.value)
        elif not re.fullmatch(r"[0-9 +()-]{6,20}", self.value):
            raise ValidationError({"value": _("Enter a phone number using digits and spaces.")})

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC

    @property
    def href(self):
        digits = re.sub(r"[^0-9+]", "", self.value)
        return {
            self.Kind.PHONE: f"tel:{digits}",
            self.Kind.TEXT: f"sms:{digits}",
            self.Kind.EMAIL: f"mailto:{self.value}",
        }.get(self.kind, self.value)
