"""What the directory refuses, with a message a staff member understands."""

from datetime import time

import pytest
from django.core.exceptions import ValidationError

from twoworlds.core import testing as t
from twoworlds.directory.models import (
    Category,
    ContactRoute,
    Group,
    Meeting,
    normalise_postcode,
    postcode_district,
)


def messages(error):
    return " ".join(str(m) for ms in error.value.message_dict.values() for m in ms)


def test_postcodes_are_tidied():
    assert normalise_postcode(" ng7  2uh ") == "NG7 2UH"
    assert postcode_district("ng72uh") == "NG7"
    assert postcode_district("not a postcode") == ""


@pytest.mark.django_db
def test_categories_have_two_levels():
    top = t.category("Top")
    child = t.category("Child", parent=top)
    grandchild = Category(name="Grandchild", slug="grandchild", parent=child)
    with pytest.raises(ValidationError) as error:
        grandchild.full_clean()
    assert "two levels" in messages(error)


@pytest.mark.django_db
def test_a_paused_group_needs_a_restart_date():
    group = Group(
        organisation=t.organisation(), name="G", slug="g", description="d", status=Group.Status.PAUSED
    )
    with pytest.raises(ValidationError) as error:
        group.full_clean(exclude=["categories", "languages"])
    assert "until when" in messages(error)


@pytest.mark.django_db
def test_meetings_need_what_their_frequency_needs():
    group = t.group("G", [])
    with pytest.raises(ValidationError) as error:
        Meeting(group=group, frequency=Meeting.Frequency.MONTHLY, weekday=1, start_time=time(19)).full_clean()
    assert "which one in the month" in messages(error)
    assert "needs a venue" in messages(error)
    with pytest.raises(ValidationError) as error:
        Meeting(
            group=group, attendance="online", weekday=1, start_time=time(19), end_time=time(18)
        ).full_clean()
    assert "ends before it starts" in messages(error)


@pytest.mark.django_db
def test_contact_routes_are_checked_by_kind():
    group = t.group("G", [])
    with pytest.raises(ValidationError):
        ContactRoute(group=group, kind="email", value="not-an-email").full_clean()
    with pytest.raises(ValidationError):
        ContactRoute(group=group, kind="phone", value="call me").full_clean()
    ContactRoute(group=group, kind="phone", value="0115 496 0000").full_clean()


def test_a_members_home_is_described_only_by_its_area():
    from twoworlds.directory.models import Venue
    from twoworlds.directory.presenters import venue_lines

    home = Venue(
        name="Jo's", address_1="2 Hidden Road", town="Arnold", postcode="NG5 8XY", is_members_home=True
    )
    text = " ".join(venue_lines(home))
    assert "Arnold NG5" in text and "Hidden" not in text and "8XY" not in text
