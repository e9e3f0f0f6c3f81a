"""Shared test data, built in code: a small cooperation committee with meetings in each state."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

import pytest
from django.core.cache import cache

from kansli.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingKind,
    MeetingStatus,
)
from kansli.meetings.numbering import number_meeting
from kansli.minutes import workflow
from kansli.minutes.models import Minutes
from kansli.registry.models import Body, Organisation, OrganisationKind, Party, Person

# Playwright's sync API runs an event loop in the test thread; the Django ORM calls the tests
# make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CONFIDENTIAL_MARKER = "HEMLIGMARKOR"
DRAFT_MARKER = "UTKASTMARKOR"


@dataclass
class Committee:
    body: Body
    published: Meeting
    draft: Meeting
    planned: Meeting
    cancelled: Meeting
    chair: Person
    adjuster: Person
    secretary: Person


def _org(name: str, short: str, kind: str = OrganisationKind.MUNICIPALITY) -> Organisation:
    return Organisation.objects.create(name=name, short_name=short, slug=short.lower(), kind=kind)


def _person(name: str, slug: str, org: Organisation, party: Party | None = None) -> Person:
    return Person.objects.create(name=name, slug=slug, organisation=org, party=party)


def _attend(meeting, position, person, status=AttendanceStatus.PRESENT, role=""):
    return Attendance.objects.create(
        meeting=meeting, position=position, person=person, name_as_written=person.name,
        organisation=person.organisation, party=person.party, status=status, role=role,
    )


def _item(meeting, position, title, text="", decisions=(), confidential=False, parent=None):
    item = AgendaItem.objects.create(
        meeting=meeting, position=position, title=title, text=text,
        confidential=confidential, parent=parent,
    )
    for index, decision in enumerate(decisions):
        Decision.objects.create(item=item, position=index, text=decision)
    return item


def build_committee() -> Committee:
    """Three municipalities' chairs, a secretary, and four meetings: published, draft, planned,
    cancelled. Confidential and draft content carries markers that must never reach the public."""
    coop = _org("Testkommunernas samverkan", "Samverkan", OrganisationKind.COOPERATION)
    alby, borg, cedt = _org("Alby kommun", "Alby"), _org("Borg kommun", "Borg"), _org(
        "Cedt kommun", "Cedt"
    )
    body = Body.objects.create(
        organisation=coop, name="Samarbetskommittén", slug="samarbetskommitten"
    )
    body.member_organisations.set([alby, borg, cedt])
    s = Party.objects.create(abbreviation="S", name="Socialdemokraterna")
    chair = _person("Åsa Ordförande", "asa-ordforande", alby, s)
    adjuster = _person("Björn Justerare", "bjorn-justerare", borg, s)
    absent = _person("Cecilia Frånvarande", "cecilia-franvarande", cedt)
    secretary = _person("Dag Sekreterare", "dag-sekreterare", coop)

    published = Meeting.objects.create(
        body=body, date=datetime.date(2022, 11, 10), slug="2022-11-10",
        start_time=datetime.time(13), end_time=datetime.time(13, 30),
        kind=MeetingKind.PLANNING_CONFERENCE, status=MeetingStatus.HELD,
        place="Digitalt via Teams", online=True,
    )
    _attend(published, 0, chair, role=AttendanceRole.CHAIR)
    adj = _attend(published, 1, adjuster)
    _attend(published, 2, absent, status=AttendanceStatus.ABSENT)
    note = _attend(published, 3, secretary)
    _item(published, 0, "Välkommen", "Ordföranden hälsar alla välkomna.")
    _item(published, 1, "Förslag nytt utvecklingsprogram", "Förslaget presenteras.",
          ["Samarbetskommittén ställer sig bakom förslaget."])
    _item(published, 2, "Personalärende", f"Sekretess {CONFIDENTIAL_MARKER}",
          [f"Beslut {CONFIDENTIAL_MARKER}"], confidential=True)
    _item(published, 3, "Nästa möte", decisions=["Beslut att ställa in nästa möte."])
    number_meeting(published)
    minutes = Minutes.objects.create(meeting=published, note_taker=note)
    minutes.adjusters.set([adj])
    workflow.publish(minutes)

    draft = Meeting.objects.create(
        body=body, date=datetime.date(2022, 12, 1), slug="2022-12-01",
        start_time=datetime.time(9), status=MeetingStatus.HELD, place="Stadshuset",
        online=False,
    )
    _attend(draft, 0, chair, role=AttendanceRole.CHAIR)
    _item(draft, 0, f"Utkastpunkt {DRAFT_MARKER}", f"Text {DRAFT_MARKER}", [f"{DRAFT_MARKER}"])
    number_meeting(draft)
    Minutes.objects.create(meeting=draft)

    planned = Meeting.objects.create(
        body=body, date=datetime.date(2099, 3, 1), slug="2099-03-01",
        start_time=datetime.time(13), place="Stadshuset",
    )
    cancelled = Meeting.objects.create(
        body=body, date=datetime.date(2022, 12, 8), slug="2022-12-08",
        status=MeetingStatus.CANCELLED, cancellation_note="Inställt.",
    )
    return Committee(body, published, draft, planned, cancelled, chair, adjuster, secretary)


@pytest.fixture(autouse=True)
def _isolated_cache_and_plain_static_files(settings):
    # Each test gets its own empty in-memory cache, so kept public pages never cross tests; and
    # plain static storage, since the manifest storage knows only files `collectstatic` processed.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.STATIC_ROOT = None
    settings.WHITENOISE_USE_FINDERS = True  # serve from the apps' folders, as in DEBUG
    cache.clear()


@pytest.fixture(autouse=True)
def _tasks_at_once_and_files_apart(settings, tmp_path_factory):
    # Background tasks (e-mail) run as they are queued, so a test sees their outcome; uploaded
    # and published files go to a folder of the test run's own.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"


@pytest.fixture
def committee(db) -> Committee:
    return build_committee()


# Personas: a secretary and a member of the committee, the member appointed to adjust the draft
# meeting's minutes, and a site administrator. Their passwords are unusable (hashing with Argon2
# costs time); tests that log in through the form set one themselves.
def _user(username: str, person: Person | None = None, **extra):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username, f"{username}@example.se", None, **extra)
    if person is not None:
        person.user = user
        person.save(update_fields=["user"])
    return user


@pytest.fixture
def secretary_user(committee):
    from kansli.accounts.models import BodyRole, Role

    user = _user("sekreterare", committee.secretary, first_name="Dag", last_name="Sekreterare")
    BodyRole.objects.create(user=user, body=committee.body, role=Role.SECRETARY)
    return user


@pytest.fixture
def member_user(committee):
    from kansli.accounts.models import BodyRole, Role

    user = _user("ledamot", committee.chair, first_name="Åsa", last_name="Ordförande")
    BodyRole.objects.create(user=user, body=committee.body, role=Role.MEMBER)
    return user


@pytest.fixture
def adjuster_user(committee):
    from kansli.accounts.models import BodyRole, Role

    user = _user("justerare", committee.adjuster, first_name="Björn", last_name="Justerare")
    BodyRole.objects.create(user=user, body=committee.body, role=Role.MEMBER)
    attendance = _attend(committee.draft, 1, committee.adjuster)
    committee.draft.minutes.adjusters.add(attendance)
    return user


@pytest.fixture
def admin_user(committee):
    return _user("administrator", is_staff=True, is_superuser=True)


def _client_for(user):
    from django.test import Client

    # English, so tests read the msgids themselves; the Swedish default is tested on its own.
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


@pytest.fixture
def secretary_client(secretary_user):
    return _client_for(secretary_user)


@pytest.fixture
def member_client(member_user):
    return _client_for(member_user)
