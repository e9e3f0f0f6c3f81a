"""A secretary who has never seen Kansli runs a meeting in Chromium: logs in, plans a meeting
from the standard agenda, adds an item with an attachment, takes the roll-call and writes the
item with a decision. Two people writing the same item do not overwrite each other. Every page
visited passes axe-core's WCAG 2.1 A and AA rules."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from kansli.meetings.models import AgendaItem, Attachment, Meeting
from kansli.registry.models import Membership, MembershipRole
from kansli.staff.tests.conftest import PASSWORD, PDF, log_in, with_password

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

@pytest.fixture
def seated(committee):
    Membership.objects.create(body=committee.body, person=committee.chair,
                              role=MembershipRole.CHAIR)
    Membership.objects.create(body=committee.body, person=committee.adjuster)
    return committee


def test_a_secretary_runs_a_meeting_in_the_browser(
    live_server, browser_page: Page, assert_accessible, seated, secretary_user, tmp_path
):
    with_password(secretary_user)
    page, base = browser_page, live_server.url
    log_in(page, base, "sekreterare")
    assert_accessible(page)

    page.locator(f'a[href="/hantera/{seated.body.slug}/"]').first.click()
    assert_accessible(page)
    page.locator(f'a[href="/hantera/{seated.body.slug}/nytt-mote/"]').click()
    assert_accessible(page)
    page.fill("#id_date", "2031-04-10")
    page.fill("#id_start_time", "13:00")
    page.fill("#id_end_time", "15:00")
    page.fill("#id_place", "Stadshuset, sammanträdesrum 1")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/hantera/{seated.body.slug}/2031-04-10/")
    expect(page.locator(".agenda-item")).to_have_count(7)
    assert_accessible(page)

    # An item of the day, before "Övriga frågor".
    page.fill("#id_title", "Gemensam cykelplan")
    page.select_option("#id_kind", "decision")
    page.locator("form[action$='/punkter/ny/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/punkter/\d+/$"))
    expect(page.locator("h1")).to_contain_text("5 Gemensam cykelplan")
    assert_accessible(page)

    document = tmp_path / "cykelplan.pdf"
    document.write_bytes(PDF)
    page.set_input_files("#id_file", str(document))
    page.locator("form[action$='/bilagor/'] button[type=submit]").click()
    expect(page.locator("#bilagor a", has_text="cykelplan.pdf")).to_be_visible()
    assert_accessible(page)

    # The roll-call, from the body's members.
    page.goto(f"{base}/hantera/{seated.body.slug}/2031-04-10/narvaro/")
    assert_accessible(page)
    page.locator("form[action$='/hamta-ledamoter/'] button").click()
    expect(page.locator("table.rollcall tbody tr")).to_have_count(2)
    page.locator("table.rollcall select[name$='-status']").nth(1).select_option("absent")
    page.locator("table.rollcall input[name$='-remote']").nth(0).check()
    page.locator("form[action$='/narvaro/'] button.button-primary").click()
    expect(page.locator("#messages")).not_to_be_empty()
    assert_accessible(page)

    # Writing the item: what is typed is saved without pressing anything.
    item = AgendaItem.objects.get(title="Gemensam cykelplan")
    page.goto(f"{base}/hantera/{seated.body.slug}/2031-04-10/punkter/{item.pk}/")
    page.fill("#id_text", "Förslaget till gemensam cykelplan presenteras.")
    page.fill("#id_decisions-0-text", "Samarbetskommittén ställer sig bakom cykelplanen.")
    expect(page.locator("#save-status .save-ok")).to_be_visible(timeout=10_000)
    assert_accessible(page)
    page.reload()
    expect(page.locator("#id_text")).to_have_value("Förslaget till gemensam cykelplan presenteras.")
    assert_accessible(page)

    meeting = Meeting.objects.get(slug="2031-04-10")
    assert list(item.decisions.values_list("text", flat=True)) == [
        "Samarbetskommittén ställer sig bakom cykelplanen."]
    assert Attachment.objects.get(item=item).content_type == "application/pdf"
    assert meeting.attendances.filter(status="absent").count() == 1
    assert meeting.attendances.filter(remote=True).count() == 1

    page.goto(f"{base}/hantera/{seated.body.slug}/2031-04-10/historik/")
    expect(page.locator("table.history")).to_contain_text("Gemensam cykelplan")
    assert_accessible(page)


def test_two_people_writing_one_item_do_not_overwrite_each_other(
    live_server, chromium: Browser, assert_accessible, committee, secretary_user
):
    other = with_password(get_user_model().objects.create_superuser(
        "kollega", "kollega@example.se", PASSWORD))
    with_password(secretary_user)
    item = committee.draft.items.get()
    meeting = committee.draft
    address = f"{live_server.url}/hantera/{meeting.body.slug}/{meeting.slug}/punkter/{item.pk}/"
    pages = []
    for username in ("sekreterare", other.username):
        context = chromium.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        log_in(page, live_server.url, username)
        page.goto(address)
        pages.append(page)
    mine, theirs = pages

    theirs.fill("#id_text", "Kollegans anteckningar.")
    expect(theirs.locator("#save-status .save-ok")).to_be_visible(timeout=10_000)
    mine.fill("#id_text", "Mina anteckningar.")
    conflict = mine.locator("#save-status .conflict")
    expect(conflict).to_be_visible(timeout=10_000)
    expect(conflict).to_contain_text("Kollegans anteckningar.")
    expect(mine.locator("#id_text")).to_have_value("Mina anteckningar.")
    assert_accessible(mine)
    item.refresh_from_db()
    assert item.text == "Kollegans anteckningar."

    mine.locator("button[name=overwrite]").click()
    mine.wait_for_load_state()
    expect(mine.locator("#id_text")).to_have_value("Mina anteckningar.")
    item.refresh_from_db()
    assert item.text == "Mina anteckningar."
    for page in pages:
        page.context.close()


def test_every_staff_page_passes_axe(
    live_server, browser_page: Page, assert_accessible, committee, secretary_user, attachment
):
    """Each page the secretariat can open, in both modes, locked and refused, is checked."""
    from kansli.staff.tests.test_permissions import routes

    with_password(secretary_user)
    page, base = browser_page, live_server.url
    log_in(page, base, "sekreterare")
    item = committee.draft.items.get()
    addresses = [
        reverse(f"staff:{route.name}", kwargs=kwargs)
        for route, kwargs in routes(committee, attachment)
        if route.method == "get" and route.name != "attachment"
    ]
    locked = f"/hantera/{committee.body.slug}/{committee.published.slug}/andra/"
    refused = "/hantera/ingen-roll/"
    for address in [*addresses, locked]:
        response = page.goto(base + address)
        assert response.status in (200, 409), address
        assert_accessible(page)
    committee.body.mode = "protocol"
    committee.body.save()
    page.goto(f"{base}/hantera/{committee.body.slug}/{committee.draft.slug}/punkter/{item.pk}/")
    expect(page.locator("#voteringar")).to_be_visible()
    assert_accessible(page)
    from kansli.registry.models import Body

    Body.objects.create(organisation=committee.body.organisation, name="Annan", slug="ingen-roll")
    assert page.goto(base + refused).status == 403
    assert_accessible(page)
