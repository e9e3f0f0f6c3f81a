"""Nothing that is not public reaches an anonymous reader, on any path.

The data holds drafts, confidential items, meetings whose minutes are not out, a matter that is
not public, a private attachment, e-mail addresses and online links, each carrying a marker of
its own. The test then crawls, as an anonymous reader, everything public: it starts at the home
page, the sitemap and the API, follows every link in pages, every address in sitemaps, feeds and
API answers, reads downloads as a person would (text of PDF and DOCX), and searches for each
marker when the site has a search page. No marker may appear anywhere.
"""

from __future__ import annotations

import datetime
import json
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.urls import Resolver404, resolve

from conftest import CONFIDENTIAL_MARKER, DRAFT_MARKER
from kansli.api.api import api
from kansli.meetings.models import (
    Adoption,
    AgendaItem,
    Attachment,
    Attendance,
    Decision,
    Matter,
    Meeting,
)
from kansli.meetings.numbering import number_meeting
from kansli.minutes import workflow
from kansli.minutes.models import Minutes, MinutesStatus
from kansli.public.tests.test_routes import readable_text
from kansli.registry.models import Membership, Organisation, Person

MARKERS = {
    "confidential item": CONFIDENTIAL_MARKER,
    "draft minutes": DRAFT_MARKER,
    "private attachment": "BILAGEMARKOR",
    "public attachment of a confidential item": "SEKRETESSBILAGEMARKOR",
    "matter not public": "ARENDEMARKOR",
    "matter known only from a draft": "UTKASTARENDEMARKOR",
    "person only in a draft": "OKANDPERSONMARKOR",
    "e-mail address": "epostmarkor",
    "online link": "lankmarkor",
    "adjusted but unpublished minutes": "JUSTERATMARKOR",
    "agenda of a planned meeting": "PLANERATMARKOR",
    "item under a confidential item": "UNDERPUNKTMARKOR",
    "adoption of a hidden matter": "ANTAGANDEMARKOR",
}
# Words next to the markers in the hidden content, and words of public content.
SEARCHED = ["Sekretess", "Personalärende", "Utkastpunkt", "Underpunkt", "Dolt", "Okänd",
            "Utkast", "Beslut", "utvecklingsprogram", "möte"]
SKIPPED = ("/static/", "/admin/", "/hantera/", "/i18n/", "/konto/", "/logga-")
HREF = re.compile(r'(?:href|src|action)="([^"#]*)')
XML_ADDRESS = re.compile(r"<(?:loc|link|id)>([^<]+)</|<link[^>]+href=\"([^\"]+)\"")
CRAWL_LIMIT = 3000


