"""What the document is: its title, language, genre (kind), body, organisation and meeting type.

These are read from the first lines: "TIERPS KOMMUN / Kommunstyrelsen", "Minnesanteckningar från
planeringskonferens med Södertörns kommunernas samarbetskommitté", "Minutes of the Board of Trustees
meeting", "Utvalg: Hovedutvalg for oppvekst og kultur".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kansli.imports.parse import labels
from kansli.imports.parse.fields import Field
from kansli.imports.parse.layout import Line, collapse
from kansli.imports.parse.patterns import Guarded

_GENRE = re.compile(
    r"minnesanteckningar|anteckningar|\w*protokoll\w*|minutes|referat|protocol|notes|"
    r"møtebok|mødereferat|beslutsprotokoll",
    re.IGNORECASE,
)
# "Minnesanteckningar", "Mötesanteckningar", "Anteckningar från …", "Meeting notes" — but not the
# label "Anteckningar: Amanda Pettersson".
_NOTES = re.compile(
    r"^\w*anteckningar\b(?!\s*:)|\bminnesanteckningar\b|^(?:meeting\s+)?notes\b(?!\s*:)",
    re.IGNORECASE,
)
# A network or a steering or working group has no power to decide: its minutes are notes whatever
# the title calls them ("Project Steering Committee – Minutes", "REFERAT … Nettverk for …").
_NETWORK = re.compile(
    r"\b\w*(?:nätverk(?:et)?|nettverk(?:et)?|netværk(?:et)?|styrgrupp(?:en)?|styringsgruppe(?:n)?|"
    r"styregruppe(?:n)?|arbetsgrupp(?:en)?|samverkansgrupp(?:en)?|samrådsgrupp(?:en)?)\b|"
    r"\bsteering\s+(?:committee|group|board)\b|\bworking\s+group\b|\bnetwork\b",
    re.IGNORECASE,
)
_ASSOCIATION = re.compile(
    r"förening|föreningen|\bbrf\b|borettslag|idrottsklubb|idrottsförening|\bik\b|\bif\b|sällskap|"
    r"klubb|årsmöte|föreningsstämma|forening|sameie|generalforsamling|\bassociation\b|\bsociety\b|"
    r"\bclub\b|\bårsmøte\b|medlemsmöte",
    re.IGNORECASE,
)
_COMPANY = re.compile(
    r"\b(?:AB|Ltd|Limited|plc|PLC|Inc|LLC|AS|ASA|A/S|ApS|GmbH)\b|\b(?:trust|foundation|"
    r"stiftelse|stiftelsen|charity|company|board of trustees|board of directors|"
    r"trustees)\b",
    re.IGNORECASE,
)
_LEGAL_FORM = re.compile(r"\b(?:AB|Ltd|LTD|Limited|LIMITED|plc|PLC|Inc|INC|LLC|ASA|A/S|ApS|GmbH)\b")
_PUBLIC = re.compile(
    r"kommun|kommune|region|landsting|nämnd|styrelse|utskott|fullmäktige|förbund|council|committee|"
    r"utvalg|udvalg|kommunestyre|formannskap|byråd|regionråd|parish|borough",
    re.IGNORECASE,
)
_CANCELLED = Guarded(
    r"\b(?:inställ(?:t|d|da|es)|ställs\s+in|ställts\s+in|ställa\s+in|avlys(?:t|es)|aflys(?:t|es)|"
    r"cancel+ed|cancellation|utgår)\b",
    ("inställ", "ställs", "ställts", "ställa", "avlys", "aflys", "cancel", "utgår"),
)
_NEXT = re.compile(r"\bnästa\b|\bnext\b|\bneste\b|\bnæste\b|kommande", re.IGNORECASE)
_ORGANISATION_WORD = re.compile(
    r"\b\w*(?:kommun|kommune|kommunes)\b|\bregion\b|\bregionen\b|landsting|\w*förbund(?:et)?\b|"
    r"\bcouncil\b|\bborough\b|\bcounty\b|fylkeskommune|\btrust\b|\bAB\b|\bLtd\b|förening(?:en)?\b|"
    r"\bassociation\b|\bklubb\b|\bforening\b|borettslag|\bsociety\b|\bfoundation\b",
    re.IGNORECASE,
)
_BODY_WORD = re.compile(
    r"nämnd(?:en)?\b|styrelse(?:n)?\b|utskott(?:et)?\b|fullmäktige\b|beredning(?:en)?\b|"
    r"kommitté(?:n)?\b|\bcommittee\b|\bboard\b|utvalg(?:et)?\b|udvalg(?:et)?\b|\bråd(?:et)?\b|"
    r"kommunestyre(?:t)?\b|formannskap(?:et)?\b|byråd(?:et)?\b|grupp(?:en)?\b|nätverk(?:et)?\b|"
    r"\bforum\b|direktion(?:en)?\b|presidium\b|\bcabinet\b|\bpanel\b|\bsub-committee\b",
    re.IGNORECASE,
)
# Titles that name the meeting type and the body: "Minnesanteckningar från planeringskonferens
# med X", "Protokoll fört vid ordinarie föreningsstämma i X", "Minutes of the Ordinary Meeting of
# the Parish Council held …", "Minutes of the Board of Trustees meeting", "Referat af ordinært møde
# i X".
_NOTES_TITLE = r"(?:minnes)?anteckningar\s+(?:från|vid)"
# "… från vårmöte med X", "… från nätverksträff – X", "… från styrgruppsmöte: X".
_TYPE_TO_BODY = r"(?:\s+(?:med|i|för|inom)\s+|\s*[–—:,-]\s+)"
_TITLE_WORDS = ("anteckningar", "protokoll", "minutes", "referat", "møte", "møde")
_TITLE_PATTERNS = [
    re.compile(rf"^{_NOTES_TITLE}\s+(?P<type>[\w-]+){_TYPE_TO_BODY}(?P<body>.+)$", re.I),
    re.compile(rf"^{_NOTES_TITLE}\s+(?P<type>[\w-]+)\s*$", re.I),
    # "… från nätverksträff onsdagen den 17 april 2024": the date follows the type.
    re.compile(
        rf"^{_NOTES_TITLE}\s+(?P<type>[\w-]+)\s+(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|"
        r"den|\d)\b",
        re.I,
    ),
    re.compile(
        r"\bprotokoll\s+(?:fört\s+)?(?:vid|från)\s+(?P<type>(?:extra\s+|ordinarie\s+|"
        r"konstituerande\s+)?[\w-]+)(?:\s+(?:i|med|för|hos)\s+(?P<body>[^,.]+?))?\s*(?:[,.]|$)",
        re.I,
    ),
    re.compile(
        r"\bprotokoll\s+fra\s+(?P<type>(?:ordinær\s+|ekstraordinær\s+)?[\w-]+)"
        r"(?:\s+(?:i|for)\s+(?P<body>[^,.]+?))?\s*(?:[,.]|$)",
        re.I,
    ),
    re.compile(
        r"\breferat\s+(?:af|fra)\s+(?P<type>(?:ordinært\s+|ekstraordinært\s+)?[\w-]+)"
        r"(?:\s+(?:i|for)\s+(?P<body>[^,.]+?))?\s*(?:[,.]|$)",
        re.I,
    ),
    re.compile(
        r"\bminutes\s+of\s+(?:the\s+|an?\s+)?(?P<type>[\w' -]*?\bmeeting)\s+of\s+(?:the\s+)?"
        r"(?P<body>.+?)(?=\s+held\b|\s+on\b|\s+at\b|,|\.|$)",
        re.I,
    ),
    re.compile(
        r"\bminutes\s+of\s+(?:the\s+|an?\s+)?(?P<type>(?:(?P<body>[\w' &-]+?)\s+)?meeting)\b", re.I
    ),
    re.compile(
        r"\b(?P<type>(?:ordinært|ekstraordinært)\s+mø(?:d|t)e)(?:\s+i\s+(?P<body>.+))?", re.I
    ),
]
# A title that names the body before the genre word: "Project Steering Committee – Minutes",
# "CITY COUNCIL REGULAR MEETING MINUTES". The type, when written, is the words before "meeting".
_BODY_THEN_GENRE = re.compile(
    r"^(?P<body>\S.*?\S)(?:\s+[–—-]\s+|\s+(?P<type>(?:regular|special|ordinary|extraordinary|"
    r"annual|adjourned)\s+meeting)\s+)(?:minutes|notes|minnesanteckningar|anteckningar|protokoll|"
    r"referat)$",
    re.IGNORECASE,
)
# A name line that ends in the kind of meeting: "IT-samverkan Hjortsåladalen – styrgruppsmöte",
# "Kulturnätverket – nätverksträff". The last word alone names the type.
_NAME_THEN_TYPE = re.compile(
    r"^(?P<body>\S.*?\S)\s+[–—-]\s+(?P<type>[\w-]*(?:möte|träff|konferens|sammanträde|meeting|"
    r"møte|møde))$",
    re.IGNORECASE,
)
# A line that opens with the kind of meeting and its date: "Styrgruppsmöte 2024-01-30, kl. 13.00",
# "Nettverksmøte tirsdag 8. oktober 2024".
_TYPE_THEN_DATE = re.compile(
    r"^(?P<type>[\w-]+(?:möte|träff|konferens|møte|møde))[ \t,]+(?:\d|(?:mån|tis|ons|tors|fre|"
    r"lör|sön|man|tirs|tors|fre|lør|søn)dag(?:en)?\b)",
    re.IGNORECASE,
)
_ASSOCIATION_TYPE = re.compile(
    r"\b(?P<type>(?:extra\s+|ordinarie\s+|konstituerande\s+)?(?:årsmöte|föreningsstämma|"
    r"styrelsemöte|medlemsmöte|stämma|årsmøte|styremøte|generalforsamling|bestyrelsesmøde))\b",
    re.IGNORECASE,
)
_SAMMANTRADE = re.compile(
    r"\b(?P<extra>extra\s+|extrainsatt\s+)?sammanträde(?:t|s(?:protokoll|datum|dag))?\b",
    re.IGNORECASE,
)
# A company's minutes name the company; the body meeting is its board.
_BOARD_WORD = {"sv": "Styrelsen", "no": "Styret", "da": "Bestyrelsen", "en": "Board"}
_PLAIN_TYPES = frozenset({"sammanträde", "möte", "meeting", "møte", "møde"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Kept lower case inside a heading written in capitals: "RÄDDNINGSCHEFSGRUPPEN I VÄSTERNORRLAND".
# Lower case inside a name: short words, and the common nouns that follow a proper name in
# Scandinavian names ("Tierps kommun", "Furulia borettslag").
_SMALL_WORDS = _words(
    "i och för av på med till vid om the of and for in on at to og af til kommun kommune län "
    "fylkeskommune borettslag sameie boligsameie"
)
_WORD = re.compile(r"[a-zåäöæøéü]+")
_PAGE = re.compile(r"^\s*(?:sida|page)\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_DATE_CELL = re.compile(
    r"^(?:sammanträdesdatum|datum|date|sida|page|side)\b|^[\d\s./-]+$", re.IGNORECASE
)
_LANGUAGE_SAMPLE = 2000

_STOPWORDS = {
    "sv": _words(
        "och att är inte från mötet möte också ska eller beslut ärendet sammanträde sig vid detta "
        "enligt samt mellan nämnden kommun för på har som"
    ),
    "no": _words(
        "ble møte møtet av etter hadde vedtak utvalget innstilling å mellom ikkje blir ikke og til "
        "fra saken kommunedirektørens også"
    ),
    "da": _words(
        "blev møde mødet af efter havde beslutning udvalget indstilling mellem bliver sagen "
        "ikke og til fra også kommunen ved"
    ),
    "en": _words(
        "the and of to that was were is be with by which this from meeting minutes council resolved"
    ),
}


_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _common in _STOPWORDS.items():
    for _word in _common:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _language)


@dataclass
class Identity:
    """What the document says it is."""

    title: str | None = None
    title_line: int | None = None
    language: str | None = None
    kind: str | None = None
    body: str | None = None
    organisation: str | None = None
    meeting_type: str | None = None
    cancelled: bool = False
    # How the body was found, for the confidence: "field", "title", "name" or "guess".
    body_source: str | None = None


def detect_language(text: str) -> str:
    """The language with the most of its common words in the first few thousand characters."""
    counts = dict.fromkeys(_STOPWORDS, 0)
    for word in _WORD.findall(text[:_LANGUAGE_SAMPLE].lower()):
        for language in _LANGUAGES_OF.get(word, ()):
            counts[language] += 1
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best] else "sv"


def smart_case(text: str) -> str:
    """An all-capitals heading in ordinary case: "TIERPS KOMMUN" gives "Tierps kommun"."""
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(
        w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def head_cells(header: Sequence[Line], fields: Sequence[Field]) -> list[tuple[int, str]]:
    """Cells of the unlabelled lines above the first field: the document's name, body and title."""
    meaningful = [f.line for f in fields if f.label and f.kind not in (None, labels.IGNORE)]
    stop = min(meaningful, default=header[-1].number + 1 if header else 0)
    skipped = {f.line for f in fields if f.kind == labels.IGNORE}
    cells: list[tuple[int, str]] = []
    for line in header:
        if line.number >= stop:
            break
        if line.number not in skipped and not line.is_rule():
            cells.extend((line.number, cell.text) for cell in line.cells())
    return cells


