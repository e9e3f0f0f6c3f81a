"""The index follows the minutes: publishing adds, corrections change, unpublishing removes; and
`kansli reindex` rebuilds it all."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection

from kansli.meetings.models import AgendaItem, Decision, Matter
from kansli.minutes import workflow
from kansli.minutes.models import MinutesStatus
from kansli.search.models import Entry, EntryKind, Term


def test_publishing_indexes_each_public_item_with_its_decisions(indexed_committee):
    entries = Entry.objects.filter(meeting=indexed_committee.published).order_by("number")
    assert [(e.number, e.title) for e in entries] == [
        ("1", "Välkommen"), ("2", "Förslag nytt utvecklingsprogram"), ("4", "Nästa möte"),
    ]
    proposal = entries.get(number="2")
    assert proposal.text == (
        "Förslaget presenteras.\n\nSamarbetskommittén ställer sig bakom förslaget."
    )
    assert proposal.url == "/samarbetskommitten/2022-11-10/#punkt-2"
    assert (proposal.year, proposal.meeting_kind) == (2022, "planning_conference")
    assert proposal.body == indexed_committee.body


def test_an_entry_links_to_its_item_on_the_meeting_page(indexed_committee, reader):
    entry = Entry.objects.get(meeting=indexed_committee.published, number="2")
    page, anchor = entry.url.split("#")
    assert f'id="{anchor}"' in reader.get(page).content.decode()


def test_a_correction_to_published_minutes_is_followed(indexed_committee, run_on_commit, search):
    item = AgendaItem.objects.get(meeting=indexed_committee.published, number="2")
    decision = item.decisions.get()
    decision.text = "Samarbetskommittén antar cykelstrategin."
    run_on_commit(decision.save)
    assert search("cykelstrategi").count == 1
    assert search("bakom").count == 0

    run_on_commit(lambda: Decision.objects.create(item=item, position=1, text="Ny skrivning."))
    assert search("skrivning").count == 1

    item.title = "Förslag nytt bostadsprogram"
    run_on_commit(item.save)
    assert search("bostadsprogrammet").count == 1
    assert search("utvecklingsprogram").count == 0

    run_on_commit(item.delete)
    assert search("bostadsprogram").count == 0


def test_a_new_address_for_a_body_is_followed(indexed_committee, run_on_commit):
    body = indexed_committee.body
    body.slug = "kommitten"
    run_on_commit(body.save)
    assert set(Entry.objects.values_list("url", flat=True)) == {
        "/kommitten/2022-11-10/#punkt-1", "/kommitten/2022-11-10/#punkt-2",
        "/kommitten/2022-11-10/#punkt-4",
    }


def test_publishing_again_after_a_correction_indexes_the_new_content(indexed_committee,
                                                                     run_on_commit, search):
    minutes = indexed_committee.published.minutes
    run_on_commit(lambda: workflow.move(minutes, MinutesStatus.ADJUSTED))
    assert search("utvecklingsprogram").count == 0
    AgendaItem.objects.filter(title__contains="utvecklingsprogram").update(
        title="Förslag nytt kulturprogram"
    )
    run_on_commit(lambda: workflow.move(minutes, MinutesStatus.PUBLISHED))
    assert search("kulturprogrammet").count == 1
    assert search("utvecklingsprogram").count == 0


def test_nothing_is_indexed_before_the_publishing_transaction_commits(
    db, django_capture_on_commit_callbacks
):
    from conftest import build_committee

    with django_capture_on_commit_callbacks() as queued:
        build_committee()
    assert Entry.objects.count() == 0  # a rollback now would leave nothing behind
    with django_capture_on_commit_callbacks(execute=True):  # the commit
        for callback in queued:
            callback()
    assert Entry.objects.count() == 3


def test_a_matter_entry_links_to_the_matters_page(indexed_committee, run_on_commit, search,
                                                 reader):
    item = AgendaItem.objects.get(meeting=indexed_committee.published, number="2")
    matter = Matter.objects.create(title="Utvecklingsprogram 2030", slug="up2030", public=True,
                                   case_number="KS 2022/17", body=indexed_committee.body,
                                   description="Programmet för regionens utveckling.")
    item.matter = matter
    run_on_commit(item.save)
    entry = Entry.objects.get(kind=EntryKind.MATTER)
    assert (entry.matter, entry.url, entry.number) == (matter, "/arenden/up2030/", "KS 2022/17")
    assert (entry.meeting, entry.date) == (indexed_committee.published,
                                           indexed_committee.published.date)
    assert reader.get(entry.url).status_code == 200
    assert search("regionens").count == 1

    matter.public = False
    run_on_commit(matter.save)
    assert search("regionens").count == 0


def test_reindex_rebuilds_the_whole_index(committee):
    # Built without the on-commit work: nothing indexed yet, as after restoring a backup.
    assert Entry.objects.count() == 0
    out = io.StringIO()
    call_command("reindex", stdout=out)
    assert out.getvalue().strip() == "Indexed 3 items and 0 matters."
    assert Entry.objects.count() == 3
    assert Term.objects.filter(term="utvecklingsprogram").exists()
    call_command("reindex", stdout=io.StringIO())  # again: the same, not twice as much
    assert Entry.objects.count() == 3


def test_the_database_has_its_full_text_structure(db):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'search_entry_fts%%'")
            names = {row[0] for row in cursor.fetchall()}
            assert {"search_entry_fts", "search_entry_fts_insert", "search_entry_fts_delete",
                    "search_entry_fts_update"} <= names
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                           ["search_entry_document"])
            assert "gin (document)" in cursor.fetchone()[0]
        else:
            pytest.fail(f"search has no engine for {connection.vendor}")
