"""A proposal sent to the member organisations: one record each, recorded again as it moves on,
rolled up ("2 av 3 har antagit"), laid out as a matrix, and reminded of when overdue."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from kansli.accounts.models import BodyRole, Role
from kansli.meetings import adoption
from kansli.meetings.models import Adoption, Matter
from kansli.notices.models import OutgoingMail
from kansli.registry.models import Organisation

D = datetime.date
Status = Adoption.Status


@pytest.fixture(autouse=True)
def _in_english():
    # The messages are checked as written (msgids); the Swedish default is the catalogue's.
    with translation.override("en"):
        yield


@pytest.fixture
def proposal(committee) -> Matter:
    return Matter.objects.create(title="Utvecklingsprogram", slug="up", body=committee.body,
                                 adoption_due=D(2023, 3, 31))


def members(committee) -> list[Organisation]:
    return list(committee.body.member_organisations.order_by("name"))


def test_sending_asks_each_member_organisation_once(committee, proposal):
    assert adoption.send_to_members(proposal) == 3
    assert adoption.send_to_members(proposal) == 0
    assert set(proposal.adoptions.values_list("status", flat=True)) == {Status.PENDING}


def test_sending_needs_members(committee):
    lone = Matter.objects.create(title="Eget", slug="eget")
    with pytest.raises(adoption.AdoptionError, match="no responsible body"):
        adoption.send_to_members(lone)


def test_an_adoption_recorded_twice_updates_the_one_record(committee, proposal):
    alby = members(committee)[0]
    adoption.record(proposal, alby, status=Status.SCHEDULED, decision_date=D(2023, 2, 6),
                    deciding_body="Kommunstyrelsen")
    adoption.record(proposal, alby, status=Status.ADOPTED, decision_date=D(2023, 2, 6),
                    deciding_body="Kommunstyrelsen", reference="KS § 12",
                    url="https://alby.example/ks/2023-02-06")
    found = Adoption.objects.get(matter=proposal, organisation=alby)
    assert (found.status, found.reference) == (Status.ADOPTED, "KS § 12")
    assert Adoption.objects.filter(matter=proposal).count() == 1


@pytest.mark.parametrize("status", [Status.ADOPTED, Status.ADOPTED_WITH_CHANGES,
                                    Status.REJECTED, Status.SCHEDULED])
def test_a_decision_needs_its_date(committee, proposal, status):
    with pytest.raises(adoption.AdoptionError, match="date"):
        adoption.record(proposal, members(committee)[0], status=status)
    assert not Adoption.objects.exists()


def test_the_roll_up_counts_adopted_with_changes_and_not_rejected(committee, proposal):
    alby, borg, cedt = members(committee)
    adoption.record(proposal, alby, status=Status.ADOPTED, decision_date=D(2023, 2, 1))
    adoption.record(proposal, borg, status=Status.ADOPTED_WITH_CHANGES,
                    decision_date=D(2023, 2, 2))
    adoption.record(proposal, cedt, status=Status.REJECTED, decision_date=D(2023, 2, 3))
    found = adoption.rollup(proposal)
    assert (found.adopted, found.rejected, found.total, found.complete) == (2, 1, 3, True)
    assert found.text == "2 av 3 har antagit"


def test_the_matrix_has_a_column_per_organisation_asked(
    committee, proposal, django_assert_num_queries
):
    other = Matter.objects.create(title="Cykelplan", slug="cykel", body=committee.body)
    alby, borg, _cedt = members(committee)
    adoption.send_to_members(proposal)
    adoption.record(other, borg, status=Status.ADOPTED, decision_date=D(2023, 1, 1))
    Matter.objects.create(title="Aldrig skickat", slug="aldrig", body=committee.body)
    with django_assert_num_queries(2):
        found = adoption.matrix(Matter.objects.filter(body=committee.body))
        table = found.table
    assert [row.matter.title for row, _cells in table] == ["Cykelplan", "Utvecklingsprogram"]
    assert [org.short_name for org in found.organisations] == ["Alby", "Borg", "Cedt"]
    cykel_cells = table[0][1]
    assert cykel_cells[0] is None and cykel_cells[1].status == Status.ADOPTED


@pytest.fixture
def secretary_with_mail(secretary_user):
    secretary_user.email = "sekreterare@example.se"
    secretary_user.save()
    return secretary_user


def test_pending_adoptions_after_the_day_remind_the_secretariat_once(
    committee, proposal, secretary_with_mail
):
    adoption.send_to_members(proposal)
    alby = members(committee)[0]
    adoption.record(proposal, alby, status=Status.ADOPTED, decision_date=D(2023, 2, 1))
    assert adoption.remind(D(2023, 3, 31)) == 0  # not after the day yet
    assert adoption.remind(D(2023, 4, 1)) == 1
    mail = OutgoingMail.objects.get()
    assert mail.to == ["sekreterare@example.se"]
    assert "Utvecklingsprogram" in mail.subject
    assert "Borg kommun" in mail.body and "Alby kommun" not in mail.body
    assert "/hantera/samarbetskommitten/arenden/up/" in mail.body
    assert adoption.remind(D(2023, 4, 2)) == 0
    proposal.refresh_from_db()
    proposal.adoption_due = D(2023, 6, 30)
    proposal.save()
    assert adoption.remind(D(2023, 7, 1)) == 1


def test_no_reminder_when_all_have_decided_or_the_matter_is_closed(
    committee, proposal, secretary_with_mail
):
    for organisation in members(committee):
        adoption.record(proposal, organisation, status=Status.REJECTED,
                        decision_date=D(2023, 1, 1))
    assert adoption.remind(D(2023, 4, 1)) == 0
    Adoption.objects.filter(matter=proposal).update(status=Status.PENDING, decision_date=None)
    Matter.objects.filter(pk=proposal.pk).update(status=Matter.Status.CLOSED)
    assert adoption.remind(D(2023, 4, 1)) == 0


def test_only_the_body_s_active_secretaries_are_reminded(committee, proposal, member_user,
                                                          secretary_with_mail):
    member_user.email = "ledamot@example.se"
    member_user.save()
    assert adoption.secretary_addresses(proposal) == ["sekreterare@example.se"]
    BodyRole.objects.filter(role=Role.SECRETARY).delete()
    adoption.send_to_members(proposal)
    assert adoption.remind(D(2023, 4, 1)) == 0
    assert not OutgoingMail.objects.exists()


def test_the_command_reminds_and_refuses_a_bad_date(committee, proposal, secretary_with_mail):
    adoption.send_to_members(proposal)
    out = io.StringIO()
    call_command("remind-adoptions", "--date", "2023-04-01", stdout=out)
    assert out.getvalue().startswith("1 matter")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("remind-adoptions", "--date", "1 april")
