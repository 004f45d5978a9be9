"""The rules for groups keeping their own listings current. Views stay small and call these.

- Contacts: who looks after a group (`add_contact`, `remove_contact`, `is_contact`, `groups_looked_after_by`).
- Claims: someone says they run a listed group; staff decide (`claim_group`, `decide_claim`).
- Changes: a group's edit, or a new group from the public form, travels as a whole-listing snapshot. It is
  checked by a dry run first, so staff never see a proposal that cannot be published (`check_snapshot`).
  Trusted groups publish at once; others wait for staff (`propose_change`, `submit_group`, `decide_change`).
- History: every write to a listing is recorded by `receivers.record_listing_change`; staff can `revert`.
- Reports of a change reach the group's contacts and the staff (`report_change`, `resolve_report`).

Nothing here hard-deletes anything a group made: a closed group is a status, a removed contact keeps its row,
and every earlier version of a listing stays in its history."""

import copy
import logging
import re
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twoworlds.directory.models import Group
from twoworlds.directory.snapshots import GROUP_FIELDS, apply_snapshot, take_snapshot

from . import emails
from .access import is_staff_member
from .models import ChangeReport, Claim, Decision, GroupContact, ListingState, ProposedChange

log = logging.getLogger(__name__)

# --- people -------------------------------------------------------------------------------------------------


def _user_for_email(email):
    """The person with this email address, created (with no password: they sign in by emailed link) if new.
    Uses accounts' own function when it has one, so that addresses are matched the same way everywhere."""
    try:
        from twoworlds.accounts.services import get_or_create_user_for_email
    except ImportError:
        get_or_create_user_for_email = None
    if get_or_create_user_for_email is not None:
        return get_or_create_user_for_email(email)[0]
    User = get_user_model()
    email = email.strip().lower()
    found = User.objects.filter(email__iexact=email).order_by("pk").first()
    if found:
        return found
    base = email[:140]
    username, n = base, 2
    while User.objects.filter(username=username).exists():
        username, n = f"{base}-{n}", n + 1
    user = User(username=username, email=email)
    user.set_unusable_password()
    user.save()
    return user


def active_contacts(group):
    return (
        GroupContact.objects.filter(group=group, removed_at__isnull=True)
        .select_related("user")
        .order_by("added_at", "pk")
    )


def contact_addresses(group):
    """The email addresses of the people who look after the group now (active accounts, one each)."""
    from twoworlds.accounts.emails import unique_addresses

    return unique_addresses(
        contact.user.email for contact in active_contacts(group) if contact.user.is_active
    )


def groups_looked_after_by(user):
    """The groups this person looks after now (not those they were removed from)."""
    if not (user and user.is_authenticated):
        return Group.objects.none()
    return (
        Group.objects.filter(contacts__user=user, contacts__removed_at__isnull=True)
        .distinct()
        .order_by("name")
    )


def is_contact(user, group):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return GroupContact.objects.filter(user=user, group=group, removed_at__isnull=True).exists()


@transaction.atomic
def add_contact(group, email, added_by=None, *, notify=True):
    """Make the person with this email a contact of the group (creating their account if new). Returns the
    contact; adding someone who already looks after the group changes nothing."""
    user = _user_for_email(email)
    existing = GroupContact.objects.filter(user=user, group=group, removed_at__isnull=True).first()
    if existing:
        return existing
    contact = GroupContact.objects.create(user=user, group=group, added_by=added_by)
    if notify:
        transaction.on_commit(lambda: emails.contact_added(contact))
    return contact


