"""Checks on an attachment before it is stored: its type is read from its content, never taken
from its name or the browser's word, and its size is limited.

A file whose content is of an accepted type but whose name says another (an image called
"beslut.pdf") is refused too: members open attachments by their names, and a name that lies is
how a harmful file gets opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class AcceptedType:
    label: object  # a lazy translation
    extensions: tuple[str, ...]


ACCEPTED: dict[str, AcceptedType] = {
    "application/pdf": AcceptedType(gettext_lazy("PDF"), ("pdf",)),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": AcceptedType(
        gettext_lazy("Word document (DOCX)"), ("docx",)
    ),
    "application/vnd.oasis.opendocument.text": AcceptedType(
        gettext_lazy("OpenDocument text (ODT)"), ("odt",)
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": AcceptedType(
        gettext_lazy("Excel workbook (XLSX)"), ("xlsx",)
    ),
    "image/png": AcceptedType(gettext_lazy("PNG image"), ("png",)),
    "image/jpeg": AcceptedType(gettext_lazy("JPEG image"), ("jpg", "jpeg")),
    "image/gif": AcceptedType(gettext_lazy("GIF image"), ("gif",)),
    "image/webp": AcceptedType(gettext_lazy("WebP image"), ("webp",)),
}
# filetype reads a file's type from its first bytes; it never needs more than this.
SIGNATURE_BYTES = 8192


def max_bytes() -> int:
    return settings.KANSLI_ATTACHMENT_MAX_MB * 1024 * 1024


def accepted_extensions() -> str:
    """".pdf,.docx,…" for a file input's accept attribute."""
    return ",".join(f".{ext}" for kind in ACCEPTED.values() for ext in kind.extensions)


def _head(upload: UploadedFile) -> bytes:
    upload.seek(0)
    head = upload.read(SIGNATURE_BYTES)
    upload.seek(0)
    return head


def check_upload(upload: UploadedFile) -> str:
    """The content type of `upload`, or a ValidationError saying what is wrong with which file."""
    name = upload.name or ""
    if upload.size > max_bytes():
        raise ValidationError(
            _("“%(name)s” is %(size)s MB; attachments may be at most %(limit)s MB.")
            % {"name": name, "size": f"{upload.size / 1024 / 1024:.1f}",
               "limit": settings.KANSLI_ATTACHMENT_MAX_MB},
            code="too_large",
        )
    guessed = filetype.guess(_head(upload))
    kind = ACCEPTED.get(guessed.mime) if guessed else None
    if kind is None:
        raise ValidationError(
            _("“%(name)s” is not a file type Kansli accepts. Attach PDF, Word (DOCX), "
              "OpenDocument text (ODT), Excel (XLSX) or images (PNG, JPEG, GIF, WebP).")
            % {"name": name},
            code="type",
        )
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in kind.extensions:
        raise ValidationError(
            _("“%(name)s” is named as another type than it is: its content is a %(kind)s. "
              "Rename it to end in .%(extension)s and attach it again.")
            % {"name": name, "kind": kind.label, "extension": kind.extensions[0]},
            code="disguised",
        )
    return guessed.mime


def delete_stored_file(sender, instance, **kwargs) -> None:
    """Remove an attachment's file once the deletion of its record has committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
