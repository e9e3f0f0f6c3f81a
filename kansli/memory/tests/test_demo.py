"""The demo shows the committee's memory: roles over time, a change, open actions (one overdue),
a forward-planned matter and the adoption matrix, and loading it twice changes nothing."""

from __future__ import annotations

import datetime

import pytest

from kansli.demo import load_demo
from kansli.meetings import adoption, followup
from kansli.meetings.models import ActionItem, ForwardPlan, Matter
from kansli.registry.changes import RE_ELECTED, changes_between
from kansli.registry.models import MembershipRole, Tenure
from kansli.registry.roster import Roster

TODAY = datetime.date(2026, 11, 28)


@pytest.mark.django_db
def test_the_demo_shows_the_committee_s_memory():
    demo = load_demo(TODAY)
    roster = Roster.of(demo.body)
    roles = {seat.person.name: seat.role for seat in roster.people_on(TODAY)}
    assert roles["Karin Wester"] == MembershipRole.CHAIR
    assert roles["Maria Nordin"] == MembershipRole.VICE_CHAIR
    assert roles["Camilla Norén"] == MembershipRole.SUBSTITUTE
    assert "Petra Ahl" not in roles  # her seat ended mid-term
    assert {seat.person.name for seat in roster.history()} >= {"Anders Kvist", "Petra Ahl"}

    changes = changes_between(demo.body, demo.draft.date, TODAY)
    assert [(c.kind, c.person.name) for c in changes] == [(RE_ELECTED, "Maria Nordin")]

    found = followup.outstanding(demo.body, TODAY)
    assert len(found.actions) == 2 and len(found.overdue) == 1
    assert [plan.when_as_written for plan in found.plans] == ["i början på nästa år"]
    assert ActionItem.objects.filter(status=ActionItem.Status.DONE).count() == 1

    rollup = adoption.rollup(Matter.objects.get(slug="kompetensforsorjning"))
    assert rollup.text == "5 av 8 har antagit"


@pytest.mark.django_db
def test_loading_the_demo_twice_adds_no_memory():
    load_demo(TODAY)
    counts = (Tenure.objects.count(), ActionItem.objects.count(), ForwardPlan.objects.count())
    load_demo(TODAY)
    assert (Tenure.objects.count(), ActionItem.objects.count(),
            ForwardPlan.objects.count()) == counts
