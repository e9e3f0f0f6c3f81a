"""Checking a published PDF: its signature, and that it is a file Kansli published from a signed
version. `kansli verify` is a thin wrapper around `verify`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kansli.minutes import publication, signing
from kansli.minutes.models import PublishedFile


@dataclass(frozen=True)
class Verdict:
    """`problem` is empty when the file is genuine; `published` is the file it matches."""

    problem: str
    check: signing.SignatureCheck | None = None
    published: PublishedFile | None = None

    @property
    def ok(self) -> bool:
        return not self.problem


def verify(pdf: bytes) -> Verdict:
    check = signing.check_signature(pdf)
    if not check.ok:
        return Verdict(check.problem, check)
    published = publication.find_by_sha256(hashlib.sha256(pdf).hexdigest())
    if published is None:
        return Verdict(
            _("The signature is intact, but the file matches no minutes Kansli published."),
            check,
        )
    version = published.version
    mismatched = version.signatures.exclude(sha256=version.sha256).exists()
    if mismatched:
        return Verdict(_("The signatures in Kansli do not match the version published."), check)
    return Verdict("", check, published)
