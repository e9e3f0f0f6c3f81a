"""The demo as `make demo` serves it: every state of meeting is there and every link works."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command

from kansli.demo import load_demo
from kansli.meetings.models import Meeting, MeetingStatus
from kansli.minutes.models import MinutesStatus


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and ((tag == "a" and name == "href") or (tag == "link" and name == "href")):
                self.links.append(value)


def links_on(page: str, html: str) -> set[str]:
    collector = LinkCollector()
    collector.feed(html)
    found = set()
    for link in collector.links:
        url = urlsplit(urljoin(page, link))
        if not url.netloc and url.path.startswith("/"):
            found.add(url.path)
    return found


@pytest.mark.django_db
def test_the_demo_has_a_meeting_in_every_state():
    demo = load_demo()
    assert demo.published.minutes.status == MinutesStatus.PUBLISHED
    assert demo.draft.minutes.status == MinutesStatus.DRAFT
    assert demo.cancelled.status == MeetingStatus.CANCELLED
    assert demo.planned.status == MeetingStatus.PLANNED
    assert demo.body.member_organisations.count() == 8


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing():
    call_command("demo", stdout=None)
    count = Meeting.objects.count()
    call_command("demo")
    assert Meeting.objects.count() == count


@pytest.mark.django_db
def test_every_link_on_the_demo_site_works(client):
    load_demo()
    seen: set[str] = set()
    queue = ["/"]
    while queue:
        path = queue.pop()
        if path in seen or path.startswith("/admin/"):
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        if response["Content-Type"].startswith("text/html"):
            queue.extend(links_on(path, response.content.decode()) - seen)
    assert len(seen) > 20, seen
