"""The only code that moves minutes from one status to another.

Each move happens in a transaction, is checked against the allowed moves and is recorded with who
made it. Freezing the content into a `MinutesVersion` happens when the minutes leave the draft, so
what the adjusters sign is exactly what gets published.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import asdict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.meetings.models import AgendaItem, AttendanceRole
from kansli.minutes import mailing, noticeboard, publication
from kansli.minutes.models import (
    AdjusterComment,
    AdjustmentRequest,
    ImmediateAdjustment,
    Minutes,
    MinutesStatus,
    MinutesVersion,
    Signature,
    StatusChange,
)
from kansli.minutes.render.document import build_document, load_meeting
from kansli.minutes.signals import status_changed
from kansli.registry.models import Person

ALLOWED_MOVES: dict[str, set[str]] = {
    MinutesStatus.DRAFT: {MinutesStatus.FOR_ADJUSTMENT},
    MinutesStatus.FOR_ADJUSTMENT: {MinutesStatus.DRAFT, MinutesStatus.ADJUSTED},
    # Back to the draft only through `correct`, which records why.
    MinutesStatus.ADJUSTED: {MinutesStatus.PUBLISHED, MinutesStatus.DRAFT},
    MinutesStatus.PUBLISHED: {MinutesStatus.ADJUSTED, MinutesStatus.DRAFT},
}
# Minutes in these statuses are frozen: their content changes only through `correct`.
LOCKED = {MinutesStatus.FOR_ADJUSTMENT, MinutesStatus.ADJUSTED, MinutesStatus.PUBLISHED}


class WorkflowError(Exception):
    """A status move that the rules do not allow."""


def freeze(minutes: Minutes, *, user=None, reason: str = "") -> MinutesVersion:
    """Store the minutes' current full content as a new numbered version."""
    document = build_document(load_meeting(minutes.meeting_id), for_public=False)
    last = minutes.versions.order_by("-number").first()
    if last and last.sha256 == document.sha256():
        return last
    return MinutesVersion.objects.create(
        minutes=minutes,
        number=(last.number + 1) if last else 1,
        content=document.to_json(),
        sha256=document.sha256(),
        reason=reason,
        created_by=user,
    )


@transaction.atomic
def move(minutes: Minutes, to_status: str, *, user=None, note: str = "") -> Minutes:
    """Move `minutes` to `to_status`, or raise WorkflowError naming the refused move."""
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    from_status = minutes.status
    if to_status not in ALLOWED_MOVES.get(from_status, set()):
        raise WorkflowError(
            _("Minutes cannot go from “%(from)s” to “%(to)s”.")
            % {"from": MinutesStatus(from_status).label, "to": MinutesStatus(to_status).label}
        )
    now = timezone.now()
    if to_status == MinutesStatus.FOR_ADJUSTMENT:
        freeze(minutes, user=user, reason=minutes.correction_reason)
        minutes.correction_reason = ""
    if to_status == MinutesStatus.ADJUSTED and minutes.adjusted_at is None:
        minutes.adjusted_at = now
    if to_status == MinutesStatus.PUBLISHED:
        minutes.published_at = now
    minutes.status = to_status
    if to_status == MinutesStatus.DRAFT:
        minutes.adjusted_at = None
    minutes.save(update_fields=[
        "status", "adjusted_at", "published_at", "updated_at", "correction_reason",
    ])
    StatusChange.objects.create(
        minutes=minutes, from_status=from_status, to_status=to_status, changed_by=user, note=note
    )
    transaction.on_commit(
        lambda: status_changed.send(
            sender=Minutes, minutes=minutes, from_status=from_status, to_status=to_status
        )
    )
    return minutes


def publish(minutes: Minutes, *, user=None) -> Minutes:
    """Adjust (if needed) and publish: the path imported, already adjusted minutes take.

    Their files are made on first download (`public.views.download`); minutes adjusted in
    Kansli are published with `publish_adjusted`, which makes and signs them at once.
    """
    minutes.refresh_from_db(fields=["status"])
    if minutes.is_published:
        return minutes
    for step in (MinutesStatus.FOR_ADJUSTMENT, MinutesStatus.ADJUSTED, MinutesStatus.PUBLISHED):
        if step in ALLOWED_MOVES.get(minutes.status, set()):
            minutes = move(minutes, step, user=user)
    return minutes


# --- Justering: adjustment in Kansli, signatures, corrections, publishing -----------------------

ADJUSTMENT_DAYS = datetime.timedelta(days=14)  # KL 5 kap. 69 §: within 14 days of the meeting


