"""Forms for groups (claim, edit their listing, contacts), the public (list a group, report a change) and
staff (decide, revert). Every field says why it is asked (its help text is shown as a hint). Model rules are
checked here field by field, so errors appear beside the field that caused them; the whole listing is then
checked once more by a dry run (services.check_snapshot) before anything is kept."""

import copy
import uuid

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from twoworlds.core.forms import HoneypotMixin
from twoworlds.directory import queries
from twoworlds.directory.models import ContactRoute, Group, Meeting, Venue, normalise_postcode
from twoworlds.directory.snapshots import MEETING_FIELDS, VENUE_FIELDS

from .models import Claim
from .services import prepare_logo

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _plain(value):
    """A cleaned form value as a snapshot holds it (see directory.snapshots)."""
    if hasattr(value, "isoformat"):
        return value.isoformat(timespec="minutes") if hasattr(value, "hour") else value.isoformat()
    return value


# --- the listing: group fields ------------------------------------------------------------------------------

GROUP_EDIT_FIELDS = [
    "name",
    "alternate_name",
    "description",
    "what_to_expect",
    "for_people_affected",
    "for_family_friends",
    "for_carers",
    "gender",
    "minimum_age",
    "maximum_age",
    "eligibility_note",
    "home_visits",
    "phone_support",
    "cost",
    "cost_note",
    "website",
    "status",
    "paused_until",
    "status_note",
]

GROUP_HINTS = {
    "name": _("The name people know the group by and search for."),
    "alternate_name": _("Another name people use for the group, so that searching for it finds you too."),
    "description": _(
        "In your own words: who the group is for and what happens there. This is the first thing people read."
    ),
    "what_to_expect": _(
        "What it is like to come for the first time, so that a newcomer knows what they are walking into."
    ),
    "gender": _("If the group is for women or men only, say so, so that nobody comes and is turned away."),
    "minimum_age": _("Leave empty if there is no lower age limit."),
    "maximum_age": _("Leave empty if there is no upper age limit."),
    "eligibility_note": _("Anything else about who can come, e.g. 'for people living in Gedling'."),
    "home_visits": _("Tick if members visit people at home."),
    "phone_support": _("Tick if someone from the group will talk to people by phone."),
    "cost": _("People worry about cost: saying it clearly helps them come."),
    "cost_note": _("For example '£2 towards tea and the room'."),
    "website": _("The group's own website or page, if it has one. It is shown on the listing."),
    "status": _(
        "A paused group stays listed with the date it restarts. A closed group is kept and marked closed, "
        "so that links to it still explain what happened."
    ),
    "paused_until": _("Only for a paused group: the date it meets again."),
    "status_note": _("A short note shown with the status, e.g. 'summer break' or 'merged with …'."),
}


def _grouped_categories():
    """Checkbox choices: each first-level issue with its sub-issues under it."""
    choices = []
    for parent in queries.category_tree():
        options = [(parent.slug, gettext("%(issue)s (in general)") % {"issue": parent.name})]
        options += [(child.slug, child.name) for child in parent.children.all()]
        choices.append((parent.name, options))
    return choices


def _languages():
    return [(language.code, language.name) for language in queries.all_languages()]


class ListingFieldsMixin:
    """Categories and languages, chosen by slug and code as snapshots hold them."""

    def _add_taxonomy_fields(self, snapshot):
        self.fields["categories"] = forms.MultipleChoiceField(
            label=_("Issues the group is about"),
            help_text=_("People browse and search by these. Tick every one that fits."),
            choices=_grouped_categories,
            widget=forms.CheckboxSelectMultiple,
            initial=(snapshot or {}).get("categories", []),
            error_messages={"required": _("Choose at least one issue the group is about.")},
        )
        self.fields["languages"] = forms.MultipleChoiceField(
            label=_("Languages"),
            help_text=_("Languages other than English the group meets in, including sign languages."),
            choices=_languages,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            initial=(snapshot or {}).get("languages", []),
        )


def _https_urls(model_field, **kwargs):
    """Web addresses typed without a scheme are taken to be https (as in the admin)."""
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


