"""The API's page for people (/api/): every endpoint and its parameters, read from the same
OpenAPI schema that clients and the tests use, so the page cannot fall behind the API."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from kansli.api.api import api
from kansli.public.views import kept_for_readers


@dataclass(frozen=True)
class Endpoint:
    path: str
    summary: str
    parameters: list[tuple[str, str, str]]  # name, where, description


def summary(operation_id: str) -> str:
    """What an endpoint gives, in the reader's language (the schema itself is in English)."""
    if operation_id == "system":
        return _("The system: where the lists start.")
    if operation_id == "export_meeting":
        return _("A whole meeting in one document, with its papers and people.")
    if operation_id.startswith("list_"):
        return _("A list, in pages.")
    return _("One object, by its id.")


def endpoints() -> list[Endpoint]:
    schema = api.get_openapi_schema(path_prefix="/api")
    found = []
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation:
            parameters = [
                (p["name"], p["in"], p.get("description", "") or p["schema"].get("description", ""))
                for p in operation.get("parameters", [])
            ]
            found.append(Endpoint(path, summary(operation["operationId"]), parameters))
    return found


@kept_for_readers
def api_docs(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "api/docs.html", {"endpoints": endpoints()})