def ensure_editable(minutes: Minutes) -> None:
    """Raise WorkflowError when the minutes' content is frozen (sent for adjustment or later)."""
    if minutes.status in LOCKED:
        raise WorkflowError(
            _("The minutes are “%(status)s” and locked; correct them to make a new version.")
            % {"status": MinutesStatus(minutes.status).label}
        )


def signers(minutes: Minutes) -> list[tuple[Person, str]]:
    """Who must sign: the appointed adjusters and, in protocol mode, the chair."""
    found: dict[int, tuple[Person, str]] = {}
    if minutes.meeting.body.is_protocol:
        chair = minutes.meeting.attendances.filter(
            role=AttendanceRole.CHAIR, person__isnull=False
        ).select_related("person").first()
        if chair:
            found[chair.person_id] = (chair.person, Signature.Role.CHAIR)
    for attendance in minutes.adjusters.filter(person__isnull=False).select_related("person"):
        found.setdefault(attendance.person_id, (attendance.person, Signature.Role.ADJUSTER))
    return list(found.values())


def default_deadline(minutes: Minutes, today: datetime.date) -> datetime.date:
    """A protocol is adjusted within 14 days of the meeting (or today, if the minutes are that
    late); minutes in notes mode get 14 days from sending."""
    if minutes.meeting.body.is_protocol:
        return max(minutes.meeting.date + ADJUSTMENT_DAYS, today)
    return today + ADJUSTMENT_DAYS


def current_request(minutes: Minutes) -> AdjustmentRequest | None:
    return minutes.adjustment_requests.select_related("version").order_by("-sent_at").first()


@transaction.atomic
def send_for_adjustment(
    minutes: Minutes, *, user=None, deadline: datetime.date | None = None
) -> AdjustmentRequest:
    """Freeze the draft and ask its signers to sign it by `deadline`."""
    today = timezone.localdate()
    if not signers(minutes):
        raise WorkflowError(_("Appoint an adjuster who is a registered person before sending."))
    deadline = deadline or default_deadline(minutes, today)
    if deadline < today:
        raise WorkflowError(
            _("The deadline %(date)s has already passed.") % {"date": deadline.isoformat()}
        )
    minutes = move(minutes, MinutesStatus.FOR_ADJUSTMENT, user=user)
    minutes.adjustment_deadline = deadline
    minutes.save(update_fields=["adjustment_deadline", "updated_at"])
    request = AdjustmentRequest.objects.create(
        minutes=minutes, version=minutes.versions.order_by("-number").first(), deadline=deadline,
        sent_by=user,
    )
    if _all_signed(minutes, request.version):
        # Sent back or reopened, then sent unchanged: the version is the one already signed.
        move(minutes, MinutesStatus.ADJUSTED, user=user)
    else:
        mailing.ask_to_sign(request, signers(minutes))
    return request


def _all_signed(minutes: Minutes, version: MinutesVersion) -> bool:
    signed = set(version.signatures.values_list("signer_id", flat=True))
    return all(signer.pk in signed for signer, _role in signers(minutes))


def _signer_role(minutes: Minutes, person: Person | None) -> str:
    roles = {signer.pk: role for signer, role in signers(minutes)}
    if person is None or person.pk not in roles:
        raise WorkflowError(_("You are not one of those who adjust these minutes."))
    return roles[person.pk]


def _locked_for_adjustment(minutes: Minutes) -> tuple[Minutes, AdjustmentRequest]:
    minutes = Minutes.objects.select_for_update().select_related("meeting__body").get(
        pk=minutes.pk
    )
    request = current_request(minutes)
    if minutes.status != MinutesStatus.FOR_ADJUSTMENT or request is None:
        raise WorkflowError(
            _("The minutes are “%(status)s”, not out for adjustment.")
            % {"status": MinutesStatus(minutes.status).label}
        )
    return minutes, request


@transaction.atomic
def sign(minutes: Minutes, *, person: Person | None, sha256: str, user=None) -> Signature:
    """Record `person`'s signature of the version out for adjustment; `sha256` is the checksum
    of the content they were shown, so a signature never lands on content they did not see.
    The last signature adjusts (locks) the minutes."""
    minutes, request = _locked_for_adjustment(minutes)
    role = _signer_role(minutes, person)
    version = request.version
    if sha256 != version.sha256:
        raise WorkflowError(_("The minutes changed after you opened them; read them again."))
    if version.signatures.filter(signer=person).exists():
        raise WorkflowError(_("You have already signed this version."))
    signature = Signature.objects.create(
        version=version, signer=person, role=role, signed_at=timezone.now(), sha256=version.sha256
    )
    if _all_signed(minutes, version):
        move(minutes, MinutesStatus.ADJUSTED, user=user)
    return signature


