"""What each public page shows an anonymous reader, and what it must not."""

from __future__ import annotations

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from conftest import CONFIDENTIAL_MARKER, DRAFT_MARKER
from kansli.meetings.models import Attendance, AttendanceStatus
from kansli.registry.models import (
    BodyMode,
    Membership,
    MembershipRole,
    Party,
    Person,
    Post,
    Tenure,
)

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def page(reader, url: str) -> str:
    response = reader.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def seat_for_post(committee, name: str, holder: Person, party: Party | None = None) -> Post:
    """An ex officio seat: the committee seat belongs to the post, the post to `holder`."""
    post = Post.objects.create(name=name, organisation=holder.organisation)
    Tenure.objects.create(post=post, person=holder, party=party, start=datetime.date(2022, 10, 15))
    Membership.objects.create(body=committee.body, post=post, on_behalf_of=holder.organisation)
    return post


# Start page

def test_home_lists_bodies_upcoming_meetings_and_published_minutes(reader, committee):
    html = page(reader, "/")
    assert committee.body.get_absolute_url() in html
    upcoming = html.split('id="upcoming-heading"')[1].split("</section>")[0]
    assert committee.planned.get_absolute_url() in upcoming
    assert committee.published.get_absolute_url() not in upcoming
    published = html.split('id="published-heading"')[1].split("</section>")[0]
    assert committee.published.get_absolute_url() in published
    assert committee.draft.get_absolute_url() not in published


# Body page

def test_body_page_shows_description_and_meetings_by_year_newest_first(reader, committee):
    committee.body.description = "Kommittén samordnar kommunernas samarbete."
    committee.body.save()
    html = page(reader, committee.body.get_absolute_url())
    assert "Kommittén samordnar kommunernas samarbete." in html
    assert html.index('id="year-2099"') < html.index('id="year-2022"')
    year_2022 = html.split('id="year-2022"')[1]
    order = [committee.cancelled, committee.draft, committee.published]
    positions = [year_2022.index(meeting.get_absolute_url()) for meeting in order]
    assert positions == sorted(positions)


def test_body_page_gives_each_meeting_its_status(reader, committee):
    html = page(reader, committee.body.get_absolute_url())
    rows = {meeting: html.split(meeting.get_absolute_url())[1].split("</tr>")[0]
            for meeting in (committee.published, committee.draft, committee.planned,
                            committee.cancelled)}
    assert "Minutes published" in rows[committee.published]
    assert "Held" in rows[committee.draft]
    assert "Planned" in rows[committee.planned]
    assert "Cancelled" in rows[committee.cancelled]


def test_body_page_lists_todays_members_and_post_holders(reader, committee):
    Membership.objects.create(
        body=committee.body, person=committee.chair, role=MembershipRole.CHAIR,
        on_behalf_of=committee.chair.organisation,
    )
    Membership.objects.create(
        body=committee.body, person=committee.adjuster, end=YESTERDAY,
        on_behalf_of=committee.adjuster.organisation,
    )
    kso = Person.objects.create(
        name="Klara Kommunstyrelseordförande", slug="klara-kso",
        organisation=committee.chair.organisation,
    )
    seat_for_post(committee, "KSO Alby", kso, Party.objects.get(abbreviation="S"))
    vacant = Post.objects.create(name="KSO Borg", organisation=committee.adjuster.organisation)
    Membership.objects.create(body=committee.body, post=vacant)

    members = page(reader, committee.body.get_absolute_url()).split('id="members-heading"')[1]
    members = members.split("</section>")[0]
    assert committee.chair.name in members and "Chair" in members
    assert kso.name in members and "as KSO Alby" in members
    assert "Vacant" in members and "as KSO Borg" in members
    assert committee.adjuster.name not in members  # the seat ended yesterday
    assert members.index(committee.chair.name) < members.index(kso.name)  # chair first


