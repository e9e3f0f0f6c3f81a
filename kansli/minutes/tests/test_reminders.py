import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from kansli.minutes import workflow
from kansli.minutes.reminders import send_reminders
from kansli.registry.models import BodyMode

pytestmark = pytest.mark.usefixtures("in_english")


@pytest.fixture
def out(draft, committee):
    for person, address in ((committee.adjuster, "bjorn@borg.example"),
                            (committee.chair, "asa@alby.example")):
        person.email = address
        person.save()
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.save()
    request = workflow.send_for_adjustment(draft, deadline=datetime.date(2099, 1, 20))
    mail.outbox.clear()
    return request


def test_no_reminder_long_before_the_deadline(out):
    assert send_reminders(datetime.date(2099, 1, 10)) == 0
    assert mail.outbox == []


def test_signers_who_have_not_signed_are_reminded_once(out, committee):
    workflow.sign(out.minutes, person=committee.chair, sha256=out.version.sha256)
    assert send_reminders(datetime.date(2099, 1, 17)) == 1
    assert [m.to for m in mail.outbox] == [["bjorn@borg.example"]]
    assert mail.outbox[0].subject.startswith("Reminder")
    assert send_reminders(datetime.date(2099, 1, 18)) == 0


def test_no_reminder_after_the_deadline_or_once_adjusted(out, committee):
    assert send_reminders(datetime.date(2099, 1, 21)) == 0
    for person in (committee.chair, committee.adjuster):
        workflow.sign(out.minutes, person=person, sha256=out.version.sha256)
    assert send_reminders(datetime.date(2099, 1, 19)) == 0


def test_the_command_reports_what_it_did(out, capsys):
    call_command("send-reminders")
    assert "reminded" in capsys.readouterr().out