@transaction.atomic
def return_for_changes(
    minutes: Minutes, *, person: Person | None, comments: dict[str, str], user=None
) -> AdjustmentRequest:
    """Send the minutes back to the secretary with comments: item anchor (or "" for the whole
    minutes) -> text. At least one comment is needed, so the secretary knows what to change."""
    minutes, request = _locked_for_adjustment(minutes)
    _signer_role(minutes, person)
    written = {anchor: text.strip() for anchor, text in comments.items() if text.strip()}
    if not written:
        raise WorkflowError(_("Write at least one comment saying what should change."))
    numbers = {item["anchor"]: item["number"] for item in request.version.content["items"]}
    unknown = set(written) - set(numbers) - {""}
    if unknown:
        raise WorkflowError(_("No item “%(item)s” in these minutes.") % {"item": min(unknown)})
    AdjusterComment.objects.bulk_create(
        AdjusterComment(request=request, item_anchor=anchor, item_number=numbers.get(anchor, ""),
                        author=person, text=text)
        for anchor, text in written.items()
    )
    request.returned_at = timezone.now()
    request.save(update_fields=["returned_at"])
    move(minutes, MinutesStatus.DRAFT, user=user, note=_("Sent back with comments."))
    mailing.returned(request, person)
    return request


@transaction.atomic
def correct(minutes: Minutes, *, reason: str, user=None) -> Minutes:
    """Open adjusted (or published) minutes for a correction. The reason goes with the next
    frozen version; every earlier version and its signatures stay as they were."""
    reason = reason.strip()
    if not reason:
        raise WorkflowError(_("State the reason for the correction."))
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status not in (MinutesStatus.ADJUSTED, MinutesStatus.PUBLISHED):
        raise WorkflowError(_("Only adjusted minutes are corrected; edit the draft instead."))
    minutes.correction_reason = reason
    minutes.save(update_fields=["correction_reason", "updated_at"])
    return move(minutes, MinutesStatus.DRAFT, user=user, note=reason)


def publish_adjusted(minutes: Minutes, *, user=None) -> Minutes:
    """Publish minutes adjusted in Kansli: their files (PDF/A signed, DOCX, HTML, text) are made
    from the signed version and stored, and a protocol goes up on the notice board.

    The files are rendered before the transaction, so the minutes are locked only for storing.
    """
    minutes.refresh_from_db()
    if minutes.status != MinutesStatus.ADJUSTED:
        raise WorkflowError(
            _("Only adjusted minutes can be published; these are “%(status)s”.")
            % {"status": MinutesStatus(minutes.status).label}
        )
    version = publication.published_version(minutes)
    files = {} if version.published_files.exists() else publication.render_files(version)
    with transaction.atomic():
        minutes = move(minutes, MinutesStatus.PUBLISHED, user=user)
        publication.store_files(version, files)
        if minutes.meeting.body.is_protocol:
            noticeboard.post(minutes, timezone.localdate())
    return minutes


@transaction.atomic
def adjust_item_immediately(
    minutes: Minutes, item: AgendaItem, *, signers_present: list[Person], user=None
) -> ImmediateAdjustment:
    """Omedelbar justering: adjust one paragraph at the meeting (protocol mode only); it is
    public from then on, before the rest of the protocol."""
    if not minutes.meeting.body.is_protocol:
        raise WorkflowError(_("Only a protocol adjusts single paragraphs at the meeting."))
    if item.meeting_id != minutes.meeting_id:
        raise WorkflowError(_("The item is not on this meeting's agenda."))
    if not signers_present:
        raise WorkflowError(_("Name who adjusted the paragraph."))
    ensure_editable(minutes)
    if minutes.immediate_adjustments.filter(item_anchor=item.anchor).exists():
        raise WorkflowError(_("This paragraph is already adjusted."))
    content = item_content(minutes, item)
    adjustment = ImmediateAdjustment.objects.create(
        minutes=minutes, item_anchor=item.anchor, content=content,
        sha256=_checksum(content), adjusted_at=timezone.now(), adjusted_by=user,
    )
    adjustment.signers.set(signers_present)
    item.decisions.update(adjusted_immediately=True)
    return adjustment


def item_content(minutes: Minutes, item: AgendaItem) -> dict:
    """The paragraph as the minutes' document has it, with the head needed to read it alone."""
    doc = build_document(load_meeting(minutes.meeting_id), for_public=False)
    found = next(entry for entry in doc.items if entry.anchor == item.anchor)
    # A sub-item shares its parent's secrecy: recorded here, since the paragraph is shown alone.
    found.confidential = item.confidential or bool(item.parent_id and item.parent.confidential)
    return {"title": doc.title, "date": doc.date.isoformat(), "item": asdict(found)}


def _checksum(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()
