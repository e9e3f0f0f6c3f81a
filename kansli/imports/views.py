"""Importing documents in the browser, and the review queue: imported documents whose parse has
doubtful fields, source beside fields."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kansli.imports import review
from kansli.imports.batch import Outcome
from kansli.imports.forms import ReviewForm, UploadForm
from kansli.imports.models import SourceDocument
from kansli.imports.parse import ParseError
from kansli.imports.upload import import_uploads


@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    bodies = review.secretary_bodies(request)
    return render(request, "imports/queue.html", {
        "documents": review.review_queue(bodies), "nav": "import",
    })


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    bodies = review.secretary_bodies(request)
    if not bodies.exists():
        raise PermissionDenied("Only a body's secretaries import its minutes.")
    form = UploadForm(request.POST or None, request.FILES or None, bodies=bodies)
    outcomes = []
    if request.method == "POST" and form.is_valid():
        outcomes = import_uploads(form.cleaned_data["documents"], form.cleaned_data["body"])
    return render(request, "imports/upload.html", {
        "form": form, "rows": _with_sources(outcomes), "nav": "import",
    }, status=400 if request.method == "POST" and not form.is_valid() else 200)


def _with_sources(outcomes: list[Outcome]) -> list[tuple[Outcome, SourceDocument | None]]:
    """Each outcome with the document it stored, if any: the report links to its meeting and,
    when it waits for review, to the review."""
    stored = [outcome.sha256 for outcome in outcomes if not outcome.failed]
    found = SourceDocument.objects.filter(sha256__in=stored).select_related("meeting__body")
    sources = {source.sha256: source for source in found}
    return [(outcome, sources.get(outcome.sha256)) for outcome in outcomes]


@require_http_methods(["GET", "POST"])
def document(request: HttpRequest, pk: int) -> HttpResponse:
    source = review.reviewable_document(request, pk)
    form = ReviewForm(request.POST or None, parsed=source.parsed)
    if request.method == "POST" and form.is_valid():
        try:
            stored = review.confirm(source, form.changes(), request.user)
        except ParseError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("“%(name)s” is reviewed and stored.") % {
                "name": stored.file_name})
            return redirect("imports:queue")
    return render(request, "imports/review.html", {
        "source": source, "form": form, "doubtful": set(source.doubtful),
        "confidence": source.confidence, "nav": "import",
    }, status=400 if request.method == "POST" else 200)