@transaction.atomic
def remove_contact(contact, removed_by):
    """Stop someone looking after a group. The row stays, with who removed them and when. A group keeps at
    least one contact, unless staff remove the last one."""
    contact = GroupContact.objects.select_for_update().get(pk=contact.pk)
    if contact.removed_at:
        return contact
    staff = is_staff_member(removed_by)
    if not staff and not is_contact(removed_by, contact.group):
        raise PermissionDenied
    others = active_contacts(contact.group).exclude(pk=contact.pk)
    if not staff and not others.exists():
        raise ValidationError(
            _(
                "A group needs at least one person looking after its listing. Add someone else first, or ask "
                "the clearinghouse staff."
            )
        )
    contact.removed_at = timezone.now()
    contact.removed_by = removed_by
    contact.save(update_fields=["removed_at", "removed_by"])
    return contact


# --- claims -------------------------------------------------------------------------------------------------


def pending_claim(user, group):
    return Claim.objects.filter(user=user, group=group, status=Decision.PENDING).first()


@transaction.atomic
def claim_group(group, user, role_in_group, message=""):
    """Someone signed in says they run this group. Staff decide; until then they cannot change anything."""
    if is_contact(user, group):
        raise ValidationError(_("You already look after this group."))
    if pending_claim(user, group):
        raise ValidationError(
            _("You have already claimed this group. Staff will email you when they decide.")
        )
    claim = Claim.objects.create(group=group, user=user, role_in_group=role_in_group, message=message)
    transaction.on_commit(lambda: emails.claim_received(claim))
    return claim


def _require_staff(user):
    if not is_staff_member(user):
        raise PermissionDenied


@transaction.atomic
def decide_claim(claim, staff, approve, reason=""):
    """Approve (the person becomes a contact of the group) or return with a reason they will see."""
    _require_staff(staff)
    claim = Claim.objects.select_for_update().select_related("group", "user").get(pk=claim.pk)
    if claim.status != Decision.PENDING:
        raise ValidationError(_("This claim has already been decided."))
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("Say why you are returning it, so that they can put it right.")})
    claim.status = Decision.APPROVED if approve else Decision.RETURNED
    claim.reason = reason
    claim.decided_at = timezone.now()
    claim.decided_by = staff
    claim.save(update_fields=["status", "reason", "decided_at", "decided_by"])
    if approve and not is_contact(claim.user, claim.group):
        GroupContact.objects.create(user=claim.user, group=claim.group, added_by=staff)
    transaction.on_commit(lambda: emails.claim_decided(claim))
    return claim


# --- pictures -----------------------------------------------------------------------------------------------

MAX_LOGO_BYTES = 5 * 1024 * 1024
LOGO_MAX_SIDE = 800
LOGO_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png)$")


@dataclass(frozen=True)
class ProcessedImage:
    """A picture made safe to publish: at most 800 pixels across, no EXIF (no camera, no location)."""

    content: bytes
    extension: str  # "jpg" or "png"
    width: int
    height: int


