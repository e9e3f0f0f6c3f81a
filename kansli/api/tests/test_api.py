"""The open-data API: OParl-shaped objects, stable pages, time filters, JSON errors, CORS and the
rate limit."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from conftest import CONFIDENTIAL_MARKER, DRAFT_MARKER
from kansli.api import listing
from kansli.api.models import Stamp
from kansli.meetings.models import Adoption, AgendaItem, Attachment, Matter, Meeting
from kansli.registry.models import Membership, Post, Tenure

OPARL = "https://schema.oparl.org/1.1/"


def get(client, path: str, status: int = 200, **headers) -> dict:
    response = client.get(path, headers=headers)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def local(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_the_system_leads_to_every_list(client, committee):
    system = get(client, "/api/v1/system")
    assert system["type"] == f"{OPARL}System"
    bodies = get(client, local(system["body"]))["data"]
    owner = next(body for body in bodies if body["name"] == "Testkommunernas samverkan")
    organizations = get(client, local(owner["organization"]))["data"]
    assert [o["name"] for o in organizations] == ["Samarbetskommittén"]
    meetings = get(client, local(owner["meeting"]))["data"]
    assert len(meetings) == 4


def test_each_object_is_found_at_its_id(client, committee):
    for path in ("meetings", "organizations", "persons", "bodies", "agendaitems", "files"):
        for obj in get(client, f"/api/v1/{path}")["data"]:
            assert get(client, local(obj["id"])) == obj


def test_a_meeting_embeds_public_items_and_its_minutes_files(client, committee):
    meeting = get(client, f"/api/v1/meetings/{committee.published.pk}")
    assert meeting["type"] == f"{OPARL}Meeting"
    assert meeting["web"].endswith(committee.published.get_absolute_url())
    assert [item["name"] for item in meeting["agendaItem"]] == [
        "Välkommen", "Förslag nytt utvecklingsprogram", "Nästa möte",
    ]
    assert meeting["agendaItem"][1]["resolutionText"] == (
        "Samarbetskommittén ställer sig bakom förslaget."
    )
    assert meeting["resultsProtocol"]["mimeType"] == "application/pdf"
    assert meeting["start"] == "2022-11-10T13:00:00+01:00"
    assert len(meeting["participant"]) == 3  # the absent member is not a participant


def test_a_meeting_without_published_minutes_shows_only_its_date_and_place(client, committee):
    meeting = get(client, f"/api/v1/meetings/{committee.draft.pk}")
    assert meeting["agendaItem"] == [] and meeting["participant"] == []
    assert meeting["resultsProtocol"] is None
    assert DRAFT_MARKER not in str(meeting)
    cancelled = get(client, f"/api/v1/meetings/{committee.cancelled.pk}")
    assert cancelled["cancelled"] is True and cancelled["meetingState"] == "cancelled"


@pytest.mark.parametrize("path", ["agendaitems", "meetings", "files"])
def test_confidential_and_draft_content_is_not_listed(client, committee, path):
    text = client.get(f"/api/v1/{path}").content.decode()
    assert CONFIDENTIAL_MARKER not in text and DRAFT_MARKER not in text


def test_objects_that_are_not_public_are_not_found(client, committee):
    secret = AgendaItem.objects.get(confidential=True)
    draft = committee.draft.items.first()
    for pk in (secret.pk, draft.pk):
        assert get(client, f"/api/v1/agendaitems/{pk}", 404) == {
            "detail": f"No agendaitem with id {pk}."
        }
    get(client, f"/api/v1/files/{committee.draft.pk}-pdf", 404)


def test_paper_embeds_its_consultations(client, committee):
    matter = Matter.objects.create(title="Program", slug="program", public=True)
    AgendaItem.objects.filter(title="Förslag nytt utvecklingsprogram").update(matter=matter)
    for org in committee.body.member_organisations.all():
        Adoption.objects.create(matter=matter, organisation=org, status=Adoption.Status.ADOPTED,
                                decision_date=datetime.date(2022, 12, 1))
    paper = get(client, f"/api/v1/papers/{matter.pk}")
    assert paper["type"] == f"{OPARL}Paper"
    assert len(paper["consultation"]) == 3
    assert {c["status"] for c in paper["consultation"]} == {"adopted"}
    assert len(paper["agendaItem"]) == 1


def test_ex_officio_seats_become_one_membership_per_holder(client, committee):
    post = Post.objects.create(name="KSO Alby", organisation=committee.chair.organisation)
    Membership.objects.create(body=committee.body, post=post, start=datetime.date(2020, 1, 1))
    Tenure.objects.create(post=post, person=committee.adjuster, end=datetime.date(2021, 12, 31))
    Tenure.objects.create(post=post, person=committee.chair, start=datetime.date(2022, 1, 1))
    memberships = get(client, "/api/v1/memberships")["data"]
    assert [(m["person"].rsplit("/", 1)[1], m["startDate"], m["endDate"]) for m in memberships] == [
        (str(committee.adjuster.pk), "2020-01-01", "2021-12-31"),
        (str(committee.chair.pk), "2022-01-01", None),
    ]
    chair = get(client, f"/api/v1/persons/{committee.chair.pk}")
    assert chair["membership"] == [memberships[1]["id"]]


def test_pages_are_stable_and_link_to_each_other(client, committee, monkeypatch):
    monkeypatch.setattr(listing, "PER_PAGE", 2)
    first = get(client, "/api/v1/meetings")
    assert first["pagination"] == {
        "totalElements": 4, "elementsPerPage": 2, "currentPage": 1, "totalPages": 2,
    }
    second = get(client, local(first["links"]["next"]))
    assert second["links"]["next"] is None and local(second["links"]["prev"]) == "/api/v1/meetings"
    ids = [m["id"] for m in first["data"] + second["data"]]
    assert ids == sorted(ids, key=lambda url: int(url.rsplit("/", 1)[1]))
    assert get(client, "/api/v1/meetings?page=3", 404)["detail"].startswith("Page 3")


def test_modified_since_returns_only_what_changed(
    client, committee, django_capture_on_commit_callbacks
):
    Stamp.objects.all().delete()
    long_ago = timezone.now() - datetime.timedelta(days=365)
    for meeting in Meeting.objects.all():
        Stamp.objects.create(kind="meeting", key=str(meeting.pk), created=long_ago,
                             modified=long_ago)
    since = urlencode({"modified_since": timezone.now() - datetime.timedelta(minutes=1)})
    assert get(client, f"/api/v1/meetings?{since}")["data"] == []
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.get(pk=committee.planned.pk).save()
    changed = get(client, f"/api/v1/meetings?{since}")
    assert [m["id"] for m in changed["data"]] == [
        get(client, f"/api/v1/meetings/{committee.planned.pk}")["id"]
    ]
    assert "modified_since=" in changed["links"]["self"]


def test_bad_parameters_are_named_in_a_json_error(client, committee):
    errors = get(client, "/api/v1/meetings?page=0&modified_since=igår", 422)["detail"]
    assert {tuple(error["loc"]) for error in errors} == {
        ("query", "page"), ("query", "modified_since"),
    }
    get(client, "/api/v1/meetings/99999999999999999999", 422)


def test_an_unknown_address_is_a_json_404(client, committee):
    assert get(client, "/api/v1/meetings/999999", 404) == {"detail": "No meeting with id 999999."}


def test_any_site_may_read_the_api_but_not_with_cookies(client, committee):
    response = client.get("/api/v1/system", headers={"origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v1/meetings",
        headers={"origin": "https://example.org", "access-control-request-method": "GET"},
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_too_many_requests_get_429_with_retry_after(client, committee, settings):
    settings.KANSLI_API_RATE_LIMIT = "3/min"
    for _ in range(3):
        get(client, "/api/v1/system")
    response = client.get("/api/v1/system")
    assert response.status_code == 429
    assert response.json() == {"detail": "Too many requests."}
    assert 0 < int(response["Retry-After"]) <= 60


def test_the_limit_counts_each_client_address_apart(client, committee, settings):
    settings.KANSLI_API_RATE_LIMIT = "1/min"
    assert client.get("/api/v1/system", REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.get("/api/v1/system", REMOTE_ADDR="10.0.0.2").status_code == 200
    assert client.get("/api/v1/system", REMOTE_ADDR="10.0.0.1").status_code == 429
    # A forged forwarding header does not make a new client.
    forged = client.get("/api/v1/system", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert forged.status_code == 429


def test_a_whole_meeting_exports_as_one_document(client, committee):
    export = get(client, f"/api/v1/meetings/{committee.published.pk}/export")
    assert export["meeting"]["id"].endswith(f"/meetings/{committee.published.pk}")
    assert export["organization"]["name"] == "Samarbetskommittén"
    # Everyone the minutes name, the absent member too.
    assert {person["name"] for person in export["person"]} == {
        "Åsa Ordförande", "Björn Justerare", "Cecilia Frånvarande", "Dag Sekreterare",
    }
    assert CONFIDENTIAL_MARKER not in str(export)
    draft = get(client, f"/api/v1/meetings/{committee.draft.pk}/export")
    assert draft["person"] == [] and draft["meeting"]["agendaItem"] == []


def attach(item: AgendaItem, name: str, *, public: bool, settings, tmp_path) -> Attachment:
    settings.MEDIA_ROOT = tmp_path
    attachment = Attachment(item=item, original_name=name, content_type="text/plain", size=4,
                            public=public)
    attachment.file.save(name, ContentFile(b"text"), save=False)
    attachment.save()
    return attachment


def test_public_attachments_are_files_of_their_items(client, committee, settings, tmp_path):
    items = list(committee.published.items.order_by("sort_key"))
    shown = attach(items[1], "Underlag.txt", public=True, settings=settings, tmp_path=tmp_path)
    attach(items[1], "Internt.txt", public=False, settings=settings, tmp_path=tmp_path)
    secret = committee.published.items.get(confidential=True)
    attach(secret, f"{CONFIDENTIAL_MARKER}.txt", public=True, settings=settings,
           tmp_path=tmp_path)

    item = get(client, f"/api/v1/agendaitems/{items[1].pk}")
    files = get(client, "/api/v1/files")["data"]

    assert [file["fileName"] for file in item["auxiliaryFile"]] == ["Underlag.txt"]
    attachment = item["auxiliaryFile"][0]
    assert attachment["id"].endswith(f"/api/v1/files/a{shown.pk}")
    assert attachment["agendaItem"] == [item["id"]] and attachment["mimeType"] == "text/plain"
    # Unstamped until its transaction commits, it counts as changed now, whenever asked.
    timeless = ("created", "modified")
    assert {k: v for k, v in get(client, local(attachment["id"])).items() if k not in timeless} == {
        k: v for k, v in attachment.items() if k not in timeless}
    assert client.get(local(attachment["accessUrl"])).status_code == 200
    names = {file["fileName"] for file in files}
    assert "Underlag.txt" in names and "Internt.txt" not in names
    assert not any(CONFIDENTIAL_MARKER in name for name in names)
    assert client.get(f"/api/v1/files/a{shown.pk + 1}").status_code == 404