_GENRE_WORDS = ("anteckningar", "protokoll", "minutes", "referat", "protocol", "notes", "møtebok")


def _is_genre(text: str) -> bool:
    lowered = text.lower()
    return any(map(lowered.__contains__, _GENRE_WORDS)) and bool(_GENRE.search(text))


def _title(cells: Sequence[tuple[int, str]]) -> tuple[str | None, int | None]:
    for number, text in cells:
        if _is_genre(text) and not _PAGE.match(text):
            return text, number
    return (cells[0][1], cells[0][0]) if cells else (None, None)


def detect_cancelled(header: Sequence[Line], has_items: bool, whole: Sequence[Line]) -> bool:
    """A notice that the meeting itself is cancelled, not that the next one is."""
    text = collapse(" ".join(line.text for line in (header if has_items else whole)))
    if not _CANCELLED.possible(text):
        return False
    for sentence in _SENTENCE_BREAK.split(text):
        if _CANCELLED.search(sentence) and not _NEXT.search(sentence):
            return True
    return False


def detect_kind(cells: Sequence[tuple[int, str]], cancelled: bool, has_items: bool) -> str:
    head = " ".join(text for _, text in cells[:8])
    if cancelled and not has_items:
        return "other"
    if any(_NOTES.search(text) for _, text in cells[:8]):
        return "minnesanteckningar"
    # A company's legal form settles it: "… Housing Association Ltd" is a company's board.
    if _LEGAL_FORM.search(head):
        return "board"
    if _NETWORK.search(head):
        return "minnesanteckningar"
    if _ASSOCIATION.search(head):
        return "association"
    if _COMPANY.search(head):
        return "board"
    if _PUBLIC.search(head) or _GENRE.search(head):
        return "protokoll"
    return "other"