def prepare_logo(uploaded):
    """Check that an upload is a picture and make it safe to publish, or raise ValidationError."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    not_a_picture = ValidationError(
        _("This file is not a picture we can use. Choose a photo or logo saved as JPEG, PNG, GIF or WebP."),
        code="invalid_image",
    )
    if uploaded.size > MAX_LOGO_BYTES:
        raise ValidationError(_("This picture is too large: choose one under 5 MB."), code="too_large")
    try:
        uploaded.seek(0)
        with Image.open(uploaded) as opened:
            source_format = opened.format
            if source_format not in {"JPEG", "PNG", "GIF", "WEBP"}:
                raise not_a_picture
            opened.load()
            image = ImageOps.exif_transpose(opened)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError):
        raise not_a_picture from None
    image.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
    transparent = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    buffer = BytesIO()
    if source_format in {"PNG", "GIF"} or transparent:
        image = image.convert("RGBA" if transparent else "RGB")
        image.save(buffer, format="PNG", optimize=True)
        extension = "png"
    else:
        image = image.convert("RGB")
        image.save(buffer, format="JPEG", quality=85, optimize=True)
        extension = "jpg"
    return ProcessedImage(buffer.getvalue(), extension, image.width, image.height)


def store_logo(processed):
    """Keep a prepared picture; returns its storage name (what a snapshot's "logo" holds). Files are never
    deleted, so that history and reverts can always show them."""
    return default_storage.save(
        f"groups/{uuid.uuid4().hex}.{processed.extension}", ContentFile(processed.content)
    )


def logo_visible_to(name, user):
    """Whether a stored picture may be shown to this person: a listing's current picture to anyone; one in a
    proposal only to staff and to the group's contacts."""
    if not LOGO_NAME.match(name):
        return False
    stored = f"groups/{name}"
    if Group.objects.filter(logo=stored).exists():
        return True
    if is_staff_member(user):
        return True
    if user and user.is_authenticated:
        return ProposedChange.objects.filter(
            proposal__logo=stored, group__in=groups_looked_after_by(user)
        ).exists()
    return False


def locate_postcode(postcode):
    """(latitude, longitude) for a venue's postcode from the offline gazetteer, or (None, None)."""
    from twoworlds.search.geocoding import locate

    found = locate(postcode) if postcode else None
    return (found.latitude, found.longitude) if found else (None, None)


# --- checking and proposing changes -------------------------------------------------------------------------

_dry_run = ContextVar("listings_dry_run", default=False)


class _RollBack(Exception):
    pass


def in_dry_run():
    """True while a snapshot is being checked: listing_saved receivers with effects outside the database
    (emails…) should do nothing then. Everything in the database is rolled back anyway."""
    return _dry_run.get()


@contextmanager
def _dry_running():
    token = _dry_run.set(True)
    try:
        yield
    finally:
        _dry_run.reset(token)


def check_snapshot(snapshot, group=None):
    """Write the snapshot inside a transaction and roll it back: raises the ValidationError the real write
    would, so nothing is ever half-saved and staff never get a proposal that cannot be published."""
    target = Group.objects.get(pk=group.pk) if group is not None else None
    try:
        with _dry_running(), transaction.atomic():
            apply_snapshot(copy.deepcopy(_listing_part(snapshot)), target, source="system")
            raise _RollBack
    except _RollBack:
        pass


def _listing_part(snapshot):
    """A snapshot without the keys this app adds (e.g. what a submitter asked for)."""
    return {key: value for key, value in snapshot.items() if not key.startswith("_")}


def pending_change(group):
    """The edit to this group waiting for staff, if any (there is at most one: a new edit replaces it)."""
    return (
        ProposedChange.objects.filter(group=group, kind=ProposedChange.Kind.EDIT, status=Decision.PENDING)
        .order_by("-created_at", "-pk")
        .first()
    )


def last_returned_change(group):
    """The group's latest edit, if staff returned it (so the edit page can say why)."""
    latest = (
        ProposedChange.objects.filter(group=group, kind=ProposedChange.Kind.EDIT)
        .exclude(status=Decision.WITHDRAWN)
        .order_by("-created_at", "-pk")
        .first()
    )
    return latest if latest and latest.status == Decision.RETURNED else None


def editable_snapshot(group):
    """What the edit form starts from: the change still waiting for staff, or else the published listing."""
    current = take_snapshot(group)
    waiting = pending_change(group)
    return merge_proposal(current, waiting.before, waiting.proposal) if waiting else current


def is_trusted(group):
    return ListingState.objects.filter(group=group, trusted=True).exists()


@transaction.atomic
def propose_change(group, snapshot, user, note="", *, logo=None):
    """A group's edit of its whole listing. Checked first (ValidationError if it cannot be published).
    Trusted groups' edits are published at once and recorded as approved without review; others wait for
    staff, and the public page does not change until they approve. A new edit replaces one still waiting
    (the form started from it, so nothing in it is lost)."""
    if not is_contact(user, group):
        raise PermissionDenied
    snapshot = copy.deepcopy(snapshot)
    check_snapshot(snapshot, group)
    if logo is not None:
        snapshot["logo"] = store_logo(logo)
    before = take_snapshot(group)
    now = timezone.now()
    ProposedChange.objects.filter(group=group, kind=ProposedChange.Kind.EDIT, status=Decision.PENDING).update(
        status=Decision.WITHDRAWN, decided_at=now, reason=_("Replaced by a later change.")
    )
    change = ProposedChange(
        kind=ProposedChange.Kind.EDIT,
        group=group,
        submitted_by=user,
        before=before,
        proposal=snapshot,
        note=note,
    )
    if is_trusted(group):
        apply_snapshot(snapshot, group, actor=user, source="group", reason=note)
        change.status = Decision.APPROVED
        change.published_without_review = True
        change.decided_at = now
        change.save()
    else:
        change.save()
        transaction.on_commit(lambda: emails.change_waiting(change))
    return change


@transaction.atomic
def submit_group(snapshot, *, submitter_name, submitter_email, looks_after=False, note="", logo=None):
    """A new group from the public form: checked, then kept for staff to review."""
    snapshot = copy.deepcopy(snapshot)
    check_snapshot(snapshot, None)
    if logo is not None:
        snapshot["logo"] = store_logo(logo)
    snapshot["_submission"] = {"looks_after": bool(looks_after)}
    change = ProposedChange.objects.create(
        kind=ProposedChange.Kind.NEW_GROUP,
        group=None,
        submitter_name=submitter_name,
        submitter_email=submitter_email,
        before=None,
        proposal=snapshot,
        note=note,
    )
    transaction.on_commit(lambda: emails.submission_received(change))
    transaction.on_commit(lambda: emails.change_waiting(change))
    return change


def _merge_items(current, before, proposal):
    """Meetings or routes: the group's changes laid over the listing as it is now. Rows the group did not
    touch stay as they are now (or stay removed, if staff removed them meanwhile); rows added since stay."""
    before_by_id = {item["id"]: item for item in before if item.get("id")}
    current_by_id = {item["id"]: item for item in current if item.get("id")}
    proposed_ids = {item.get("id") for item in proposal if item.get("id")}
    merged = []
    for item in proposal:
        ident = item.get("id")
        if ident and before_by_id.get(ident) == item:
            if ident in current_by_id:
                merged.append(current_by_id[ident])
        else:
            merged.append(item)
    for item in current:
        ident = item.get("id")
        if ident and ident not in before_by_id and ident not in proposed_ids:
            merged.append(item)
    return merged


def merge_proposal(current, before, proposal):
    """What to publish when staff approve: only what the group changed (proposal against the listing it
    started from), over the listing as it is now, so that changes made meanwhile are not undone."""
    if before is None:
        return _listing_part(proposal)
    merged = copy.deepcopy(current)
    for key in [*GROUP_FIELDS, "categories", "languages", "logo"]:
        if key in proposal and proposal.get(key) != before.get(key):
            merged[key] = proposal[key]
    for key in ("meetings", "contact_routes"):
        if key in proposal:
            merged[key] = _merge_items(current.get(key, []), before.get(key, []), proposal[key])
    return merged


@transaction.atomic
def decide_change(change, staff, approve, reason=""):
    """Approve (publish) or return with a reason the group sees on its page and by email. Approving a new
    group creates it; if the submitter runs it and asked to, they become its contact."""
    _require_staff(staff)
    change = ProposedChange.objects.select_for_update().get(pk=change.pk)
    if change.status != Decision.PENDING:
        raise ValidationError(_("This has already been decided."))
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("Say why you are returning it, so that they can put it right.")})
    if approve:
        if change.kind == ProposedChange.Kind.NEW_GROUP:
            group = apply_snapshot(
                _listing_part(change.proposal),
                None,
                actor=staff,
                source="moderation",
                reason=change.note or _("New group submitted through the public form."),
            )
            change.group = group
            if (change.proposal.get("_submission") or {}).get("looks_after") and change.submitter_email:
                add_contact(group, change.submitter_email, added_by=staff, notify=False)
        else:
            group = Group.objects.get(pk=change.group_id)
            merged = merge_proposal(take_snapshot(group), change.before, change.proposal)
            apply_snapshot(merged, group, actor=staff, source="moderation", reason=change.note)
    change.status = Decision.APPROVED if approve else Decision.RETURNED
    change.reason = reason
    change.decided_at = timezone.now()
    change.decided_by = staff
    change.save()
    transaction.on_commit(lambda: emails.change_decided(change))
    return change


