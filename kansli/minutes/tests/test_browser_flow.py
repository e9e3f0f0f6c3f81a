"""The whole life of a meeting in Chromium, with two people: a secretary plans a meeting from the
standard agenda, adds an item with an attachment, sends the kallelse, takes the roll-call, writes
the item with a decision and sends the minutes for adjustment; the adjuster signs them in a
browser of their own; the secretary publishes; and an anonymous reader finds the minutes and
downloads a PDF whose signature `kansli verify` accepts. Every page visited passes axe-core's
WCAG 2.1 A and AA rules."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.management import call_command
from icalendar import Calendar
from playwright.sync_api import Browser, Page, expect

from kansli.meetings.models import Meeting
from kansli.minutes.models import MinutesStatus, PublishedFile
from kansli.registry.models import Membership, MembershipRole
from kansli.staff.tests.conftest import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Justering-2031!"
DAY = "2031-04-10"


def with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


def logged_in(chromium: Browser, base: str, username: str) -> Page:
    """A browser of that person's own (a context: its own cookies), logged in."""
    context = chromium.new_context(
        locale="sv-SE", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.goto(base + "/logga-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/hantera/")
    return page


@pytest.fixture
def seated(committee):
    """The chair and the adjuster are members of the committee, with e-mail addresses."""
    for person, address, role in (
        (committee.chair, "asa@alby.example", MembershipRole.CHAIR),
        (committee.adjuster, "bjorn@borg.example", MembershipRole.MEMBER),
    ):
        person.email = address
        person.save()
        Membership.objects.create(body=committee.body, person=person, role=role)
    return committee


def plan_meeting(page: Page, base: str, body: str, assert_accessible, tmp_path) -> None:
    page.goto(f"{base}/hantera/{body}/nytt-mote/")
    page.fill("#id_date", DAY)
    page.fill("#id_start_time", "13:00")
    page.fill("#id_end_time", "15:00")
    page.fill("#id_place", "Stadshuset, sammanträdesrum 1")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/hantera/{body}/{DAY}/")
    page.fill("#id_title", "Gemensam cykelplan")
    page.select_option("#id_kind", "decision")
    page.locator("form[action$='/punkter/ny/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/punkter/\d+/$"))
    document = tmp_path / "cykelplan.pdf"
    document.write_bytes(PDF)
    page.set_input_files("#id_file", str(document))
    page.locator("form[action$='/bilagor/'] button[type=submit]").click()
    expect(page.locator("#bilagor a", has_text="cykelplan.pdf")).to_be_visible()


def send_kallelse(page: Page, base: str, body: str, assert_accessible) -> None:
    page.goto(f"{base}/hantera/{body}/{DAY}/")
    assert_accessible(page)
    page.fill("#kallelse-extra", "gast@example.se")
    page.locator("form[action$='/kallelse/'] button[type=submit]").click()
    expect(page.locator("#messages")).to_contain_text("3")
    expect(page.locator(".panel-notices .mail-status")).to_be_visible()
    assert_accessible(page)
    meeting = Meeting.objects.get(slug=DAY)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "asa@alby.example", "bjorn@borg.example", "gast@example.se"
    ]
    names = [attachment[0] for attachment in mail.outbox[0].attachments]
    assert "cykelplan.pdf" in names and "kallelse.ics" in names
    ics = next(a[1] for a in mail.outbox[0].attachments if a[0] == "kallelse.ics")
    calendar = Calendar.from_ical(ics if isinstance(ics, bytes) else ics.encode())
    event = calendar.walk("VEVENT")[0]
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["UID"]).startswith(f"meeting-{meeting.pk}@")
    assert str(event["LOCATION"]) == "Stadshuset, sammanträdesrum 1"


def take_roll_call_and_write(page: Page, base: str, body: str, assert_accessible) -> None:
    page.goto(f"{base}/hantera/{body}/{DAY}/narvaro/")
    page.locator("form[action$='/hamta-ledamoter/'] button").click()
    expect(page.locator("table.rollcall tbody tr")).to_have_count(2)
    page.locator("form[action$='/narvaro/'] button.button-primary").click()
    expect(page.locator("#messages")).not_to_be_empty()
    page.locator("#utses label", has_text="Björn Justerare").locator("input").check()
    page.locator("form[action$='/utses/'] button[type=submit]").click()
    expect(page.locator("#messages")).not_to_be_empty()
    page.goto(f"{base}/hantera/{body}/{DAY}/")
    page.get_by_role("link", name="Gemensam cykelplan", exact=True).click()
    page.fill("#id_text", "Förslaget till gemensam cykelplan presenteras.")
    page.fill("#id_decisions-0-text", "Samarbetskommittén ställer sig bakom cykelplanen.")
    expect(page.locator("#save-status .save-ok")).to_be_visible(timeout=10_000)


def test_a_meeting_from_plan_to_signed_public_minutes(
    live_server, chromium: Browser, browser_page: Page, assert_accessible, seated,
    secretary_user, adjuster_user, signing_certificate, tmp_path,
):
    base, body = live_server.url, seated.body.slug
    with_password(secretary_user)
    with_password(adjuster_user)
    secretary = logged_in(chromium, base, secretary_user.username)

    plan_meeting(secretary, base, body, assert_accessible, tmp_path)
    send_kallelse(secretary, base, body, assert_accessible)
    take_roll_call_and_write(secretary, base, body, assert_accessible)

    # Justering: the secretary sends, the adjuster gets the link by e-mail.
    mail.outbox.clear()
    secretary.goto(f"{base}/hantera/{body}/{DAY}/")
    secretary.locator("form[action$='/justering/skicka/'] button[type=submit]").click()
    expect(secretary.locator(".panel-minutes")).to_contain_text("Björn Justerare")
    assert_accessible(secretary)
    request_mail = next(m for m in mail.outbox if m.to == ["bjorn@borg.example"])
    link = re.search(r"https?://\S+/justering/", request_mail.body).group(0)

    adjuster = logged_in(chromium, base, adjuster_user.username)
    adjuster.goto(base + link[link.index("/hantera/"):])
    expect(adjuster.locator("main")).to_contain_text("Samarbetskommittén ställer sig bakom")
    assert_accessible(adjuster)
    adjuster.locator("form[action$='/justering/signera/'] button[type=submit]").click()
    expect(adjuster.locator("#messages")).not_to_be_empty()
    expect(adjuster.locator("main")).to_contain_text("Björn Justerare")
    assert_accessible(adjuster)

    # Publishing.
    secretary.goto(f"{base}/hantera/{body}/{DAY}/")
    secretary.locator("form[action$='/publicera/'] button[type=submit]").click()
    expect(secretary.locator("#messages")).not_to_be_empty()
    assert_accessible(secretary)
    meeting = Meeting.objects.get(slug=DAY)
    assert meeting.minutes.status == MinutesStatus.PUBLISHED

    # An anonymous reader, in a browser of their own.
    reader = browser_page
    reader.goto(f"{base}/{body}/{DAY}/")
    expect(reader.locator("main")).to_contain_text("Samarbetskommittén ställer sig bakom")
    assert_accessible(reader)
    with reader.expect_download() as download:
        reader.locator(".downloads a[href$='.pdf']").click()
    saved = tmp_path / "protokoll.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes() == PublishedFile.objects.get(format="pdf").file.read()
    call_command("verify", str(saved))  # raises CommandError unless genuine

    reader.goto(f"{base}/anslagstavla/")
    assert_accessible(reader)
    for page in (secretary, adjuster):
        page.context.close()
