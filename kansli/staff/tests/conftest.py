"""Fixtures for the secretariat's pages: files to attach, and the browser fixtures of the public
site's tests (a real Chromium, axe-core)."""

from __future__ import annotations

import io

import docx
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kansli.meetings.models import Attachment
from kansli.public.tests.conftest import assert_accessible, browser_page, chromium  # noqa: F401

# The smallest well-formed PDF readers open: one empty page.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


PASSWORD = "Sammantrade-2031!"


def log_in(page, base: str, username: str) -> None:
    """Sign in through the site's own link and form, as a person would."""
    page.goto(base + "/")
    page.locator(".site-account a").click()
    page.wait_for_url("**/logga-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/hantera/")


def with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


def word_document(text: str = "Underlag") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def attachment(committee, secretary_user) -> Attachment:
    item = committee.draft.items.first()
    found = Attachment(item=item, original_name="underlag.pdf", content_type="application/pdf",
                       size=len(PDF), uploaded_by=secretary_user)
    found.file.save("underlag.pdf", ContentFile(PDF), save=True)
    return found


@pytest.fixture
def outsider_client(committee, django_user_model) -> Client:
    """Signed in, but with no role in the committee."""
    user = django_user_model.objects.create_user("utomstaende", "u@example.se", None)
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client