def build_leaky_data(committee, media_root) -> None:
    """Everything the public must never see, added to the shared committee."""
    published = committee.published
    body = committee.body
    # A matter that is not marked public, dealt with in published minutes.
    hidden = Matter.objects.create(title=f"Dolt {MARKERS['matter not public']}", slug="dolt")
    Adoption.objects.create(matter=hidden, organisation=body.member_organisations.first(),
                            reference=MARKERS["adoption of a hidden matter"])
    # A public matter, dealt with openly and under a confidential item.
    open_matter = Matter.objects.create(title="Öppet ärende", slug="oppet", public=True, body=body)
    for org in body.member_organisations.all():
        Adoption.objects.create(matter=open_matter, organisation=org,
                                status=Adoption.Status.ADOPTED)
    items = list(published.items.order_by("sort_key"))
    items[1].matter = open_matter
    items[1].save()
    secret = items[2]  # the confidential item of the shared data
    secret.matter = hidden
    secret.save()
    child = AgendaItem.objects.create(
        meeting=published, parent=secret, position=0,
        title=f"Underpunkt {MARKERS['item under a confidential item']}",
    )
    Decision.objects.create(item=child, text=MARKERS["item under a confidential item"])
    number_meeting(published)
    # A matter known only from the draft minutes.
    draft_matter = Matter.objects.create(
        title=f"Utkast {MARKERS['matter known only from a draft']}", slug="utkast", public=True
    )
    committee.draft.items.update(matter=draft_matter)
    # Someone who was only at the draft meeting; and private details of public people.
    org = Organisation.objects.get(slug="alby")
    stranger = Person.objects.create(
        name=f"Okänd {MARKERS['person only in a draft']}", slug="okand", organisation=org,
    )
    Attendance.objects.create(meeting=committee.draft, person=stranger, name_as_written="Okänd")
    Person.objects.filter(pk=committee.chair.pk).update(
        email=f"{MARKERS['e-mail address']}@example.org"
    )
    Membership.objects.create(body=body, person=committee.chair)
    Meeting.objects.filter(pk=published.pk).update(
        online_link=f"https://example.org/{MARKERS['online link']}"
    )
    # Minutes adjusted, signed off, but not published.
    adjusted = Meeting.objects.create(
        body=body, date=datetime.date(2023, 2, 2), slug="2023-02-02", status="held"
    )
    AgendaItem.objects.create(meeting=adjusted, title=MARKERS["adjusted but unpublished minutes"])
    number_meeting(adjusted)
    minutes = Minutes.objects.create(meeting=adjusted)
    workflow.move(minutes, MinutesStatus.FOR_ADJUSTMENT)
    workflow.move(minutes, MinutesStatus.ADJUSTED)
    # An agenda for the planned meeting; a private attachment under a public item, one marked
    # public under the confidential item, and a public one under a public item.
    AgendaItem.objects.create(
        meeting=committee.planned, title=MARKERS["agenda of a planned meeting"]
    )
    attach(items[1], MARKERS["private attachment"], public=False)
    attach(secret, MARKERS["public attachment of a confidential item"], public=True)
    attach(items[1], PUBLIC_ATTACHMENT, public=True)


PUBLIC_ATTACHMENT = "Underlag till utvecklingsprogrammet"


def attach(item: AgendaItem, text: str, *, public: bool) -> Attachment:
    """A text file named and filled with `text`, attached to `item`."""
    attachment = Attachment(item=item, original_name=f"{text}.txt", content_type="text/plain",
                            size=len(text.encode()), public=public)
    attachment.file.save(f"{text}.txt", ContentFile(text.encode()), save=False)
    attachment.save()
    return attachment


def local_address(address: str) -> str | None:
    """The path and query of an address on this site, or None for another site's."""
    parts = urlsplit(address)
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.hostname not in {
        "testserver", "127.0.0.1", "localhost",
    }):
        return None
    if not parts.path.startswith("/") or parts.path.startswith(SKIPPED):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def addresses_in(path: str, content_type: str, text: str) -> set[str]:
    if "json" in content_type:
        found = set(_strings(json.loads(text)))
    elif "xml" in content_type:
        found = {a or b for a, b in XML_ADDRESS.findall(text)}
    elif "html" in content_type:
        found = {href.replace("&amp;", "&") for href in HREF.findall(text)}
    else:
        found = set()
    here = f"http://testserver{path}"
    return {local for a in found if (local := local_address(urljoin(here, a)))}


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) and value.startswith(("http", "/")) else []


def search_pages() -> list[str]:
    """Searches for words of the hidden content, when the site has a search page at /sok/.

    Not for the markers themselves: a results page repeats what was searched for."""
    try:
        match = resolve("/sok/")
    except Resolver404:
        return []
    if match.url_name == "body":  # no search page: /sok/ reads as a body's address
        return []
    return [f"/sok/?q={word}" for word in SEARCHED]


def api_lists() -> list[str]:
    """Every API address without a parameter in its path, from the OpenAPI schema."""
    paths = api.get_openapi_schema(path_prefix="/api")["paths"]
    return [path for path in paths if "{" not in path]


def seeds() -> list[str]:
    return ["/", "/sitemap.xml", "/api/", "/api/openapi.json", *api_lists(), *search_pages()]


