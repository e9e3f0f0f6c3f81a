"""Nothing the public may not read is ever found: confidential items, drafts, minutes out for
adjustment or adjusted but not published, minutes taken back, and matters not made public."""

from __future__ import annotations

import pytest

from conftest import CONFIDENTIAL_MARKER, DRAFT_MARKER
from kansli.meetings.models import AgendaItem, Matter
from kansli.minutes import workflow
from kansli.minutes.models import MinutesStatus
from kansli.search.models import Entry

MARKERS = (CONFIDENTIAL_MARKER, DRAFT_MARKER)
# What a reader could type to reach the hidden content: the markers, their prefixes, and words
# of the confidential and draft items' titles and texts.
PROBES = [
    CONFIDENTIAL_MARKER, DRAFT_MARKER, CONFIDENTIAL_MARKER[:5] + "*", DRAFT_MARKER[:5] + "*",
    "Personalärende", "personal*", "sekretess", "Utkastpunkt", "utkast*",
]


def assert_no_marker_anywhere() -> None:
    for entry in Entry.objects.all():
        stored = " ".join([entry.title, entry.text, entry.title_terms, entry.text_terms])
        assert not any(marker.lower() in stored.lower() for marker in MARKERS), entry.url


@pytest.mark.parametrize("probe", PROBES)
def test_confidential_and_draft_content_is_never_found(indexed_committee, search, reader,
                                                       probe):
    assert search(probe).count == 0
    page = reader.get("/sok/", {"q": probe}).content.decode()
    assert 'class="search-result"' not in page
    # The page repeats what the reader typed; nothing else on it may hold a marker.
    assert not any(marker in page.replace(probe, "") for marker in MARKERS)


def test_nothing_confidential_or_drafted_enters_the_index(indexed_committee, search):
    assert_no_marker_anywhere()
    # "beslut" stands in the public item's decision and in the confidential one's.
    results = search("beslut")
    assert [hit.entry.title for hit in results.page] == ["Nästa möte"]
    assert not any(marker in str(hit.snippet) for hit in results.page for marker in MARKERS)


def test_minutes_adjusted_but_not_published_are_not_found(indexed_committee, run_on_commit,
                                                          search):
    minutes = indexed_committee.draft.minutes
    run_on_commit(lambda: workflow.move(minutes, MinutesStatus.FOR_ADJUSTMENT))
    run_on_commit(lambda: workflow.move(minutes, MinutesStatus.ADJUSTED))
    assert search(DRAFT_MARKER).count == 0
    assert_no_marker_anywhere()


def test_minutes_taken_back_from_publication_are_no_longer_found(indexed_committee,
                                                                 run_on_commit, search):
    assert search("utvecklingsprogram").count == 1
    minutes = indexed_committee.published.minutes
    run_on_commit(lambda: workflow.move(minutes, MinutesStatus.ADJUSTED))
    assert search("utvecklingsprogram").count == 0
    assert not Entry.objects.filter(meeting=indexed_committee.published).exists()


def test_an_item_made_confidential_after_publication_disappears(indexed_committee,
                                                                run_on_commit, search):
    item = AgendaItem.objects.get(meeting=indexed_committee.published, title__contains="utveckl")
    item.confidential = True
    run_on_commit(item.save)
    assert search("utvecklingsprogram").count == 0


def test_an_item_under_a_confidential_item_is_not_found(indexed_committee, run_on_commit,
                                                        search):
    parent = indexed_committee.published.items.get(confidential=True)
    run_on_commit(lambda: AgendaItem.objects.create(
        meeting=indexed_committee.published, parent=parent, position=0,
        title="Underpunkt om löneöversyn", text="Löneöversynen redovisas.",
    ))
    assert search("löneöversyn").count == 0


def test_a_matter_is_found_only_when_public_and_dealt_with_in_published_minutes(
    indexed_committee, run_on_commit, search
):
    def matter(slug: str, public: bool) -> Matter:
        return Matter.objects.create(title=f"Ärende {slug} vägbygge", slug=slug, public=public,
                                     description="Ett nytt vägbygge.")

    def link(item: AgendaItem, to: Matter) -> None:
        item.matter = to
        item.save()

    published_item = indexed_committee.published.items.get(title="Välkommen")
    draft_item = indexed_committee.draft.items.get()
    secret_item = indexed_committee.published.items.get(confidential=True)
    run_on_commit(lambda: link(published_item, matter("offentligt", public=True)))
    run_on_commit(lambda: link(draft_item, matter("utkast", public=True)))
    run_on_commit(lambda: link(secret_item, matter("hemligt", public=True)))
    hidden = run_on_commit(lambda: matter("dolt", public=False))
    assert [hit.entry.title for hit in search("vägbygge").page] == ["Ärende offentligt vägbygge"]

    hidden.public = True
    run_on_commit(hidden.save)  # public now, but no published item deals with it
    assert search("vägbygge").count == 1
