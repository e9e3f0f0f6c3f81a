"""Lists of API objects: OParl's `data`/`pagination`/`links` pages, filtered by when objects were
created or modified, in a stable order (by id) so a client paging through misses nothing."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from kansli.api.resources import Resource, api_url, stamped, stamps_of

PER_PAGE = 100
BOUNDS = {
    "created_since": ("created", "gte"),
    "created_until": ("created", "lte"),
    "modified_since": ("modified", "gte"),
    "modified_until": ("modified", "lte"),
}


def in_utc(moment: datetime.datetime) -> datetime.datetime:
    """`moment` in UTC, a time without a zone read as the site's local time.

    PostgreSQL refuses offsets past 15:59 hours, which ISO 8601 allows; in UTC there is none.
    A moment that UTC cannot hold (the first or last hours of years 1 and 9999) is taken as the
    beginning or the end of time, which is what the client meant.
    """
    try:
        local = timezone.make_aware(moment) if timezone.is_naive(moment) else moment
        return local.astimezone(datetime.UTC)
    except OverflowError:
        edge = datetime.datetime.min if moment.year == 1 else datetime.datetime.max
        return edge.replace(tzinfo=datetime.UTC)


def bounds(params: dict[str, Any]) -> list[tuple[str, str, datetime.datetime]]:
    return [
        (*BOUNDS[name], in_utc(params[name])) for name in BOUNDS if params.get(name) is not None
    ]


def visible(resource: Resource, params: dict[str, Any]) -> QuerySet | list:
    """The resource's rows that pass the time filters, in their stable order."""
    rows = resource.rows(params)
    limits = bounds(params)
    if isinstance(rows, QuerySet):
        rows = stamped(rows, resource.kind)
        for field, op, moment in limits:
            rows = rows.filter(**{f"api_{field}__{op}": moment})
        return rows
    if not limits:
        return rows
    stamps = stamps_of(resource.kind, [resource.key(row) for row in rows])
    now = timezone.now()
    return [row for row in rows if _within(stamps.get(resource.key(row), (now, now)), limits)]


def _within(times: tuple[datetime.datetime, datetime.datetime], limits: list) -> bool:
    values = {"created": times[0], "modified": times[1]}
    return all(
        values[field] >= moment if op == "gte" else values[field] <= moment
        for field, op, moment in limits
    )


def query_string(params: dict[str, Any], page: int) -> str:
    kept = {
        name: value.isoformat() if isinstance(value, datetime.datetime) else value
        for name, value in sorted(params.items())
        if value is not None and name != "page"
    }
    if page > 1:
        kept["page"] = page
    return f"?{urlencode(kept)}" if kept else ""


def page_payload(resource: Resource, params: dict[str, Any]) -> dict:
    """One page of the list as plain JSON data, or Http404 past the last page."""
    paginator = Paginator(visible(resource, params), PER_PAGE)
    number = params.get("page") or 1
    if number > paginator.num_pages:
        raise Http404(f"Page {number} is past the last page, {paginator.num_pages}.")
    page = paginator.page(number)
    address = api_url(resource.path)
    return {
        "data": [obj.model_dump(mode="json") for obj in resource.shape(page.object_list)],
        "pagination": {
            "totalElements": paginator.count, "elementsPerPage": PER_PAGE,
            "currentPage": number, "totalPages": paginator.num_pages,
        },
        "links": {
            "first": address + query_string(params, 1),
            "prev": address + query_string(params, number - 1) if page.has_previous() else None,
            "self": address + query_string(params, number),
            "next": address + query_string(params, number + 1) if page.has_next() else None,
            "last": address + query_string(params, paginator.num_pages),
        },
    }
