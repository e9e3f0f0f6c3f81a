"""The open-data API (django-ninja): read endpoints shaped after OParl 1.1 under /api/v1/, the
OpenAPI 3 schema at /api/openapi.json.

Every answer is JSON, errors included ({"detail": ...} with the right status). Answers are kept
by address like the public pages (see `kansli.public.caching`), carry ETag and Last-Modified, and
answer 304 when the client's copy is current; none of that costs a query.
"""

# No `from __future__ import annotations`: django-ninja reads the endpoints' annotations, which
# name schemas chosen per resource inside the loops below.

import datetime
import json
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, NinjaAPI, Path, Query, Router, Schema
from pydantic import create_model

from kansli.api import schemas
from kansli.api.listing import BOUNDS as TIME_FILTERS
from kansli.api.listing import page_payload, query_string
from kansli.api.resources import (
    RESOURCES,
    Resource,
    find,
    shape_meetings,
    shape_organizations,
    shape_papers,
    shape_persons,
    stamped,
    system,
)
from kansli.api.throttling import WindowThrottle
from kansli.meetings.models import Meeting
from kansli.public import access
from kansli.public.caching import kept, validated

# The largest id either database stores (a signed 64-bit integer): larger ones are a 422, not
# an overflow deep in the database driver.
MAX_ID = 2**63 - 1
MAX_PAGE = 10**6
ERRORS: dict[int, Any] = {
    304: None, 404: schemas.Error, 422: schemas.ValidationErrors, 429: schemas.Error,
}

api = NinjaAPI(
    title="Kansli open data",
    version="1",
    description=(
        "Published minutes, decisions, meetings, committees and the people on them, shaped "
        "after OParl 1.1. Read-only, no key needed; CORS is open for GET."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
    throttle=[WindowThrottle()],
)
v1 = Router(tags=["v1"])


@api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    """What was not found, in words: the messages are Kansli's own and name no secret."""
    return api.create_response(request, {"detail": str(error) or "Not found."}, status=404)


class TimeFilters(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page of the list, from 1.")
    created_since: datetime.datetime | None = Field(None, description="ISO 8601 date-time.")
    created_until: datetime.datetime | None = None
    modified_since: datetime.datetime | None = Field(
        None, description="Only objects changed since then: for keeping a copy in step."
    )
    modified_until: datetime.datetime | None = None


EXTRA_FILTERS = {
    "body": "Only those of this body (its id, as in /bodies/{id}).",
    "organization": "Only those of this organization (committee or board).",
}


def filters_for(resource: Resource) -> type[Schema]:
    fields = {
        name: (int | None, Field(None, ge=1, le=MAX_ID, description=EXTRA_FILTERS[name]))
        for name in resource.filters
    }
    return create_model(f"{resource.schema.__name__}Filters", __base__=TimeFilters, **fields)


def page_schema(resource: Resource) -> type[Schema]:
    return create_model(
        f"{resource.schema.__name__}List", __base__=Schema,
        data=(list[resource.schema], ...), pagination=(schemas.Pagination, ...),
        links=(schemas.Links, ...),
    )


def json_response(
    request: HttpRequest, key: str | None, make: Callable[[], Any]
) -> HttpResponse:
    """`make()`'s data as JSON, kept under `key` (None: not kept); 304 when the client's copy
    is current."""

    def encode() -> bytes:
        return json.dumps(make(), ensure_ascii=False).encode()

    def respond() -> HttpResponse:
        body = kept("api", key, encode) if key else encode()
        return HttpResponse(body, content_type="application/json")

    return validated(request, respond)


@v1.get("/system", response={200: schemas.System, **ERRORS}, operation_id="system",
        url_name="system", summary="The system: where the lists start")
def system_view(request: HttpRequest):
    return json_response(request, request.path, lambda: system().model_dump(mode="json"))


def add_list(resource: Resource) -> None:
    filters = filters_for(resource)

    def list_view(request: HttpRequest, params: Query[filters]):  # type: ignore[valid-type]
        chosen = params.dict()
        # A time filter differs with every sync, so such a page is made, not kept: kept, any
        # client could fill the cache with pages no one asks for twice.
        timeless = not any(chosen.get(name) for name in TIME_FILTERS)
        key = request.path + query_string(chosen, chosen["page"]) if timeless else None
        return json_response(request, key, lambda: page_payload(resource, chosen))

    v1.get(
        f"/{resource.path}", response={200: page_schema(resource), **ERRORS},
        operation_id=f"list_{resource.path}",
        summary=f"List of {resource.path}",
    )(list_view)


NUMERIC_ID = Path(..., ge=1, le=MAX_ID)
KEY_TYPES: dict[str, tuple[type, Any]] = {
    "memberships": (str, Path(..., pattern=r"^[0-9]{1,18}(-[0-9]{1,18})?$")),
    "files": (str, Path(..., pattern=r"^([0-9]{1,18}-(pdf|docx|txt)|a[0-9]{1,18})$")),
}


def add_detail(resource: Resource) -> None:
    key_type, key_path = KEY_TYPES.get(resource.path, (int, NUMERIC_ID))

    def detail_view(request: HttpRequest, id: key_type = key_path):  # type: ignore[valid-type]
        return json_response(
            request, request.path,
            lambda: resource.shape([find(resource, str(id))])[0].model_dump(mode="json"),
        )

    v1.get(
        f"/{resource.path}/{{id}}", response={200: resource.schema, **ERRORS},
        operation_id=f"get_{resource.path}",
        summary=f"One of {resource.path}, by its id",
    )(detail_view)


for _resource in RESOURCES.values():
    add_list(_resource)
    add_detail(_resource)


@v1.get("/meetings/{id}/export", response={200: schemas.MeetingExport, **ERRORS},
        operation_id="export_meeting", summary="A whole meeting in one document")
def export_meeting(request: HttpRequest, id: int = NUMERIC_ID):
    return json_response(request, request.path, lambda: meeting_export(id))


def meeting_export(pk: int) -> dict:
    meeting: Meeting = find(RESOURCES["meetings"], str(pk))
    items = access.public_items().filter(meeting=meeting)
    papers = access.public_matters().filter(items__in=items).distinct().order_by("pk")
    people = access.public_people().filter(attendances__meeting=meeting).distinct()
    if not meeting.minutes_published:
        people = people.none()  # who came is public only with the minutes
    body = access.public_bodies().filter(pk=meeting.body_id)
    return schemas.MeetingExport(
        meeting=shape_meetings([meeting])[0],
        organization=shape_organizations(list(stamped(body, "organization")))[0],
        paper=shape_papers(list(stamped(papers, "paper"))),
        person=shape_persons(list(stamped(people.order_by("pk"), "person"))),
    ).model_dump(mode="json")


api.add_router("/v1/", v1)
