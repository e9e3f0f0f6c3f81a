"""Public pages of matters (ärenden): the list, each matter with its timeline across meetings and
bodies and, for a cooperation proposal, its adoption by the member organisations, and the matrix
of every such proposal by organisation."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.response import TemplateResponse

from kansli.public import access
from kansli.public.views import kept_for_readers


@kept_for_readers
def matter_list(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "public/matters.html", {
        "matters": access.public_matters().order_by("title"),
    })


@kept_for_readers
def adoptions(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "public/adoptions.html", {
        "matrix": access.adoption_matrix(),
    })


@kept_for_readers
def matter(request: HttpRequest, slug: str) -> TemplateResponse:
    found = access.public_matter(slug)
    return TemplateResponse(request, "public/matter.html", {
        "matter": found,
        "timeline": access.matter_timeline(found),
        "tally": access.matter_adoptions(found),
    })
