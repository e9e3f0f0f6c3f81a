"""Imported documents with doubtful fields wait for review; the secretary corrects and confirms,
and the corrections survive importing the document again."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from kansli.accounts.models import BodyRole, Role
from kansli.imports.models import Correction, ReviewStatus, SourceDocument
from kansli.imports.pipeline import import_file
from kansli.meetings.models import Meeting
from kansli.staff.tests.conftest import log_in, with_password

pytestmark = pytest.mark.django_db

# A first line that names no known kind of body, and items numbered with a gap.
DOUBTFUL = """Kvartersrådet Eken

Anteckningar

Datum: 2024-03-05
Plats: Kommunhuset

Närvarande: Anna Berg, Olof Dahl och Eva Lund

1. Inledning
Anna Berg hälsade välkommen.

3. Budget
Beslut: Budgeten godkänns.
"""


@pytest.fixture
def doubtful(tmp_path):
    path = tmp_path / "eken.txt"
    path.write_text(DOUBTFUL, encoding="utf-8")
    return path


def _give_role(user, source: SourceDocument) -> None:
    BodyRole.objects.create(user=user, body=source.meeting.body, role=Role.SECRETARY)


def test_a_document_with_doubtful_fields_waits_for_review(doubtful):
    source = import_file(doubtful).source
    assert source.review_status == ReviewStatus.PENDING
    assert {"body", "items"} <= set(source.doubtful)
    assert source.parsed["body"] == "Kvartersrådet Eken" and source.confidence["body"] < 0.7


def test_a_clear_document_needs_no_review(seed):
    source = import_file(seed).source
    assert source.review_status == ReviewStatus.NOT_NEEDED and source.doubtful == []


def test_queue_lists_the_documents_of_the_secretarys_bodies(doubtful, secretary_client,
                                                              secretary_user):
    source = import_file(doubtful).source
    assert source.file_name not in secretary_client.get(reverse("imports:queue")).content.decode()
    _give_role(secretary_user, source)
    page = secretary_client.get(reverse("imports:queue")).content.decode()
    assert "eken.txt" in page and "body, items" in page


def test_review_page_shows_the_source_beside_the_fields(doubtful, secretary_client,
                                                         secretary_user):
    source = import_file(doubtful).source
    _give_role(secretary_user, source)
    page = secretary_client.get(reverse("imports:document", args=[source.pk])).content.decode()
    assert "Anna Berg hälsade välkommen." in page
    assert 'value="Kvartersrådet Eken"' in page and "field-doubtful" in page


def test_confirming_stores_corrections_and_moves_the_meeting(doubtful, secretary_client,
                                                             secretary_user):
    source = import_file(doubtful).source
    _give_role(secretary_user, source)
    old_meeting = source.meeting.pk
    form = secretary_client.get(reverse("imports:document", args=[source.pk])).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(body="Kvartersrådet i Eken", chair="Anna Berg", online="false")

    response = secretary_client.post(reverse("imports:document", args=[source.pk]), data)

    assert response.status_code == 302 and response["Location"] == reverse("imports:queue")
    source.refresh_from_db()
    assert source.review_status == ReviewStatus.CONFIRMED and source.reviewed_by == secretary_user
    assert source.meeting.body.name == "Kvartersrådet i Eken"
    assert source.meeting.minutes.note_taker is None
    assert not Meeting.objects.filter(pk=old_meeting).exists()
    assert dict(Correction.objects.values_list("field", "value")) == {
        "body": "Kvartersrådet i Eken", "chair": "Anna Berg"}


def test_corrections_survive_importing_an_edited_copy(doubtful, secretary_user):
    from kansli.imports import review

    source = import_file(doubtful).source
    review.confirm(source, {"body": "Kvartersrådet i Eken", "date": "2024-03-06"},
                   secretary_user)
    doubtful.write_text(DOUBTFUL.replace("Budgeten godkänns.", "Budgeten godkänns med ändring."),
                        encoding="utf-8")

    result = import_file(doubtful)

    assert result.status in ("imported", "updated")
    assert result.meeting.body.name == "Kvartersrådet i Eken"
    assert result.meeting.date == datetime.date(2024, 3, 6)
    assert result.source.confidence["body"] == 1.0
    assert "body" not in result.source.doubtful


def test_a_bad_correction_is_refused_and_nothing_changes(doubtful, secretary_client,
                                                         secretary_user):
    source = import_file(doubtful).source
    _give_role(secretary_user, source)
    response = secretary_client.post(reverse("imports:document", args=[source.pk]), {
        "language": "sv", "kind": "other", "body": "X", "date": "5 mars",
        "present": "Anna Berg; ; ordförande"})
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()
    assert "is not a role" in response.content.decode()
    assert Correction.objects.count() == 0


def test_review_needs_a_secretary_of_the_body(doubtful, client, member_client):
    source = import_file(doubtful).source
    url = reverse("imports:document", args=[source.pk])
    assert client.get(url).status_code == 302
    assert member_client.get(url).status_code == 403
    assert member_client.post(url, {"body": "X"}).status_code == 403


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_secretary_reviews_in_the_browser(doubtful, live_server, browser_page, secretary_user,
                                           assert_accessible):
    source = import_file(doubtful).source
    _give_role(secretary_user, source)
    page = browser_page
    log_in(page, live_server.url, with_password(secretary_user).username)
    page.goto(live_server.url + reverse("imports:queue"))
    assert_accessible(page)
    page.get_by_role("link", name="eken.txt").click()
    assert_accessible(page)
    page.fill("#id_body", "Kvartersrådet i Eken")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**" + reverse("imports:queue"))
    assert_accessible(page)
    source.refresh_from_db()
    assert source.meeting.body.name == "Kvartersrådet i Eken"
