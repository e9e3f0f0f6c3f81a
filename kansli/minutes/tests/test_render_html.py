"""HTML minutes: the accessible fragment public pages include, and the standalone print page."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext as _

from conftest import CONFIDENTIAL_MARKER
from kansli.meetings.models import AttendanceRole
from kansli.minutes.render.document import MinutesDocument, build_document, load_meeting
from kansli.minutes.render.html import page_counter_css, render_fragment, render_html
from kansli.minutes.tests.test_render_text import assert_in_order, reading_order

pytestmark = pytest.mark.django_db


class _Outline(HTMLParser):
    """The headings, ids and visible text of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"h1", "h2", "h3", "h4"}:
            self.headings.append(tag)
        self.ids += [value or "" for name, value in attrs if name == "id"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _outline(html: str) -> _Outline:
    outline = _Outline()
    outline.feed(html)
    return outline


@pytest.fixture
def staff_doc(committee) -> MinutesDocument:
    return build_document(load_meeting(committee.published.pk), for_public=False)


def test_fragment_reads_in_the_minutes_order(staff_doc):
    text = " ".join(_outline(render_fragment(staff_doc)).text)
    assert_in_order(text, reading_order(staff_doc))


def test_fragment_has_one_title_then_item_headings_with_stable_anchors(staff_doc):
    outline = _outline(render_fragment(staff_doc))
    assert outline.headings == ["h1"] + ["h2"] * len(staff_doc.items)
    for item in staff_doc.items:
        assert f"punkt-{item.anchor}" in outline.ids
    assert len(outline.ids) == len(set(outline.ids))


def test_participants_table_flags_the_chair(staff_doc):
    html = render_fragment(staff_doc)
    assert '<th scope="col">' in html and '<caption>' in html
    chair_row = html.split('class="minutes-chair"')[1].split("</tr>")[0]
    assert "Åsa Ordförande" in chair_row and str(AttendanceRole.CHAIR.label) in chair_row


def test_decisions_are_marked(staff_doc):
    html = render_fragment(staff_doc)
    decision = html.split('class="minutes-decision"')[1].split("</div>")[0]
    assert staff_doc.decision_label in decision
    assert "Samarbetskommittén ställer sig bakom förslaget." in decision


def test_public_fragment_leaves_out_the_confidential_item(committee, staff_doc):
    public = build_document(load_meeting(committee.published.pk), for_public=True)
    assert CONFIDENTIAL_MARKER in render_fragment(staff_doc)
    assert CONFIDENTIAL_MARKER not in render_fragment(public)
    assert "Personalärende" not in render_fragment(public)


def test_pages_can_include_the_fragment_below_their_own_heading(staff_doc):
    page = Template(
        '<h1>Sida</h1>{% include "minutes/document.html" with heading_level=2 %}'
    ).render(Context({"doc": staff_doc}))
    assert _outline(page).headings == ["h1", "h2"] + ["h3"] * len(staff_doc.items)


def test_fragment_links_people_but_the_print_page_does_not(staff_doc):
    chair = next(p for p in staff_doc.present if p.role == AttendanceRole.CHAIR)
    assert f'href="{chair.url}"' in render_fragment(staff_doc)
    assert "href=" not in render_html(staff_doc)


def test_print_page_is_a_standalone_document_in_the_active_language(staff_doc):
    for language in ("sv", "en"):
        with translation.override(language):
            html = render_html(staff_doc)
            assert html.startswith("<!DOCTYPE html>")
            assert f'<html lang="{language}">' in html
            assert f"<title>{staff_doc.title}</title>" in html
            assert _("Participants") in html


def test_page_counter_keeps_the_counters_outside_the_strings():
    with translation.override("en"):
        assert page_counter_css() == '"Page " counter(page) " of " counter(pages)'
