"""Reads about groups' terms and the arrangements between groups and agencies, for this app and others.

The rule throughout: nothing is assumed. A group that has not set its terms accepts nothing yet (a
professional is told to ask the clearinghouse), and "No professional involvement" is a firm no everywhere.
"""

from django.db.models import Count, Q

from twoworlds.accounts.services import agencies_of
from twoworlds.directory.queries import listed_groups
from twoworlds.listings.services import groups_looked_after_by, is_contact

from .models import (
    AgencyOffer,
    Decision,
    GroupTerms,
    ResourceKind,
    ResourceRequest,
    RoomBooking,
    Stance,
    Survey,
    SurveyAnswer,
    Talk,
)

# --- a group's terms ------------------------------------------------------------------------------------


def group_terms(group):
    """The group's terms for professionals, or None if it has not set them."""
    if group is None:
        return None
    return GroupTerms.objects.filter(group=group).first()


def says_no(group):
    """The group has said "No professional involvement"."""
    terms = group_terms(group)
    return terms is not None and terms.stance == Stance.NO_INVOLVEMENT


def accepts_guests(group):
    """Professionals may ask to attend a meeting as a guest (the group still decides each time): only where
    the group's terms say professionals attend as invited guests."""
    terms = group_terms(group)
    return terms is not None and terms.stance == Stance.INVITED_GUESTS


def accepts_roles(group):
    """Professionals may propose a role with the group (the group still agrees each one): any group that has
    set its terms, except one that says "No professional involvement"."""
    terms = group_terms(group)
    return terms is not None and terms.stance != Stance.NO_INVOLVEMENT


def gives_talks(group):
    """The group is happy to be invited to give talks (and has not said no to professionals)."""
    terms = group_terms(group)
    return terms is not None and terms.gives_talks and not terms.says_no


def takes_part_in_training(group):
    terms = group_terms(group)
    return terms is not None and terms.training_days and not terms.says_no


def can_be_consulted(group):
    terms = group_terms(group)
    return terms is not None and terms.consulted and not terms.says_no


def welcomes(group, resource_kind):
    """The group has said it would welcome this kind of resource (a ResourceKind value)."""
    terms = group_terms(group)
    return terms is not None and not terms.says_no and terms.welcomes(str(resource_kind))


def _check_kind(resource_kind):
    kind = str(resource_kind)
    if kind not in ResourceKind.values:
        raise ValueError(f"Unknown resource kind {resource_kind!r}; one of {ResourceKind.values}")
    return kind


def groups_welcoming(resource_kind):
    """Listed groups that would welcome this kind of resource (a ResourceKind value), by name."""
    kind = _check_kind(resource_kind)
    return (
        listed_groups()
        .filter(**{f"terms__welcomes_{kind}": True})
        .exclude(terms__stance=Stance.NO_INVOLVEMENT)
        .order_by("name")
    )


def groups_giving_talks(category=None):
    """Listed groups happy to give talks, on an issue (a Category, including its sub-issues) if given."""
    groups = listed_groups().filter(terms__gives_talks=True).exclude(terms__stance=Stance.NO_INVOLVEMENT)
    if category is not None:
        groups = groups.filter(Q(categories=category) | Q(categories__parent=category)).distinct()
    return groups.order_by("name")


# --- who may act for whom ------------------------------------------------------------------------------


def is_agency_member(user, agency):
    return agency is not None and agencies_of(user).filter(pk=agency.pk).exists()


def may_act_for_group(user, group):
    return is_contact(user, group)


# --- agencies and their offers -----------------------------------------------------------------------


def offers_of(agency, *, available_only=True):
    offers = AgencyOffer.objects.filter(agency=agency)
    if available_only:
        offers = offers.filter(available=True)
    return offers.order_by("kind", "title")


