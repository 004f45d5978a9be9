"""Builders and fixtures shared by the listings tests (no tests here). Import what a module needs.
`page_data(response)` reads a form page the way a browser would submit it unchanged (the main form, and
every row of the meeting and contact formsets), so a test only states what it changes."""

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as Role
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from twoworlds.accounts.roles import EDITOR, ensure_roles
from twoworlds.core import testing as t
from twoworlds.directory.models import ContactRoute, Meeting
from twoworlds.listings.models import GroupContact, ListingState

SIGN_IN = "/account/sign-in/"


def person(email, **extra):
    return get_user_model().objects.create_user(username=email, email=email, password=None, **extra)


def staff(username="editor", role=EDITOR, **extra):
    """A clearinghouse editor (a real staff member: is_staff and a staff role)."""
    ensure_roles()
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@clearinghouse.example", password=None, is_staff=True, **extra
    )
    if role:
        user.groups.add(Role.objects.get(name=role))
    return user


def looks_after(group, user):
    return GroupContact.objects.create(group=group, user=user)


def trust(group):
    ListingState.objects.update_or_create(group=group, defaults={"trusted": True})


def make_listing(name="Sneinton Stroke Club", **fields):
    stroke = t.category("Stroke", parent=t.category("Specific conditions"))
    hall = t.venue("St Anne's Hall", postcode="NG3 3AB", lat=52.96, lon=-1.13, step_free=True)
    return t.group(
        name,
        [stroke],
        description=fields.pop("description", "Stroke survivors who meet for tea, talk and gentle exercise."),
        meetings=[t.weekly(Meeting.Weekday.TUESDAY, "14:00", "16:00", venue=hall)],
        routes=[{"kind": ContactRoute.Kind.PHONE, "value": "0115 496 0123", "contact_name": "Pat"}],
        **fields,
    )


@pytest.fixture
def listing(db):
    return make_listing()


@pytest.fixture
def contact(listing):
    user = person("pat@example.org")
    looks_after(listing, user)
    return user


@pytest.fixture
def editor(db):
    return staff()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _values(form, data):
    for bound in form:
        field = bound.field
        if getattr(field.widget, "input_type", None) == "file":
            continue
        value = bound.value()
        if value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)


def page_data(response, *formsets):
    """The POST data of a listings form page as shown. `formsets` defaults to whatever the page has."""
    assert response.status_code == 200, response.status_code
    context = response.context
    data = {}
    _values(context["form"], data)
    for name in formsets or [n for n in ("meeting_set", "route_set") if n in context]:
        formset = context[name]
        for bound in formset.management_form:
            data[bound.html_name] = str(bound.value())
        for form in formset.forms:
            _values(form, data)
    return data


def image_upload(name="logo.jpg", size=(1600, 1200), fmt="JPEG", exif=True):
    """A real picture, with EXIF data (a camera make and a GPS block) when asked."""
    from PIL import Image

    image = Image.new("RGB", size, (31, 92, 77))
    buffer = BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "Test Camera Co"  # Make
        data[0x8825] = {1: "N", 2: (52.0, 57.0, 0.0)}  # GPS
        image.save(buffer, format=fmt, exif=data)
    else:
        image.save(buffer, format=fmt)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}[fmt]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def sent_to(address):
    return [message for message in mail.outbox if address in message.to]


def error_summary(response):
    return response.context["errors"]
