"""Builders shared by the packs tests (no tests here): agencies, professionals, staff, and packs."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as Role
from django.utils import timezone

from twoworlds.accounts.models import Agency, AgencyMember
from twoworlds.accounts.roles import EDITOR, ensure_roles
from twoworlds.core import testing as t
from twoworlds.directory.models import ContactRoute, Group
from twoworlds.packs import services
from twoworlds.packs.models import Pack

SIGN_IN = "/account/sign-in/"


def person(email, **extra):
    return get_user_model().objects.create_user(username=email, email=email, password=None, **extra)


def staff(username="editor"):
    ensure_roles()
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@clearinghouse.example", password=None, is_staff=True
    )
    user.groups.add(Role.objects.get(name=EDITOR))
    return user


def agency(name="Ward 12, City Hospital"):
    return Agency.objects.create(name=name, slug=_slug(name))


def _slug(text):
    from django.utils.text import slugify

    return slugify(text)


def professional(email, at, removed=False):
    user = person(email)
    AgencyMember.objects.create(
        agency=at, user=user, job_title="Nurse", removed_at=timezone.now() if removed else None
    )
    return user


def make_pack(title="Stroke ward: going home", *, at=None, picked=(), categories=(), **fields):
    pack = Pack(
        title=title, agency=at, introduction=fields.pop("introduction", "From all of us on the ward.")
    )
    for name, value in fields.items():
        setattr(pack, name, value)
    return services.save_pack(pack, picked=list(picked), categories=list(categories))


def phone(number, name=""):
    return {"kind": ContactRoute.Kind.PHONE, "value": number, "contact_name": name}


def six_groups():
    """Six stroke-related groups around Nottingham, each with a public phone number (0115 496 010n)."""
    stroke = t.category("Stroke", parent=t.category("Specific conditions"))
    carers = t.category("Carers")
    places = [t.CITY, t.BEESTON, t.MANSFIELD]
    names = [
        "Sneinton Stroke Club",
        "Beeston Stroke Survivors",
        "Mansfield Aphasia Café",
        "Stroke Carers Circle",
        "Young Stroke Survivors Online",
        "Arnold Walking Group after Stroke",
    ]
    built = []
    for n, name in enumerate(names):
        place = places[n % 3]
        venue = t.venue(f"Hall {n}", **place)
        built.append(
            t.group(
                name,
                [stroke] if n != 3 else [stroke, carers],
                description=f"{name}: people who have had a stroke, meeting for tea and talk.",
                meetings=[t.weekly(n % 7, "14:00", "16:00", venue=venue)],
                routes=[phone(f"0115 496 010{n}", "Pat")],
                for_family_friends=n % 2 == 0,
            )
        )
    return built


def close(group):
    group.status = Group.Status.CLOSED
    group.save()
