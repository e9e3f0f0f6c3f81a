"""Decisions of an item, and its narrative without them.

A document that marks its decisions ("Beslut:", "Kommunstyrelsens beslut", "HOK- 12/23 Vedtak:",
"RESOLVED that", "DECISION:", the inline "Beslut att …") has only the marked text as decisions. A
marked block runs to the next blank line or the next section label (Reservation, Beslutet skickas
till, Action: …), continuing past a blank line only into its own numbered clauses. A block of
numbered, lettered or dashed clauses gives one decision per clause, without the enumerator or the
shared lead-in. A document without markers (typical of associations) has as decisions the sentences
in which the meeting decides, elects, approves, adopts or grants something.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kansli.imports.parse.layout import Line, collapse, join_lines, paragraphs
from kansli.imports.parse.patterns import Guarded

_BODY_GENITIVE = (
    r"(?:[\wåäöæøé-]*(?:nämndens|styrelsens|utskottets|fullmäktiges|beredningens|kommitténs|"
    r"direktionens|presidiets|rådets|gruppens|förbundets|stämmans|mötets|nätverkets|utvalgets|"
    r"udvalgets|styrets|kommunestyrets|formannskapets|bestyrelsens|bystyrets|byrådets|"
    r"regionrådets|kommunstyrelses))"
)
_LABEL_WITH_COLON = re.compile(
    r"^(?:beslut|beslutning|vedtak|decision|decisions|agreed|resolution|resolved|afgørelse|"
    r"konklusion|conclusion)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_LABEL_ALONE = re.compile(
    r"^(?:beslut|beslutning|vedtak|afgørelse|decision|resolution)$", re.IGNORECASE
)
_BODY_LABEL = re.compile(
    rf"^(?:[\w-]+\s+(?:och|og|and)\s+)?{_BODY_GENITIVE}\s+(?:beslut|vedtak|beslutning|decision)"
    r"\s*(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_CODED_VEDTAK = re.compile(
    r"^(?P<code>[^:]{0,40}?)\b(?:vedtak|beslutning)\s*:\s*(?P<rest>.*)$", re.IGNORECASE
)
_DANISH_LABEL = re.compile(
    r"^beslutning\s+(?:i|på|af)\b[^:]{0,100}:\s*(?P<rest>.*)$", re.IGNORECASE
)
_PROPOSAL_TO_BODY = re.compile(
    rf"^(?:[\w-]+\s+(?:och|og|and)\s+)?{_BODY_GENITIVE}\s+förslag\s+till\s+"
    r"(?:[\wåäö-]*(?:fullmäktige|styrelsen|nämnden|styrelse|utskottet))\s*:?$",
    re.IGNORECASE,
)
_RESOLVED_LEAD = re.compile(
    r"^(?:it\s+was\s+)?resolved\s*(?:that|as follows)?\s*[:\-–]?$", re.IGNORECASE
)
# "RESOLVED that …", "It was agreed that …", "Agreed as a true record" (no colon: kept whole).
# "RESOLVED to raise no objection" is the meeting's resolution, "Agreed to …" may be one person's.
_RESOLVED_INLINE = re.compile(
    r"^(?:it\s+was\s+)?(?:resolved\b(?!\s*:)|agreed\b(?!\s*:)(?!\s+to\b))", re.IGNORECASE
)
_INLINE_SWEDISH = re.compile(r"^beslut\s+att\b", re.IGNORECASE)
_PROPOSAL_WORDS = re.compile(
    r"forslag|innstilling|indstilling|förslag|proposal|recommendation", re.IGNORECASE
)
_STOP_LABEL = re.compile(
    r"^(?:reservation(?:er)?|reservasjon|protokollsanteckning(?:ar)?|protokolltilførsel|"
    r"särskil(?:t|da) yttranden?|beslutet (?:skickas|expedieras) till|expediering|skickas till|"
    r"justering|yrkanden?|propositionsordning|omröstning|omröstningsresultat|votering|"
    r"upplysningar?|ärendebeskrivning|beslutsunderlag|sammanfattning|bakgrund|behandling|"
    r"innstilling|forslag til vedtak|indstilling|action|actions|åtgärd|åtgärder|att göra|"
    r"oppfølging|opfølgning|"
    r"ansvarig|ansvarlig|ansvar|klart|frist|deadline|"
    r"nästa sammanträde|nästa möte|neste møte|næste møde|"
    r"bilag|bilagor|bilaga|sagsfremstilling|beslutningsgrundlag|dissens|note|notes|"
    r"voting|vote|reasons?|uppföljning|information)\b[^.]{0,40}(?::.*)?$",
    re.IGNORECASE,
)
# A paragraph about someone acting ("Helene Olofsson tackar …", "Ordföranden förklarade …",
# "IQ rejoined the meeting").
_ACTOR_START = re.compile(
    r"^(?:[A-ZÅÄÖÆØ][\w'’-]+\s+[A-ZÅÄÖÆØ][\w'’-]+\b(?!\s+(?:kommun|region))|"
    r"[A-ZÅÄÖÆØ]{2,3}\s+(?=[a-zåäöæø])|"
    r"(?i:ordförande|ordföranden|mötesordföranden|the chair|chair|leder|formand)\b)"
)
# A paragraph on another matter: the next meeting, the closing.
_NEXT_TOPIC = re.compile(
    r"^(?:nästa|next|neste|næste|kommande)\s+\w*(?:möte|sammanträde|meeting|møte|møde)|"
    r"^(?:date\s+of\s+next|mötet\s+avslut|the\s+meeting\s+(?:was\s+)?(?:closed|adjourned)|"
    r"møtet\s+(?:ble\s+)?(?:hevet|avsluttet)|mødet\s+(?:blev\s+)?(?:hævet|afsluttet))",
    re.IGNORECASE,
)
# The deciding body as the subject of a sentence: "Socialnämnden", "Nämnden", "The Board".
_SUBJECT = re.compile(
    r"^(?:[\wåäöæøé-]*(?:nämnden|styrelsen|utskottet|fullmäktige|beredningen|kommittén|direktionen|"
    r"presidiet|rådet|gruppen|förbundet|stämman|årsmötet|mötet|nätverket|utvalget|udvalget|styret|"
    r"kommunestyret|formannskapet|bestyrelsen|bystyret)|the\s+(?:committee|board|council|"
    r"trustees|sub-committee))\b",
    re.IGNORECASE,
)
# The verb after it is in the present or past tense of deciding, not "noterade att …".
_DECIDING_SUBJECT_VERB = re.compile(
    r"^\s+(?:\w+\s+)?(?:beslutar|beslutade|beslöt|godkänner|godkände|uppdrar|uppdrog|antar|antog|"
    r"fastställer|fastställde|ger|gav|beviljar|beviljade|avslår|avslog|föreslår|föreslog|"
    r"tillstyrker|bifaller|biföll|utser|utsåg|väljer|valde|överlämnar|lägger|noterar|ställer|"
    r"vedtar|vedtok|godkjenner|ber|beder|godkender|besluttede|beslutter|approves|approved|agreed|"
    r"resolved|adopts|adopted|agrees|asks|requests|authorises|authorised|notes|noted)\b",
    re.IGNORECASE,
)
# "1.", "(2)", "a)", "(iii)", "–": what opens a clause of a decision list.
_ENUMERATOR = re.compile(
    r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-zåäö][.)]|\(?[ivx]{1,4}\)|[-–—•*·])\s+", re.IGNORECASE
)
_ATT_CLAUSE = re.compile(r"^\s*att\s+\S")
_CLAUSE_END = re.compile(r"(?:[,;]|\s+(?:och|and|og|samt))\s*$")
_LEAD_IN_END = re.compile(r"(?::|\batt|\bthat|\bto)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÆØ0-9\"”«(])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:kl|t\.ex|bl\.a|ca|nr|st|resp|jfr|jf|dvs|m\.m|etc|p|s|ang|tel|fr\.o\.m|t\.o\.m|"
    r"kap|no|mr|mrs|dr|cllr|inkl|exkl|osv|vs)|\b[A-ZÅÄÖ])\.$",
    re.IGNORECASE,
)
_DECIDING_VERB = Guarded(
    r"\b(?:godkändes|godkänns|godkände|valdes|omvaldes|nyvaldes|utsågs|valde|omvalde|utsåg|"
    r"beslutades|beslöts|"
    r"beslutade|beslöt|beviljade|beviljades|beviljas|fastställdes|fastställde|antogs|antog|"
    r"lades\s+till\s+handlingarna|läggs\s+till\s+handlingarna|förklarades|bifölls|biföll|"
    r"avslogs|avslog|tillstyrktes|tillstyrkte|bordlades|uppdrogs|"
    r"approved|agreed|resolved|adopted|elected|re-elected|ratified|granted|endorsed|carried|"
    r"godkjent|godkjennes|godkjente|vedtatt|vedtas|vedtok|ble\s+valgt|valgtes|innvilget|"
    r"bevilget|tatt\s+til\s+orientering|godkendt|godkendes|godkendte|vedtaget|vedtages|"
    r"vedtog|besluttet|besluttede|bevilges|taget\s+til\s+efterretning|"
    # Cancelling a meeting is a decision too: "Mötet den 14 maj ställs in".
    r"ställs\s+in|ställdes\s+in|avlyses|avlystes|aflyses|aflystes)\b",
    (
        "godkän",
        "valdes",
        "utsågs",
        "valde",
        "utsåg",
        "beslut",
        "beslöt",
        "bevilj",
        "fastställ",
        "anto",
        "handlingarna",
        "förklarades",
        "biföll",
        "avslog",
        "tillstyrk",
        "bordlades",
        "uppdrogs",
        "approved",
        "agreed",
        "resolved",
        "adopted",
        "elected",
        "ratified",
        "granted",
        "endorsed",
        "carried",
        "godkj",
        "vedta",
        "vedto",
        "valgt",
        "innvilget",
        "bevilg",
        "orientering",
        "godkend",
        "efterretning",
        "ställ",
        "avlys",
        "aflys",
    ),
)
# A person agreeing to do something is not the meeting deciding ("Anna agreed to take the minutes").
# An action line is a task, however it is worded ("ACTION: Clerk to upload the approved …"), and a
# recommendation to the meeting ("Styrelsen tillstyrkte motionen") is not its decision.
_NOT_DECIDING = re.compile(
    r"reserver|yrkade|föreslog|begärdes|proposed|moved|suggested|tillstyrk|"
    r"foreslo|foreslog|ikke\s+vedtatt|\bagreed\s+to\b|"
    r"^(?:action|åtgärd|att\s+göra|ansvarig|ansvar|tiltak|handling)\s*:",
    re.IGNORECASE,
)
_MOTION = re.compile(
    r"^(?:(?:a\s+)?motion\s+(?:was\s+)?(?:made\s+)?by|moved\s+by|it\s+was\s+moved\s+by)\s.*"
    r"\bseconded\s+by\b",
    re.IGNORECASE,
)
_CARRIED = re.compile(
    r"^(?:the\s+)?motion\s+(?:was\s+)?(?:carried|passed|approved|adopted)\b", re.IGNORECASE
)
# "The Board AGREED to adopt …": the meeting itself agreeing is its decision.
_BODY_AGREED = re.compile(
    r"^(?:it\s+was|the\s+(?:board|committee|council|meeting|trustees|governors|group|"
    r"sub-committee|panel|members))\s+(?:\w+\s+)?agreed\b",
    re.IGNORECASE,
)


@dataclass
class ItemContent:
    """What an item says: its decisions and its narrative paragraphs."""

    decisions: list[str] = field(default_factory=list)
    text: str = ""


# Every decision label contains one of these words; checking for them first skips most lines.
_LABEL_WORDS = re.compile(
    r"beslut|vedtak|decision|agreed|resolution|resolved|afgørelse|konklusion|"
    r"conclusion|förslag",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _label(text: str) -> tuple[bool, str | None]:
    """(is a decision label, the decision text on the same line or None)."""
    if not _LABEL_WORDS.search(text[:120]):
        return False, None
    if _LABEL_ALONE.match(text) or _PROPOSAL_TO_BODY.match(text) or _RESOLVED_LEAD.match(text):
        return True, None
    for pattern in (_LABEL_WITH_COLON, _BODY_LABEL, _DANISH_LABEL):
        if match := pattern.match(text):
            return True, (match.group("rest") or "").strip() or None
    coded = _CODED_VEDTAK.match(text)
    if (
        coded
        and not _PROPOSAL_WORDS.search(coded.group("code"))
        and len(coded.group("code").split()) <= 4
    ):
        return True, coded.group("rest").strip() or None
    return False, None


def is_marker(text: str) -> bool:
    """Whether a line marks a decision, including the inline forms kept with their text."""
    text = text.strip()
    return _label(text)[0] or bool(_RESOLVED_INLINE.match(text) or _INLINE_SWEDISH.match(text))


def has_markers(bodies: Sequence[Sequence[Line]]) -> bool:
    return any(is_marker(line.text) for body in bodies for line in body)


@lru_cache(maxsize=4096)
def _is_stop(text: str) -> bool:
    return bool(_STOP_LABEL.match(text)) and len(text.split(":")[0].split()) <= 5


def _block(body: Sequence[Line], start: int, *, sectioned: bool = False) -> int:
    """The index after the marked block whose text starts at body[start].

    A label on a line of its own ("Beslut:", "Kommunstyrelsens beslut") heads a section, which
    runs over its paragraphs until something else begins (`sectioned`).
    """
    position = start
    while position < len(body) and body[position].is_blank():
        position += 1
    first = body[position].stripped if position < len(body) else ""
    while position < len(body):
        line = body[position]
        if line.is_blank() or line.is_rule():
            if not (sectioned and _further_paragraph(body, position)) and not (
                _continues_after_blank(body, position, first)
            ):
                break
            position += 1
            continue
        if position > start and (
            _is_stop(line.stripped) or _label(line.stripped)[0] or _new_actor(body, position)
        ):
            break
        position += 1
    return position


def _new_actor(body: Sequence[Line], position: int) -> bool:
    """A line that follows a finished sentence and opens with someone acting ("IQ rejoined the
    meeting.") reports what happened next; it is no part of the decision before it."""
    text = body[position].stripped
    if not body[position - 1].stripped.endswith(".") or not (actor := _ACTOR_START.match(text)):
        return False
    # "KS beslutar också att …" goes on deciding.
    return not _DECIDING_SUBJECT_VERB.match(" " + text[actor.end() :].lstrip())


def _continues_after_blank(body: Sequence[Line], position: int, first: str) -> bool:
    """A lead-in or a clause list may continue into the next paragraph with more clauses, and a
    decision into a further paragraph in which the body decides again ("Socialnämnden godkänner
    …" / "Socialnämnden uppdrar åt …")."""
    before = next((line for line in reversed(body[:position]) if not line.is_blank()), None)
    after = next((line for line in body[position:] if not line.is_blank()), None)
    if before is None or after is None or after.is_rule():
        return False
    if not _ENUMERATOR.match(after.text):
        return _same_subject(first, after.stripped)
    return bool(_LEAD_IN_END.search(before.stripped) or _ENUMERATOR.match(before.text))


def _further_paragraph(body: Sequence[Line], position: int) -> bool:
    """A paragraph that goes on with the decision: no label, and no person or chair acting."""
    after = next((line for line in body[position:] if not line.is_blank()), None)
    if after is None or after.is_rule():
        return False
    text = after.stripped
    return not (
        _is_stop(text) or _label(text)[0] or _ACTOR_START.match(text) or _NEXT_TOPIC.match(text)
    )


def _same_subject(first: str, text: str) -> bool:
    """Both paragraphs open with the deciding body as subject, and the second is no label."""
    subject, other = _SUBJECT.match(first), _SUBJECT.match(text)
    if subject is None or other is None or _is_stop(text) or _label(text)[0]:
        return False
    return bool(_DECIDING_SUBJECT_VERB.match(text[other.end() :]))


def _block_decisions(block: Sequence[Line]) -> list[str]:
    """A block's decisions: its clauses, or one per paragraph when it has no enumerated ones."""
    lines = [line.text for line in block if not line.is_blank()]
    groups = list(paragraphs(block))
    if len(groups) < 2 or any(_ENUMERATOR.match(text) for text in lines):
        return split_clauses(lines)
    return [clause for group in groups for clause in split_clauses([x.text for x in group])]


def split_clauses(lines: Sequence[str]) -> list[str]:
    """One decision per enumerated clause, or the whole text when there are no clauses.

    Swedish decisions also list their clauses as lines starting with "att" ("Kommunstyrelsen
    beslutar / att godkänna …, / att uppdra åt …"); those keep their "att".
    """
    starts_clause = _clause_start(lines)
    clauses: list[list[str]] = []
    lead: list[str] = []
    for text in lines:
        if starts_clause(text):
            clauses.append([_ENUMERATOR.sub("", text, count=1)])
        elif clauses:
            clauses[-1].append(text.strip())
        else:
            lead.append(text.strip())
    if not clauses:
        whole = collapse(" ".join(lead))
        return [whole] if whole else []
    return [c for c in (_clean_clause(" ".join(parts)) for parts in clauses) if c]


def _clause_start(lines: Sequence[str]) -> Callable[[str], bool]:
    if any(_ENUMERATOR.match(text) for text in lines):
        return lambda text: bool(_ENUMERATOR.match(text))
    if sum(1 for text in lines if _ATT_CLAUSE.match(text)) >= 2:
        return lambda text: bool(_ATT_CLAUSE.match(text))
    return lambda text: False


def _clean_clause(text: str) -> str:
    return _CLAUSE_END.sub("", collapse(text))


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph, not split after abbreviations such as "kl." or "t.ex."."""
    pieces = _SENTENCE_END.split(collapse(text))
    merged: list[str] = []
    for piece in pieces:
        if merged and _ABBREVIATION.search(merged[-1]):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return [p for p in merged if p]


def _paragraph_text(lines: Sequence[Line], indent: int) -> str:
    return "\n".join(
        line.text[indent:].rstrip() if len(line.text) >= indent else line.stripped for line in lines
    )


def read_item(body: Sequence[Line], *, marked: bool) -> ItemContent:
    """Decisions and narrative of one item's lines."""
    if not marked:
        return _read_unmarked(body)
    content = ItemContent()
    narrative: list[list[Line]] = []
    skip_until = -1
    for position, line in enumerate(body):
        if position < skip_until:
            continue
        text = line.stripped
        if not text or line.is_rule():
            narrative.append([])
            continue
        skip_until = _take_marked(body, position, text, content, narrative)
    content.text = _narrative(narrative, body)
    return content


def _take_marked(
    body: Sequence[Line],
    position: int,
    text: str,
    content: ItemContent,
    narrative: list[list[Line]],
) -> int:
    """Record a decision starting at body[position], if any; return where reading resumes."""
    is_label, inline = _label(text)
    if is_label:
        end = (
            _block(body, position + 1, sectioned=True) if inline is None
            else _block(body, position)
        )
        block = [Line(0, inline), *body[position + 1 : end]] if inline else body[position + 1 : end]
        content.decisions.extend(_block_decisions(block))
        return end
    if _RESOLVED_INLINE.match(text):
        end = _block(body, position)
        content.decisions.extend(
            split_clauses([line.text for line in body[position:end] if not line.is_blank()])
        )
        return end
    if _INLINE_SWEDISH.match(text):
        return _take_inline_sentence(body, position, content, narrative)
    if not narrative:
        narrative.append([])
    narrative[-1].append(body[position])
    return position + 1


def _take_inline_sentence(
    body: Sequence[Line], position: int, content: ItemContent, narrative: list[list[Line]]
) -> int:
    """ "Beslut att ställa in nästa möte. Behöver …": the first sentence is the decision."""
    end = position
    while end < len(body) and not body[end].is_blank() and not body[end].is_rule():
        end += 1
    found = sentences(join_lines(body[position:end]))
    if not found:
        return end
    first, *rest = found
    content.decisions.append(first)
    if rest:
        narrative.append([Line(body[position].number, " ".join(rest))])
        narrative.append([])
    return end


def _narrative(groups: list[list[Line]], body: Sequence[Line]) -> str:
    """The kept lines as paragraphs, indented as written relative to the item."""
    indent = min((line.indent for line in body if not line.is_blank()), default=0)
    texts = []
    for group in groups:
        for paragraph in paragraphs(group):
            texts.append(_paragraph_text(paragraph, indent))
    return "\n\n".join(texts)


def _read_unmarked(body: Sequence[Line]) -> ItemContent:
    """Without decision markers, the sentences in which the meeting decides are the decisions."""
    content = ItemContent()
    kept: list[str] = []
    indent = min((line.indent for line in body if not line.is_blank()), default=0)
    for paragraph in paragraphs(body):
        written = sentences(join_lines(paragraph))
        found = _carried_motions(written) or [s for s in written if _decides(s)]
        content.decisions.extend(found)
        if not found:
            kept.append(_paragraph_text(paragraph, indent))
        elif rest := [s for s in written if s not in found]:
            kept.append(" ".join(rest))
    content.text = "\n\n".join(kept)
    return content


def _carried_motions(written: list[str]) -> list[str]:
    """ "Motion by X, seconded by Y, to adopt …. Motion carried 5–1.": the motion that carried is
    the decision, as moved; the count after it is not, and a motion that failed decides nothing."""
    if not any(_MOTION.match(sentence) for sentence in written):
        return []
    return [
        sentence
        for sentence, after in zip(written, [*written[1:], ""], strict=True)
        if _MOTION.match(sentence) and _CARRIED.match(after)
    ]


def _decides(sentence: str) -> bool:
    if _BODY_AGREED.match(sentence):
        return True
    return bool(_DECIDING_VERB.search(sentence)) and not _NOT_DECIDING.search(sentence)
