"""Helpers shared by the staff admin tests (directory, accounts, core). No tests live here.

`form_data` reads an admin add/change page the way a browser would submit it unchanged, so a test only
states the fields it changes."""

import itertools
from datetime import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as Role
from django.forms import MultiWidget

from twoworlds.accounts.roles import ensure_roles
from twoworlds.directory import services
from twoworlds.directory.models import Category, Group, Meeting, Organisation, Venue
from twoworlds.search.services import find_groups, index_groups

_counter = itertools.count(1)
PASSWORD = "correct horse battery staple"


def make_category(name="Carers", parent=None, **fields):
    return Category.objects.create(name=name, slug=f"cat-{next(_counter)}", parent=parent, **fields)


def make_organisation(name="Nottingham Carers Trust", **fields):
    organisation = Organisation(name=name, **fields)
    return services.save_organisation(organisation)


def make_venue(name="St Mary's Church Hall", town="Nottingham", postcode="NG7 2UH", **fields):
    venue = Venue(name=name, town=town, postcode=postcode, latitude=52.95, longitude=-1.15, **fields)
    return services.save_venue(venue)


def make_group(name="Carers Coffee Morning", organisation=None, categories=None, **fields):
    """A listed group, already in the search index (as it would be once its transaction committed)."""
    group = Group(
        name=name,
        organisation=organisation or make_organisation(f"Organisation {next(_counter)}"),
        description=fields.pop("description", "Carers meeting for a cuppa and a chat."),
        **fields,
    )
    services.save_group(group, categories=categories if categories is not None else [make_category()])
    index_groups([group.pk])
    return group


def make_meeting(group, venue=None, **fields):
    fields.setdefault("weekday", Meeting.Weekday.TUESDAY)
    fields.setdefault("start_time", time(19, 0))
    meeting = Meeting(group=group, venue=venue if venue is not None else make_venue(), **fields)
    services.save_meeting(meeting)
    index_groups([group.pk])
    return meeting


def make_staff(username, role=None, *, is_staff=True, is_superuser=False):
    """A user with (at most) one role; `role` is one of accounts.roles.EDITOR / ADMINISTRATOR."""
    ensure_roles()
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        is_staff=is_staff,
        is_superuser=is_superuser,
    )
    if role:
        user.groups.add(Role.objects.get(name=role))
    return user


def hit_ids(query="", filters=None):
    return [hit.group_id for hit in find_groups(query, filters).hits]


def _field_values(form, data):
    for bound in form:
        field = bound.field
        if getattr(field, "disabled", False):
            continue
        value = bound.value()
        if isinstance(field.widget, MultiWidget):
            parts = field.widget.decompress(value) if value is not None else []
            for index, part in enumerate(parts):
                if part is not None:
                    data[f"{bound.html_name}_{index}"] = str(part)
            continue
        if value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)


def form_data(response):
    """The POST data of an admin add/change page as shown: the main form and every existing inline row
    (extra blank rows are dropped)."""
    assert response.status_code == 200, response.status_code
    data = {}
    _field_values(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management[name].value())
        data[management.add_prefix("TOTAL_FORMS")] = str(len(formset.initial_forms))
        for form in formset.initial_forms:
            _field_values(form, data)
    return data


def add_inline_row(data, prefix, **values):
    """Append one new row to an inline formset in `data`."""
    total_key = f"{prefix}-TOTAL_FORMS"
    index = int(data.get(total_key, 0))
    data.setdefault(f"{prefix}-INITIAL_FORMS", "0")
    data.setdefault(f"{prefix}-MIN_NUM_FORMS", "0")
    data.setdefault(f"{prefix}-MAX_NUM_FORMS", "1000")
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = value if isinstance(value, list) else str(value)
    data[total_key] = str(index + 1)
    return data


def assert_saved(response):
    """An admin form post that succeeded redirects; one that failed shows the form with its errors."""
    if response.status_code != 302:
        context = response.context
        errors = []
        if context and "adminform" in context:
            errors.append(context["adminform"].form.errors)
            errors += [inline.formset.errors for inline in context["inline_admin_formsets"]]
            errors += [inline.formset.non_form_errors() for inline in context["inline_admin_formsets"]]
        raise AssertionError(f"not saved ({response.status_code}): {errors}")
