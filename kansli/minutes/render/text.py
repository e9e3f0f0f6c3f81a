"""Minutes as plain text, in the layout secretariats write them.

Notes mode reproduces minnesanteckningar as the Södertörn cooperation committee writes them: a
tab-separated head (*Tid*, *Plats*, then *Deltagare* as one run of names and one run of
organisations, aligned by position), numbered items, *Beslut:* blocks and the signature block, every
block separated by one blank line. The importer's parser reads that layout back, so the output must
keep it exactly. Protocol mode writes a protokoll's first page with one person per line.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from kansli.minutes.render.document import (
    Item,
    MinutesDocument,
    Row,
    organisation_label,
    person_label,
)


def render_text(doc: MinutesDocument) -> str:
    blocks = [doc.title, *_head(doc)]
    if doc.cancelled:
        blocks.append(_("The meeting was cancelled."))
    for heading, item in doc.headed_items():
        blocks.extend(_item(heading, item, doc.decision_label))
    blocks.extend(_signatures(doc.signatures()))
    return "\n\n".join(blocks) + "\n"


def _head(doc: MinutesDocument) -> list[str]:
    if doc.is_protocol:
        rows = [*doc.when_and_where(), *doc.attendance(), *doc.appointed()]
        return [_listed(row) for row in rows]
    lines = [f"{row.label}\t{row.values[0]}\t" for row in doc.when_and_where()]
    lines += [_aligned_runs(row) for row in doc.attendance()]
    return ["\n".join(lines)]


def _aligned_runs(row: Row) -> str:
    """Names in one run and their organisations in another; readers pair them by position."""
    names = " ".join(person.name for person in row.people)
    organisations = " ".join(organisation_label(person) for person in row.people)
    return f"{row.label}\t{names}\t{organisations}"


def _listed(row: Row) -> str:
    """A protokoll's label column: the label on the first line, one value per line under it."""
    values = [person_label(p) for p in row.people] if row.people else row.values
    return "\n".join(
        f"{row.label if index == 0 else ''}\t{value}" for index, value in enumerate(values)
    )


def _item(heading: str, item: Item, decision_label: str) -> list[str]:
    blocks = [heading]
    for section in item.sections():
        if section.labelled:
            blocks.append(decision_label)
        blocks.extend(section.paragraphs)
    return blocks


def _signatures(rows: list[Row]) -> list[str]:
    return [block for row in rows for block in (row.label, *row.values)]
