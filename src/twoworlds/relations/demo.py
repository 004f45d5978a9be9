"""Demo data for working together: terms for most demo groups (twelve-step groups say a firm no), three
agencies with what they offer groups, a professional at each, and a few arrangements in every state so that
both sides and the staff overview have something to show. Deterministic; rerunning replaces it."""

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from twoworlds.accounts.services import add_agency_member, ensure_agency, user_for_email
from twoworlds.directory import demo as directory_demo
from twoworlds.directory.models import Group
from twoworlds.listings.services import active_contacts, groups_looked_after_by

from . import services
from .models import (
    AgencyOffer,
    GroupTerms,
    ResourceKind,
    ResourceRequest,
    RoomBooking,
    Stance,
    Survey,
    Talk,
)
from .queries import says_no

DEMO_AGENCIES = [
    {
        "slug": "demo-ward-7-city-hospital",
        "name": "Ward 7, City Hospital",
        "kind": "Hospital ward",
        "description": "A mental health ward. Its day room is free for groups on weekday evenings.",
        "professional": "nurse@example.org",
        "job_title": "Ward manager",
        "offers": [
            {
                "kind": ResourceKind.MEETING_ROOM,
                "title": "Day room, Ward 7",
                "description": "A quiet room with comfortable chairs, tea and coffee.",
                "times": "Weekday evenings, 6pm to 9pm",
                "capacity": 16,
                "access": "Step-free from the main entrance; hearing loop; hospital car park (paid).",
                "cost": "",
            },
            {
                "kind": ResourceKind.NOTICEBOARD,
                "title": "Noticeboard by the ward entrance",
                "description": "Space for a group's poster or leaflets, seen by patients and visitors.",
            },
            {
                "kind": ResourceKind.SPEAKERS,
                "title": "Talks by our nurses",
                "topics": "Medication and side effects; what happens on a ward; planning for a crisis.",
            },
        ],
    },
    {
        "slug": "demo-riverside-medical-practice",
        "name": "Riverside Medical Practice",
        "kind": "GP practice",
        "description": "A GP practice in the Meadows with a community room.",
        "professional": "gp@example.org",
        "job_title": "Practice manager",
        "offers": [
            {
                "kind": ResourceKind.MEETING_ROOM,
                "title": "Community room",
                "times": "Tuesday and Thursday afternoons; Saturday mornings",
                "capacity": 24,
                "access": "Step-free; accessible toilet; two buses stop outside.",
                "cost": "£5 a session, waived for small groups",
            },
            {
                "kind": ResourceKind.PHOTOCOPYING,
                "title": "Photocopying",
                "cost": "Up to 100 copies a month free",
            },
        ],
    },
    {
        "slug": "demo-council-community-grants",
        "name": "City Council community grants team",
        "kind": "Council service",
        "description": "Helps voluntary groups find and apply for small grants.",
        "professional": "grants@example.org",
        "job_title": "Community development worker",
        "offers": [
            {
                "kind": ResourceKind.GRANT_HELP,
                "title": "Help with grant application forms",
                "times": "By appointment, or by phone",
            },
            {
                "kind": ResourceKind.FUNDRAISING_SPACE,
                "title": "Council House foyer for fund-raising events",
                "times": "Saturdays, booked a month ahead",
                "capacity": 80,
                "access": "Step-free; lift to all floors.",
            },
        ],
    },
]

TWELVE_STEP = ("Anonymous", "Al-Anon", "Alateen")
STANCES = [Stance.TELL_PEOPLE, Stance.SPEAKERS_BY_INVITATION, Stance.TELL_PEOPLE, Stance.INVITED_GUESTS]
WELCOMES = [
    ("meeting_room", "photocopying"),
    ("noticeboard",),
    ("library_storage", "grant_help"),
    ("fundraising_space", "speakers"),
    (),
]


def _demo_groups():
    return Group.objects.filter(id__range=directory_demo.DEMO_ID_RANGE).exclude(
        group_type=Group.Type.NATIONAL
    )


def clear_demo_relations():
    groups = _demo_groups()
    slugs = [a["slug"] for a in DEMO_AGENCIES]
    Talk.objects.filter(group__in=groups).delete()
    RoomBooking.objects.filter(group__in=groups).delete()
    ResourceRequest.objects.filter(group__in=groups).delete()
    AgencyOffer.objects.filter(agency__slug__in=slugs).delete()
    GroupTerms.objects.filter(group__in=groups).delete()
    Survey.objects.filter(title__startswith="[demo]").delete()


