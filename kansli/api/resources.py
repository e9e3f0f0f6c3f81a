"""What each API resource lists and how each object is shaped: the one serialisation point per
resource.

Visibility is the public site's: every resource starts from a `kansli.public.access` queryset,
so the API shows exactly what the pages show (published minutes, no confidential items).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import CharField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from kansli.api import schemas
from kansli.api.models import Stamp
from kansli.api.stamps import attachment_file
from kansli.meetings.calendar import MEETING_ZONE, absolute_url
from kansli.meetings.models import (
    Adoption,
    AgendaItem,
    Attachment,
    Attendance,
    AttendanceStatus,
    Decision,
    Matter,
    Meeting,
)
from kansli.minutes import render as minutes_render
from kansli.public import access
from kansli.public.views import DOWNLOADS, download_name
from kansli.registry.models import Body, Membership, Organisation, Person, Term
from kansli.registry.roster import Roster, Seat

BASE = "/api/v1/"
FORMATS = tuple(DOWNLOADS)

Times = tuple[datetime.datetime, datetime.datetime]


def api_url(path: str, key: object = None) -> str:
    return absolute_url(f"{BASE}{path}" + (f"/{key}" if key is not None else ""))


def web_url(path: str) -> str:
    return absolute_url(path)


def oparl_type(name: str) -> str:
    return f"{schemas.OPARL}{name}"


@dataclass
class Resource:
    """One kind of API object: where it lives, which rows it shows and how they look."""

    kind: str  # the stamp kind
    path: str  # the collection's address under BASE
    schema: type[schemas.Schema]
    rows: Callable[[dict[str, Any]], QuerySet | list]  # visible rows in a stable order
    key: Callable[[Any], str]
    shape: Callable[[Sequence[Any]], list[schemas.Schema]]  # a page of rows, in one go
    filters: tuple[str, ...] = ()  # extra query parameters the list understands


# --- timestamps -------------------------------------------------------------------------------


def stamped(queryset: QuerySet, kind: str) -> QuerySet:
    """`queryset` with `api_created` and `api_modified`; an object without a stamp yet counts
    as just changed, so a client syncing with modified_since never misses it."""
    stamps = Stamp.objects.filter(kind=kind, key=Cast(OuterRef("pk"), CharField()))
    now = Value(timezone.now())
    return queryset.annotate(
        api_created=Coalesce(Subquery(stamps.values("created")[:1]), now),
        api_modified=Coalesce(Subquery(stamps.values("modified")[:1]), now),
    )


def stamps_of(kind: str, keys: Sequence[str]) -> dict[str, Times]:
    rows = Stamp.objects.filter(kind=kind, key__in=list(keys))
    return {row.key: (row.created, row.modified) for row in rows}


def times(record: Any, kind: str = "", found: dict[str, Times] | None = None) -> dict:
    """created/modified of a row from `stamped`, or of `key` among `found` stamps."""
    if found is None:
        return {"created": record.api_created, "modified": record.api_modified}
    now = timezone.now()
    created, modified = found.get(record, (now, now))
    return {"created": created, "modified": modified}


def thing(type_name: str, path: str, key: object) -> dict:
    return {"id": api_url(path, key), "type": oparl_type(type_name)}


# --- system, bodies, terms --------------------------------------------------------------------


def system() -> schemas.System:
    return schemas.System(
        id=api_url("system"), type=oparl_type("System"), oparlVersion=schemas.OPARL,
        name=settings.KANSLI_SITE_NAME, body=api_url("bodies"), website=web_url("/"),
        vendor="https://kansli.se/", product="Kansli", web=web_url("/"),
    )


def shape_bodies(organisations: Sequence[Organisation]) -> list[schemas.Body]:
    return [
        schemas.Body(
            **thing("Body", "bodies", org.pk), **times(org), system=api_url("system"),
            name=org.name, shortName=org.display_name, classification=org.kind,
            website=org.website or None,
            organization=api_url("organizations") + f"?body={org.pk}",
            person=api_url("persons") + f"?body={org.pk}",
            meeting=api_url("meetings") + f"?body={org.pk}",
            paper=api_url("papers") + f"?body={org.pk}",
            legislativeTerm=api_url("legislativeterms"), web=None,
        )
        for org in organisations
    ]


def shape_terms(terms: Sequence[Term]) -> list[schemas.LegislativeTerm]:
    return [
        schemas.LegislativeTerm(
            **thing("LegislativeTerm", "legislativeterms", term.pk), **times(term),
            name=term.name, startDate=term.start, endDate=term.end,
        )
        for term in terms
    ]


def public_org_url(organisation_id: int | None, public_ids: set[int]) -> str | None:
    return api_url("bodies", organisation_id) if organisation_id in public_ids else None


def public_org_ids() -> set[int]:
    return set(access.public_organisations().values_list("pk", flat=True))


# --- memberships ------------------------------------------------------------------------------



def seat_key(seat: Seat) -> str:
    """An OParl membership's id: a direct membership's own, or one per tenure of an ex officio
    seat."""
    suffix = f"-{seat.tenure.pk}" if seat.tenure else ""
    return f"{seat.membership.pk}{suffix}"


def seats(memberships: QuerySet[Membership]) -> list[Seat]:
    """Every seat of `memberships`, ex officio ones split by who held the post when."""
    return Roster(memberships).periods()


def seat_rows(params: dict[str, Any]) -> list[Seat]:
    return seats(Membership.objects.all())


def shape_seats(found: Sequence[Seat]) -> list[schemas.Membership]:
    keys = [seat_key(seat) for seat in found]
    stamps, public_ids = stamps_of("membership", keys), public_org_ids()
    return [
        schemas.Membership(
            **thing("Membership", "memberships", key), **times(key, found=stamps),
            person=api_url("persons", seat.person.pk),
            organization=api_url("organizations", seat.membership.body_id),
            role=seat.membership.role, votingRight=seat.membership.voting,
            startDate=seat.start, endDate=seat.end,
            onBehalfOf=public_org_url(seat.membership.on_behalf_of_id, public_ids),
            post=seat.membership.post.name if seat.membership.post_id else None,
        )
        for seat, key in zip(found, keys, strict=True)
    ]


def seat_keys_by(attribute: Callable[[Seat], int], ids: set[int]) -> dict[int, list[str]]:
    """Membership URLs grouped by the body or person they belong to."""
    memberships = Membership.objects.all()
    grouped: dict[int, list[str]] = {}
    for seat in seats(memberships):
        if attribute(seat) in ids:
            grouped.setdefault(attribute(seat), []).append(api_url("memberships", seat_key(seat)))
    return grouped


# --- organizations (Kansli bodies) and persons ------------------------------------------------


def organization_rows(params: dict[str, Any]) -> QuerySet[Body]:
    bodies = access.public_bodies().order_by("pk")
    return bodies.filter(organisation_id=params["body"]) if params.get("body") else bodies


def shape_organizations(bodies: Sequence[Body]) -> list[schemas.Organization]:
    members = seat_keys_by(lambda seat: seat.membership.body_id, {b.pk for b in bodies})
    return [
        schemas.Organization(
            **thing("Organization", "organizations", body.pk), **times(body),
            body=api_url("bodies", body.organisation_id), name=body.name,
            shortName=body.short_name, organizationType="committee", classification=body.mode,
            membership=members.get(body.pk, []),
            meeting=api_url("meetings") + f"?organization={body.pk}",
            web=web_url(body.get_absolute_url()),
        )
        for body in bodies
    ]


def person_rows(params: dict[str, Any]) -> QuerySet[Person]:
    people = access.public_people().order_by("pk")
    return people.filter(organisation_id=params["body"]) if params.get("body") else people


def shape_persons(people: Sequence[Person]) -> list[schemas.Person]:
    seats_of = seat_keys_by(lambda seat: seat.person.pk, {person.pk for person in people})
    public_ids = public_org_ids()
    return [
        schemas.Person(
            **thing("Person", "persons", person.pk), **times(person),
            body=public_org_url(person.organisation_id, public_ids), name=person.name,
            title=[person.title] if person.title else [],
            party=person.party.abbreviation if person.party_id else None,
            membership=seats_of.get(person.pk, []), web=web_url(person.get_absolute_url()),
        )
        for person in people
    ]


# --- meetings, agenda items, files ------------------------------------------------------------


def meeting_rows(params: dict[str, Any]) -> QuerySet[Meeting]:
    meetings = access.public_meetings().order_by("pk")
    if params.get("body"):
        meetings = meetings.filter(body__organisation_id=params["body"])
    if params.get("organization"):
        meetings = meetings.filter(body_id=params["organization"])
    return meetings


def moment(day: datetime.date, at: datetime.time | None) -> datetime.datetime | None:
    return datetime.datetime.combine(day, at, MEETING_ZONE) if at else None


def file_objects(meetings: Sequence[Meeting]) -> dict[int, list[schemas.File]]:
    published = [meeting for meeting in meetings if meeting.minutes_published]
    keys = [f"{meeting.pk}-{ext}" for meeting in published for ext in FORMATS]
    stamps = stamps_of("file", keys)
    return {meeting.pk: [file_object(meeting, ext, stamps) for ext in FORMATS]
            for meeting in published}


def file_object(meeting: Meeting, ext: str, stamps: dict[str, Times]) -> schemas.File:
    name = download_name(meeting)
    address = web_url(reverse("public:download", kwargs={
        "body": meeting.body.slug, "slug": meeting.slug, "name": name, "ext": ext,
    }))
    return schemas.File(
        **thing("File", "files", f"{meeting.pk}-{ext}"),
        **times(f"{meeting.pk}-{ext}", found=stamps),
        name=f"{meeting} ({DOWNLOADS[ext]})", fileName=f"{name}.{ext}",
        mimeType=minutes_render.FORMATS[ext].content_type.split(";")[0],
        date=meeting.minutes_published_at, accessUrl=address, downloadUrl=address,
        meeting=api_url("meetings", meeting.pk), web=web_url(meeting.get_absolute_url()),
    )


def attachment_key(attachment: Attachment) -> str:
    return attachment_file(attachment.pk)[1]


def attachment_object(attachment: Attachment, stamps: dict[str, Times]) -> schemas.File:
    item = attachment.item
    meeting = item.meeting
    address = web_url(reverse("public:attachment", kwargs={
        "body": meeting.body.slug, "slug": meeting.slug, "pk": attachment.pk,
        "name": attachment.original_name,
    }))
    key = attachment_key(attachment)
    return schemas.File(
        **thing("File", "files", key), **times(key, found=stamps),
        name=attachment.original_name, fileName=attachment.original_name,
        mimeType=attachment.content_type, date=attachment.uploaded_at, accessUrl=address,
        downloadUrl=address, meeting=api_url("meetings", meeting.pk),
        agendaItem=[api_url("agendaitems", item.pk)],
        web=web_url(reverse("public:item", kwargs={"pk": item.pk})),
    )


def attachment_objects(items: Sequence[AgendaItem]) -> dict[int, list[schemas.File]]:
    """The public attachments of `items`, as files, by item."""
    attachments = list(
        access.visible_attachments().filter(item__in=[item.pk for item in items])
        .select_related("item__meeting__body").order_by("uploaded_at", "pk")
    )
    stamps = stamps_of("file", [attachment_key(a) for a in attachments])
    shaped: dict[int, list[schemas.File]] = {}
    for attachment in attachments:
        shaped.setdefault(attachment.item_id, []).append(attachment_object(attachment, stamps))
    return shaped


# A file is one format of a meeting's minutes, or a public attachment.
FileRow = tuple[Meeting, str] | Attachment


def file_key(row: FileRow) -> str:
    return attachment_key(row) if isinstance(row, Attachment) else f"{row[0].pk}-{row[1]}"


def file_rows(params: dict[str, Any]) -> list[FileRow]:
    meetings = access.public_meetings().filter(minutes_published=True).order_by("pk")
    attachments = access.visible_attachments().select_related("item__meeting__body")
    return [
        *((meeting, ext) for meeting in meetings for ext in FORMATS),
        *attachments.order_by("pk"),
    ]


def shape_files(rows: Sequence[FileRow]) -> list[schemas.File]:
    stamps = stamps_of("file", [file_key(row) for row in rows])
    return [
        attachment_object(row, stamps) if isinstance(row, Attachment)
        else file_object(*row, stamps)
        for row in rows
    ]


def item_rows(params: dict[str, Any]) -> QuerySet[AgendaItem]:
    return access.public_items().order_by("pk")


def shape_items(items: Sequence[AgendaItem]) -> list[schemas.AgendaItem]:
    decisions: dict[int, list[str]] = {}
    for decision in Decision.objects.filter(item__in=[item.pk for item in items]).order_by(
        "position", "pk"
    ):
        decisions.setdefault(decision.item_id, []).append(decision.text)
    stamps = stamps_of("agendaitem", [str(item.pk) for item in items])
    public_matters = set(access.public_matters().values_list("pk", flat=True))
    attached = attachment_objects(items)
    return [
        schemas.AgendaItem(
            **thing("AgendaItem", "agendaitems", item.pk), **times(str(item.pk), found=stamps),
            meeting=api_url("meetings", item.meeting_id), number=item.number,
            order=item.sort_key, name=item.title, public=True, result=None,
            resolutionText="\n\n".join(decisions.get(item.pk, [])) or None,
            paper=api_url("papers", item.matter_id) if item.matter_id in public_matters else None,
            auxiliaryFile=attached.get(item.pk, []),
            web=web_url(reverse("public:item", kwargs={"pk": item.pk})),
        )
        for item in items
    ]


def shape_meetings(meetings: Sequence[Meeting]) -> list[schemas.Meeting]:
    published = [meeting.pk for meeting in meetings if meeting.minutes_published]
    items = access.public_items().filter(meeting__in=published).order_by("sort_key")
    items_of: dict[int, list[AgendaItem]] = {}
    for item in items:
        items_of.setdefault(item.meeting_id, []).append(item)
    shaped_items = dict(zip(
        [item.pk for item in items], shape_items(list(items)), strict=True
    ))
    files, present = file_objects(meetings), participants(published)
    return [shape_meeting(meeting, [shaped_items[i.pk] for i in items_of.get(meeting.pk, [])],
                          files.get(meeting.pk, []), present.get(meeting.pk, []))
            for meeting in meetings]


def participants(meeting_ids: list[int]) -> dict[int, list[str]]:
    people: dict[int, list[str]] = {}
    attendances = Attendance.objects.filter(
        meeting__in=meeting_ids, person__isnull=False
    ).exclude(status=AttendanceStatus.ABSENT).order_by("position", "pk")
    for attendance in attendances:
        people.setdefault(attendance.meeting_id, []).append(
            api_url("persons", attendance.person_id)
        )
    return people


def shape_meeting(meeting: Meeting, items: list, files: list, present: list) -> schemas.Meeting:
    return schemas.Meeting(
        **thing("Meeting", "meetings", meeting.pk), **times(meeting),
        name=f"{meeting.body.name}, {meeting.get_kind_display()} {meeting.date:%Y-%m-%d}",
        meetingState=meeting.status, cancelled=meeting.is_cancelled,
        start=moment(meeting.date, meeting.start_time),
        end=moment(meeting.date, meeting.end_time), place=meeting.place,
        organization=[api_url("organizations", meeting.body_id)], participant=present,
        resultsProtocol=files[0] if files else None, auxiliaryFile=files[1:],
        agendaItem=items, web=web_url(meeting.get_absolute_url()),
    )


# --- papers (matters) and consultations (adoptions) -------------------------------------------


def paper_rows(params: dict[str, Any]) -> QuerySet[Matter]:
    matters = access.public_matters().order_by("pk")
    return matters.filter(body__organisation_id=params["body"]) if params.get("body") else matters


def consultation_rows(params: dict[str, Any]) -> QuerySet[Adoption]:
    return Adoption.objects.filter(matter__in=access.public_matters()).order_by("pk")


def shape_consultations(adoptions: Sequence[Adoption]) -> list[schemas.Consultation]:
    stamps = stamps_of("consultation", [str(adoption.pk) for adoption in adoptions])
    return [
        schemas.Consultation(
            **thing("Consultation", "consultations", a.pk), **times(str(a.pk), found=stamps),
            paper=api_url("papers", a.matter_id), organization=[],
            authoritative=a.status in access.ADOPTED or a.status == Adoption.Status.REJECTED,
            role=str(a.get_status_display()), adoptingBody=api_url("bodies", a.organisation_id),
            status=a.status, decisionDate=a.decision_date, decidingBody=a.deciding_body,
            reference=a.reference, url=a.url or None,
        )
        for a in adoptions
    ]


def shape_papers(matters: Sequence[Matter]) -> list[schemas.Paper]:
    ids = [matter.pk for matter in matters]
    adoptions = list(Adoption.objects.filter(matter__in=ids).order_by("organisation__name", "pk"))
    consulted = dict(zip([a.pk for a in adoptions], shape_consultations(adoptions), strict=True))
    items = access.public_items().filter(matter__in=ids).order_by("meeting__date", "sort_key")
    return [
        schemas.Paper(
            **thing("Paper", "papers", matter.pk), **times(matter),
            body=api_url("bodies", matter.body.organisation_id) if matter.body_id else None,
            name=matter.title, reference=matter.case_number, paperType="matter",
            status=matter.status,
            agendaItem=[api_url("agendaitems", i.pk) for i in items if i.matter_id == matter.pk],
            consultation=[consulted[a.pk] for a in adoptions if a.matter_id == matter.pk],
            web=web_url(reverse("public:matter", kwargs={"slug": matter.slug})),
        )
        for matter in matters
    ]


RESOURCES: dict[str, Resource] = {
    resource.path: resource
    for resource in (
        Resource("body", "bodies", schemas.Body,
                 lambda p: access.public_organisations().order_by("pk"),
                 lambda o: str(o.pk), shape_bodies),
        Resource("legislativeterm", "legislativeterms", schemas.LegislativeTerm,
                 lambda p: Term.objects.order_by("pk"), lambda t: str(t.pk), shape_terms),
        Resource("organization", "organizations", schemas.Organization, organization_rows,
                 lambda b: str(b.pk), shape_organizations, ("body",)),
        Resource("person", "persons", schemas.Person, person_rows,
                 lambda p: str(p.pk), shape_persons, ("body",)),
        Resource("membership", "memberships", schemas.Membership, seat_rows,
                 seat_key, shape_seats),
        Resource("meeting", "meetings", schemas.Meeting, meeting_rows,
                 lambda m: str(m.pk), shape_meetings, ("body", "organization")),
        Resource("agendaitem", "agendaitems", schemas.AgendaItem, item_rows,
                 lambda i: str(i.pk), shape_items),
        Resource("paper", "papers", schemas.Paper, paper_rows,
                 lambda m: str(m.pk), shape_papers, ("body",)),
        Resource("consultation", "consultations", schemas.Consultation, consultation_rows,
                 lambda a: str(a.pk), shape_consultations),
        Resource("file", "files", schemas.File, file_rows, file_key, shape_files),
    )
}


def find(resource: Resource, key: str) -> Any:
    """The one visible row with `key`, or Http404."""
    rows = resource.rows({})
    if isinstance(rows, QuerySet):
        found = stamped(rows, resource.kind).filter(pk=int(key)).first() if key.isdigit() else None
    else:
        found = next((row for row in rows if resource.key(row) == key), None)
    if found is None:
        raise Http404(f"No {resource.kind} with id {key}.")
    return found
