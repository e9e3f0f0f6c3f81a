"""`modified` of an API object moves when any record it is made of changes, after the change
commits, and not when the change is rolled back."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.db import transaction

from kansli.api.models import Stamp
from kansli.meetings.models import Adoption, Attachment, Decision, Matter
from kansli.minutes import workflow


def stamps() -> set[tuple[str, str]]:
    return set(Stamp.objects.values_list("kind", "key"))


@pytest.fixture
def clean(committee) -> None:
    Stamp.objects.all().delete()


def test_a_decision_moves_its_item_meeting_and_files(
    committee, clean, django_capture_on_commit_callbacks
):
    decision = Decision.objects.filter(item__meeting=committee.published).first()
    with django_capture_on_commit_callbacks(execute=True):
        decision.text = "Ändrat."
        decision.save()
    meeting = str(committee.published.pk)
    assert stamps() == {
        ("agendaitem", str(decision.item_id)), ("meeting", meeting),
        ("file", f"{meeting}-pdf"), ("file", f"{meeting}-docx"), ("file", f"{meeting}-txt"),
    }


def test_a_second_change_moves_modified_not_created(
    committee, clean, django_capture_on_commit_callbacks
):
    matter = Matter.objects.create(title="Ärende", slug="arende")
    with django_capture_on_commit_callbacks(execute=True):
        matter.save()
    first = Stamp.objects.get(kind="paper")
    with django_capture_on_commit_callbacks(execute=True):
        Adoption.objects.create(matter=matter, organisation=committee.chair.organisation)
    again = Stamp.objects.get(kind="paper")
    assert again.created == first.created and again.modified > first.modified
    assert Stamp.objects.filter(kind="consultation").exists()


def test_publishing_moves_everything_the_minutes_make_public(
    committee, clean, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(committee.draft.minutes)
    items = {str(pk) for pk in committee.draft.items.values_list("pk", flat=True)}
    assert {key for kind, key in stamps() if kind == "agendaitem"} == items
    assert ("person", str(committee.chair.pk)) in stamps()


def test_a_rolled_back_change_moves_nothing(committee, clean, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                Matter.objects.create(title="Ångrat", slug="angrat")
                raise RuntimeError
        except RuntimeError:
            pass
    assert stamps() == set()


def test_an_attachment_made_public_moves_its_file_item_and_meeting(
    committee, clean, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    item = committee.published.items.order_by("sort_key").first()
    attachment = Attachment(item=item, original_name="a.txt", content_type="text/plain", size=1)
    attachment.file.save("a.txt", ContentFile(b"a"), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        attachment.public = True
        attachment.save()
    assert {("file", f"a{attachment.pk}"), ("agendaitem", str(item.pk)),
            ("meeting", str(item.meeting_id))} <= stamps()
