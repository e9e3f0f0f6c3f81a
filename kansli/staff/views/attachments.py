"""Attachments of agenda items: uploaded by the secretary, read by the body's members. Files are
served only through these views, to those with a role in the body, never as public media."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from kansli.accounts import access
from kansli.meetings.models import AgendaItem, Attachment
from kansli.staff.editing import editable_item, editable_meeting
from kansli.staff.forms import AttachmentForm, DecisionFormSet, ItemForm
from kansli.staff.views.items import item_page, item_url


@require_POST
def upload(request: HttpRequest, body: str, meeting: str, pk: int) -> HttpResponse:
    item = editable_item(request, body, meeting, pk)
    form = AttachmentForm(request.POST, request.FILES, item=item)
    if not form.is_valid():
        return item_page(request, item, ItemForm(instance=item),
                         DecisionFormSet(instance=item, prefix="decisions"), status=400,
                         attachment_form=form)
    attachment = form.save(commit=False)
    attachment.uploaded_by = request.user
    attachment.save()
    messages.success(request, _("“%(name)s” is attached.") % {"name": attachment.original_name})
    return redirect(f"{item_url(item)}#bilagor")


def _attachment(meeting, pk: int) -> Attachment:
    return get_object_or_404(
        Attachment.objects.filter(item__meeting=meeting).select_related("item"), pk=pk
    )


@require_safe
def download(request: HttpRequest, body: str, meeting: str, pk: int, name: str) -> HttpResponse:
    found = access.staff_meeting(request, body, meeting, roles=access.READERS)
    attachment = _attachment(found, pk)
    if name != attachment.original_name:
        raise Http404("No such file.")
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing from storage.") from None
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name,
                            content_type=attachment.content_type)
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def delete(request: HttpRequest, body: str, meeting: str, pk: int) -> HttpResponse:
    found = editable_meeting(request, body, meeting)
    attachment = _attachment(found, pk)
    item: AgendaItem = attachment.item
    item.meeting = found
    attachment.delete()
    messages.success(request, _("“%(name)s” is removed.") % {"name": attachment.original_name})
    return redirect(f"{item_url(item)}#bilagor")
