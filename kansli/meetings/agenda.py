"""Building a meeting's agenda: the body's standard items, and adding, moving and nesting items.

Items are ordered by integer positions among their siblings; after every change the numbers are
recomputed by `numbering.number_meeting`, so nothing here ever writes a number.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from kansli.meetings.models import AgendaItem, AgendaTemplateItem, ItemKind, Meeting
from kansli.meetings.numbering import number_meeting
from kansli.registry.models import Body

# The standard procedural items of a Swedish meeting, in the body's own language: they are the
# minutes' content, not the interface's. Protocol mode speaks of "protokoll", notes mode of
# "minnesanteckningar".
STANDARD_ITEMS: list[tuple[str, str, str]] = [
    (ItemKind.OPENING, "Mötet öppnas", "Mötets öppnande"),
    (ItemKind.ADJUSTER, "Val av justerare samt tid och plats för justering",
     "Val av justerare samt tid och plats för justering"),
    (ItemKind.AGENDA, "Godkännande av dagordning", "Godkännande av föredragningslista"),
    (ItemKind.PREVIOUS, "Föregående minnesanteckningar och utestående ärenden",
     "Föregående protokoll och utestående ärenden"),
    (ItemKind.OTHER_QUESTIONS, "Övriga frågor", "Övriga frågor"),
    (ItemKind.NEXT_MEETING, "Nästa möte", "Nästa sammanträde"),
    (ItemKind.CLOSING, "Mötet avslutas", "Mötets avslutande"),
]
# New items go before these, where a secretary puts the matters of the day.
CLOSING_KINDS = {ItemKind.OTHER_QUESTIONS, ItemKind.NEXT_MEETING, ItemKind.CLOSING}


def default_template(body: Body) -> list[AgendaTemplateItem]:
    """The standard items for `body`, unsaved."""
    return [
        AgendaTemplateItem(
            body=body, position=index, kind=kind,
            title=protocol_title if body.is_protocol else notes_title,
        )
        for index, (kind, notes_title, protocol_title) in enumerate(STANDARD_ITEMS)
    ]


def template_items(body: Body) -> list[AgendaTemplateItem]:
    """The body's standard items, the default set saved first if the body has none."""
    items = list(body.agenda_template.order_by("position", "pk"))
    if not items:
        # Saved one by one, not in bulk, so each lands in the audit trail.
        items = default_template(body)
        for item in items:
            item.save()
    return items


@transaction.atomic
def start_agenda(meeting: Meeting) -> list[AgendaItem]:
    """Give a meeting without items the body's standard items."""
    if meeting.items.exists():
        return list(meeting.items.all())
    items = [
        AgendaItem.objects.create(
            meeting=meeting, position=template.position, kind=template.kind,
            title=template.title, text=template.text,
        )
        for template in template_items(meeting.body)
    ]
    number_meeting(meeting)
    return items


def _siblings(meeting: Meeting, parent_id: int | None):
    return meeting.items.filter(parent_id=parent_id).order_by("position", "pk")


def _insert_position(meeting: Meeting, parent: AgendaItem | None) -> int:
    """Before the closing standard items at the top level; last among sub-items."""
    siblings = list(_siblings(meeting, parent.pk if parent else None))
    if parent is None:
        for sibling in siblings:
            if sibling.kind in CLOSING_KINDS:
                return sibling.position
    last = max((sibling.position for sibling in siblings), default=-1)
    return last + 1


@transaction.atomic
def add_item(meeting: Meeting, item: AgendaItem) -> AgendaItem:
    """Insert an unsaved `item` (its parent already set) where a new item belongs."""
    position = _insert_position(meeting, item.parent)
    for sibling in _siblings(meeting, item.parent_id).filter(position__gte=position):
        sibling.position += 1
        sibling.save(update_fields=["position"])
    item.meeting = meeting
    item.position = position
    item.save()
    number_meeting(meeting)
    return item


def _renumber_positions(items: list[AgendaItem]) -> None:
    for index, item in enumerate(items):
        if item.position != index:
            item.position = index
            item.save(update_fields=["position"])


class MoveRefused(ValueError):
    """A move the agenda's shape does not allow, e.g. nesting the first item."""


@transaction.atomic
def move_item(item: AgendaItem, direction: str) -> None:
    """Move `item` up or down among its siblings, into the item above it ("in"), or out of its
    parent ("out"), then renumber."""
    moves = {"up": _swap_up, "down": _swap_down, "in": _nest, "out": _unnest}
    if direction not in moves:
        raise MoveRefused(f"Unknown direction {direction!r}")
    moves[direction](item)
    number_meeting(item.meeting)


def _ordered_siblings(item: AgendaItem) -> list[AgendaItem]:
    return list(_siblings(item.meeting, item.parent_id))


def _swap(item: AgendaItem, offset: int) -> None:
    siblings = _ordered_siblings(item)
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index + offset
    if not 0 <= other < len(siblings):
        raise MoveRefused("The item is already at the end.")
    siblings[index], siblings[other] = siblings[other], siblings[index]
    _renumber_positions(siblings)


def _swap_up(item: AgendaItem) -> None:
    _swap(item, -1)


def _swap_down(item: AgendaItem) -> None:
    _swap(item, 1)


def _nest(item: AgendaItem) -> None:
    """Make the item the last sub-item of the sibling above it: 5 becomes 4a."""
    if item.parent_id is not None or item.children.exists():
        raise MoveRefused("Only a top-level item without sub-items can become a sub-item.")
    siblings = _ordered_siblings(item)
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    if index == 0:
        raise MoveRefused("The first item has no item above it to go under.")
    parent = siblings[index - 1]
    last = parent.children.aggregate(last=Max("position"))["last"]
    item.parent = parent
    item.position = (last if last is not None else -1) + 1
    item.save(update_fields=["parent", "position"])
    _renumber_positions([s for s in siblings if s.pk != item.pk])


def _unnest(item: AgendaItem) -> None:
    """Make a sub-item a top-level item right after its parent: 4b becomes 5."""
    parent = item.parent
    if parent is None:
        raise MoveRefused("The item is not a sub-item.")
    top = list(_siblings(item.meeting, None))
    at = next(i for i, sibling in enumerate(top) if sibling.pk == parent.pk)
    item.parent = None
    item.save(update_fields=["parent"])
    top.insert(at + 1, item)
    _renumber_positions(top)
    _renumber_positions(list(parent.children.order_by("position", "pk")))
