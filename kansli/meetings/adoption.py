"""A cooperation proposal on its way through the member organisations' own boards.

The committee sends a proposal (a `Matter`) to its member organisations; each then has it on an
agenda, adopts it (perhaps with changes) or rejects it. One `Adoption` per organisation records
where it stands, with the deciding body, date and a reference to their minutes; recording an
organisation's decision again updates that one record. The roll-up ("6 av 8 har antagit"), the
matrix of matters by organisation, and the reminder to the secretariat of organisations still
pending after the day the matter expects them are all read from those records.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kansli.meetings.models import Adoption, Matter
from kansli.registry.models import Organisation

Status = Adoption.Status
ADOPTED = frozenset({Status.ADOPTED, Status.ADOPTED_WITH_CHANGES})
DECIDED = ADOPTED | {Status.REJECTED}
# A decision, or a date on their agenda, is recorded with its date.
DATED = DECIDED | {Status.SCHEDULED}

REMINDER_SUBJECT = gettext_noop("Adoptions still pending: %(matter)s")


class AdoptionError(ValueError):
    """A recording that cannot be right, said in words a secretary can act on."""


@dataclass
class Rollup:
    """How far one proposal has come among the organisations that must adopt it."""

    matter: Matter
    adoptions: list[Adoption] = field(default_factory=list)

    def count(self, statuses: Iterable[str]) -> int:
        wanted = set(statuses)
        return sum(1 for adoption in self.adoptions if adoption.status in wanted)

    @property
    def total(self) -> int:
        return len(self.adoptions)

    @property
    def adopted(self) -> int:
        return self.count(ADOPTED)

    @property
    def rejected(self) -> int:
        return self.count({Status.REJECTED})

    @property
    def waiting(self) -> list[Adoption]:
        return [adoption for adoption in self.adoptions if adoption.status not in DECIDED]

    @property
    def complete(self) -> bool:
        return bool(self.adoptions) and not self.waiting

    @property
    def text(self) -> str:
        """'6 av 8 har antagit', for the minutes (always Swedish)."""
        return f"{self.adopted} av {self.total} har antagit"


def rollups(matters: Iterable[Matter]) -> list[Rollup]:
    """A roll-up per matter, in one query for all their adoptions."""
    found = {matter.pk: Rollup(matter) for matter in matters}
    adoptions = Adoption.objects.filter(matter_id__in=found).select_related("organisation")
    for adoption in adoptions.order_by("organisation__name", "pk"):
        found[adoption.matter_id].adoptions.append(adoption)
    return list(found.values())


def rollup(matter: Matter) -> Rollup:
    return rollups([matter])[0]


@dataclass
class Matrix:
    """Matters by organisation: a row per matter, a column per organisation asked to adopt."""

    organisations: list[Organisation]
    rows: list[Rollup]

    def cells(self, row: Rollup) -> list[Adoption | None]:
        by_organisation = {adoption.organisation_id: adoption for adoption in row.adoptions}
        return [by_organisation.get(organisation.pk) for organisation in self.organisations]

    @property
    def table(self) -> list[tuple[Rollup, list[Adoption | None]]]:
        return [(row, self.cells(row)) for row in self.rows]


def matrix(matters: QuerySet[Matter]) -> Matrix:
    """The matrix of the matters that have been sent out, in two queries."""
    rows = [row for row in rollups(matters.order_by("title", "pk")) if row.adoptions]
    organisations = {a.organisation.pk: a.organisation for row in rows for a in row.adoptions}
    return Matrix(sorted(organisations.values(), key=lambda org: org.name), rows)


@transaction.atomic
def send_to_members(matter: Matter) -> int:
    """Ask each member organisation of the matter's body to adopt it; return how many were
    added (an organisation already asked keeps its record)."""
    if matter.body is None:
        raise AdoptionError(_("The matter has no responsible body whose members could adopt it."))
    members = list(matter.body.member_organisations.all())
    if not members:
        raise AdoptionError(_("%(body)s has no member organisations.") % {"body": matter.body})
    asked = set(matter.adoptions.values_list("organisation_id", flat=True))
    new = [Adoption(matter=matter, organisation=org) for org in members if org.pk not in asked]
    for adoption in new:
        adoption.save()  # one by one, so each lands in the audit trail
    return len(new)


def check(status: str, decision_date: datetime.date | None) -> None:
    """Refuse a decision without its date: the roll-up and the reminders depend on it."""
    if status in DATED and decision_date is None:
        raise AdoptionError(_("Give the date of the decision, or of the meeting it is on the "
                              "agenda of."))
    if status == Status.PENDING and decision_date is not None:
        raise AdoptionError(_("A proposal not yet handled has no decision date."))


@transaction.atomic
def record(matter: Matter, organisation: Organisation, *, status: str,
           decision_date: datetime.date | None = None, deciding_body: str = "",
           reference: str = "", url: str = "") -> Adoption:
    """Record where `organisation` stands on `matter`; recording again updates the record."""
    check(status, decision_date)
    adoption, _created = Adoption.objects.select_for_update().update_or_create(
        matter=matter, organisation=organisation,
        defaults={"status": status, "decision_date": decision_date,
                  "deciding_body": deciding_body, "reference": reference, "url": url},
    )
    return adoption


# Reminders


def overdue_matters(today: datetime.date) -> QuerySet[Matter]:
    """Open matters past the day their adoptions were expected, with organisations still to
    decide, not reminded since that day."""
    waiting = Adoption.objects.filter(matter=OuterRef("pk")).exclude(status__in=DECIDED)
    return (
        Matter.objects.filter(status=Matter.Status.OPEN, adoption_due__lt=today)
        .filter(Q(adoption_reminded_on__isnull=True)
                | Q(adoption_reminded_on__lte=F("adoption_due")))
        .filter(Exists(waiting))
        .select_related("body")
        .order_by("adoption_due", "pk")
    )


def secretary_addresses(matter: Matter) -> list[str]:
    """The e-mail of the secretaries of the matter's body."""
    from kansli.accounts.models import Role

    if matter.body_id is None:
        return []
    users = get_user_model().objects.filter(
        is_active=True, body_roles__body_id=matter.body_id, body_roles__role=Role.SECRETARY
    ).exclude(email="")
    return sorted({user.email for user in users})


def reminder_text(row: Rollup, url: str) -> str:
    lines = [_("%(matter)s: %(adopted)d of %(total)d have adopted. Still to decide:")
             % {"matter": row.matter.title, "adopted": row.adopted, "total": row.total}]
    for adoption in row.waiting:
        when = f" ({adoption.decision_date:%Y-%m-%d})" if adoption.decision_date else ""
        lines.append(f"- {adoption.organisation.name}: {adoption.get_status_display()}{when}")
    lines += ["", url]
    return "\n".join(lines) + "\n"


def remind(today: datetime.date | None = None) -> int:
    """Mail the secretariat about each matter whose adoptions are overdue; return how many
    matters they were reminded of. Each matter is reminded of once per expected day."""
    from kansli.meetings.calendar import absolute_url
    from kansli.notices.outbox import enqueue_mail

    today = today or timezone.localdate()
    reminded = 0
    for row in rollups(overdue_matters(today)):
        to = secretary_addresses(row.matter)
        if not to:
            continue
        url = absolute_url(reverse("memory:matter", kwargs={
            "body": row.matter.body.slug, "slug": row.matter.slug}))
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            enqueue_mail(to, _(REMINDER_SUBJECT) % {"matter": row.matter.title},
                         reminder_text(row, url))
            Matter.objects.filter(pk=row.matter.pk).update(adoption_reminded_on=today)
        reminded += 1
    return reminded