def rooms_offered():
    """Rooms and event spaces agencies offer now, for groups to book."""
    return (
        AgencyOffer.objects.filter(
            available=True, kind__in=[ResourceKind.MEETING_ROOM, ResourceKind.FUNDRAISING_SPACE]
        )
        .select_related("agency")
        .order_by("agency__name", "title")
    )


def offers_of_kind(resource_kind):
    kind = _check_kind(resource_kind)
    return AgencyOffer.objects.filter(kind=kind, available=True).select_related("agency")


# --- what each side sees -------------------------------------------------------------------------------


def requests_for_groups(groups):
    return ResourceRequest.objects.filter(group__in=groups).select_related("group", "agency", "offer")


def requests_for_agencies(agencies):
    return ResourceRequest.objects.filter(agency__in=agencies).select_related("group", "agency", "offer")


def bookings_for_groups(groups):
    return RoomBooking.objects.filter(group__in=groups).select_related("group", "offer__agency")


def bookings_for_agencies(agencies):
    return RoomBooking.objects.filter(offer__agency__in=agencies).select_related("group", "offer__agency")


def talks_for_groups(groups):
    return Talk.objects.filter(group__in=groups).select_related("group", "agency", "invited_by")


def talks_for_professional(user):
    """Talks this person invited, and those invited by the agencies they work for."""
    return (
        Talk.objects.filter(Q(invited_by=user) | Q(agency__in=agencies_of(user)))
        .select_related("group", "agency", "invited_by")
        .distinct()
    )


def is_talk_party(user, talk):
    """The group's contacts, the person who invited, and the inviting agency's members see a talk."""
    if not (user and user.is_authenticated):
        return False
    if talk.invited_by_id == user.pk or is_contact(user, talk.group):
        return True
    return is_agency_member(user, talk.agency)


def relations_dashboard(user):
    """Everything that concerns this person: as a group's contact and as an agency's member."""
    groups = groups_looked_after_by(user)
    agencies = agencies_of(user)
    return {
        "groups": groups,
        "agencies": agencies,
        "group_requests": requests_for_groups(groups),
        "agency_requests": requests_for_agencies(agencies),
        "group_bookings": bookings_for_groups(groups),
        "agency_bookings": bookings_for_agencies(agencies),
        "group_talks": talks_for_groups(groups),
        "professional_talks": talks_for_professional(user) if agencies.exists() else Talk.objects.none(),
    }


# --- staff ---------------------------------------------------------------------------------------------


def _counts(queryset, states):
    found = dict(queryset.values_list("state").annotate(n=Count("pk")).order_by())
    return [(value, label, found.get(value, 0)) for value, label in states]


def flow_counts():
    """For staff: how many requests, bookings and talks are in each state."""
    return {
        "requests": _counts(ResourceRequest.objects.all(), Decision.choices),
        "bookings": _counts(RoomBooking.objects.all(), Decision.choices),
        "talks": _counts(Talk.objects.all(), Talk.State.choices),
    }


def survey_results(survey):
    """Replies, talks asked for, invitations sent, and information asked for, per survey and per issue."""
    answers = SurveyAnswer.objects.filter(recipient__survey=survey)
    by_issue = (
        answers.values("category__name")
        .annotate(
            talks=Count("pk", filter=Q(wants_talk=True)),
            information=Count("pk", filter=Q(wants_information=True)),
        )
        .order_by("category__name")
    )
    return {
        "sent": survey.recipients.count(),
        "replies": survey.recipients.filter(replied_at__isnull=False).count(),
        "talks_asked": answers.filter(wants_talk=True).count(),
        "information_asked": answers.filter(wants_information=True).count(),
        "invitations_sent": survey.talks.count(),
        "invitations_accepted": survey.talks.filter(state=Talk.State.ACCEPTED).count(),
        "by_issue": list(by_issue),
    }


def all_surveys():
    return Survey.objects.annotate(
        sent=Count("recipients", distinct=True),
        replies=Count("recipients", filter=Q(recipients__replied_at__isnull=False), distinct=True),
    )
