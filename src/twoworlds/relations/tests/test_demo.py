"""The demo for working together: loads on top of the demo directory, twice over without duplicates, with a
firm no from every twelve-step group and arrangements in several states for the demo group contact."""

from io import StringIO

import pytest
from django.core.management import call_command

from twoworlds.accounts.models import Agency

from ..demo import DEMO_AGENCIES, load_demo_relations
from ..models import AgencyOffer, GroupTerms, RoomBooking, Stance, Talk

pytestmark = pytest.mark.django_db


def test_the_demo_loads_and_reloads(db):
    call_command("demo_data", "--groups", "60", stdout=StringIO())
    first = load_demo_relations()
    second = load_demo_relations()
    assert first == second
    assert first["agencies"] == 3 and first["terms"] > 20 and first["arrangements"] == 6
    # The demo command also loads the involvement demo, which adds an agency of its own (without offers).
    assert Agency.objects.filter(slug__in=[a["slug"] for a in DEMO_AGENCIES]).count() == 3
    assert AgencyOffer.objects.count() == 7
    for terms in GroupTerms.objects.select_related("group"):
        if "Anonymous" in terms.group.name or "Al-Anon" in terms.group.name:
            assert terms.stance == Stance.NO_INVOLVEMENT
    assert set(RoomBooking.objects.values_list("state", flat=True)) == {"pending", "accepted"}
    assert set(Talk.objects.values_list("state", flat=True)) == {"invited", "accepted"}
