"""The review queue: imported documents whose parse has doubtful fields, source beside fields."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kansli.imports import review
from kansli.imports.forms import ReviewForm
from kansli.imports.parse import ParseError


@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    bodies = review.secretary_bodies(request)
    return render(request, "imports/queue.html", {
        "documents": review.review_queue(bodies), "nav": "import",
    })


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
