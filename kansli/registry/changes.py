"""Changes in who holds a body's seats between two days: as records, and as the text of the
item "Förändringar sedan förra mötet".

Nothing here is typed by hand: a change is a tenure of a seat's post that starts (a new holder,
or the same person re-elected) or ends without a successor, or a personal seat that starts or
ends, between the two days. The text follows the way secretariats write the item, one paragraph
per organisation with person, party, what happened and the date, and is always Swedish: it is
the minutes' content, not the interface's.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.lib.swedish_dates import SWEDISH_MONTHS
from kansli.registry.models import (
    Body,
    Membership,
    MembershipRole,
    Organisation,
    Party,
    Person,
    Post,
    Tenure,
    Term,
)
from kansli.registry.roster import Roster, overlap

NEW_HOLDER = "new_holder"
RE_ELECTED = "re_elected"
LEFT_POST = "left_post"
JOINED = "joined"
LEFT = "left"

KIND_LABELS = {
    NEW_HOLDER: gettext_lazy("New holder"),
    RE_ELECTED: gettext_lazy("Re-elected"),
    LEFT_POST: gettext_lazy("Left the post"),
    JOINED: gettext_lazy("Took a seat"),
    LEFT: gettext_lazy("Left the seat"),
}

ROLE_WORDS = {
    MembershipRole.CHAIR: "ordförande",
    MembershipRole.VICE_CHAIR: "vice ordförande",
    MembershipRole.MEMBER: "ledamot",
    MembershipRole.SUBSTITUTE: "ersättare",
    MembershipRole.SECRETARY: "sekreterare",
    MembershipRole.OFFICIAL: "tjänsteperson",
    MembershipRole.ADJUNCT: "adjungerad",
}


@dataclass(frozen=True)
class Change:
    """One change: who, for which party and organisation, in which role, what, and when."""

    day: datetime.date
    kind: str
    person: Person
    party: Party | None
    organisation: Organisation | None
    role: str
    predecessor: Person | None = None
    predecessor_party: Party | None = None
    note: str = ""

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])


def post_role(post: Post) -> str:
    """The office a post names without its organisation: 'KSO Huddinge' -> 'KSO'."""
    organisation = post.organisation
    role = post.name
    # The full name first: "i Huddinge kommun" must not leave "kommun" behind.
    for written in filter(None, (organisation.name, organisation.short_name)):
        role = re.sub(rf"\s*\b(?:i\s+)?{re.escape(written)}\b\s*", " ", role, flags=re.I)
    role = " ".join(role.split()) or post.name
    # "Ordförande i …" reads "ordförande i …" mid-sentence; an acronym such as KSO stays.
    return role[0].lower() + role[1:] if role[1:2].islower() else role


def _in_window(day: datetime.date | None, since: datetime.date, until: datetime.date) -> bool:
    return day is not None and since < day <= until


def _tenure_changes(post: Post, tenures: list[Tenure], since, until) -> list[Change]:
    changes = []
    for index, tenure in enumerate(tenures):
        before = tenures[index - 1] if index else None
        if _in_window(tenure.start, since, until):
            changes.append(_took_over(post, tenure, before))
        after = tenures[index + 1] if index + 1 < len(tenures) else None
        if _in_window(tenure.end, since, until) and not _follows(after, tenure):
            changes.append(_change(tenure, LEFT_POST, tenure.end, post_role(post), post))
    return changes


def _follows(after: Tenure | None, tenure: Tenure) -> bool:
    """Whether `after` takes over the day after `tenure` ends (or earlier, by mistake)."""
    return after is not None and after.start is not None and tenure.end is not None and (
        after.start <= tenure.end + datetime.timedelta(days=1)
    )


def _took_over(post: Post, tenure: Tenure, before: Tenure | None) -> Change:
    if before is not None and before.person_id == tenure.person_id:
        return _change(tenure, RE_ELECTED, tenure.start, post_role(post), post)
    return Change(
        day=tenure.start, kind=NEW_HOLDER, person=tenure.person, party=_party(tenure),
        organisation=post.organisation, role=post_role(post), note=tenure.note,
        predecessor=before.person if before else None,
        predecessor_party=_party(before) if before else None,
    )


def _change(tenure: Tenure, kind: str, day, role: str, post: Post) -> Change:
    return Change(day=day, kind=kind, person=tenure.person, party=_party(tenure),
                  organisation=post.organisation, role=role, note=tenure.note)


def _party(tenure: Tenure) -> Party | None:
    return tenure.party if tenure.party_id else tenure.person.party


def _seat_changes(membership: Membership, since, until) -> list[Change]:
    person = membership.person
    organisation = membership.on_behalf_of or person.organisation
    role = ROLE_WORDS.get(membership.role, membership.role)
    found = []
    for kind, day in ((JOINED, membership.start), (LEFT, membership.end)):
        if _in_window(day, since, until):
            found.append(Change(day=day, kind=kind, person=person, party=person.party,
                                organisation=organisation, role=role))
    return found


def changes_between(body: Body, since: datetime.date, until: datetime.date) -> list[Change]:
    """What changed on `body`'s seats after `since` up to and including `until`, by
    organisation and day, in the two queries of a `Roster`."""
    window = (since + datetime.timedelta(days=1), until)
    changes: list[Change] = []
    posts_seen: set[int] = set()
    for membership in Roster.of(body).memberships:
        if overlap((membership.start, membership.end), window) is None:
            continue
        if membership.person_id:
            changes.extend(_seat_changes(membership, since, until))
        elif membership.post_id not in posts_seen:
            posts_seen.add(membership.post_id)
            tenures = membership.post.all_tenures
            changes.extend(_tenure_changes(membership.post, tenures, since, until))
    return sorted(changes, key=lambda change: (_organisation_name(change.organisation),
                                               change.day, change.person.name))


def _organisation_name(organisation: Organisation | None) -> str:
    return organisation.display_name if organisation else ""


# The text of the item


def swedish_day(day: datetime.date, year: int) -> str:
    """'4 oktober', with the year only when it is not `year`."""
    text = f"{day.day} {SWEDISH_MONTHS[day.month - 1]}"
    return text if day.year == year else f"{text} {day.year}"


def _named(person: Person, party: Party | None) -> str:
    return f"{person.name} ({party.abbreviation})" if party else person.name


def sentence(change: Change, body: Body, year: int) -> str:
    """One change as the minutes write it."""
    who = _named(change.person, change.party)
    when = swedish_day(change.day, year)
    if change.kind == RE_ELECTED:
        text = f"{who} är omvald {change.role} den {when}."
    elif change.kind == NEW_HOLDER:
        text = f"{who} är ny {change.role} från den {when}"
        if change.predecessor is not None:
            text += f" och efterträder {_named(change.predecessor, change.predecessor_party)}"
        text += "."
    elif change.kind == LEFT_POST:
        text = f"{who} lämnade uppdraget som {change.role} den {when}; efterträdare är ännu " \
               "inte utsedd."
    elif change.kind == JOINED:
        text = f"{who} är ny {change.role} i {body.name} från den {when}."
    else:
        text = f"{who} lämnade uppdraget som {change.role} i {body.name} den {when}."
    return f"{_as_sentence(change.note)} {text}" if change.note else text


def _as_sentence(note: str) -> str:
    note = note.strip()
    note = note[0].upper() + note[1:]
    return note if note[-1] in ".!?" else f"{note}."


def changes_text(body: Body, changes: list[Change], until: datetime.date,
                 members: list[Organisation] | None = None) -> str:
    """The item's text: a paragraph per organisation, then the member organisations with no
    change, named together."""
    if not changes:
        return "Inga förändringar sedan förra mötet."
    paragraphs: dict[str, list[str]] = {}
    for change in changes:
        name = _organisation_name(change.organisation) or body.name
        paragraphs.setdefault(name, []).append(sentence(change, body, until.year))
    lines = [f"{name}: {' '.join(texts)}" for name, texts in paragraphs.items()]
    unchanged = [org.display_name for org in members or [] if org.display_name not in paragraphs]
    if unchanged:
        lines.append(f"Inga förändringar: {_listed(unchanged)}.")
    return "\n\n".join(lines)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"


# Recording a change


class ChangeError(ValueError):
    """A change that cannot be recorded, said in words a secretary can act on."""


def _open_from(post: Post, start: datetime.date) -> list[Tenure]:
    """The post's tenures still running on `start` or beginning later."""
    return list(
        post.tenures.filter(Q(end__isnull=True) | Q(end__gte=start))
        .select_related("person").order_by(F("start").asc(nulls_first=True), "pk")
    )


def check_change(post: Post, start: datetime.date) -> None:
    """Changes are recorded in date order: none may start before a tenure already recorded."""
    later = [tenure for tenure in _open_from(post, start) if tenure.start and tenure.start >= start]
    if later:
        raise ChangeError(
            _("%(person)s already holds %(post)s from %(date)s. Record changes in date order, "
              "or correct that tenure first.")
            % {"person": later[0].person, "post": post, "date": later[0].start.isoformat()}
        )


@transaction.atomic
def record_change(post: Post, person: Person, start: datetime.date, *,
                  party: Party | None = None, note: str = "", term: Term | None = None) -> Tenure:
    """`person` holds `post` from `start`; whoever held it until then stops the day before.
    The same person again is a re-election. One transaction: never half a change."""
    check_change(post, start)
    for tenure in _open_from(post, start):
        tenure.end = start - datetime.timedelta(days=1)
        tenure.save(update_fields=["end"])
    return Tenure.objects.create(
        post=post, person=person, party=party or person.party, start=start,
        end=term.end if term else None, note=note.strip(), term=term,
    )
