"""Displayed item numbers, computed from positions: never typed.

Notes mode numbers a meeting's items 1, 2, 3 with sub-items 4a, 4b. Protocol mode numbers
paragraphs § 1, § 2 … running through the calendar year per body (KL 5 kap.), so renumbering one
meeting renumbers the body's later meetings of that year too.
"""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

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


def _ordered_tree(items: Iterable[AgendaItem]) -> list[tuple[AgendaItem, list[AgendaItem]]]:
    children: dict[int | None, list[AgendaItem]] = defaultdict(list)
    for item in items:
        children[item.parent_id].append(item)
    for siblings in children.values():
        siblings.sort(key=lambda item: (item.position, item.pk or 0))
    return [(top, children[top.pk]) for top in children[None]]


def _assign(meeting: Meeting, first: int) -> int:
    """Number one meeting's items from `first`; return the next top-level number."""
    items = list(meeting.items.all())
    before = {item.pk: (item.number, item.sort_key) for item in items}
    protocol = meeting.body.is_protocol
    counter, order = first, 0
    for top, kids in _ordered_tree(items):
        top.number = f"§ {counter}" if protocol else str(counter)
        top.sort_key = order
        order += 1
        for index, kid in enumerate(kids):
            kid.number = f"{top.number}{sub_label(index)}"
            kid.sort_key = order
            order += 1
        counter += 1
    changed = [item for item in items if before[item.pk] != (item.number, item.sort_key)]
    AgendaItem.objects.bulk_update(changed, ["number", "sort_key"])
    return counter


@transaction.atomic
def number_meeting(meeting: Meeting) -> None:
    """Recompute the numbers of a meeting (and, in protocol mode, of the year's later meetings)."""
    if not meeting.body.is_protocol:
        _assign(meeting, 1)
        return
    year_meetings = (
        Meeting.objects.filter(body_id=meeting.body_id, date__year=meeting.date.year)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body")
        .order_by("date", "start_time", "pk")
    )
    counter = 1
    for each in year_meetings:
        counter = _assign(each, each.first_paragraph or counter)