@transaction.atomic
def withdraw_change(change, user):
    """A group takes back its own change before staff have looked at it."""
    change = ProposedChange.objects.select_for_update().get(pk=change.pk)
    if change.group_id is None or not is_contact(user, change.group):
        raise PermissionDenied
    if change.status != Decision.PENDING:
        raise ValidationError(_("This has already been decided."))
    change.status = Decision.WITHDRAWN
    change.decided_at = timezone.now()
    change.save(update_fields=["status", "decided_at"])
    return change


# --- staff tools --------------------------------------------------------------------------------------------


@transaction.atomic
def set_trusted(group, trusted, staff):
    _require_staff(staff)
    state, _created = ListingState.objects.get_or_create(group=group)
    state.trusted = bool(trusted)
    state.save(update_fields=["trusted"])
    return state


@transaction.atomic
def revert(change, staff, reason):
    """Put the listing back as it was before this change. The revert is itself a change in the history."""
    _require_staff(staff)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why you are reverting this change.")})
    if change.before is None:
        raise ValidationError(_("This change created the listing: there is nothing before it to go back to."))
    group = Group.objects.get(pk=change.group_id)
    return apply_snapshot(change.before, group, actor=staff, source="revert", reason=reason)


# --- reports of a change ------------------------------------------------------------------------------------


