"""Every public address answers an anonymous reader, and none of them leaks what is not public.

The list of addresses is not typed here: it is read from sitemap.xml and from the download links
the meeting pages offer, so a page added to the site is checked without touching this file.
"""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import docx
import pypdf
import pytest

from conftest import CONFIDENTIAL_MARKER, DRAFT_MARKER

FIXED_PAGES = ["/", "/tillganglighet/", "/sitemap.xml"]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
DOWNLOAD_LINK = re.compile(r'href="([^"]+\.(?:pdf|docx|txt))"')
MARKERS = (CONFIDENTIAL_MARKER, DRAFT_MARKER)


def sitemap_paths(client) -> list[str]:
    tree = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return [urlsplit(loc.text).path for loc in tree.iterfind("sm:url/sm:loc", SITEMAP_NS)]


def download_paths(client, pages: list[str]) -> list[str]:
    return [
        link
        for path in pages
        for link in DOWNLOAD_LINK.findall(client.get(path).content.decode())
    ]


def public_paths(client) -> list[str]:
    pages = sitemap_paths(client)
    return sorted({*FIXED_PAGES, *pages, *download_paths(client, pages)})


def readable_text(path: str, content: bytes) -> str:
    """What a reader of the file sees, not its bytes: PDF and DOCX store text compressed."""
    if path.endswith(".pdf"):
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    if path.endswith(".docx"):
        document = docx.Document(io.BytesIO(content))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([*(p.text for p in document.paragraphs), *cells])
    return content.decode()


@pytest.fixture
def paths(client, committee) -> list[str]:
    return public_paths(client)


def test_the_route_list_covers_every_kind_of_page(paths, committee):
    for meeting in (committee.published, committee.draft, committee.planned, committee.cancelled):
        assert meeting.get_absolute_url() in paths
    assert committee.body.get_absolute_url() in paths
    assert committee.chair.get_absolute_url() in paths
    assert {path.rsplit(".", 1)[1] for path in paths if "." in path} >= {"pdf", "docx", "txt"}


def test_every_public_address_answers_an_anonymous_reader(client, paths):
    statuses = {path: client.get(path).status_code for path in paths}
    assert {path: status for path, status in statuses.items() if status != 200} == {}


def test_no_public_address_shows_confidential_or_draft_content(client, paths):
    for path in paths:
        text = readable_text(path, client.get(path).content)
        assert text.strip(), f"{path} has no readable text to check"
        for marker in MARKERS:
            assert marker not in text, f"{marker} leaks through {path}"


def test_downloads_carry_the_published_content(client, paths):
    # Guards the leak check above: a file whose text cannot be extracted would pass it vacuously.
    for path in (p for p in paths if p.endswith((".pdf", ".docx", ".txt"))):
        assert "utvecklingsprogram" in readable_text(path, client.get(path).content), path
