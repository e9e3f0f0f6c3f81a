"""The roll-call from the body's seats, attendance marked per person, appointing the note-taker
and adjusters, and the audit trail of all of it."""

from __future__ import annotations

import datetime

import pytest

from kansli.meetings.models import Attendance, AttendanceRole, AttendanceStatus
from kansli.minutes.models import Minutes
from kansli.registry.models import Membership, MembershipRole, Post, Tenure
from kansli.staff.editing import minutes_token


def base(meeting) -> str:
    return f"/hantera/{meeting.body.slug}/{meeting.slug}/narvaro/"


@pytest.fixture
def seated(committee):
    """The chair sits in her own name; the adjuster holds the ex officio seat of a post."""
    body = committee.body
    Membership.objects.create(body=body, person=committee.chair, role=MembershipRole.CHAIR)
    post = Post.objects.create(name="KSO Borg", organisation=committee.adjuster.organisation)
    Tenure.objects.create(post=post, person=committee.adjuster, start=datetime.date(2020, 1, 1))
    Membership.objects.create(body=body, post=post, on_behalf_of=post.organisation)
    Membership.objects.create(body=body, person=committee.secretary,
                              role=MembershipRole.SUBSTITUTE)
    return committee


def rollcall_data(meeting, changes: dict[int, dict]) -> dict:
    rows = list(meeting.attendances.order_by("position", "pk"))
    data = {"attendance-TOTAL_FORMS": len(rows), "attendance-INITIAL_FORMS": len(rows)}
    for index, row in enumerate(rows):
        data.update({
            f"attendance-{index}-id": row.pk, f"attendance-{index}-meeting": meeting.pk,
            f"attendance-{index}-status": row.status, f"attendance-{index}-role": row.role,
        })
        for key, value in changes.get(row.person_id, {}).items():
            data[f"attendance-{index}-{key}"] = value
    return data


def test_the_roll_call_starts_from_who_sits_on_the_body_that_day(secretary_client, seated):
    meeting = seated.planned
    response = secretary_client.post(base(meeting) + "hamta-ledamoter/")
    assert response.status_code == 302
    rows = {a.person: a for a in meeting.attendances.select_related("person")}
    assert rows[seated.chair].role == AttendanceRole.CHAIR
    assert rows[seated.adjuster].organisation == seated.adjuster.organisation
    assert rows[seated.secretary].status == AttendanceStatus.NON_SERVING_SUBSTITUTE
    secretary_client.post(base(meeting) + "hamta-ledamoter/")
    assert meeting.attendances.count() == 3  # nobody twice
    assert Minutes.objects.filter(meeting=meeting, status="draft").exists()


def test_absent_remote_and_serving_substitute_are_recorded(secretary_client, seated):
    meeting = seated.planned
    secretary_client.post(base(meeting) + "hamta-ledamoter/")
    adjuster = meeting.attendances.get(person=seated.adjuster)
    data = rollcall_data(meeting, {
        seated.adjuster.pk: {"status": AttendanceStatus.ABSENT},
        seated.secretary.pk: {"status": AttendanceStatus.SERVING_SUBSTITUTE,
                              "substitute_for": adjuster.pk},
        seated.chair.pk: {"remote": "on"},
    })
    assert secretary_client.post(base(meeting), data).status_code == 302
    rows = {a.person_id: a for a in meeting.attendances.all()}
    assert rows[seated.adjuster.pk].status == AttendanceStatus.ABSENT
    assert rows[seated.secretary.pk].substitute_for == adjuster
    assert rows[seated.chair.pk].remote


def test_a_serving_substitute_must_say_for_whom(secretary_client, seated):
    meeting = seated.planned
    secretary_client.post(base(meeting) + "hamta-ledamoter/")
    data = rollcall_data(meeting, {
        seated.secretary.pk: {"status": AttendanceStatus.SERVING_SUBSTITUTE}})
    response = secretary_client.post(base(meeting), data)
    assert response.status_code == 400
    assert "Say whom the substitute serves for." in response.content.decode()
    assert not meeting.attendances.filter(status=AttendanceStatus.SERVING_SUBSTITUTE).exists()


