import pytest

from twoworlds.core import testing as t
from twoworlds.directory.models import ContactRoute
from twoworlds.search.services import rebuild_index


@pytest.fixture
def card_group(db):
    """A group with a public venue, a member's-home venue and one contact route of each visibility."""
    stroke = t.category("Stroke", parent=t.category("Specific conditions"))
    hall = t.venue("St Anne's Hall", postcode="NG3 3AB", lat=52.96, lon=-1.13, step_free=True)
    home = t.venue(
        "Jo's house", town="Arnold", postcode="NG5 8XY", lat=53.005, lon=-1.127, is_members_home=True
    )
    group = t.group(
        "Sneinton Stroke Club",
        [stroke],
        description="We are stroke survivors who meet for tea, talk and a bit of gentle exercise.",
        what_to_expect="Someone will meet you at the door and sit with you.",
        for_family_friends=True,
        meetings=[t.weekly(1, "14:00", "16:00", venue=hall), t.weekly(3, "10:00", "11:30", venue=home)],
        routes=[
            {"kind": ContactRoute.Kind.PHONE, "value": "0115 496 0123", "contact_name": "Pat"},
            {"kind": ContactRoute.Kind.EMAIL, "value": "private@example.org", "visibility": "on_request"},
            {"kind": ContactRoute.Kind.PHONE, "value": "07700 900999", "visibility": "hidden"},
        ],
    )
    rebuild_index()
    return group