def _named(fields: Sequence[Field], kind: str) -> str | None:
    """The value of a field such as "Utvalg: Formannskapet" or "Kommune: Hamar kommune"."""
    for item in fields:
        if item.kind == kind and item.values:
            return collapse(item.values[0].text)
    return None


def identify(
    header: Sequence[Line],
    fields: Sequence[Field],
    whole: Sequence[Line],
    has_items: bool,
    text: str,
) -> Identity:
    cells = [(n, t) for n, t in head_cells(header or whole[:12], fields) if not _is_date_cell(t)]
    identity = Identity(language=detect_language(text))
    identity.title, identity.title_line = _title(cells)
    identity.cancelled = detect_cancelled(header, has_items, whole)
    named = [
        (0, value) for kind in (labels.ORGANISATION, labels.BODY) if (value := _named(fields, kind))
    ]
    identity.kind = detect_kind([*cells, *named], identity.cancelled, has_items)
    titled_type, titled_body = _title_parts(cells)
    _name_body(identity, cells, fields, titled_body)
    identity.meeting_type = _meeting_type(identity, cells, header, titled_type)
    return identity


def _is_date_cell(text: str) -> bool:
    return bool(_DATE_CELL.match(text))


def _title_parts(cells: Sequence[tuple[int, str]]) -> tuple[str | None, str | None]:
    """(meeting type, body) named by a title line."""
    meeting_type = body = None
    for _, text in cells:
        lowered = text.lower()
        if meeting_type is None and (match := _TYPE_THEN_DATE.match(text)):
            meeting_type = _as_type(match.group("type"))
            continue
        if not any(map(lowered.__contains__, _TITLE_WORDS)):
            if meeting_type is None and (match := _NAME_THEN_TYPE.match(collapse(text))):
                return _as_type(match.group("type")), smart_case(match.group("body"))
            continue
        if body is None and (named_first := _body_then_genre(text)):
            body, meeting_type = named_first[0], meeting_type or named_first[1]
        for pattern in _TITLE_PATTERNS:
            match = pattern.search(collapse(text))
            if match is None:
                continue
            meeting_type = meeting_type or _as_type(match.group("type"))
            named = match.groupdict().get("body")
            if named and body is None and _plausible_body(named):
                body = smart_case(collapse(named).strip(" ."))
        if meeting_type:
            break
    return meeting_type, body


