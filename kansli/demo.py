"""Demo data: the Södertörn municipalities' cooperation, written for Kansli's demo and tests.

The people and meeting contents are invented; the municipalities are real. Meeting dates are set
relative to today so the demo always has a recent published meeting and an upcoming one.
Loading is idempotent: a second call finds the demo and returns it unchanged.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from kansli.meetings.models import (
    ActionItem,
    Adoption,
    AgendaItem,
    Attachment,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    Decision,
    ForwardPlan,
    ItemKind,
    Matter,
    Meeting,
    MeetingKind,
    MeetingStatus,
)
from kansli.meetings.numbering import number_meeting
from kansli.minutes import workflow
from kansli.minutes.models import Minutes, MinutesStatus
from kansli.registry.changes import record_change
from kansli.registry.models import (
    Body,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    Party,
    Person,
    Post,
    Tenure,
    Term,
)

COOPERATION = "Södertörns kommuner"
BODY_SLUG = "samarbetskommitten"
TERM_START = datetime.date(2022, 10, 15)
NEW_TERM_START = datetime.date(2026, 10, 15)

# municipality, its executive-board chair (KSO) and party, its municipal director
MUNICIPALITIES = [
    ("Botkyrka", "Ingrid Sandberg", "S", "Tomas Berglund"),
    ("Haninge", "Johan Ekholm", "M", "Anneli Roos"),
    ("Huddinge", "Sofia Lindqvist", "S", "Henrik Dahl"),
    ("Nykvarn", "Per Almqvist", "M", "Eva Strand"),
    ("Nynäshamn", "Karin Wester", "M", "Jonas Falk"),
    ("Salem", "Erik Hallberg", "M", "Malin Ek"),
    ("Södertälje", "Maria Nordin", "S", "Oskar Lund"),
    ("Tyresö", "Lars Fjällström", "S", "Helena Borg"),
]
# Huddinge's KSO changed after the 2026 election: the outgoing holder and party.
OUTGOING_HUDDINGE = ("Anders Kvist", "M")
PARTIES = {"S": "Socialdemokraterna", "M": "Moderaterna"}


@dataclass
class Demo:
    body: Body
    management: Body
    published: Meeting
    draft: Meeting
    cancelled: Meeting
    planned: Meeting


def load_demo(today: datetime.date | None = None) -> Demo:
    """Load the demo once; later calls return what is there."""
    body = Body.objects.filter(slug=BODY_SLUG).first()
    if body is not None:
        return _find(body)
    with transaction.atomic():
        _build(today or datetime.date.today())
    return _find(Body.objects.get(slug=BODY_SLUG))


def _find(body: Body) -> Demo:
    meetings = body.meetings.select_related("minutes")
    published = meetings.filter(minutes__status=MinutesStatus.PUBLISHED).last()
    return Demo(
        body=body,
        management=Body.objects.get(slug="ledningsgruppen"),
        published=published,
        draft=meetings.filter(minutes__status=MinutesStatus.DRAFT).last(),
        cancelled=meetings.filter(status=MeetingStatus.CANCELLED).last(),
        planned=meetings.filter(status=MeetingStatus.PLANNED).first(),
    )


def _thursday_near(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta(days=(3 - day.weekday()) % 7)


class _Builder:
    def __init__(self, today: datetime.date):
        self.today = today
        self.parties = {
            abbr: Party.objects.get_or_create(abbreviation=abbr, defaults={"name": name})[0]
            for abbr, name in PARTIES.items()
        }
        self.people: dict[str, Person] = {}
        self.orgs: dict[str, Organisation] = {}
        self.terms: list[Term] = []

    def organisation(self, short: str, kind: str) -> Organisation:
        name = f"{short} kommun" if kind == OrganisationKind.MUNICIPALITY else short
        org, _ = Organisation.objects.get_or_create(
            name=name, defaults={"short_name": short, "slug": slugify(short), "kind": kind}
        )
        self.orgs[short] = org
        return org

    def person(self, name: str, org: Organisation, party: str = "", title: str = "") -> Person:
        person = Person.objects.create(
            name=name, slug=slugify(name), organisation=org,
            party=self.parties.get(party), title=title,
        )
        self.people[name] = person
        return person


def _build(today: datetime.date) -> None:
    b = _Builder(today)
    coop = b.organisation(COOPERATION, OrganisationKind.COOPERATION)
    coop.aliases = ["Södertörns kommunerna", "Södertörnskommunerna"]
    coop.save()
    b.terms = [
        Term.objects.get_or_create(name="2023–2026", defaults={
            "start": TERM_START, "end": NEW_TERM_START - datetime.timedelta(days=1)})[0],
        Term.objects.get_or_create(name="2027–2030", defaults={
            "start": NEW_TERM_START, "end": datetime.date(2030, 10, 14)})[0],
    ]
    committee = Body.objects.create(
        organisation=coop, name="Samarbetskommittén", slug=BODY_SLUG,
        aliases=["Södertörns kommunernas samarbetskommitté"],
        description=(
            "Kommunstyrelsernas ordförande i de åtta Södertörnskommunerna. Kommittén leder "
            "samverkan enligt samarbetsavtalet, möts minst sex gånger om året och håller en "
            "planeringskonferens varje år."
        ),
    )
    management = Body.objects.create(
        organisation=coop, name="Ledningsgruppen", slug="ledningsgruppen",
        description="Kommundirektörerna, som bereder samarbetskommitténs möten.",
    )
    secretary = b.person("Lena Holm", coop, title="Utvecklingsledare")
    Membership.objects.create(body=committee, person=secretary, role=MembershipRole.SECRETARY,
                              voting=False, on_behalf_of=coop, start=TERM_START)
    _registry(b, committee, management, today)
    _roles_over_time(b, committee, today)
    meetings = _meetings(b, committee, today)
    _matter(b, committee, meetings["published"])
    _followup(b, committee, meetings, today)


def _registry(b: _Builder, committee: Body, management: Body, today: datetime.date) -> None:
    change_day = today - datetime.timedelta(days=60)
    for short, kso, party, director in MUNICIPALITIES:
        org = b.organisation(short, OrganisationKind.MUNICIPALITY)
        committee.member_organisations.add(org)
        post = Post.objects.create(name=f"KSO {short}", organisation=org)
        Membership.objects.create(body=committee, post=post, on_behalf_of=org, start=TERM_START)
        holder = b.person(kso, org, party, title="Kommunstyrelsens ordförande")
        start = TERM_START
        if short == "Huddinge":
            outgoing = b.person(OUTGOING_HUDDINGE[0], org, OUTGOING_HUDDINGE[1],
                                title="Kommunalråd")
            Tenure.objects.create(post=post, person=outgoing,
                                  party=b.parties[OUTGOING_HUDDINGE[1]], start=TERM_START,
                                  end=change_day - datetime.timedelta(days=1))
            start = change_day
        Tenure.objects.create(post=post, person=holder, party=b.parties[party], start=start,
                              note="Nytt styre" if start != TERM_START else "")
        dir_person = b.person(director, org, title="Kommundirektör")
        Membership.objects.create(body=management, person=dir_person, on_behalf_of=org,
                                  start=TERM_START)
    chair_post = Post.objects.create(name="Ordförande i samarbetskommittén",
                                     organisation=b.orgs[COOPERATION])
    Tenure.objects.create(post=chair_post, person=b.people["Karin Wester"],
                          party=b.parties["M"], start=datetime.date(today.year, 1, 1),
                          end=datetime.date(today.year, 12, 31), note="vald för ett år")
    Membership.objects.create(body=committee, post=chair_post, role=MembershipRole.CHAIR,
                              start=TERM_START)


def _roles_over_time(b: _Builder, committee: Body, today: datetime.date) -> None:
    """Last year's chair, the vice-chair post, a substitute, a seat that ended mid-term and a
    re-election: the history the registry pages and the changes item are made from."""
    chair_post = Post.objects.get(name="Ordförande i samarbetskommittén")
    last_year = today.year - 1
    Tenure.objects.create(post=chair_post, person=b.people["Ingrid Sandberg"],
                          party=b.parties["S"], start=datetime.date(last_year, 1, 1),
                          end=datetime.date(last_year, 12, 31), note="vald för ett år")
    vice = Post.objects.create(name="Vice ordförande i samarbetskommittén",
                               organisation=b.orgs[COOPERATION])
    Membership.objects.create(body=committee, post=vice, role=MembershipRole.VICE_CHAIR,
                              start=TERM_START)
    for year, name, party in ((last_year, "Karin Wester", "M"), (today.year, "Maria Nordin", "S")):
        Tenure.objects.create(post=vice, person=b.people[name], party=b.parties[party],
                              start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31),
                              note="vald för ett år")
    huddinge_seat = Membership.objects.get(body=committee, post__name="KSO Huddinge")
    substitute = b.person("Camilla Norén", b.orgs["Huddinge"], "S", title="Kommunalråd")
    Membership.objects.create(body=committee, person=substitute, role=MembershipRole.SUBSTITUTE,
                              on_behalf_of=b.orgs["Huddinge"], substitute_for=huddinge_seat,
                              voting=False, start=TERM_START, term=b.terms[0])
    adjunct = b.person("Petra Ahl", b.orgs[COOPERATION], title="Utredare")
    Membership.objects.create(body=committee, person=adjunct, role=MembershipRole.ADJUNCT,
                              voting=False, on_behalf_of=b.orgs[COOPERATION], start=TERM_START,
                              end=today - datetime.timedelta(days=200), term=b.terms[0])
    # Södertälje's KSO was re-elected a week ago: the next meeting's changes item says so.
    sodertalje = Post.objects.get(name="KSO Södertälje")
    record_change(sodertalje, b.people["Maria Nordin"], today - datetime.timedelta(days=7),
                  party=b.parties["S"])


def _meeting(body: Body, day: datetime.date, status: str, **extra) -> Meeting:
    return Meeting.objects.create(
        body=body, date=day, slug=day.isoformat(), status=status,
        start_time=extra.pop("start_time", datetime.time(13)), **extra,
    )


def _meetings(b: _Builder, committee: Body, today: datetime.date) -> dict[str, Meeting]:
    published = _meeting(
        committee, _thursday_near(today - datetime.timedelta(days=42)), MeetingStatus.HELD,
        end_time=datetime.time(14, 30), place="Digitalt via Teams", online=True,
    )
    _attend_all(b, published, absent={"Johan Ekholm", "Per Almqvist"}, chair="Karin Wester")
    _published_items(b, published)
    _minutes(b, published, adjuster="Maria Nordin", publish=True)

    draft = _meeting(
        committee, _thursday_near(today - datetime.timedelta(days=14)), MeetingStatus.HELD,
        end_time=datetime.time(15), place="Huddinge kommunhus, sammanträdesrum Sjödalen",
        online=False,
    )
    _attend_all(b, draft, absent={"Erik Hallberg"}, chair="Karin Wester")
    _draft_items(draft)
    _minutes(b, draft, adjuster="Ingrid Sandberg", publish=False)

    cancelled = _meeting(
        committee, _thursday_near(today + datetime.timedelta(days=12)), MeetingStatus.CANCELLED,
        place="Digitalt via Teams", online=True,
        cancellation_note="Mötet ställs in; frågor som behöver stämmas av före årsskiftet "
                          "hanteras via e-post.",
    )
    planned = _meeting(
        committee, _thursday_near(today + datetime.timedelta(days=45)), MeetingStatus.PLANNED,
        kind=MeetingKind.PLANNING_CONFERENCE, start_time=datetime.time(9),
        end_time=datetime.time(16), place="Tumba, Botkyrka konsthall", online=False,
    )
    return {"published": published, "draft": draft, "cancelled": cancelled,
            "planned": planned}


def _attend_all(b: _Builder, meeting: Meeting, *, absent: set[str], chair: str) -> None:
    position = 0
    for short, kso, _party, director in MUNICIPALITIES:
        for name in (kso, director):
            person = b.people[name]
            Attendance.objects.create(
                meeting=meeting, position=position, person=person, name_as_written=name,
                organisation=b.orgs[short], party=person.party,
                status=AttendanceStatus.ABSENT if name in absent else AttendanceStatus.PRESENT,
                role=AttendanceRole.CHAIR if name == chair else "",
            )
            position += 1
    secretary = b.people["Lena Holm"]
    Attendance.objects.create(
        meeting=meeting, position=position, person=secretary, name_as_written=secretary.name,
        organisation=b.orgs[COOPERATION],
    )


def _minutes(b: _Builder, meeting: Meeting, *, adjuster: str, publish: bool) -> None:
    attendances = {a.person.name: a for a in meeting.attendances.select_related("person")}
    minutes = Minutes.objects.create(meeting=meeting, note_taker=attendances["Lena Holm"])
    minutes.adjusters.set([attendances[adjuster]])
    if publish:
        workflow.publish(minutes)


def _items(meeting: Meeting, rows: list[tuple[str, str, str, list[str]]]) -> list[AgendaItem]:
    items = []
    for position, (kind, title, text, decisions) in enumerate(rows):
        item = AgendaItem.objects.create(
            meeting=meeting, position=position, kind=kind, title=title, text=text
        )
        for index, decision in enumerate(decisions):
            Decision.objects.create(item=item, position=index, text=decision)
        items.append(item)
    number_meeting(meeting)
    return items


def _published_items(b: _Builder, meeting: Meeting) -> None:
    _items(meeting, [
        (ItemKind.OPENING, "Mötet öppnas",
         "Karin Wester öppnar mötet och hälsar alla välkomna.\n\n"
         "Maria Nordin utses att justera minnesanteckningarna.", []),
        (ItemKind.PREVIOUS, "Föregående minnesanteckningar och utestående ärenden",
         "Minnesanteckningarna från föregående möte läggs till handlingarna. Kartläggningen "
         "av gemensamma lokaler för krisberedskap pågår och redovisas under våren.", []),
        (ItemKind.CHANGES, "Förändringar sedan förra mötet",
         "Huddinge: Sofia Lindqvist (S) har valts till ny KSO och efterträder Anders Kvist (M).\n\n"
         "Övriga kommuner: inga förändringar.", []),
        (ItemKind.DECISION, "Gemensam strategi för kompetensförsörjning",
         "Ledningsgruppen presenterar förslaget till gemensam strategi för "
         "kompetensförsörjning inom vård, skola och omsorg. Strategin bygger på de "
         "arbetsmarknadsanalyser som kommunerna tog fram under våren.\n\n"
         "Kommittén diskuterar hur uppföljningen ska göras och hur de mindre kommunerna "
         "kan delta i gemensamma rekryteringsinsatser.",
         ["Samarbetskommittén ställer sig bakom förslaget till gemensam strategi för "
          "kompetensförsörjning och rekommenderar respektive kommunstyrelse att anta den."]),
        (ItemKind.INFORMATION, "Regional cykelplan",
         "Tomas Berglund informerar om arbetet med den regionala cykelplanen. "
         "Remissvar lämnas av varje kommun för sig.", []),
        (ItemKind.OTHER_QUESTIONS, "Övriga frågor", "Inga övriga frågor.", []),
        (ItemKind.NEXT_MEETING, "Nästa möte",
         "Nästa möte hålls i Huddinge kommunhus.", []),
        (ItemKind.CLOSING, "Mötet avslutas", "Ordföranden tackar för mötet.", []),
    ])


def _draft_items(meeting: Meeting) -> None:
    _items(meeting, [
        (ItemKind.OPENING, "Mötet öppnas", "Ordföranden öppnar mötet.", []),
        (ItemKind.PREVIOUS, "Föregående minnesanteckningar och utestående ärenden",
         "Minnesanteckningarna läggs till handlingarna.", []),
        (ItemKind.DECISION, "Gemensamt trygghetsarbete – kartläggning",
         "Kartläggningen av befintliga samverkansstrukturer för trygghets- och "
         "brottsförebyggande arbete redovisas.",
         ["Samarbetskommittén ger ledningsgruppen i uppdrag att ta fram förslag på "
          "vägval till planeringskonferensen."]),
        (ItemKind.NEXT_MEETING, "Nästa möte",
         "", ["Beslut att ställa in nästa möte. Frågor som behöver stämmas av före "
              "årsskiftet hanteras via e-post."]),
        (ItemKind.CLOSING, "Mötet avslutas", "", []),
    ])


def _matter(b: _Builder, committee: Body, meeting: Meeting) -> None:
    matter = Matter.objects.create(
        title="Gemensam strategi för kompetensförsörjning", slug="kompetensforsorjning",
        body=committee, public=True,
        description="Förslag från samarbetskommittén som varje kommunstyrelse ska anta.",
    )
    item = meeting.items.get(kind=ItemKind.DECISION)
    item.matter = matter
    item.save(update_fields=["matter"])
    _attach_proposal(item)
    adopted = {"Botkyrka", "Haninge", "Södertälje", "Tyresö", "Salem"}
    for number, (short, *_) in enumerate(MUNICIPALITIES, start=1):
        status = Adoption.Status.ADOPTED if short in adopted else Adoption.Status.PENDING
        Adoption.objects.create(
            matter=matter, organisation=b.orgs[short], status=status,
            deciding_body="Kommunstyrelsen" if status == Adoption.Status.ADOPTED else "",
            decision_date=meeting.date + datetime.timedelta(days=21)
            if status == Adoption.Status.ADOPTED else None,
            reference=f"KS § {40 + number}" if status == Adoption.Status.ADOPTED else "",
        )
    matter.adoption_due = meeting.date + datetime.timedelta(days=90)
    matter.save(update_fields=["adoption_due"])
    ActionItem.objects.create(
        text="Ta fram förslag på gemensam uppföljning av strategin.", raised_in=item,
        matter=matter, owner=b.people["Lena Holm"],
        due=meeting.date + datetime.timedelta(days=90),
    )


def _attach_proposal(item: AgendaItem) -> None:
    """The proposal the committee decided on, as a public PDF beside the published minutes."""
    from weasyprint import HTML

    content = HTML(string=(
        "<h1>Gemensam strategi för kompetensförsörjning</h1><p>Förslag från ledningsgruppen "
        "till Samarbetskommittén.</p><p>Strategin samlar kommunernas arbete med rekrytering, "
        "utbildning och kompetensutveckling inom vård, skola och omsorg.</p>"
    )).write_pdf()
    name = "Strategi för kompetensförsörjning (förslag).pdf"
    attachment = Attachment(item=item, original_name=name, content_type="application/pdf",
                            size=len(content), public=True)
    attachment.file.save(name, ContentFile(content), save=False)
    attachment.save()


def _followup(b: _Builder, committee: Body, meetings: dict[str, Meeting],
              today: datetime.date) -> None:
    """An overdue action, one closed at a later meeting, and a matter planned for next year."""
    published, draft = meetings["published"], meetings["draft"]
    cykelplan = published.items.get(kind=ItemKind.INFORMATION)
    ActionItem.objects.create(
        text="Sammanställ kommunernas remissvar om den regionala cykelplanen.",
        raised_in=cykelplan, owner_organisation=b.orgs["Botkyrka"],
        due=published.date + datetime.timedelta(days=21),
    )
    ActionItem.objects.create(
        text="Boka lokal för planeringskonferensen.", raised_in=cykelplan,
        owner=b.people["Lena Holm"], due=published.date + datetime.timedelta(days=14),
        closed_in=draft.items.get(kind=ItemKind.PREVIOUS), status=ActionItem.Status.DONE,
    )
    trygghet = Matter.objects.create(
        title="Samverkan inom trygghets- och brottsförebyggande arbete",
        slug="trygghet-och-brottsforebyggande", body=committee,
        description="Kartläggning av befintliga samverkansstrukturer, med rekommendation och "
                    "vägval till den nya samarbetskommittén.",
    )
    draft.items.filter(kind=ItemKind.DECISION).update(matter=trygghet)
    ForwardPlan.objects.create(
        matter=trygghet, body=committee, not_before=datetime.date(today.year + 1, 1, 1),
        when_as_written="i början på nästa år", kind=ItemKind.DECISION,
        title="Trygghetsarbete – rekommendation och vägval",
        planned_in=draft.items.get(kind=ItemKind.DECISION),
    )
