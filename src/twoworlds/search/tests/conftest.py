import pytest

from twoworlds.core import testing as t
from twoworlds.directory.models import Group, Meeting
from twoworlds.search.services import rebuild_index

# Three places around Nottingham, a few miles apart.
CITY = {"postcode": "NG1 5FS", "town": "Nottingham", "lat": 52.9540, "lon": -1.1500}
BEESTON = {"postcode": "NG9 2JR", "town": "Beeston", "lat": 52.9260, "lon": -1.2150}
MANSFIELD = {"postcode": "NG18 1AB", "town": "Mansfield", "lat": 53.1440, "lon": -1.1980}


@pytest.fixture
def directory(db):
    """A small directory that exercises every filter."""
    carers = t.category("Carers")
    dementia = t.category("Dementia", parent=carers, lay_terms="memory loss, forgetting things")
    health = t.category("Specific conditions")
    tinnitus = t.category("Tinnitus", parent=health, lay_terms="ringing in my ears, buzzing in ears")
    cfs = t.category("Chronic fatigue", parent=health, lay_terms="ME, CFS, always exhausted")
    polish = t.language("pl", "Polish")
    city = t.venue("Friends Meeting House", **CITY)
    beeston = t.venue("Beeston Library", **BEESTON, step_free=True)
    mansfield = t.venue("Mansfield Church Hall", **MANSFIELD)
    home = t.venue("Home", town="Arnold", postcode="NG5 6AA", lat=53.0050, lon=-1.1270, is_members_home=True)
    built = {
        "dementia_cafe": t.group(
            "Memory Lane Carers Café", [dementia], description="A cuppa and a chat for people caring for someone with dementia.",
            meetings=[t.weekly(1, "10:30", "12:00", venue=city)], for_carers=True,
        ),
        "dementia_polish": t.group(
            "Polish Carers Circle", [dementia], description="Wspieramy opiekunów. Carers supporting each other in Polish.",
            meetings=[t.weekly(3, "18:30", "20:00", venue=beeston)], languages=[polish],
        ),
        "tinnitus": t.group(
            "Tinnitus Self Help Nottingham", [tinnitus], description="Living with noises in the head together.",
            meetings=[{"frequency": Meeting.Frequency.MONTHLY, "weekday": 1, "nth": 2, "start_time": "19:00",
                       "end_time": "21:00", "venue": mansfield}],
        ),
        "cfs_online": t.group(
            "ME Connect Online", [cfs], description="An online group for people with long-term exhaustion.",
            meetings=[t.weekly(4, "14:00", "15:30", attendance=Meeting.Attendance.ONLINE)],
        ),
        "home_group": t.group(
            "Arnold Kitchen Table", [dementia], description="Carers meeting round a kitchen table.",
            meetings=[t.weekly(5, "11:00", "12:30", venue=home)], home_visits=True,
        ),
        "phone": t.group(
            "Telephone Friends", [tinnitus], description="We ring each other every week.", phone_support=True,
            meetings=[{"frequency": Meeting.Frequency.BY_ARRANGEMENT, "attendance": Meeting.Attendance.TELEPHONE}],
        ),
        "national_dementia": t.group(
            "Dementia Society UK", [dementia], description="The national charity for everyone affected by dementia.",
            group_type=Group.Type.NATIONAL,
        ),
        "closed": t.group(
            "Old Dementia Group", [dementia], description="Closed now.", status=Group.Status.CLOSED,
            meetings=[t.weekly(1, "10:00", "11:00", venue=city)],
        ),
    }
    rebuild_index()
    return built