def test_someone_outside_the_registry_can_be_added(secretary_client, committee):
    response = secretary_client.post(base(committee.draft) + "lagg-till/", {
        "add-name": "Eva Gäst", "add-organisation": "Regionen", "add-status": "other_present"})
    assert response.status_code == 302
    guest = Attendance.objects.get(name_as_written="Eva Gäst")
    assert (guest.organisation_as_written, guest.status) == ("Regionen", "other_present")
    response = secretary_client.post(base(committee.draft) + "lagg-till/",
                                     {"add-status": "present"})
    assert response.status_code == 400
    assert "Choose a person or write a name." in response.content.decode()


def test_the_note_taker_and_adjusters_are_appointed_among_those_present(
    secretary_client, committee
):
    meeting = committee.draft
    chair = meeting.attendances.get()
    minutes = Minutes.objects.get(meeting=meeting)
    response = secretary_client.post(base(meeting) + "utses/", {
        "minutes_token": minutes_token(minutes), "note_taker": chair.pk,
        "adjusters": [chair.pk], "adjustment_place_time": "Kansliet, 8 december",
        "adjustment_deadline": "2022-12-15",
    })
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.note_taker == chair
    assert list(minutes.adjusters.all()) == [chair]
    assert minutes.adjustment_deadline == datetime.date(2022, 12, 15)


def test_an_absent_person_cannot_be_appointed_adjuster(secretary_client, committee):
    meeting = committee.draft
    absent = Attendance.objects.create(meeting=meeting, person=committee.adjuster,
                                       name_as_written="x", status=AttendanceStatus.ABSENT)
    minutes = Minutes.objects.get(meeting=meeting)
    response = secretary_client.post(base(meeting) + "utses/", {
        "minutes_token": minutes_token(minutes), "adjusters": [absent.pk]})
    assert response.status_code == 400
    assert not minutes.adjusters.exists()


def test_appointments_based_on_an_old_version_are_refused(secretary_client, committee):
    meeting = committee.draft
    minutes = Minutes.objects.get(meeting=meeting)
    stale = minutes_token(minutes)
    minutes.adjustment_place_time = "Saved by someone else"
    minutes.save()
    response = secretary_client.post(base(meeting) + "utses/", {
        "minutes_token": stale, "adjustment_place_time": "Mine"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Saved by someone else" in page and "Mine" in page
    minutes.refresh_from_db()
    assert minutes.adjustment_place_time == "Saved by someone else"


def test_the_history_shows_who_changed_what(secretary_client, committee):
    meeting = committee.draft
    item = meeting.items.get()
    address = f"/hantera/{meeting.body.slug}/{meeting.slug}/punkter/{item.pk}/"
    secretary_client.post(address, {
        "revision": 0, "title": "Omdöpt punkt", "kind": item.kind, "text": "Ny text",
        "decisions-TOTAL_FORMS": 0, "decisions-INITIAL_FORMS": 0,
    })
    minutes = Minutes.objects.get(meeting=meeting)
    from kansli.minutes import workflow

    workflow.move(minutes, "for_adjustment")
    page = secretary_client.get(f"/hantera/{meeting.body.slug}/{meeting.slug}/historik/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Dag Sekreterare" in text
    assert "Omdöpt punkt" in text and "Ny text" in text
    assert "Sent for adjustment" in text
    # Another meeting's changes are not in this meeting's history.
    assert "Förslag nytt utvecklingsprogram" not in text


def test_members_do_not_read_the_history(member_client, committee):
    address = f"/hantera/{committee.body.slug}/{committee.draft.slug}/historik/"
    assert member_client.get(address).status_code == 403
