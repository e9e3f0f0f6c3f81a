"""The search page. Not kept like the other public pages (see docs/search.md): a search costs a
few milliseconds, while keeping every distinct query string would fill the shared cache with
one-off pages and push out the meeting pages and PDFs that are worth keeping."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from kansli.search.forms import PAGE_PARAMETER, SearchForm
from kansli.search.results import find


@require_safe
def search(request: HttpRequest) -> TemplateResponse:
    form = SearchForm(request.GET)
    valid = form.is_valid()
    query = form.cleaned_data.get("q") if valid else None
    results = find(query, form.filters(), request.GET.get(PAGE_PARAMETER)) if query else None
    return TemplateResponse(
        request, "search/search.html", {"form": form, "results": results},
        status=400 if form.errors else 200,
    )
