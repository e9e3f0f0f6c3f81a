"""The public site's pages: each view asks `access` for what anonymous readers may see, then
renders it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from kansli.meetings.models import Meeting
from kansli.minutes import render as minutes_render
from kansli.public import access
from kansli.public.caching import kept, validated

# The files offered beside a meeting page, in the order the page lists them. HTML is not among
# them: the page itself is the HTML.
DOWNLOADS = {"pdf": _("PDF"), "docx": _("Word (DOCX)"), "txt": _("Plain text")}

# Where each reader's own CSRF token goes into a kept page: the language switch posts a form,
# and one reader's token is useless, and should not be shown, to another.
TOKEN_SLOT = "kansli-csrf-token-slot"

PageView = Callable[..., TemplateResponse]


def kept_page(
    request: HttpRequest, key: str | None, make: Callable[[], TemplateResponse]
) -> HttpResponse:
    """The page `make()` renders, kept under `key` (see `caching`) in the reader's language;
    `key=None` renders without keeping, for addresses readers can vary without end."""

    def render() -> str:
        response = make()
        response.context_data["csrf_token"] = TOKEN_SLOT
        return response.rendered_content

    shared = key and not request.user.is_authenticated
    html = kept("page", key, render) if shared else render()
    return HttpResponse(html.replace(TOKEN_SLOT, get_token(request)))


def respond_kept(
    request: HttpRequest, respond: Callable[[], HttpResponse]
) -> HttpResponse:
    """`respond()`, or 304 when the reader's copy of the page is current (see `caching`)."""
    if request.user.is_authenticated:
        # The header names the signed-in user: their page is theirs alone, never kept,
        # and never answered with the readers' shared validators.
        response = respond()
        add_never_cache_headers(response)
        return response
    return validated(request, respond, private=True)


def kept_for_readers(view: PageView) -> Callable[..., HttpResponse]:
    """Serve the page as kept, by its path, in the reader's language.

    Only pages that rendered are kept: a missing page raises Http404 before anything is stored.
    """

    @require_safe
    @wraps(view)
    def serve(request: HttpRequest, *args: str, **kwargs: str) -> HttpResponse:
        def make() -> TemplateResponse:
            return view(request, *args, **kwargs)

        return respond_kept(request, lambda: kept_page(request, request.path, make))

    return serve


def download_name(meeting: Meeting) -> str:
    """A file name that still says what it is once saved: samarbetskommitten-2022-11-10."""
    return f"{meeting.body.slug}-{meeting.slug}"


def download_links(meeting: Meeting) -> list[tuple[str, str]]:
    kwargs = {"body": meeting.body.slug, "slug": meeting.slug, "name": download_name(meeting)}
    return [
        (label, reverse("public:download", kwargs={**kwargs, "ext": ext}))
        for ext, label in DOWNLOADS.items()
    ]


@kept_for_readers
def home(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "public/home.html", {
        "bodies": access.public_bodies(),
        "upcoming": access.upcoming_meetings(timezone.localdate()),
        "published": access.recently_published(),
    })


@kept_for_readers
def body(request: HttpRequest, body: str) -> TemplateResponse:
    found = access.public_body(body)
    seats, history = access.body_seats(found, timezone.localdate())
    return TemplateResponse(request, "public/body.html", {
        "body": found,
        "seats": seats,
        "history": history,
        "meetings": access.body_meetings(found),
    })


@kept_for_readers
def meeting(request: HttpRequest, body: str, slug: str) -> TemplateResponse:
    found = access.public_meeting(body, slug)
    doc = access.public_document(found)
    corrected = None if doc else access.under_correction(found)
    previous, following = access.neighbours(found)
    return TemplateResponse(request, "public/meeting.html", {
        "meeting": found,
        "doc": doc,
        "previous": previous,
        "following": following,
        "downloads": download_links(found) if doc or corrected else [],
        "attachments": access.public_attachments(found) if doc else [],
        "corrected": corrected,
        # Paragraphs adjusted at the meeting are public before the rest of the protocol.
        "adjusted_items": [] if doc else access.immediately_adjusted(found),
    })


@require_safe
def download(request: HttpRequest, body: str, slug: str, name: str, ext: str) -> HttpResponse:
    _renderer, content_type, extension = minutes_render.FORMATS[ext]

    def respond() -> HttpResponse:
        found = access.public_meeting(body, slug)
        if name != download_name(found):
            # One address per file: a guessed or outdated name is not an alias.
            raise Http404("No such file.")
        content = kept(
            "file", request.path,
            lambda: access.published_file(found, ext),
        )
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{name}.{extension}"
        )
        return response

    return validated(request, respond)


# Shown in the browser rather than saved: types that cannot run script on this site's origin.
_SHOWN_INLINE = frozenset({"application/pdf", "image/png", "image/jpeg"})


@require_safe
def attachment(request: HttpRequest, body: str, slug: str, pk: int, name: str) -> HttpResponse:
    def respond() -> HttpResponse:
        found = access.public_attachment(access.public_meeting(body, slug), pk, name)
        response = FileResponse(
            found.file.open("rb"), content_type=found.content_type, filename=found.original_name,
            as_attachment=found.content_type not in _SHOWN_INLINE,
        )
        # An uploaded document is never a page of this site: no script, no forms, no cookies.
        response["Content-Security-Policy"] = "sandbox"
        return response

    return validated(request, respond)


@kept_for_readers
def person(request: HttpRequest, slug: str) -> TemplateResponse:
    found = access.public_person(slug)
    tenures = access.person_tenures(found)
    return TemplateResponse(request, "public/person.html", {
        "person": found,
        "tenures": tenures,
        "seats": access.person_seats(found),
        "attendances": access.attended_meetings(found),
    })


@kept_for_readers
def accessibility(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "public/accessibility.html", {})
