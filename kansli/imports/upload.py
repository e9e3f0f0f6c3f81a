"""Minutes uploaded in the browser: each file read, parsed and stored into the body the secretary
chose, whole or not at all, reported as `kansli import` reports a document.

The body is the secretary's choice rather than the parser's reading, so an upload can only ever
add to a body its uploader runs; the rest of the document is read as any import reads it, and
doubtful fields send it to the review queue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from django.core.files.uploadedfile import UploadedFile

from kansli.imports import batch
from kansli.registry.models import Body


def import_uploads(files: Iterable[UploadedFile], body: Body) -> list[batch.Outcome]:
    """One outcome per file, in the order given."""
    return [_import_upload(upload, body) for upload in files]


def _import_upload(upload: UploadedFile, body: Body) -> batch.Outcome:
    name = upload.name or "dokument"
    # One byte past the limit is enough to refuse the file with its size named.
    raw = upload.read(batch.MAX_DOCUMENT_BYTES + 1)
    prepared = batch.prepare_bytes(batch.Job(name, name), raw)
    if prepared.parsed is not None:
        prepared.parsed = replace(
            prepared.parsed, body=body.name, organisation=body.organisation.name
        )
    return batch.store(prepared)