def _body_then_genre(text: str) -> tuple[str, str | None] | None:
    """(body, meeting type) of a title such as "Project Steering Committee – Minutes"."""
    match = _BODY_THEN_GENRE.match(collapse(text))
    if match is None:
        return None
    named = match.group("body")
    if not (_BODY_WORD.search(named) or _PUBLIC.search(named)):
        return None
    return smart_case(named), _as_type(match.group("type")) if match.group("type") else None


def _plausible_body(text: str) -> bool:
    """A body named in a title is a name ("Parish Council", "Bostadsrättsföreningen Linden"),
    not a word left over from "Minutes of the Ordinary Meeting"."""
    return bool(
        _BODY_WORD.search(text)
        or _ORGANISATION_WORD.search(text)
        or _ASSOCIATION.search(text)
        or len(text.split()) >= 2
        and text[:1].isupper()
    )


def _names(cells: Sequence[tuple[int, str]]) -> list[str]:
    """Candidate names among the head cells; "Socialnämnden, Ljusdals kommun" gives both parts."""
    names: list[str] = []
    for _, text in cells:
        if _is_genre(text):
            continue
        parts = [p.strip() for p in text.split(", ")]
        if len(parts) == 2 and all(p[:1].isupper() for p in parts):
            names.extend(smart_case(p) for p in parts)
        else:
            names.append(smart_case(text))
    return names


