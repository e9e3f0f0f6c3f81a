"""Displayed item numbers, computed from positions: never typed.

Notes mode numbers a meeting's items 1, 2, 3 with sub-items 4a, 4b. Protocol mode numbers
paragraphs § 1, § 2 … running through the calendar year per body (KL 5 kap.), so renumbering one
meeting renumbers the body's later meetings of that year too.
"""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable

from django.db import transaction
from django.db.models import Count, QuerySet

from kansli.meetings.models import AgendaItem, Meeting, MeetingStatus


def sub_label(index: int) -> str:
    """a, b, … z, aa, ab … for the index-th sub-item (0-based)."""
    letters = string.ascii_lowercase
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, len(letters))
        label = letters[rest] + label
    return label


def _ordered_tree(
    items: Iterable[AgendaItem], parent_of: Callable[[AgendaItem], Hashable],
    key_of: Callable[[AgendaItem], Hashable],
) -> list[tuple[AgendaItem, list[AgendaItem]]]:
    children: dict[Hashable, list[AgendaItem]] = defaultdict(list)
    for item in items:
        children[parent_of(item)].append(item)
    for siblings in children.values():
        siblings.sort(key=lambda item: (item.position, item.pk or 0))
    return [(top, children[key_of(top)]) for top in children[None]]


def _saved_tree(items: Iterable[AgendaItem]) -> list[tuple[AgendaItem, list[AgendaItem]]]:
    return _ordered_tree(items, lambda item: item.parent_id, lambda item: item.pk)


def _new_tree(items: Iterable[AgendaItem]) -> list[tuple[AgendaItem, list[AgendaItem]]]:
    """The tree of items not saved yet, whose parents are known as objects, not keys."""
    return _ordered_tree(
        items, lambda item: None if item.parent is None else id(item.parent), id
    )


def _number_tree(
    tree: list[tuple[AgendaItem, list[AgendaItem]]], first: int, protocol: bool
) -> int:
    """Set the numbers and document order of a meeting's items; return the next top number."""
    counter, order = first, 0
    for top, kids in tree:
        top.number = f"§ {counter}" if protocol else str(counter)
        top.sort_key = order
        order += 1
        for index, kid in enumerate(kids):
            kid.number = f"{top.number}{sub_label(index)}"
            kid.sort_key = order
            order += 1
        counter += 1
    return counter


def _assign(meeting: Meeting, first: int) -> int:
    """Number one meeting's items from `first`; return the next top-level number."""
    items = list(meeting.items.all())
    before = {item.pk: (item.number, item.sort_key) for item in items}
    counter = _number_tree(_saved_tree(items), first, meeting.body.is_protocol)
    changed = [item for item in items if before[item.pk] != (item.number, item.sort_key)]
    AgendaItem.objects.bulk_update(changed, ["number", "sort_key"])
    return counter


def _year(meeting: Meeting) -> QuerySet[Meeting]:
    """The body's meetings that year that number their paragraphs, in order."""
    return (
        Meeting.objects.filter(body_id=meeting.body_id, date__year=meeting.date.year)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("date", "start_time", "pk")
    )


def _year_meetings(meeting: Meeting) -> list[Meeting]:
    return list(_year(meeting).select_related("body"))


@transaction.atomic
def number_meeting(meeting: Meeting) -> None:
    """Recompute the numbers of a meeting (and, in protocol mode, of the year's later meetings)."""
    if not meeting.body.is_protocol:
        _assign(meeting, 1)
        return
    counter = 1
    for each in _year_meetings(meeting):
        counter = _assign(each, each.first_paragraph or counter)


# All or nothing; inside an import's transaction it adds no savepoint of its own.
@transaction.atomic(savepoint=False)
def number_new_items(meeting: Meeting, items: list[AgendaItem]) -> None:
    """Number `items`, the whole agenda of `meeting`, before they are saved (with their parents
    set as objects); in protocol mode renumber the year's later meetings after it too.

    The year's earlier meetings are only counted, not renumbered: the meeting must have kept its
    place among them (a new meeting, or one whose date stayed). That keeps importing a year of
    protocols linear rather than quadratic.
    """
    protocol = meeting.body.is_protocol
    # Only numbers are read of the year's meetings: most imports add the latest meeting.
    year = list(_year(meeting).values_list("pk", "first_paragraph")) if protocol else []
    place = next((index for index, (pk, _first) in enumerate(year) if pk == meeting.pk), None)
    if place is None:
        # Notes mode, or a cancelled meeting: its numbers affect no other meeting.
        _number_tree(_new_tree(items), (protocol and meeting.first_paragraph) or 1, protocol)
        return
    counter = _counted(year[:place])
    counter = _number_tree(_new_tree(items), meeting.first_paragraph or counter, protocol)
    later = [pk for pk, _first in year[place + 1:]]
    if later:
        for each in _year(meeting).filter(pk__in=later).select_related("body"):
            counter = _assign(each, each.first_paragraph or counter)


def _counted(meetings: list[tuple[int, int | None]]) -> int:
    """The § number following these meetings' paragraphs (id and first § of each), from their
    number of top-level items."""
    if not meetings:
        return 1
    tops = dict(
        AgendaItem.objects.filter(meeting__in=[pk for pk, _first in meetings], parent=None)
        .values("meeting").annotate(count=Count("pk")).values_list("meeting", "count")
    )
    counter = 1
    for pk, first in meetings:
        counter = (first or counter) + tops.get(pk, 0)
    return counter
