"""What a body still has to follow up, and a new meeting prepared from it.

Outstanding are the open actions (overdue ones flagged), the proposals still waiting for member
organisations to adopt them, and the matters planned for later meetings. A new meeting starts
from that memory: the roll-call from who sits on the body that day, "Föregående
minnesanteckningar och utestående ärenden" with everything outstanding, "Förändringar sedan
förra mötet" from the changes recorded since the previous meeting, and the matters planned for
it on its agenda. The texts are Swedish: they are the minutes' content, not the interface's.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext as _

from kansli.meetings.adoption import ADOPTED, DECIDED
from kansli.meetings.agenda import add_item
from kansli.meetings.models import (
    ActionItem,
    AgendaItem,
    ForwardPlan,
    ItemKind,
    Matter,
    Meeting,
    MeetingStatus,
)
from kansli.meetings.numbering import number_meeting
from kansli.meetings.rollcall import fill_from_seats
from kansli.registry.changes import Change, changes_between, changes_text, swedish_day
from kansli.registry.models import Body

CHANGES_TITLE = "Förändringar sedan förra mötet"
# Where a generated "changes" item goes: after the last of these the agenda has.
CHANGES_AFTER = (ItemKind.OPENING, ItemKind.ADJUSTER, ItemKind.AGENDA, ItemKind.PREVIOUS)


class FollowupError(ValueError):
    """A follow-up step that cannot be right, said in words a secretary can act on."""


# Actions


def open_actions(body: Body) -> QuerySet[ActionItem]:
    """The body's open actions (raised at its meetings or on its matters), earliest due first."""
    return (
        ActionItem.objects.filter(status=ActionItem.Status.OPEN)
        .filter(Q(raised_in__meeting__body=body) | Q(matter__body=body))
        .select_related("owner", "owner_organisation", "raised_in__meeting", "matter")
        .order_by(F("due").asc(nulls_last=True), "pk")
    )


def is_overdue(action: ActionItem, day: datetime.date) -> bool:
    return action.status == ActionItem.Status.OPEN and action.due is not None and action.due < day


def owner_name(action: ActionItem) -> str:
    if action.owner_id:
        return action.owner.name
    if action.owner_organisation_id:
        return action.owner_organisation.display_name
    return action.owner_as_written


def check_closing(action: ActionItem, item: AgendaItem) -> None:
    """An action is closed under an item of a later meeting than the one that raised it."""
    raised = action.raised_in
    if raised is None:
        return
    if item.meeting_id == raised.meeting_id or item.meeting.date < raised.meeting.date:
        raise FollowupError(
            _("An action is closed at a later meeting than the one that raised it (%(date)s).")
            % {"date": raised.meeting.date.isoformat()}
        )


@transaction.atomic
def close_action(action: ActionItem, item: AgendaItem, *,
                 status: str = ActionItem.Status.DONE) -> ActionItem:
    """Close `action` under `item` as done (or cancelled)."""
    if status == ActionItem.Status.OPEN:
        raise FollowupError(_("Choose whether the action is done or cancelled."))
    check_closing(action, item)
    action.closed_in, action.status = item, status
    action.save(update_fields=["closed_in", "status"])
    return action


# Outstanding


@dataclass
class Outstanding:
    """Everything a body still has to follow up on a day."""

    day: datetime.date
    actions: list[ActionItem] = field(default_factory=list)
    awaiting_adoption: list[Matter] = field(default_factory=list)
    plans: list[ForwardPlan] = field(default_factory=list)

    @property
    def overdue(self) -> list[ActionItem]:
        return [action for action in self.actions if is_overdue(action, self.day)]

    def __bool__(self) -> bool:
        return bool(self.actions or self.awaiting_adoption or self.plans)


def awaiting_adoption(body: Body) -> QuerySet[Matter]:
    """The body's open matters that some member organisation has still to decide on, with
    `adopted` and `asked` counted."""
    decided = Q(adoptions__status__in=DECIDED)
    adopted = Q(adoptions__status__in=ADOPTED)
    return (
        Matter.objects.filter(body=body, status=Matter.Status.OPEN)
        .annotate(asked=Count("adoptions"), decided=Count("adoptions", filter=decided),
                  adopted=Count("adoptions", filter=adopted))
        .filter(asked__gt=F("decided"))
        .order_by("title", "pk")
    )


def waiting_plans(body: Body) -> QuerySet[ForwardPlan]:
    """Matters planned for a later meeting of the body and not yet on an agenda."""
    return (
        ForwardPlan.objects.filter(body=body, item__isnull=True)
        .select_related("matter", "meeting")
        .order_by(F("meeting__date").asc(nulls_last=True),
                  F("not_before").asc(nulls_last=True), "pk")
    )


def outstanding(body: Body, day: datetime.date) -> Outstanding:
    """What `body` has outstanding on `day`, in three queries."""
    return Outstanding(day, list(open_actions(body)), list(awaiting_adoption(body)),
                       list(waiting_plans(body)))


def _action_line(action: ActionItem, day: datetime.date) -> str:
    line = f"– {action.text.strip().rstrip('.')}."
    if owner_name(action):
        line += f" Ansvarig: {owner_name(action)}."
    if action.due:
        line += f" Senast {swedish_day(action.due, day.year)}."
    elif action.due_as_written:
        line += f" Senast {action.due_as_written}."
    return line + (" Försenad." if is_overdue(action, day) else "")


def plan_when(plan: ForwardPlan, year: int) -> str:
    if plan.meeting_id:
        return f"till mötet den {swedish_day(plan.meeting.date, year)}"
    if plan.when_as_written:
        return plan.when_as_written
    if plan.not_before:
        return f"från den {swedish_day(plan.not_before, year)}"
    return "vid ett senare möte"


