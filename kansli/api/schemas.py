"""The API's objects, shaped after OParl 1.1: `id` is the object's own URL, `type` the OParl type
URI, `web` the public page about it, `created`/`modified` when it came and last changed.

Kansli's words map onto OParl's: a Kansli organisation (a municipality, a cooperation) is an
OParl *Body* (Körperschaft); a Kansli body (a committee or board) is an OParl *Organization*
(Gremium); a matter is a *Paper*; a member organisation's adoption of a proposal is a
*Consultation*. Fields OParl does not have are added under plain names.
"""

from __future__ import annotations

import datetime

from ninja import Field, Schema

OPARL = "https://schema.oparl.org/1.1/"


class Thing(Schema):
    id: str = Field(description="The object's URL: fetch it for the object itself.")
    type: str = Field(description="The OParl type URI.")
    created: datetime.datetime
    modified: datetime.datetime
    deleted: bool = False


class System(Schema):
    id: str
    type: str
    oparlVersion: str
    name: str
    body: str = Field(description="URL of the list of bodies.")
    website: str
    vendor: str
    product: str
    web: str


class LegislativeTerm(Thing):
    name: str
    startDate: datetime.date
    endDate: datetime.date


class Body(Thing):
    system: str
    name: str
    shortName: str
    classification: str
    website: str | None
    organization: str = Field(description="URL of the list of the body's organizations.")
    person: str = Field(description="URL of the list of the body's people.")
    meeting: str = Field(description="URL of the list of the body's meetings.")
    paper: str = Field(description="URL of the list of the body's papers (matters).")
    legislativeTerm: str = Field(description="URL of the list of terms of office.")
    web: str | None


class Organization(Thing):
    body: str
    name: str
    shortName: str
    organizationType: str
    classification: str = Field(description="'notes' (minnesanteckningar) or 'protocol'.")
    membership: list[str]
    meeting: str = Field(description="URL of the list of the organization's meetings.")
    web: str


class Person(Thing):
    body: str | None
    name: str
    title: list[str]
    party: str | None = Field(description="The party's abbreviation, e.g. 'S'.")
    membership: list[str]
    web: str


class Membership(Thing):
    person: str
    organization: str
    role: str
    votingRight: bool
    startDate: datetime.date | None
    endDate: datetime.date | None
    onBehalfOf: str | None = Field(description="URL of the body (municipality) represented.")
    post: str | None = Field(description="For an ex officio seat, the post that holds it.")


class File(Thing):
    name: str
    fileName: str
    mimeType: str
    date: datetime.datetime | None
    accessUrl: str
    downloadUrl: str
    meeting: str
    agendaItem: list[str] = Field(
        default_factory=list, description="For an attachment, the item it is attached to."
    )
    web: str


class AgendaItem(Thing):
    meeting: str
    number: str
    order: int
    name: str
    public: bool
    result: str | None
    resolutionText: str | None
    paper: str | None = Field(description="URL of the paper (matter) the item dealt with.")
    auxiliaryFile: list[File] = Field(description="Documents attached to the item, if public.")
    web: str


class Meeting(Thing):
    name: str
    meetingState: str = Field(description="'planned', 'held' or 'cancelled'.")
    cancelled: bool
    start: datetime.datetime | None
    end: datetime.datetime | None
    place: str
    organization: list[str]
    participant: list[str] = Field(description="People present; known once minutes are out.")
    resultsProtocol: File | None = Field(description="The published minutes as PDF.")
    auxiliaryFile: list[File]
    agendaItem: list[AgendaItem] = Field(description="Public items of published minutes.")
    web: str


class Consultation(Thing):
    paper: str
    organization: list[str]
    authoritative: bool
    role: str
    adoptingBody: str = Field(description="URL of the body (municipality) that must adopt.")
    status: str = Field(
        description="'pending', 'scheduled', 'adopted', 'adopted_with_changes' or 'rejected'."
    )
    decisionDate: datetime.date | None
    decidingBody: str
    reference: str
    url: str | None = Field(description="Link to the adopting body's own minutes.")


class Paper(Thing):
    body: str | None
    name: str
    reference: str
    paperType: str
    status: str = Field(description="'open' or 'closed'.")
    agendaItem: list[str]
    consultation: list[Consultation]
    web: str


class Pagination(Schema):
    totalElements: int
    elementsPerPage: int
    currentPage: int
    totalPages: int


class Links(Schema):
    first: str
    prev: str | None = None
    self: str
    next: str | None = None
    last: str


class MeetingExport(Schema):
    """A whole meeting in one document: the meeting, its organization, papers and people."""

    meeting: Meeting
    organization: Organization
    paper: list[Paper]
    person: list[Person]


class Error(Schema):
    detail: str


class ValidationErrors(Schema):
    detail: list[dict]