@transaction.atomic
def report_change(group, what, reporter_email=""):
    """Anyone says the listing is wrong. It reaches the group's contacts and the staff queue."""
    report = ChangeReport.objects.create(group=group, what=what.strip(), reporter_email=reporter_email or "")
    transaction.on_commit(lambda: emails.report_received(report))
    return report


@transaction.atomic
def resolve_report(report, staff, resolution=""):
    _require_staff(staff)
    report = ChangeReport.objects.select_for_update().get(pk=report.pk)
    if report.resolved_at:
        return report
    report.resolved_at = timezone.now()
    report.resolved_by = staff
    report.resolution = (resolution or "").strip()
    report.save(update_fields=["resolved_at", "resolved_by", "resolution"])
    return report


# --- the moderation queue -----------------------------------------------------------------------------------

RECENT_DAYS = 30


@dataclass
class Queue:
    submissions: list
    claims: list
    changes: list
    published: list
    reports: list

    @property
    def total(self):
        return len(self.submissions) + len(self.claims) + len(self.changes) + len(self.reports)


def moderation_queue():
    """Everything waiting for staff, oldest first, and what trusted groups published lately."""
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    changes = ProposedChange.objects.select_related("group", "submitted_by")
    return Queue(
        submissions=list(
            changes.filter(kind=ProposedChange.Kind.NEW_GROUP, status=Decision.PENDING).order_by("created_at")
        ),
        claims=list(
            Claim.objects.filter(status=Decision.PENDING)
            .select_related("group", "user")
            .order_by("created_at")
        ),
        changes=list(
            changes.filter(kind=ProposedChange.Kind.EDIT, status=Decision.PENDING).order_by("created_at")
        ),
        published=list(
            changes.filter(published_without_review=True, created_at__gte=since).order_by("-created_at")
        ),
        reports=list(
            ChangeReport.objects.filter(resolved_at__isnull=True)
            .select_related("group")
            .order_by("created_at")
        ),
    )