def group_from_snapshot(snapshot, group=None):
    """An unsaved Group holding a snapshot's values: the instance a form starts from and checks against."""
    instance = copy.copy(group) if group is not None else Group()
    for name in GROUP_EDIT_FIELDS:
        if name in snapshot:
            value = snapshot[name]
            field = Group._meta.get_field(name)
            if value not in (None, "") and name == "paused_until":
                value = field.to_python(value)
            setattr(instance, name, value)
    return instance


class GroupDetailsForm(ListingFieldsMixin, forms.ModelForm):
    """Everything about a group except its meetings and contact routes. Checked against the model's rules
    (a paused group needs a date…) on a copy; it never saves."""

    logo = forms.ImageField(
        label=_("Photo or logo"),
        required=False,
        help_text=_(
            "A photo or logo for the listing: JPEG, PNG, GIF or WebP, up to 5 MB. We make it at most 800 "
            "pixels across and remove hidden details such as where a photo was taken."
        ),
        error_messages={
            "invalid_image": _(
                "This file is not a picture we can use. Choose a photo or logo saved as JPEG, PNG, GIF or "
                "WebP."
            )
        },
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
    )
    remove_logo = forms.BooleanField(
        label=_("Take the current picture off the listing"),
        required=False,
    )
    note = forms.CharField(
        label=_("What changed and why"),
        help_text=_(
            "A sentence is enough. Staff read it when they check the change, and it is kept in the "
            "listing's history."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Group
        formfield_callback = _https_urls
        fields = GROUP_EDIT_FIELDS
        help_texts = GROUP_HINTS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "what_to_expect": forms.Textarea(attrs={"rows": 4}),
            "gender": forms.RadioSelect,
            "cost": forms.RadioSelect,
            "status": forms.RadioSelect,
            "paused_until": DATE,
        }

    def __init__(self, *args, snapshot, has_logo=False, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_taxonomy_fields(snapshot)
        self.fields["paused_until"].conditional = True
        self.has_logo = has_logo
        if not has_logo:
            del self.fields["remove_logo"]

    def clean_logo(self):
        uploaded = self.cleaned_data.get("logo")
        if not uploaded:
            return None
        return prepare_logo(uploaded)

    def apply_to(self, snapshot):
        data = self.cleaned_data
        for name in GROUP_EDIT_FIELDS:
            snapshot[name] = _plain(data.get(name))
        snapshot["categories"] = sorted(data.get("categories", []))
        snapshot["languages"] = sorted(data.get("languages", []))
        if data.get("remove_logo"):
            snapshot["logo"] = ""
        return snapshot


# --- meetings and venues ------------------------------------------------------------------------------------

MEETING_HINTS = {
    "attendance": _("So people know whether to travel, go online or pick up the phone."),
    "frequency": _("How often the group meets."),
    "weekday": _("The day of the week it meets."),
    "nth": _("For a monthly meeting: which one in the month, e.g. the second Tuesday."),
    "starts_on": _("For a meeting every other week: the date of any one meeting, so we know which weeks."),
    "start_time": _("So people know when to arrive."),
    "end_time": _("So people know how long it lasts. Optional."),
    "online_joining": _(
        "How people join online or by phone, e.g. 'link sent on request'. Never put a private meeting link "
        "here: the listing is public."
    ),
    "notes": _("Anything else about this meeting, e.g. 'not in August'."),
}
VENUE_FORM_FIELDS = [
    "name",
    "address_1",
    "address_2",
    "town",
    "postcode",
    "is_members_home",
    "address_disclosure",
    "step_free",
    "hearing_loop",
    "accessible_toilet",
    "parking",
    "near_public_transport",
    "access_notes",
    "directions",
]
VENUE_ACCESS_FIELDS = ["step_free", "hearing_loop", "accessible_toilet", "parking", "near_public_transport"]
VENUE_LABELS = {
    "name": _("Name of the place"),
    "address_1": _("Street address"),
    "address_2": _("Address line 2"),
    "town": _("Town or city"),
    "postcode": _("Postcode"),
    "is_members_home": _("The group meets in a member's home"),
    "address_disclosure": _("Who sees the address"),
}
VENUE_HINTS = {
    "name": _("For example 'St Mary's Church Hall'. Needed for a meeting in person."),
    "address_1": _("So that people can find it."),
    "address_2": _("Only if needed."),
    "town": _("Needed for a meeting in person, so that people can find groups near them."),
    "postcode": _(
        "Used to find groups near someone and to place the group on the map (only roughly, unless the full "
        "address is shown)."
    ),
    "is_members_home": _(
        "A member's home is never shown more precisely than its area: the address is given on request only."
    ),
    "address_disclosure": _(
        "You decide: show the full address; show only the area and give the address to people who ask; or "
        "show nothing."
    ),
    "access_notes": _("Anything else about getting in, e.g. 'ring the bell at the side door'."),
    "directions": _("How to find the room once there. Not shown for a member's home."),
}


def _meeting_form_fields():
    fields = {"id": forms.CharField(required=False, widget=forms.HiddenInput)}
    meeting_fields = forms.fields_for_model(
        Meeting,
        fields=MEETING_FIELDS,
        help_texts=MEETING_HINTS,
        widgets={"starts_on": DATE, "start_time": TIME, "end_time": TIME},
    )
    fields.update(meeting_fields)
    venue_fields = forms.fields_for_model(
        Venue,
        fields=VENUE_FORM_FIELDS,
        labels=VENUE_LABELS,
        help_texts=VENUE_HINTS,
        widgets={
            "address_disclosure": forms.RadioSelect,
            "access_notes": forms.Textarea(attrs={"rows": 2}),
            "directions": forms.Textarea(attrs={"rows": 2}),
        },
    )
    for name in ["weekday", "nth", "starts_on", "start_time"]:
        fields[name].conditional = True  # needed for some meetings only: checked in clean()
    for name, field in venue_fields.items():
        field.required = False  # only an in-person meeting needs a venue: checked in clean()
        field.conditional = name in {"name", "town", "address_disclosure"}
        if name in VENUE_ACCESS_FIELDS:
            field.help_text = ""
        fields[f"venue_{name}"] = field
    return fields


class BaseMeetingForm(forms.Form):
    """One meeting, and the place it is held when people meet in person."""

    @property
    def access_fields(self):
        return [self[f"venue_{name}"] for name in VENUE_ACCESS_FIELDS]

    def clean(self):
        data = super().clean()
        in_person = data.get("attendance") in (Meeting.Attendance.IN_PERSON, Meeting.Attendance.HYBRID)
        if in_person:
            if not data.get("venue_name"):
                self.add_error("venue_name", _("Give the name of the place where the group meets."))
            if not data.get("venue_town"):
                self.add_error("venue_town", _("Give the town or city where the group meets."))
        meeting = Meeting(
            **{name: data.get(name) for name in MEETING_FIELDS if name in data},
            venue_id=uuid.uuid4() if in_person else None,
        )
        if meeting.frequency is None:
            meeting.frequency = Meeting.Frequency.WEEKLY
        try:
            meeting.clean()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field == "venue" or field in self.errors:
                    continue  # reported above, on the venue's own fields, or already by the field
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        if data.get("venue_postcode"):
            data["venue_postcode"] = normalise_postcode(data["venue_postcode"])
        if data.get("venue_is_members_home") and data.get("venue_address_disclosure") == "public":
            # A member's home is never published: at most its area, with the address on request.
            data["venue_address_disclosure"] = Venue.Disclosure.ON_REQUEST
        return data

    @property
    def is_in_person(self):
        return self.cleaned_data.get("attendance") in (
            Meeting.Attendance.IN_PERSON,
            Meeting.Attendance.HYBRID,
        )


MeetingForm = type("MeetingForm", (BaseMeetingForm,), {"__module__": __name__, **_meeting_form_fields()})


def meeting_initial(spec):
    """A meeting in a snapshot as form initial data."""
    initial = {"id": spec.get("id", "")}
    for name in MEETING_FIELDS:
        initial[name] = spec.get(name)
    venue = spec.get("venue") or {}
    for name in VENUE_FORM_FIELDS:
        if name in venue:
            initial[f"venue_{name}"] = venue[name]
    return initial


ROUTE_HINTS = {
    "kind": _("How people reach this contact."),
    "contact_name": _("Who answers, e.g. 'Jo'. A first name only, to protect your privacy."),
    "value": _("The phone number, email address or web address."),
    "note": _("When to call or what to expect, e.g. 'weekday evenings'."),
    "visibility": _(
        "Shown to everyone; given on request (people ask through the clearinghouse and you choose whether to "
        "answer); or not shown at all."
    ),
}


class BaseRouteForm(forms.Form):
    def clean(self):
        data = super().clean()
        if data.get("kind") and data.get("value"):
            data["value"] = data["value"].strip()
            route = ContactRoute(kind=data["kind"], value=data["value"])
            try:
                route.clean()
            except ValidationError as error:
                for message in error.messages:
                    self.add_error("value", message)
        return data


def _route_form_fields():
    fields = {"id": forms.CharField(required=False, widget=forms.HiddenInput)}
    fields.update(
        forms.fields_for_model(
            ContactRoute,
            fields=["kind", "contact_name", "value", "note", "visibility"],
            help_texts=ROUTE_HINTS,
            widgets={"visibility": forms.RadioSelect},
        )
    )
    fields["kind"].choices = ContactRoute.Kind.choices  # no empty choice: an unchanged extra row stays empty
    fields["kind"].initial = ContactRoute.Kind.PHONE
    return fields


RouteForm = type("RouteForm", (BaseRouteForm,), {"__module__": __name__, **_route_form_fields()})


class ListingFormSet(BaseFormSet):
    """Meetings or contact routes: an id posted back must be one the listing already has (so nobody can
    reach another group's rows by editing the page)."""

    def __init__(self, *args, known_ids=(), **kwargs):
        self.known_ids = set(known_ids)
        super().__init__(*args, **kwargs)

    delete_label = _("Remove this")

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = self.delete_label
            form.fields["DELETE"].help_text = _("It stays in the listing's history.")

    def kept_forms(self):
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            if not form.has_changed() and not form.cleaned_data.get("id"):
                continue  # an extra row left empty
            yield form

    def clean(self):
        seen = set()
        for form in self.forms:
            ident = form.cleaned_data.get("id") if hasattr(form, "cleaned_data") else None
            if ident and (ident not in self.known_ids or ident in seen):
                raise ValidationError(_("The page was out of date. Please reload it and try again."))
            seen.add(ident)


class MeetingListFormSet(ListingFormSet):
    delete_label = _("Remove this meeting")


class RouteListFormSet(ListingFormSet):
    delete_label = _("Remove this way to get in touch")


MeetingFormSet = formset_factory(
    MeetingForm, formset=MeetingListFormSet, extra=1, can_delete=True, max_num=20, validate_max=True
)
RouteFormSet = formset_factory(
    RouteForm, formset=RouteListFormSet, extra=1, can_delete=True, max_num=10, validate_max=True
)


def _venue_spec(form, base_venue):
    from .services import locate_postcode

    data = form.cleaned_data
    spec = dict(base_venue or {})
    spec.setdefault("county", "")
    spec.setdefault("latitude", None)
    spec.setdefault("longitude", None)
    for name in VENUE_FORM_FIELDS:
        spec[name] = data.get(f"venue_{name}")
    spec["postcode"] = normalise_postcode(spec["postcode"])
    if not base_venue or base_venue.get("postcode") != spec["postcode"]:
        spec["latitude"], spec["longitude"] = locate_postcode(spec["postcode"])
    return {key: spec[key] for key in ["id", *VENUE_FIELDS] if key in spec}


def meetings_snapshot(formset, base_meetings):
    """The meetings as the form says, keeping ids (and venue ids) only from the listing itself."""
    base = {m["id"]: m for m in base_meetings if m.get("id")}
    meetings = []
    for form in formset.kept_forms():
        data = form.cleaned_data
        previous = base.get(data.get("id") or "")
        spec = {"id": previous["id"]} if previous else {}
        for name in MEETING_FIELDS:
            spec[name] = _plain(data.get(name))
        spec["frequency"] = spec["frequency"] or Meeting.Frequency.WEEKLY
        spec["venue"] = _venue_spec(form, (previous or {}).get("venue")) if form.is_in_person else None
        meetings.append(spec)
    return meetings


def routes_snapshot(formset, base_routes):
    base = {r["id"]: r for r in base_routes if r.get("id")}
    routes = []
    next_position = max([r.get("position", 0) for r in base_routes] or [-1]) + 1
    for form in formset.kept_forms():
        data = form.cleaned_data
        previous = base.get(data.get("id") or "")
        spec = {"id": previous["id"]} if previous else {}
        for name in ["kind", "contact_name", "value", "note", "visibility"]:
            spec[name] = data.get(name) or ""
        if previous:
            spec["position"] = previous.get("position", 0)
        else:
            spec["position"], next_position = next_position, next_position + 1
        routes.append(spec)
    return routes


def route_initial(spec):
    return {
        name: spec.get(name, "") for name in ["id", "kind", "contact_name", "value", "note", "visibility"]
    }


# --- the public: list a group, report a change --------------------------------------------------------------


class SubmitGroupForm(ListingFieldsMixin, HoneypotMixin, forms.ModelForm):
    """A group that is not listed yet. Staff check it before it is published."""

    no_regular_meetings = forms.BooleanField(
        label=_("The group has no regular meetings, or meets by arrangement"),
        help_text=_(
            "Tick this if people meet when it suits them, or talk by phone, instead of at set times."
        ),
        required=False,
    )
    route_kind = forms.ChoiceField(
        label=_("How people get in touch"),
        choices=ContactRoute.Kind.choices,
        initial=ContactRoute.Kind.PHONE,
        help_text=_("One way for people to contact the group. It will be shown on the listing."),
    )
    route_value = forms.CharField(
        label=_("Phone number, email address or web address"),
        max_length=300,
        help_text=_("This is published, so use one the group is happy for anyone to use."),
        error_messages={"required": _("Give a way for people to get in touch with the group.")},
    )
    route_contact_name = forms.CharField(
        label=_("Who answers (first name only)"),
        max_length=60,
        required=False,
        help_text=_("Optional, e.g. 'Jo'. It helps people who are nervous about calling."),
    )
    submitter_name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        help_text=_("So that staff know who they are talking to. It is never published."),
        error_messages={"required": _("Give your name, so that staff know who sent this.")},
    )
    submitter_email = forms.EmailField(
        label=_("Your email address"),
        help_text=_(
            "So that staff can ask you questions and tell you when the listing is published. It is never "
            "published or passed on."
        ),
        error_messages={"required": _("Give your email address, so that staff can reply.")},
    )
    looks_after = forms.BooleanField(
        label=_("I run this group and want to keep its listing up to date"),
        help_text=_("Once it is listed you can sign in with this email address and change it yourself."),
        required=False,
    )
    note = forms.CharField(
        label=_("Anything else staff should know"),
        help_text=_("Optional. This is for staff only and is not published."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Group
        formfield_callback = _https_urls
        fields = [
            "name",
            "group_type",
            "description",
            "what_to_expect",
            "for_people_affected",
            "for_family_friends",
            "for_carers",
            "website",
        ]
        labels = {"group_type": _("Who runs the group")}
        help_texts = {
            **GROUP_HINTS,
            "group_type": _(
                "Groups run by their own members are listed as self-help groups; groups led by a "
                "professional are listed as professionally led. People want to know which is which."
            ),
            "description": _(
                "In your own words: who the group is for and what happens there. This is what people read "
                "first."
            ),
        }
        widgets = {
            "group_type": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 6}),
            "what_to_expect": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "name": {"required": _("Give the group's name.")},
            "description": {"required": _("Say in a few words what the group is and who it is for.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_taxonomy_fields(None)
        del self.fields["languages"]
        self.fields["group_type"].choices = [
            (Group.Type.SELF_HELP, Group.Type.SELF_HELP.label),
            (Group.Type.PROFESSIONALLY_LED, Group.Type.PROFESSIONALLY_LED.label),
        ]

    def clean(self):
        data = super().clean()
        if data.get("route_kind") and data.get("route_value"):
            route = ContactRoute(kind=data["route_kind"], value=data["route_value"].strip())
            try:
                route.clean()
            except ValidationError as error:
                for message in error.messages:
                    self.add_error("route_value", message)
        return data

    def snapshot(self, meetings):
        data = self.cleaned_data
        snapshot = {name: _plain(data.get(name)) for name in self.Meta.fields}
        snapshot.update(
            alternate_name="",
            what_to_expect=data.get("what_to_expect", ""),
            categories=sorted(data["categories"]),
            languages=[],
            meetings=meetings,
            contact_routes=[
                {
                    "kind": data["route_kind"],
                    "contact_name": data.get("route_contact_name", ""),
                    "value": data["route_value"].strip(),
                    "note": "",
                    "visibility": ContactRoute.Visibility.PUBLIC,
                    "position": 0,
                }
            ],
        )
        return snapshot


class ReportForm(HoneypotMixin, forms.Form):
    what = forms.CharField(
        label=_("What is wrong or has changed?"),
        help_text=_(
            "For example a new meeting time, a new place, or that the group has stopped meeting. Please do "
            "not include anyone's private details."
        ),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Say what is wrong or has changed.")},
    )
    reporter_email = forms.EmailField(
        label=_("Your email address (optional)"),
        help_text=_(
            "Only if you are happy for staff to ask you about it. Only the clearinghouse staff see it: it is "
            "never published or given to the group."
        ),
        required=False,
    )


class ClaimForm(forms.ModelForm):
    class Meta:
        model = Claim
        fields = ["role_in_group", "message"]
        help_texts = {
            "role_in_group": _(
                "For example 'I organise the meetings' or 'I am the secretary'. Staff use it to check the "
                "claim."
            ),
            "message": _(
                "Optional. Anything that helps staff check, e.g. that they can ring the number on the "
                "listing and ask for you."
            ),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"role_in_group": {"required": _("Say what you do in the group.")}}


class ContactForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person to add"),
        help_text=_(
            "They can then sign in with this address and change the listing. We email them to say so."
        ),
        error_messages={"required": _("Give the email address of the person to add.")},
    )


# --- staff --------------------------------------------------------------------------------------------------


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("return", _("Return with a reason"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether to approve or return it.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_(
            "Needed when you return it: the person sees it on their page and in an email, so write it to "
            "them."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why you are returning it, so that they can put it right."))
        return data

    @property
    def approve(self):
        return self.cleaned_data["decision"] == "approve"


class RevertForm(forms.Form):
    reason = forms.CharField(
        label=_("Why revert this change?"),
        help_text=_("Kept in the listing's history with the revert."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why you are reverting this change.")},
    )


class ResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("What was done"),
        help_text=_("Optional: a note for other staff, e.g. 'listing updated' or 'group asked, no change'."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TrustedForm(forms.Form):
    trusted = forms.BooleanField(
        label=_("Trusted: publish the group's edits straight away"),
        help_text=_("Staff still see every edit in the queue and in the history."),
        required=False,
    )


# --- the error summary --------------------------------------------------------------------------------------


def _form_errors(form, title=None):
    rows = []
    for name, errors in form.errors.items():
        if name == NON_FIELD_ERRORS or name not in form.fields or form.fields[name].widget.is_hidden:
            anchor = f"{form.prefix or 'form'}-errors"
            label = title
        else:
            bound = form[name]
            anchor = bound.auto_id
            label = f"{title}: {bound.label}" if title else str(bound.label)
        for message in errors:
            rows.append((anchor, f"{label}: {message}" if label else str(message)))
    return rows


def error_summary(*parts):
    """[(anchor id, text)] for every error on the page, in page order. `parts` are forms, or
    (formset, title) pairs where the title has a %(n)s for the row's number."""
    rows = []
    for part in parts:
        if isinstance(part, tuple):
            formset, title = part
            for message in formset.non_form_errors():
                rows.append((f"{formset.prefix}-section", str(message)))
            for number, form in enumerate(formset.forms, start=1):
                if formset.can_delete and formset._should_delete_form(form):
                    continue
                rows += _form_errors(form, str(title) % {"n": number})
        elif part is not None:
            rows += _form_errors(part)
    return rows


def add_model_errors(form, error):
    """A ValidationError from the dry run, shown beside the form's field where there is one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
