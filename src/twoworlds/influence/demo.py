"""Demo data for influencing services: the demo group contact's first group opts in to informal contact and
forums on its issues; the clearinghouse and a community team post opportunities at each level (only the
matching ones reach the group); and the group has sent anonymous feedback that the team answered.
Deterministic; rerunning replaces it. Load the demo directory and involvement's demo first."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from twoworlds.accounts.services import add_agency_member, ensure_agency, user_for_email
from twoworlds.involvement.demo import DEMO_AGENCY, DEMO_PROFESSIONAL
from twoworlds.listings.services import groups_looked_after_by

from . import services
from .models import FeedbackThread, InfluencePreference, Level, Opportunity

DEMO_TITLES = [
    "A conversation with the memory clinic team",
    "Carers' forum: spring meeting",
    "Working party on hospital discharge",
    "Mental health forum",
]


def clear_demo_influence():
    Opportunity.objects.filter(title__in=DEMO_TITLES).delete()
    FeedbackThread.objects.filter(agency__slug=DEMO_AGENCY["slug"]).delete()
    contact = user_for_email("contact@example.org")
    if contact:
        InfluencePreference.objects.filter(group__in=groups_looked_after_by(contact)).delete()


@transaction.atomic
def load_demo_influence():
    clear_demo_influence()
    contact = user_for_email("contact@example.org")
    groups = list(groups_looked_after_by(contact)) if contact else []
    poster = get_user_model().objects.filter(username="admin", is_staff=True).first()
    if not groups or poster is None:
        return {"opportunities": 0, "feedback": 0}
    group = groups[0]
    issues = list(group.categories.select_related("parent"))
    chosen = [issue.parent or issue for issue in issues]
    services.set_preference(group, contact, [Level.INFORMAL, Level.FORUM], chosen)

    agency = ensure_agency(**DEMO_AGENCY)
    email, job_title, _name = DEMO_PROFESSIONAL
    cpn = add_agency_member(agency, email, job_title)
    today = timezone.localdate()
    common = {
        "description": "We would like to hear, in members' own words, what helps and what does not.",
        "starts_on": today + timedelta(days=21),
        "respond_by": today + timedelta(days=14),
    }
    plans = [
        (
            poster,
            None,
            Level.INFORMAL,
            DEMO_TITLES[0],
            issues,
            "One hour, at a time that suits you",
            False,
            "",
        ),
        (
            poster,
            None,
            Level.FORUM,
            DEMO_TITLES[1],
            issues,
            "Two hours, four times a year",
            True,
            "£25 per meeting, plus travel",
        ),
        (
            cpn,
            agency,
            Level.FORMAL,
            DEMO_TITLES[2],
            issues,
            "Monthly for a year, with some reading",
            True,
            "£40 per meeting, plus travel",
        ),
    ]
    for user, by_agency, level, title, categories, energy, paid, payment in plans:
        services.post_opportunity(
            user,
            {
                **common,
                "level": level,
                "title": title,
                "time_and_energy": energy,
                "paid": paid,
                "payment": payment,
            },
            categories,
            agency=by_agency,
        )
    thread = services.start_feedback(
        group,
        contact,
        agency,
        subject="Letters after discharge",
        body="Members find the letters after discharge hard to follow, and they come too late.",
        members_sharing=3,
        named=False,
    )
    services.reply(thread, cpn, "Thank you. We are rewriting the letter with two of our service users.")
    return {"opportunities": len(plans), "feedback": 1}
