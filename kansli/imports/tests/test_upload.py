"""Importing minutes in the browser: a secretary uploads documents into a body they run, sees
what became of each, and finds doubtful ones in the review queue."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansli.imports.models import SourceDocument
from kansli.imports.tests.fixtures import DOCUMENTS, docx_bytes
from kansli.imports.tests.test_review import DOUBTFUL
from kansli.meetings.models import Meeting
from kansli.staff.tests.conftest import log_in, with_password

pytestmark = pytest.mark.django_db

NOTES = DOCUMENTS / "107_socialchefer-vasterbotten-minnesanteckningar.txt"


def word_file(name: str = "natverk.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, docx_bytes(NOTES.read_text(encoding="utf-8")))


def post(client, body, *files):
    return client.post(reverse("imports:upload"), {"body": body.pk, "documents": list(files)})


def test_a_secretary_imports_documents_into_a_body_they_run(secretary_client, committee):
    page = post(secretary_client, committee.body, word_file(),
                SimpleUploadedFile("tom.txt", b""))

    assert page.status_code == 200
    text = page.content.decode()
    source = SourceDocument.objects.get()
    # Stored under the chosen body, whatever body the document names.
    assert source.meeting.body == committee.body and source.format == "docx"
    assert source.file_name == "natverk.docx"
    assert reverse("staff:meeting", args=[committee.body.slug, source.meeting.slug]) in text
    assert "tom.txt" in text and "the file is empty" in text
    # The same file again changes nothing.
    again = post(secretary_client, committee.body, word_file()).content.decode()
    assert SourceDocument.objects.count() == 1 and "unchanged" in again


def test_only_the_bodies_one_runs_can_be_chosen(secretary_client, committee):
    from kansli.registry.models import Body

    other = Body.objects.create(organisation=committee.body.organisation, name="Annat organ",
                                slug="annat-organ")
    page = post(secretary_client, other, word_file())
    assert page.status_code == 400
    assert not Meeting.objects.filter(body=other).exists() and not SourceDocument.objects.exists()


def test_without_files_the_form_says_so(secretary_client, committee):
    page = secretary_client.post(reverse("imports:upload"), {"body": committee.body.pk})
    assert page.status_code == 400 and not SourceDocument.objects.exists()


def test_members_and_outsiders_cannot_import(member_client, client, committee,
                                             django_user_model):
    client.force_login(django_user_model.objects.create_user("utomstaende", password="x"))
    for someone in (member_client, client):
        assert someone.get(reverse("imports:upload")).status_code == 403
        assert post(someone, committee.body, word_file()).status_code == 403
    assert not SourceDocument.objects.exists()


def test_anonymous_readers_are_sent_to_log_in(client, committee):
    response = client.get(reverse("imports:upload"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_secretary_uploads_in_the_browser_and_reviews(committee, live_server, browser_page,
                                                       secretary_user, assert_accessible,
                                                       tmp_path):
    doubtful = tmp_path / "eken.txt"
    doubtful.write_text(DOUBTFUL, encoding="utf-8")
    page = browser_page
    log_in(page, live_server.url, with_password(secretary_user).username)
    page.goto(live_server.url + reverse("imports:queue"))
    page.get_by_role("link", name="Importera protokoll och minnesanteckningar").click()
    assert_accessible(page)
    page.select_option("#id_body", label=committee.body.name)
    page.set_input_files("#id_documents", [str(doubtful)])
    page.locator("main button[type=submit]").click()
    report = page.locator("table")
    assert "eken.txt" in report.inner_text() and "importerat" in report.inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="att granska").click()
    page.wait_for_url("**/hantera/import/*/")
    source = SourceDocument.objects.get()
    assert source.meeting.body == committee.body and page.url.endswith(f"/{source.pk}/")