def outstanding_text(found: Outstanding, previous: Meeting | None = None) -> str:
    """The text of "utestående ärenden", in the style of the minutes."""
    day = found.day
    parts = [f"Föregående möte hölls den {swedish_day(previous.date, day.year)}."] \
        if previous else []
    if found.actions:
        parts.append("Utestående åtgärder:\n" + "\n".join(
            _action_line(action, day) for action in found.actions))
    if found.awaiting_adoption:
        parts.append("Väntar på antagande i medlemsorganisationerna:\n" + "\n".join(
            f"– {matter.title}: {matter.adopted} av {matter.asked} har antagit."
            for matter in found.awaiting_adoption))
    if found.plans:
        parts.append("Planerat till kommande möten:\n" + "\n".join(
            f"– {plan.item_title}: {plan_when(plan, day.year)}." for plan in found.plans))
    if not found:
        parts.append("Inga utestående ärenden.")
    return "\n\n".join(parts)


# A new meeting


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The body's latest meeting before this one that was not cancelled."""
    return (
        Meeting.objects.filter(body_id=meeting.body_id, date__lt=meeting.date)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-date", "-start_time").first()
    )


def changes_since_previous(meeting: Meeting) -> tuple[Meeting | None, list[Change]]:
    previous = previous_meeting(meeting)
    if previous is None:
        return None, []
    return previous, changes_between(meeting.body, previous.date, meeting.date)


def plans_due(meeting: Meeting) -> QuerySet[ForwardPlan]:
    """Plans for this meeting, or for the first meeting from a day this meeting is on or after."""
    return (
        ForwardPlan.objects.filter(body_id=meeting.body_id, item__isnull=True)
        .filter(Q(meeting=meeting) | Q(meeting__isnull=True, not_before__lte=meeting.date))
        .select_related("matter")
        .order_by("pk")
    )


def place_plan(plan: ForwardPlan, meeting: Meeting) -> AgendaItem:
    """Put a planned matter on the meeting's agenda, before its closing items (numbered)."""
    item = add_item(meeting, AgendaItem(
        title=plan.item_title, kind=plan.kind, matter=plan.matter,
        case_number=plan.matter.case_number,
    ))
    plan.item, plan.meeting = item, meeting
    plan.save(update_fields=["item", "meeting"])
    return item


def _open_for_items(meeting: Meeting) -> bool:
    """Whether the meeting's agenda may still change: not cancelled, minutes still a draft."""
    from kansli.minutes.models import Minutes, MinutesStatus

    locked = Minutes.objects.filter(meeting=meeting).exclude(status=MinutesStatus.DRAFT)
    return meeting.status != MeetingStatus.CANCELLED and not locked.exists()


def planned_meeting(plan: ForwardPlan, today: datetime.date) -> Meeting | None:
    """The meeting already on the calendar that the plan is for, if any."""
    if plan.meeting_id:
        return plan.meeting
    if plan.not_before is None:
        return None
    return (
        Meeting.objects.filter(body_id=plan.body_id, date__gte=max(plan.not_before, today))
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("date", "start_time").first()
    )


@transaction.atomic
def schedule(plan: ForwardPlan, today: datetime.date) -> AgendaItem | None:
    """Put a new plan on its meeting at once when that meeting is already planned; otherwise
    the meeting takes it up when it is created (see `prepare_meeting`)."""
    meeting = planned_meeting(plan, today)
    if meeting is None or not _open_for_items(meeting):
        return None
    return place_plan(plan, meeting)


def _insert_after(anchor: AgendaItem, item: AgendaItem) -> AgendaItem:
    later = anchor.meeting.items.filter(parent_id=anchor.parent_id, position__gt=anchor.position)
    for sibling in later.order_by("-position"):
        sibling.position += 1
        sibling.save(update_fields=["position"])  # one by one, for the audit trail
    item.meeting, item.parent, item.position = anchor.meeting, anchor.parent, anchor.position + 1
    item.save()
    return item


def _fill(item: AgendaItem | None, text: str) -> bool:
    if item is None or item.text.strip():
        return False
    item.text = text
    item.save(update_fields=["text"])
    return True


def _changes_item(meeting: Meeting, text: str) -> None:
    items = list(meeting.items.filter(parent=None).order_by("position", "pk"))
    existing = next((item for item in items if item.kind == ItemKind.CHANGES), None)
    if existing is not None:
        _fill(existing, text)
        return
    anchors = [item for item in items if item.kind in CHANGES_AFTER]
    item = AgendaItem(kind=ItemKind.CHANGES, title=CHANGES_TITLE, text=text)
    if anchors:
        _insert_after(anchors[-1], item)
    else:
        add_item(meeting, item)


@transaction.atomic
def prepare_meeting(meeting: Meeting) -> None:
    """Start a new meeting from the body's memory: roll-call, outstanding matters, changes
    since the previous meeting, and the matters planned for it. Items already written keep
    their text."""
    fill_from_seats(meeting)
    for plan in plans_due(meeting):
        place_plan(plan, meeting)
    previous, changes = changes_since_previous(meeting)
    found = outstanding(meeting.body, meeting.date)
    if previous is not None or found:
        _fill(meeting.items.filter(kind=ItemKind.PREVIOUS).first(),
              outstanding_text(found, previous))
    if changes:
        members = list(meeting.body.member_organisations.all())
        _changes_item(meeting, changes_text(meeting.body, changes, meeting.date, members))
    number_meeting(meeting)