def crawl(client) -> dict[str, str]:
    """Every public address reachable from the seeds, with what a reader sees there."""
    seen: dict[str, str] = {}
    queue = deque(seeds())
    while queue and len(seen) < CRAWL_LIMIT:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        if response.status_code in (301, 302):
            seen[path] = ""
            queue.append(local_address(response["Location"]) or "/")
            continue
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        content_type = response.get("Content-Type", "")
        content = (b"".join(response.streaming_content) if response.streaming
                   else response.content)
        text = readable_text(file_name(content_type), content)
        seen[path] = text
        queue.extend(addresses_in(path, content_type, text) - seen.keys())
    return seen


def file_name(content_type: str) -> str:
    """A name that tells `readable_text` how to read the content."""
    if content_type.startswith("application/pdf"):
        return "file.pdf"
    if "wordprocessingml" in content_type:
        return "file.docx"
    return "file.txt"


@pytest.fixture
def crawled(client, committee, settings, tmp_path) -> dict[str, str]:
    settings.MEDIA_ROOT = tmp_path
    build_leaky_data(committee, tmp_path)
    return crawl(client)


def test_no_marker_reaches_an_anonymous_reader(crawled):
    leaks = [
        f"{what} ({marker}) at {path}"
        for path, text in crawled.items()
        for what, marker in MARKERS.items()
        if marker.lower() in text.lower()
    ]
    assert leaks == []


def test_the_crawl_reaches_every_kind_of_public_address(crawled, committee):
    # Guards the test above: a crawl that found little would pass it vacuously.
    paths = set(crawled)
    expected = {
        "/beslut/", "/arenden/", "/arenden/oppet/", "/moten/", "/moten/2022/",
        committee.published.get_absolute_url(), committee.draft.get_absolute_url(),
        committee.chair.get_absolute_url(), "/flode/samarbetskommitten/rss/",
        "/flode/samarbetskommitten/atom/", "/kalender/samarbetskommitten.ics",
        "/api/v1/meetings", "/api/v1/papers", "/api/v1/consultations", "/api/v1/memberships",
        f"/api/v1/meetings/{committee.published.pk}", "/api/v1/files",
    }
    assert expected - paths == set()
    assert any(path.startswith("/beslut/") and path[8:9].isdigit() for path in paths)
    assert any(path.endswith(".pdf") for path in paths)
    assert any(path.startswith("/api/v1/agendaitems/") for path in paths)
    assert "utvecklingsprogram" in crawled[committee.published.get_absolute_url()]


def test_the_private_attachment_has_no_public_address(client, crawled, committee):
    attachment = Attachment.objects.get(public=False)
    assert client.get(f"/media/{attachment.file.name}").status_code == 404
    assert client.get(attachment.file.url).status_code == 404


def test_a_public_attachment_is_served_with_the_published_minutes(client, crawled, committee):
    meeting = committee.published
    address = (f"/{meeting.body.slug}/{meeting.slug}/bilagor/"
               f"{Attachment.objects.get(original_name=f'{PUBLIC_ATTACHMENT}.txt').pk}/")
    served = [path for path in crawled if path.startswith(address)]
    assert len(served) == 1 and crawled[served[0]] == PUBLIC_ATTACHMENT
    response = client.get(served[0])
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Content-Disposition"].startswith("attachment")
    # The one address names the file; another name, or a private one's number, is not found.
    assert client.get(address + "annat.txt").status_code == 404
    hidden = Attachment.objects.exclude(original_name=f"{PUBLIC_ATTACHMENT}.txt")
    for attachment in hidden:
        path = (f"/{meeting.body.slug}/{meeting.slug}/bilagor/{attachment.pk}/"
                f"{attachment.original_name}")
        assert client.get(path).status_code == 404


def test_attachments_wait_for_the_minutes_to_be_published(client, crawled, committee):
    draft = committee.draft
    attachment = attach(draft.items.first(), "Utkastbilaga", public=True)
    path = f"/{draft.body.slug}/{draft.slug}/bilagor/{attachment.pk}/Utkastbilaga.txt"
    assert client.get(path).status_code == 404