def test_unknown_body_is_not_found(reader, committee):
    response = reader.get("/ingen-sadan-kommitte/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


# Meeting pages

def test_published_meeting_shows_minutes_without_confidential_items(reader, committee):
    html = page(reader, committee.published.get_absolute_url())
    assert html.count("<h1") == 1  # the minutes' own title sits one level below the page's
    assert "Planning conference" in html
    assert "Digitalt via Teams" in html
    assert "Förslag nytt utvecklingsprogram" in html
    assert "Samarbetskommittén ställer sig bakom förslaget." in html
    assert "Minutes published" in html
    assert CONFIDENTIAL_MARKER not in html
    assert "Personalärende" not in html
    for ext in ("pdf", "docx", "txt"):
        assert f'href="/samarbetskommitten/2022-11-10/samarbetskommitten-2022-11-10.{ext}"' in html


def test_protocol_body_meeting_page_renders(reader, committee):
    # Protocol mode takes the other translation context ("protokollet") on the same page.
    committee.body.mode = BodyMode.PROTOCOL
    committee.body.save()
    assert "Download the minutes" in page(reader, committee.published.get_absolute_url())
    assert "not been published yet" in page(reader, committee.draft.get_absolute_url())


def test_meeting_page_links_previous_and_next_meeting(reader, committee):
    html = page(reader, committee.draft.get_absolute_url())
    assert f'rel="prev" href="{committee.published.get_absolute_url()}"' in html
    assert f'rel="next" href="{committee.cancelled.get_absolute_url()}"' in html


def test_draft_meeting_page_shows_no_draft_content(reader, committee):
    html = page(reader, committee.draft.get_absolute_url())
    assert DRAFT_MARKER not in html
    assert "The minutes have not been published yet." in html
    assert ".pdf" not in html


def test_cancelled_meeting_says_so(reader, committee):
    html = page(reader, committee.cancelled.get_absolute_url())
    assert "This meeting has been cancelled." in html
    assert "Inställt." in html
    assert "status-cancelled" in html
    assert "not been published" not in html


def test_planned_meeting_is_planned(reader, committee):
    html = page(reader, committee.planned.get_absolute_url())
    assert "status-planned" in html
    assert "The minutes have not been published yet." in html


# Downloads

@pytest.mark.parametrize(
    ("ext", "content_type", "magic"),
    [
        ("pdf", "application/pdf", b"%PDF"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         b"PK"),
        ("txt", "text/plain", "Förslag nytt utvecklingsprogram".encode()),
    ],
)
def test_published_minutes_download(reader, committee, ext, content_type, magic):
    response = reader.get(f"/samarbetskommitten/2022-11-10/samarbetskommitten-2022-11-10.{ext}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"] == (
        f'attachment; filename="samarbetskommitten-2022-11-10.{ext}"'
    )
    assert magic in response.content


@pytest.mark.parametrize("meeting", ["draft", "planned", "cancelled"])
@pytest.mark.parametrize("ext", ["pdf", "docx", "txt"])
def test_unpublished_minutes_cannot_be_downloaded(reader, committee, meeting, ext):
    slug = getattr(committee, meeting).slug
    response = reader.get(f"/samarbetskommitten/{slug}/samarbetskommitten-{slug}.{ext}")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/samarbetskommitten/2022-11-10/minnesanteckningar.pdf",  # not the file's name
        "/samarbetskommitten/2022-11-10/samarbetskommitten-2022-11-10.html",  # not offered
        "/samarbetskommitten/2022-11-10/samarbetskommitten-2022-11-10.exe",
    ],
)
def test_only_the_offered_files_exist(reader, committee, path):
    assert reader.get(path).status_code == 404


# Person pages

def test_person_page_shows_posts_seats_and_published_meetings_only(reader, committee):
    social_democrats = Party.objects.get(abbreviation="S")
    post = seat_for_post(committee, "KSO Alby", committee.chair, social_democrats)
    html = page(reader, committee.chair.get_absolute_url())
    assert committee.chair.name in html
    assert "Alby kommun" in html
    assert "Socialdemokraterna (S)" in html
    assert post.name in html
    assert committee.body.get_absolute_url() in html
    assert committee.published.get_absolute_url() in html
    # The chair was at the draft meeting too, but its minutes are not published.
    assert committee.draft.get_absolute_url() not in html


def test_person_page_dates_a_post_seat_by_the_persons_own_tenure(reader, committee):
    post = Post.objects.create(name="KSO Borg", organisation=committee.adjuster.organisation)
    Tenure.objects.create(
        post=post, person=committee.adjuster,
        start=datetime.date(2019, 1, 1), end=datetime.date(2022, 12, 31),
    )
    Membership.objects.create(body=committee.body, post=post, start=datetime.date(2015, 1, 1))
    html = page(reader, committee.adjuster.get_absolute_url())
    seats = html.split('id="seats-heading"')[1].split("</section>")[0]
    assert "as KSO Borg" in seats
    assert "Jan. 1, 2019 to Dec. 31, 2022" in seats  # not the seat's own 2015 start


def test_person_known_only_from_a_draft_is_not_public(reader, committee):
    guest = Person.objects.create(name="Gäst Utkastsson", slug="gast-utkastsson")
    Attendance.objects.create(
        meeting=committee.draft, person=guest, name_as_written=guest.name,
        status=AttendanceStatus.OTHER_PRESENT,
    )
    assert reader.get(guest.get_absolute_url()).status_code == 404


def test_error_page_renders_without_a_request_or_database():
    # Django renders 500.html with no context when something already failed.
    html = render_to_string("500.html")
    assert html.startswith("<!DOCTYPE html>")
    assert "<h1>" in html


def test_accessibility_statement(reader, committee):
    html = page(reader, "/tillganglighet/")
    assert "2018:1937" in html
    assert "WCAG 2.1" in html
    assert "axe-core" in html