def _name_body(
    identity: Identity,
    cells: Sequence[tuple[int, str]],
    fields: Sequence[Field],
    titled_body: str | None,
) -> None:
    names = _names(cells)
    organisation = next(
        (n for n in names if _ORGANISATION_WORD.search(n) and not _BODY_WORD.search(n)), None
    )
    organisation = _named(fields, labels.ORGANISATION) or organisation
    body = (
        _named(fields, labels.BODY)
        or _in_full(titled_body, names)
        or next((n for n in names if _BODY_WORD.search(n) and n != organisation), None)
    )
    if identity.kind == "association":
        organisation = next(
            (n for n in [titled_body, *names] if n and _ASSOCIATION.search(n)),
            titled_body or (names[0] if names else None),
        )
        body = organisation
        organisation = _parent_of_branch(organisation)
    elif identity.kind == "minnesanteckningar":
        body = titled_body or _first_body(names)
        organisation = None
    elif identity.kind == "board":
        organisation = organisation or (names[0] if names else None)
        if body in (None, organisation):
            body = _BOARD_WORD.get(identity.language or "")
    if body is None and identity.kind in ("protokoll", "other"):
        body = next(
            (n for n in names if n != organisation and not _CANCELLED.search(n)), organisation
        )
    if organisation is None and identity.kind != "association":
        organisation = _parent_line(names, body)
    identity.body, identity.organisation = body, organisation
    identity.body_source = _body_source(body, fields, titled_body)


