"""The review of imported documents: doubtful fields, the secretariat's corrections, confirming.

A document whose parse has a field below `REVIEW_BELOW` waits in the review queue. The secretary
compares the source text with the parsed fields, corrects what is wrong and confirms; each
corrected field is stored as a `Correction` under the document's name and applied again whenever a
document of that name is imported, so a re-import does not undo the review.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest
from django.utils import timezone

from kansli.imports.models import Correction, ReviewStatus, SourceDocument
from kansli.imports.parse import ParsedMinutes, ParsedPerson

REVIEW_BELOW = 0.7
CORRECTED = 1.0

# The fields a reviewer may correct, in the order the review form shows them.
TEXT_FIELDS = ("body", "organisation", "meeting_type", "place", "chair", "secretary")
CHOICE_FIELDS = ("language", "kind")
DATE_FIELDS = ("date",)
TIME_FIELDS = ("start", "end")
FLAG_FIELDS = ("online", "cancelled")
MEETING_FIELDS = ("previous_meeting", "next_meeting")
PEOPLE_FIELDS = ("present", "absent")
NAMES_FIELDS = ("adjusters",)
FIELDS = (
    *CHOICE_FIELDS, "body", "organisation", "meeting_type", *DATE_FIELDS, *TIME_FIELDS,
    "place", *FLAG_FIELDS, "chair", "secretary", *NAMES_FIELDS, *PEOPLE_FIELDS, *MEETING_FIELDS,
)


def doubtful_fields(confidence: Mapping[str, float]) -> list[str]:
    """Fields the parser was unsure of, in the review form's order."""
    doubtful = {name for name, value in confidence.items() if value < REVIEW_BELOW}
    return [name for name in (*FIELDS, *sorted(doubtful - set(FIELDS))) if name in doubtful]


def status_for(confidence: Mapping[str, float]) -> str:
    return ReviewStatus.PENDING if doubtful_fields(confidence) else ReviewStatus.NOT_NEEDED


def corrections_for(file_name: str) -> dict[str, Any]:
    """The corrected fields of the document with this name, field by field."""
    return dict(Correction.objects.filter(file_name=file_name).values_list("field", "value"))


def corrected(parsed: ParsedMinutes, corrections: Mapping[str, Any]) -> ParsedMinutes:
    """A copy of `parsed` with the corrections applied; corrected fields are certain."""
    if not corrections:
        return parsed
    result = copy.copy(parsed)
    result.confidence = dict(parsed.confidence)
    for name, value in corrections.items():
        if name in FIELDS:
            setattr(result, name, _python_value(name, value))
            result.confidence[name] = CORRECTED
    return result


def _python_value(name: str, value: Any) -> Any:
    """A correction's stored (JSON) value as the parse dataclasses hold it."""
    if value in (None, ""):
        return [] if name in (*PEOPLE_FIELDS, *NAMES_FIELDS) else None
    if name in DATE_FIELDS:
        return datetime.date.fromisoformat(value)
    if name in TIME_FIELDS:
        return datetime.time.fromisoformat(value)
    if name in MEETING_FIELDS:
        return _date_or_text(value)
    if name in PEOPLE_FIELDS:
        return [ParsedPerson(**_person_fields(person)) for person in value]
    if name in NAMES_FIELDS:
        return list(value)
    return value


def _date_or_text(value: str) -> datetime.date | str:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return value


def _person_fields(person: Mapping[str, Any]) -> dict[str, Any]:
    return {key: person.get(key) or None for key in ("name", "organisation", "role", "party")}


def stored_form(parsed: ParsedMinutes) -> dict[str, Any]:
    """What SourceDocument.parsed keeps: the parse schema, without the confidence beside it."""
    data = parsed.to_dict()
    data.pop("confidence", None)
    return data


# Access and confirming


def reviewable_document(request: HttpRequest, pk: int) -> SourceDocument:
    """The imported document, if the signed-in user is a secretary of its meeting's body."""
    from kansli.accounts.access import staff_body

    source = SourceDocument.objects.select_related("meeting__body").filter(pk=pk).first()
    if source is None:
        raise Http404("No such imported document.")
    staff_body(request, source.meeting.body.slug)
    return source


def secretary_bodies(request: HttpRequest) -> Any:
    """The bodies whose imported documents the signed-in user may review: those they are
    secretary of (every body for a superuser)."""
    from kansli.accounts.access import require_login
    from kansli.accounts.models import Role
    from kansli.registry.models import Body

    require_login(request)
    bodies = Body.objects.all()
    if request.user.is_superuser:
        return bodies
    return bodies.filter(
        staff_roles__user=request.user, staff_roles__role=Role.SECRETARY
    ).distinct()


def review_queue(bodies: Iterable[Any]) -> Any:
    """Documents waiting for review in these bodies, oldest import first."""
    return (
        SourceDocument.objects.filter(review_status=ReviewStatus.PENDING, meeting__body__in=bodies)
        .select_related("meeting__body")
        .order_by("imported_at", "pk")
    )


def confirm(source: SourceDocument, changes: Mapping[str, Any], user: Any) -> SourceDocument:
    """Store the reviewer's corrections, import the document again with them, mark it reviewed.

    Returns the source document as stored after the new import.
    """
    from kansli.imports.parse import parse_text
    from kansli.imports.pipeline import import_parsed

    with transaction.atomic():
        for name, value in changes.items():
            Correction.objects.update_or_create(
                file_name=source.file_name, field=name,
                defaults={"value": value, "source": source, "created_by": user},
            )
        parsed = parse_text(source.text, source=source.file_name)
        result = import_parsed(
            parsed, source.text, source.file_name, source.sha256, size=source.size,
            form=source.format, force=True,
        )
        stored = result.source
        stored.review_status = ReviewStatus.CONFIRMED
        stored.reviewed_by, stored.reviewed_at = user, timezone.now()
        stored.save(update_fields=["review_status", "reviewed_by", "reviewed_at"])
    return stored
