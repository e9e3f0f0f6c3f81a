"""A secretary keeps the committee's memory in Chromium: records an election change, plans the
next meeting and finds its roll-call, its "changes" item and its outstanding matters already
written, then records three member organisations' decisions and sees the roll-up, in the
secretariat's matrix and on the public site. Every page visited passes axe-core's WCAG 2.1 A and
AA rules."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from kansli.meetings.models import ActionItem, AgendaItem, ItemKind, Matter, Meeting
from kansli.registry.models import Membership, MembershipRole, Party, Post, Tenure
from kansli.staff.tests.test_browser import log_in, with_password

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def memory(committee):
    """KSO seats for the three municipalities, an overdue action, and a proposal dealt with
    in the published minutes."""
    body = committee.body
    for person in (committee.chair, committee.adjuster):
        organisation = person.organisation
        post = Post.objects.create(name=f"KSO {organisation.short_name}",
                                   organisation=organisation)
        Membership.objects.create(body=body, post=post, on_behalf_of=organisation)
        Tenure.objects.create(post=post, person=person, party=person.party,
                              start=datetime.date(2019, 1, 1))
    Membership.objects.create(body=body, person=committee.secretary,
                              role=MembershipRole.SECRETARY, voting=False)
    Party.objects.create(abbreviation="M", name="Moderaterna")
    ActionItem.objects.create(text="Sammanställ remissvaren.", owner=committee.secretary,
                              raised_in=committee.published.items.get(position=1),
                              due=datetime.date(2023, 1, 15))
    matter = Matter.objects.create(title="Utvecklingsprogram", slug="utvecklingsprogram",
                                   body=body, public=True)
    AgendaItem.objects.filter(meeting=committee.published, position=1).update(matter=matter)
    return committee


def item_text(page: Page, base: str, meeting: Meeting, kind: str) -> str:
    item = meeting.items.get(kind=kind)
    page.goto(f"{base}/hantera/{meeting.body.slug}/{meeting.slug}/punkter/{item.pk}/")
    return page.locator("#id_text").input_value()


def test_a_secretary_keeps_the_committee_s_memory(
    live_server, browser_page: Page, assert_accessible, memory, secretary_user
):
    with_password(secretary_user)
    page, base, body = browser_page, live_server.url, memory.body.slug
    log_in(page, base, "sekreterare")

    # An election change: Borg has a new KSO from 5 January.
    page.goto(base + "/hantera/register/")
    assert_accessible(page)
    page.locator("a[href='/hantera/register/forandring/']").first.click()
    assert_accessible(page)
    page.select_option("#id_post", label="KSO Borg")
    page.fill("#id_new_name", "Sara Heelge")
    page.select_option("#id_party", label="M")
    page.fill("#id_start", "2023-01-05")
    page.fill("#id_note", "Nytt styre")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/hantera/register/poster/\d+/$"))
    expect(page.locator("table.tenures")).to_contain_text("Sara Heelge")
    assert_accessible(page)

    # The next meeting starts from the memory.
    page.goto(f"{base}/hantera/{body}/nytt-mote/")
    assert_accessible(page)
    page.fill("#id_date", "2023-01-26")
    page.fill("#id_start_time", "13:00")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/hantera/{body}/2023-01-26/")
    expect(page.locator(".agenda-item", has_text="Förändringar sedan förra mötet")).to_be_visible()
    assert_accessible(page)
    meeting = Meeting.objects.get(slug="2023-01-26")

    page.goto(f"{base}/hantera/{body}/2023-01-26/narvaro/")
    rows = page.locator("table.rollcall tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("table.rollcall")).to_contain_text("Sara Heelge")
    expect(page.locator("table.rollcall")).not_to_contain_text("Björn Justerare")
    assert_accessible(page)

    changes = item_text(page, base, meeting, ItemKind.CHANGES)
    assert changes.startswith("Borg: Nytt styre. Sara Heelge (M) är ny KSO från den 5 januari "
                              "och efterträder Björn Justerare (S).")
    assert "Inga förändringar: Alby och Cedt." in changes
    assert_accessible(page)
    outstanding = item_text(page, base, meeting, ItemKind.PREVIOUS)
    assert "– Sammanställ remissvaren. Ansvarig: Dag Sekreterare. Senast 15 januari. " \
           "Försenad." in outstanding

    # Three member organisations decide on the proposal.
    page.goto(f"{base}/hantera/{body}/arenden/utvecklingsprogram/")
    assert_accessible(page)
    page.locator("form[action$='/skicka/'] button").click()
    expect(page.locator("table.adoptions tbody tr")).to_have_count(3)
    decisions = [("Alby kommun", "adopted"), ("Borg kommun", "adopted_with_changes"),
                 ("Cedt kommun", "rejected")]
    for organisation, status in decisions:
        form = page.locator("form[action$='/antagande/']")
        form.locator("#id_organisation").select_option(label=organisation)
        form.locator("#id_status").select_option(status)
        form.locator("#id_decision_date").fill("2023-02-06")
        form.locator("#id_reference").fill("KS § 12")
        form.locator("button[type=submit]").click()
        page.wait_for_url("**#antaganden")
    expect(page.locator("p.rollup")).to_contain_text(re.compile(r"2 (av|of) 3"))
    assert_accessible(page)

    page.goto(f"{base}/hantera/{body}/antaganden/")
    expect(page.locator("table.adoption-matrix td.rollup")).to_have_text(re.compile(r"2 (av|of) 3"))
    assert_accessible(page)

    # The public sees the same roll-up: the proposal is public and in published minutes.
    public = page.context.browser.new_context(locale="sv-SE").new_page()
    public.goto(base + "/arenden/antaganden/")
    expect(public.locator("table.adoption-matrix td.rollup")).to_have_text(
        re.compile(r"2 (av|of) 3"))
    assert_accessible(public)
    public.goto(base + memory.body.get_absolute_url())
    expect(public.locator("table.members-history")).to_contain_text("Sara Heelge")
    assert_accessible(public)
    public.context.close()


def test_every_memory_page_passes_axe(
    live_server, browser_page: Page, assert_accessible, memory, secretary_user
):
    from kansli.meetings.models import Adoption

    with_password(secretary_user)
    page, base, body = browser_page, live_server.url, memory.body.slug
    matter = Matter.objects.get()
    for organisation in memory.body.member_organisations.all():
        Adoption.objects.create(matter=matter, organisation=organisation)
    ActionItem.objects.create(text="Namnlös ägare.", owner_as_written="Ledningsgruppen",
                              raised_in=memory.published.items.first())
    action = ActionItem.objects.filter(owner__isnull=False).get()
    log_in(page, base, "sekreterare")
    for path in [
        "/hantera/register/poster/ny/", "/hantera/register/mandatperioder/",
        "/hantera/register/namn/", f"/hantera/register/poster/{Post.objects.first().pk}/",
        f"/hantera/{body}/", f"/hantera/{body}/ledamoter/", f"/hantera/{body}/ledamoter/ny/",
        f"/hantera/{body}/forandringar/", f"/hantera/{body}/arenden/",
        f"/hantera/{body}/arenden/ny/", f"/hantera/{body}/arenden/utvecklingsprogram/andra/",
        f"/hantera/{body}/atgarder/", f"/hantera/{body}/atgarder/ny/",
        f"/hantera/{body}/atgarder/{action.pk}/stang/", f"/hantera/{body}/antaganden/",
    ]:
        response = page.goto(base + path)
        assert response.status == 200, path
        assert_accessible(page)