# "Hyresgästföreningen, lokala föreningen Gottsunda": a local branch named after its parent.
_BRANCH = re.compile(
    r"^(?P<parent>[^,]+),\s+(?:lokal(?:a|e)?\s+\w+|lokalavdelning(?:en)?|avdelning(?:en)?|"
    r"krets(?:en)?|distrikt(?:et)?|local\s+branch|branch|lokallag(?:et)?|lokalforening(?:en)?)\b",
    re.IGNORECASE,
)


def _parent_of_branch(name: str | None) -> str | None:
    """The association a local branch belongs to is the organisation; the branch is the body."""
    if name is None or ", " not in name or not (match := _BRANCH.match(name)):
        return name
    return match.group("parent")


def _first_body(names: Sequence[str]) -> str | None:
    """A network's notes may name its umbrella first: "Miljösamverkan Norrbotten" above
    "Arbetsgruppen för livsmedelskontroll". The group is the line that names a group."""
    if len(names) >= 2 and not _BODY_WORD.search(names[0]) and _BODY_WORD.search(names[1]):
        return names[1]
    return names[0] if names else None


def _parent_line(names: Sequence[str], body: str | None) -> str | None:
    """The first name line, above a body named after it, is the body's parent organisation when
    it names no body itself: "CITY OF PORT TOWNSEND" above "CITY COUNCIL REGULAR MEETING
    MINUTES", "HOLLINGWOOD PRIMARY SCHOOL" above "Minutes of the Full Governing Board"."""
    if body is None or not names:
        return None
    first = names[0]
    folded, folded_body = first.casefold(), body.casefold()
    if folded in folded_body or folded_body in folded or _BODY_WORD.search(first):
        return None
    return first if not _CANCELLED.search(first) and first[:1].isupper() else None


def _in_full(titled_body: str | None, names: Sequence[str]) -> str | None:
    """A title's "the Parish Council" is the body the heading names in full, "Long Melford Parish
    Council"."""
    if titled_body is None:
        return None
    ending = " " + titled_body.casefold()
    return next((n for n in names if n.casefold().endswith(ending)), titled_body)


def _body_source(body: str | None, fields: Sequence[Field], titled_body: str | None) -> str | None:
    if body is None:
        return None
    if body == _named(fields, labels.BODY):
        return "field"
    if titled_body and body.casefold().endswith(titled_body.casefold()):
        return "title"
    if _BODY_WORD.search(body) or _ASSOCIATION.search(body) or _COMPANY.search(body):
        return "name"
    return "guess"


def _meeting_type(
    identity: Identity,
    cells: Sequence[tuple[int, str]],
    header: Sequence[Line],
    titled_type: str | None,
) -> str | None:
    head = " ".join(text for _, text in cells)
    if titled_type and not (titled_type.lower() in _PLAIN_TYPES and identity.language == "sv"):
        return titled_type
    if identity.kind == "association" and (match := _ASSOCIATION_TYPE.search(head)):
        return _as_type(match.group("type"))
    if identity.kind in ("protokoll", "other") and identity.language == "sv":
        front = " ".join([head, *(line.text for line in header)])
        if match := _SAMMANTRADE.search(front):
            return "extra sammanträde" if match.group("extra") else "sammanträde"
    return titled_type


def _as_type(text: str) -> str:
    text = collapse(text)
    return text.lower() if text.isupper() else text


def organisation_from_body(body: str | None, organisations: Sequence[str | None]) -> str | None:
    """ "Södertörns kommunernas samarbetskommitté" is the committee of "Södertörns kommunerna",
    when the participants name that organisation."""
    if not body:
        return None
    words = body.split()
    for end in range(len(words) - 1, 0, -1):
        owner = " ".join(words[:end])
        if owner.endswith("s") and (bare := owner[:-1]) in {o for o in organisations if o}:
            return bare
    return None
