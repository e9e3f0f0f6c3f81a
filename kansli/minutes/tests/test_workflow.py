import pytest

from kansli.minutes import workflow
from kansli.minutes.models import Minutes, MinutesStatus


@pytest.fixture
def draft(committee):
    return committee.draft.minutes


def test_a_draft_cannot_be_published_directly(draft):
    with pytest.raises(workflow.WorkflowError, match="Utkast"):
        workflow.move(draft, MinutesStatus.PUBLISHED)
    draft.refresh_from_db()
    assert draft.status == MinutesStatus.DRAFT
    assert not draft.status_changes.exists()


def test_sending_for_adjustment_freezes_the_content_with_its_checksum(draft):
    moved = workflow.move(draft, MinutesStatus.FOR_ADJUSTMENT)
    version = moved.versions.get()
    assert version.number == 1
    assert len(version.sha256) == 64
    assert version.content["items"][0]["title"].startswith("Utkastpunkt")
    change = moved.status_changes.get()
    assert (change.from_status, change.to_status) == ("draft", "for_adjustment")


def test_an_unchanged_draft_sent_again_keeps_its_version(draft):
    workflow.move(draft, MinutesStatus.FOR_ADJUSTMENT)
    workflow.move(draft, MinutesStatus.DRAFT)
    workflow.move(draft, MinutesStatus.FOR_ADJUSTMENT)
    assert draft.versions.count() == 1


def test_publish_walks_every_step_and_records_each(draft):
    published = workflow.publish(draft)
    assert published.status == MinutesStatus.PUBLISHED
    assert published.adjusted_at and published.published_at
    assert [c.to_status for c in published.status_changes.all()] == [
        "for_adjustment", "adjusted", "published"
    ]
    assert Minutes.objects.published().filter(pk=draft.pk).exists()


def test_publishing_published_minutes_changes_nothing(committee):
    minutes = committee.published.minutes
    before = minutes.status_changes.count()
    workflow.publish(minutes)
    assert minutes.status_changes.count() == before
