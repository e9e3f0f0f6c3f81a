"""Attachments: accepted by what their content is, limited in size, stored through Django's
storage and read only by those with a role in the body."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.storage import default_storage

from kansli.meetings.models import Attachment
from kansli.staff.tests.conftest import PDF, PNG, upload, word_document


def item_url(committee, suffix: str = "") -> str:
    item = committee.draft.items.get()
    return f"/hantera/{committee.body.slug}/{committee.draft.slug}/punkter/{item.pk}/{suffix}"


def attach(client, committee, name: str, content: bytes, **extra):
    return client.post(item_url(committee, "bilagor/"), {"file": upload(name, content), **extra})


def open_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a document")
    return buffer.getvalue()


def workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("beslutsunderlag.pdf", PDF, "application/pdf"),
    ("Förslag.docx", word_document(),
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("rapport.odt", open_document(), "application/vnd.oasis.opendocument.text"),
    ("budget.xlsx", workbook(),
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("karta.png", PNG, "image/png"),
])
def test_accepted_types_are_stored_with_their_detected_type(
    secretary_client, committee, name, content, content_type
):
    response = attach(secretary_client, committee, name, content)
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.original_name, attachment.content_type) == (name, content_type)
    assert attachment.size == len(content)
    assert default_storage.open(attachment.file.name).read() == content


def test_an_oversized_file_is_refused_with_its_size(secretary_client, committee, settings):
    settings.KANSLI_ATTACHMENT_MAX_MB = 1
    response = attach(secretary_client, committee, "stor.pdf", PDF + b"0" * 1024 * 1024)
    assert response.status_code == 400
    assert "“stor.pdf” is 1.0 MB; attachments may be at most 1 MB." in (
        response.content.decode().replace("&#x27;", "'"))
    assert not Attachment.objects.exists()


def test_a_file_named_as_another_type_is_refused(secretary_client, committee):
    response = attach(secretary_client, committee, "protokoll.pdf", PNG)
    assert response.status_code == 400
    page = response.content.decode()
    assert "“protokoll.pdf” is named as another type than it is" in page
    assert "PNG image" in page
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(("name", "content"), [
    ("program.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),
    ("sida.png", b"<html><script>alert(1)</script></html>"),
    ("arkiv.docx", None),
])
def test_content_of_a_type_not_accepted_is_refused(secretary_client, committee, name, content):
    content = content or plain_zip()
    response = attach(secretary_client, committee, name, content)
    assert response.status_code == 400
    assert f"“{name}” is not a file type Kansli accepts" in response.content.decode()
    assert not Attachment.objects.exists()


def test_an_attachment_may_be_marked_for_publication(secretary_client, committee):
    attach(secretary_client, committee, "bilaga.pdf", PDF, public="on")
    assert Attachment.objects.get().public


def test_a_confidential_items_attachment_is_never_public(secretary_client, committee):
    item = committee.draft.items.get()
    item.confidential = True
    item.save()
    attach(secretary_client, committee, "hemlig.pdf", PDF, public="on")
    assert Attachment.objects.get().public is False


def test_members_download_attachments_with_their_own_name(member_client, attachment):
    meeting = attachment.item.meeting
    address = f"/hantera/{meeting.body.slug}/{meeting.slug}/bilagor/{attachment.pk}/underlag.pdf"
    response = member_client.get(address)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="underlag.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert member_client.get(address.replace("underlag.pdf", "annat.pdf")).status_code == 404


def test_attachments_are_not_public_media(client, attachment, settings):
    assert client.get(settings.MEDIA_URL + attachment.file.name).status_code == 404


def test_removing_an_attachment_removes_its_file(
    secretary_client, attachment, django_capture_on_commit_callbacks
):
    name = attachment.file.name
    meeting = attachment.item.meeting
    address = f"/hantera/{meeting.body.slug}/{meeting.slug}/bilagor/{attachment.pk}/ta-bort/"
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_client.post(address)
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert not default_storage.exists(name)