def _terms_for(index, group):
    if any(word in group.name for word in TWELVE_STEP):
        return {
            "stance": Stance.NO_INVOLVEMENT,
            "stance_note": "We follow twelve traditions: we are not affiliated with any outside body. "
            "You are welcome to give people our meeting details.",
        }
    if group.group_type == Group.Type.PROFESSIONALLY_LED:
        return None
    if index % 6 == 5:
        return None  # some groups have not said yet, as in life
    stance = STANCES[index % len(STANCES)]
    gives_talks = index % 3 != 2
    terms = {
        "stance": stance,
        "gives_talks": gives_talks,
        "talks_fee": "" if index % 2 else "£30, or a donation to the group",
        "talks_travel_costs": index % 2 == 0,
        "talks_notice_weeks": 4 + index % 4 if gives_talks else None,
        "talks_topics": "What the group offers; living with it day to day" if gives_talks else "",
        "training_days": index % 4 == 1,
        "training_notice_weeks": 8 if index % 4 == 1 else None,
        "consulted": index % 5 in (0, 3),
        "consulted_fee": "Members' time paid at the living wage" if index % 5 == 0 else "",
        "welcomes_note": "We meet monthly, about a dozen of us." if index % 4 == 0 else "",
    }
    for kind in WELCOMES[index % len(WELCOMES)]:
        terms[f"welcomes_{kind}"] = True
    return terms


@transaction.atomic
def load_demo_relations():
    """Load the demo; returns counts. Needs the demo directory (and its group contacts) first."""
    clear_demo_relations()
    agencies, professionals = {}, {}
    for spec in DEMO_AGENCIES:
        agency = ensure_agency(spec["slug"], spec["name"], spec["kind"], spec["description"])
        professional = add_agency_member(agency, spec["professional"], spec["job_title"])
        agencies[spec["slug"]], professionals[spec["slug"]] = agency, professional
        for offer in spec["offers"]:
            services.save_offer(agency, offer, professional)

    terms_set = 0
    for index, group in enumerate(_demo_groups().order_by("id")):
        terms = _terms_for(index, group)
        if terms is not None:
            GroupTerms.objects.create(group=group, **terms)
            terms_set += 1

    # A few arrangements for the demo group contact's groups, in different states.
    ward, practice = (agencies[a["slug"]] for a in DEMO_AGENCIES[:2])
    nurse, gp = (professionals[a["slug"]] for a in DEMO_AGENCIES[:2])
    demo_contact = user_for_email("contact@example.org")
    contact_groups = (
        [g for g in groups_looked_after_by(demo_contact) if not says_no(g)] if demo_contact else []
    )
    today = timezone.localdate()
    made = 0
    for number, group in enumerate(contact_groups[:2]):
        GroupTerms.objects.update_or_create(
            group=group,
            defaults={
                "stance": Stance.SPEAKERS_BY_INVITATION,
                "gives_talks": True,
                "talks_notice_weeks": 4,
                "welcomes_meeting_room": True,
            },
        )
        contact = active_contacts(group).first().user
        room = AgencyOffer.objects.get(agency=ward, kind=ResourceKind.MEETING_ROOM)
        booking = services.book_room(
            room,
            group,
            contact,
            {
                "date": today + timedelta(days=14 + 7 * number),
                "starts_at": time(18, 30),
                "ends_at": time(20, 30),
                "purpose": "Our monthly meeting",
            },
        )
        if number == 0:
            services.decide_booking(
                booking, nurse, accept=True, reason="The day room is yours; ask at the desk."
            )
        talk = services.invite_to_talk(
            group,
            gp,
            {
                "topic": "What the group offers, for GPs and practice nurses",
                "audience": "The practice team, about twelve people",
                "date_option_1": today + timedelta(weeks=6),
                "date_option_2": today + timedelta(weeks=8),
                "fee_offered": "£30",
            },
            agency=practice,
        )
        if number == 0:
            services.answer_talk(talk, contact, {"answer": "accept", "date": talk.date_option_2.isoformat()})
            services.add_note(talk, gp, "We can lend a projector; lunch is provided.")
        photocopying = AgencyOffer.objects.get(agency=practice, kind=ResourceKind.PHOTOCOPYING)
        services.group_asks(group, photocopying, contact, "About 60 leaflets each month.")
        made += 3
    return {
        "agencies": len(agencies),
        "professionals": sorted(user.email for user in professionals.values()),
        "terms": terms_set,
        "arrangements": made,
    }
