"""Demo data for professionals' involvement: a community mental health team with one professional, and, for
the demo group contact's groups, invitations to attend and roles in several states (one review coming up, one
role ended at a review), so that both sides and the staff overview have something to show. Deterministic;
rerunning replaces it. Load the demo directory (and relations' demo, for the groups' terms) first."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from twoworlds.accounts.services import add_agency_member, ensure_agency, user_for_email
from twoworlds.listings.services import groups_looked_after_by
from twoworlds.relations.queries import says_no
from twoworlds.relations.services import save_terms

from . import services
from .models import Invitation, Role, RoleReview, Side

DEMO_AGENCY = {
    "slug": "demo-community-mental-health-team",
    "name": "Community Mental Health Team (East)",
    "kind": "Community team",
    "description": "Community psychiatric nurses and social workers for the east of the city.",
}
DEMO_PROFESSIONAL = ("cpn@example.org", "Community psychiatric nurse", ("Jo", "Harding"))


def clear_demo_involvement():
    Role.objects.filter(agency__slug=DEMO_AGENCY["slug"]).delete()
    Invitation.objects.filter(agency__slug=DEMO_AGENCY["slug"]).delete()


@transaction.atomic
def load_demo_involvement():
    """Load the demo; returns counts. Does nothing (returns zeros) without the demo group contact."""
    clear_demo_involvement()
    contact = user_for_email("contact@example.org")
    groups = [g for g in groups_looked_after_by(contact) if not says_no(g)] if contact else []
    if not groups:
        return {"invitations": 0, "roles": 0}
    agency = ensure_agency(**DEMO_AGENCY)
    email, job_title, (first, last) = DEMO_PROFESSIONAL
    cpn = add_agency_member(agency, email, job_title)
    cpn.first_name, cpn.last_name = first, last
    cpn.save(update_fields=["first_name", "last_name"])
    today = timezone.localdate()

    # The last of the contact's groups invites professionals as guests: one request waits, one was accepted.
    guests_group = groups[-1]
    save_terms(guests_group, {"stance": "invited_guests"}, contact)
    details = {
        "professional_name": f"{first} {last}",
        "about_you": "Community psychiatric nurse in the east of the city",
        "reason": "To listen, and to learn what members find helpful after discharge.",
    }
    accepted = services.ask_to_attend(guests_group, cpn, agency, meetings="The next meeting", **details)
    services.decide_invitation(accepted, contact, True, ends_on=today + timedelta(days=60))
    services.ask_to_attend(guests_group, cpn, agency, meetings="A meeting in the spring", **details)

    # Roles with the first group: one agreed and coming up for review, one ended at a review.
    first_group = groups[0]
    terms = services.RoleTerms
    coming_up = services.propose_role(
        first_group,
        cpn,
        agency,
        Side.PROFESSIONAL,
        cpn,
        terms(
            "resources",
            "Tell the group about rooms, grants and noticeboards the team knows of.",
            "Half an hour a month",
            today + timedelta(days=90),
        ),
    )
    services.answer_role(coming_up, contact, Side.GROUP, True)
    Role.objects.filter(pk=coming_up.pk).update(review_on=today + timedelta(days=10))
    ended = services.propose_role(
        first_group,
        cpn,
        agency,
        Side.GROUP,
        contact,
        terms(
            "back_up",
            "Be on call on meeting nights while the group finds its feet.",
            "Two evenings a month",
            today + timedelta(days=30),
        ),
    )
    services.answer_role(ended, cpn, Side.PROFESSIONAL, True)
    services.review_role(
        ended, contact, Side.GROUP, RoleReview.Outcome.END, notes="Thank you: we manage on our own now."
    )
    made = 2
    if len(groups) > 1:
        services.propose_role(
            groups[1],
            cpn,
            agency,
            Side.PROFESSIONAL,
            cpn,
            terms(
                "low_key",
                "Drop in twice a year to hear how things are going.",
                "Two hours a year",
                today + timedelta(days=180),
            ),
        )
        made += 1
    return {"invitations": 2, "roles": made}
