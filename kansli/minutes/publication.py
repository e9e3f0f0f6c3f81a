"""Published files: made once from a frozen version, stored, and served as they are.

What the public gets is rendered from the version the adjusters signed, confidential items left
out, with the signers and the times they signed in the signature block. The PDF is PDF/A-3a with
the organisation's PAdES signature, so a reader can tell it is the genuine, unchanged document
(`kansli verify`).
"""

from __future__ import annotations

import datetime
import gc
import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from kansli.minutes import signing
from kansli.minutes.models import (
    ImmediateAdjustment,
    MinutesStatus,
    MinutesVersion,
    PublishedFile,
    PublishedFormat,
    Signature,
)
from kansli.minutes.render import FORMATS, render
from kansli.minutes.render.document import Item, MinutesDocument, Participant


def version_document(version: MinutesVersion, *, for_public: bool) -> MinutesDocument:
    """The minutes as frozen in `version`; `for_public` leaves confidential items out, as
    `build_document` does for live content."""
    data = dict(version.content)
    data["date"] = datetime.date.fromisoformat(data["date"])
    data["present"] = [Participant(**person) for person in data["present"]]
    data["absent"] = [Participant(**person) for person in data["absent"]]
    items = [Item(**item) for item in data["items"]]
    data["items"] = public_items(items) if for_public else items
    return MinutesDocument(**data)


def public_items(items: list[Item]) -> list[Item]:
    """`items` (in document order) without confidential ones, nor the sub-items of one: a
    sub-item is part of its parent's matter and shares its secrecy."""
    kept, under_secret = [], False
    for item in items:
        if item.level == 0:
            under_secret = item.confidential
        if not (item.confidential or (item.level > 0 and under_secret)):
            kept.append(item)
    return kept


def signature_line(signature: Signature) -> str:
    """ "Björn Justerare, adjuster, signed electronically 28 November 2026 14:02" """
    when = formats.date_format(timezone.localtime(signature.signed_at), "DATETIME_FORMAT")
    return _("%(name)s, %(role)s, signed electronically %(when)s") % {
        "name": signature.signer.name, "role": signature.get_role_display().lower(), "when": when,
    }


def public_document(version: MinutesVersion) -> MinutesDocument:
    """What is published: the signed version without confidential items, listing who adjusted
    it and when (the adjusters named at the meeting, when nobody signed in Kansli)."""
    doc = version_document(version, for_public=True)
    signatures = list(version.signatures.select_related("signer"))
    if signatures:
        doc.adjusters = [signature_line(signature) for signature in signatures]
    return doc


def render_files(version: MinutesVersion) -> dict[str, tuple[bytes, bool]]:
    """Every published format of `version`: format -> (bytes, signed). Raises SigningError
    when no signing certificate is set up."""
    with translation.override(settings.LANGUAGE_CODE):
        doc = public_document(version)
        files = {fmt: (render(doc, fmt), False) for fmt in PublishedFormat.values if fmt != "pdf"}
        files["pdf"] = (signed_pdf(doc), True)
    # python-docx and WeasyPrint leave cycles behind; a worker publishing many minutes in a row
    # would otherwise grow (see the project's performance notes).
    gc.collect()
    return files


def signed_pdf(doc: MinutesDocument) -> bytes:
    """The PDF/A of `doc` signed by the organisation, checked before anyone gets it: a key that
    does not match its certificate, or an expired certificate, stops publishing here."""
    pdf = FORMATS["pdf"].renderer(doc, archival=True)
    signed = signing.sign_pdf(pdf, reason=_("Adjusted minutes, published"), location=doc.body)
    check = signing.check_signature(signed)
    if not check.ok:
        raise signing.SigningError(
            _("The signed PDF does not pass its own check: %(problem)s")
            % {"problem": check.problem}
        )
    return signed


@transaction.atomic
def store_files(
    version: MinutesVersion, files: dict[str, tuple[bytes, bool]]
) -> list[PublishedFile]:
    stored = []
    for fmt, (content, signed) in files.items():
        name = f"{version.minutes.meeting.body.slug}-{version.minutes.meeting.slug}.{fmt}"
        published = PublishedFile(
            version=version, format=fmt, sha256=hashlib.sha256(content).hexdigest(),
            size=len(content), signed=signed,
        )
        published.file.save(name, ContentFile(content), save=False)
        published.save()
        stored.append(published)
    return stored


def published_version(minutes) -> MinutesVersion | None:
    return minutes.versions.order_by("-number").first()


def version_under_correction(minutes) -> MinutesVersion | None:
    """The version that was public before the minutes were opened for a correction, while the
    correction is under way; None otherwise.

    A published protocol is a public document: while its correction is written, adjusted and
    published, readers keep the files that were published (frozen, so nothing of the correction
    shows). Minutes withdrawn from publication (moved back to adjusted) are not corrected, and
    nothing of them stays public.
    """
    if minutes.status == MinutesStatus.PUBLISHED:
        return None
    left = minutes.status_changes.filter(from_status=MinutesStatus.PUBLISHED).order_by(
        "-changed_at", "-pk"
    ).first()
    if left is None or left.to_status != MinutesStatus.DRAFT:
        return None
    return (
        minutes.versions.filter(published_files__isnull=False).distinct()
        .order_by("-number").first()
    )


def frozen_file(version: MinutesVersion, fmt: str) -> PublishedFile | None:
    return version.published_files.filter(format=fmt).first()


def read(published: PublishedFile) -> bytes:
    with published.file.open("rb") as handle:
        return handle.read()


def find_by_sha256(digest: str) -> PublishedFile | None:
    return (
        PublishedFile.objects.filter(sha256=digest, format=PublishedFormat.PDF)
        .select_related("version__minutes__meeting__body").first()
    )


def public_file(minutes, fmt: str) -> bytes:
    """The published file of `minutes` in `fmt`: the frozen one when it was made at publishing,
    else made now from the published version and frozen, so it is rendered once, ever.

    Minutes published by import have no files until their first reader asks; their PDF is
    frozen only once it can be signed, so setting up a certificate later still signs it.
    """
    version = published_version(minutes)
    frozen = frozen_file(version, fmt)
    if frozen is not None:
        return read(frozen)
    with translation.override(settings.LANGUAGE_CODE):
        doc = public_document(version)
        if fmt != PublishedFormat.PDF:
            content, signed = render(doc, fmt), False
        elif not signing.is_configured():
            return FORMATS["pdf"].renderer(doc, archival=True)
        else:
            content, signed = signed_pdf(doc), True
    return _freeze_late(version, fmt, content, signed)


def _freeze_late(version: MinutesVersion, fmt: str, content: bytes, signed: bool) -> bytes:
    try:
        with transaction.atomic():
            store_files(version, {fmt: (content, signed)})
    except IntegrityError:  # another reader froze it first: theirs is the published one
        return read(frozen_file(version, fmt))
    return content


def immediately_adjusted_items(meeting) -> list[Item]:
    """The paragraphs of `meeting` adjusted at the meeting, as adjusted, without confidential
    ones: public before the rest of the protocol (KL 5 kap. 70 §)."""
    adjustments = ImmediateAdjustment.objects.filter(minutes__meeting=meeting)
    items = [Item(**adjustment.content["item"]) for adjustment in adjustments]
    return [item for item in items if not item.confidential]
