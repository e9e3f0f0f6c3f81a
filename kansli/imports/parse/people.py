"""People as lists write them: "Marie Lindqvist (S), ordförande", "Dr Helen Marsh (HM) – Chair".

An entry is a name followed by attributes in parentheses, after commas or after a dash: a party
abbreviation, initials, an organisation, a role word, a job title, the items attended, or the member
a substitute replaces. Which one each attribute is follows from its shape, not from lists of known
names or places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kansli.imports.parse.layout import collapse

_HONORIFIC = re.compile(
    # A councillor of another tier keeps the tier: "District Cllr P. Langley", "County Cllr Marsh".
    r"^(?:(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame|rev|cllrs?|councillors?|"
    r"(?:district|county|borough|town|parish|city)\s+(?:cllrs?|councillors?)|"
    # American council titles: "Councilmembers Priya Ortiz, Ben Stroud", "Deputy Mayor Calloway".
    r"councilmembers?|council\s+members?|(?:deputy\s+)?mayor|mayor\s+pro\s+tem|alderm[ae]n)"
    r"\.?\s+)+",
    re.IGNORECASE,
)
# An elected member by title: among those "in attendance" a councillor is no officer but a guest.
_COUNCILLOR = re.compile(
    r"^(?:(?:district|county|borough|town|parish|city)\s+)?(?:cllrs?|councillors?)\b\.?",
    re.IGNORECASE,
)
COUNCILLOR = "councillor"
_UPPER = "A-ZÅÄÖÆØÜÉÈÁÍÓÚÑ"
_INITIAL = re.compile(rf"^[{_UPPER}]\.(?:-?[{_UPPER}]\.)?$")
_PARTICLE_WORDS = "von van af de der den da di du la le del bin al ten ter"
_PARTICLES = frozenset(_PARTICLE_WORDS.split())
# Norwegian parties mix cases ("Ap", "Sp", "FrP", "KrF"); elsewhere they are capitals.
_PARTY = re.compile(rf"^[{_UPPER}]{{1,4}}$|^(?:KrF|Frp|FrP|Fp|MDG|Rødt|Ap|Sp|Pp)$")
# "Ap:  Anne Tofte, Bjørn Rusten": members grouped under their party.
_PARTY_PREFIX = re.compile(r"^(?P<party>[^\W\d_]{1,4})\s*:\s+(?P<rest>\S.*)$")
_PAREN = re.compile(r"\(([^()]*)\)")
_DASH_ROLE = re.compile(r"\s+[–—-]\s+")
_ROLE_PREFIX = re.compile(r"^(?P<role>[^\W\d][\w .:-]{1,30}?)\s*:\s*(?P<rest>\S.*)$")
_REPLACES = re.compile(
    r"^(?:(?:tjänstgörande|tjänstgör)\s+)?(?:ersättare\s+)?(?:i stället\s+)?"
    r"(?:för|for|substituting for|møtte for|mødte for|vara for|erstatter)\s+(?P<name>.+)$",
    re.IGNORECASE,
)
# "Cia Berg via telefon", "Anna Ek (digitalt)": how someone took part, after the name.
_REMOTE_NOTE = re.compile(
    # Not inside brackets: "(Ulricehamn, via Teams)" keeps its closing bracket.
    r"\s+(?![^()]*\))(?:(?:via|på|per|by)\s+(?:teams|zoom|telefon|länk|distans|video|skype|phone)|digitalt|"
    r"på distans|remotely)\b.*$",
    re.IGNORECASE,
)
# "Fredrik Ulfsson (L) för Monika Dahl (L)": a serving substitute written on one line.
_STANDS_IN = re.compile(r"^(?P<who>.+?)\s+(?:för|for|i stället för)\s+(?P<other>.+)$")
_PARTIAL = re.compile(
    r"^(?:§§?\s*\d|punkt(?:erna)?\s+\d|pkt\.?\s*\d|item[s]?\s+\d|sak(?:er)?\s+\d|del av|delvis|"
    r"(?:från|till|from|until|fra|for|för)\s+(?:§|punkt|item|kl|sak)|kl\.?\s*\d|present for|"
    r"partly)",
    re.IGNORECASE,
)
_APOSTROPHE = re.compile(r"['’]")
_ABSENCE_NOTE = re.compile(r"förhinder|frånvarande|absent|apologies|forfall|afbud", re.IGNORECASE)
# A bullet, or the number of a numbered list ("1. Inga-Lill Sand" in a röstlängd).
_BULLET = re.compile(r"^(?:[-–•*·]|\d{1,3}[.)])\s+")
_CONJUNCTION = re.compile(r"\s(?:och|and|og|samt|&)\s")
# A job title naming the one who usually keeps the minutes: "nämndsekreterare", "Clerk to the
# Trustees", "Company Secretary".
_SECRETARY_TITLE = re.compile(r"(?:sekreterare|sekretær|secretary|clerk)\b", re.IGNORECASE)
# Capitals in brackets that are titles, not parties.
_TITLE_ABBREVIATIONS = frozenset({"CEO", "CFO", "COO", "CTO", "VD", "HR", "IT", "PA", "HRM", "EA"})

# Role words and phrases, "|"-separated, in Swedish, Norwegian, Danish and English.
_ROLE_WORDS = {
    "vice_chair": "vice ordförande|1:e vice ordförande|2:e vice ordförande|förste vice ordförande|"
    "varaordfører|varaordförande|"
    "andre vice ordförande|vice ordf|v ordf|viceordförande|vice-chair|vice chair|vice-chairman|"
    "vice chairman|deputy chair|nestleder|nestleiar|næstformand",
    "chair": "ordförande|ordf|sammankallande|mötesordförande|stämmoordförande|ordförande för mötet|"
    "chair|chairman|chairwoman|chairperson|chair of the board|chair of the meeting|leder|leiar|"
    "møteleder|styreleder|styrets leder|ordfører|formand|mødeleder|bestyrelsesformand|forperson|"
    "dirigent",
    "secretary": "sekreterare|sekr|mötessekreterare|protokollförare|secretary|minutes|minute taker|"
    "minute-taker|notes|referent|sekretær|protokollfører",
    "treasurer": "kassör|kassören|kassör/ledamot|treasurer|kasserer|kasserar",
    "member": "ledamot|ordinarie ledamot|styrelseledamot|medlem|styremedlem|bestyrelsesmedlem|"
    "member|trustee|director|councillor|ordinær|independent member|lay member|elected member|"
    "board member|committee member|independent trustee",
    "substitute": "ersättare|tjänstgörande ersättare|ej tjänstgörande ersättare|tjänstgörande|"
    "ej tjänstgörande|personlig ersättare|suppleant|varamedlem|vara|stedfortræder|substitute",
    "guest": "adjungerad|adjungerade|adjungert|gäst|inbjuden|observatör|gjest|gæst|guest|observer|"
    "invited|co-opted",
}
ROLE_OF_WORD: dict[str, str] = {
    word: role for role, words in _ROLE_WORDS.items() for word in words.split("|")
}
# Words of labels and roles are never part of a name ("Vid protokollet  Ordförande  Justeras").
_LABEL_WORDS = (
    "justeras justerat justerare justerande protokollet protokoll närvarande frånvarande deltagare "
    "ledamöter ersättare underskrift underskrifter plats tid datum beslut paragrafer sida present "
    "apologies signed date minutes vedtak møtested dato organ utdragsbestyrkande kommun kommune "
    "region council committee"
)
_NOT_NAMES = frozenset({w for w in ROLE_OF_WORD if " " not in w} | set(_LABEL_WORDS.split()))


@dataclass
class Entry:
    """One person in an attendance list, with what the list says about them."""

    name: str
    line: int | None = None
    party: str | None = None
    organisation: str | None = None
    initials: str | None = None
    roles: set[str] = field(default_factory=set)
    title: str | None = None
    partial: bool = False
    replaces: list[str] = field(default_factory=list)
    absent_note: bool = False


@lru_cache(maxsize=4096)
def role_of(text: str) -> str | None:
    """The role a word or phrase names ("ordförande", "Vice-Chair", "kassör"), or None."""
    key = collapse(_PAREN.sub(" ", text)).strip(" .,:;").lower()
    key = key.removeprefix("föreningens ").removeprefix("styrelsens ")
    return ROLE_OF_WORD.get(key) or ROLE_OF_WORD.get(key.rstrip("."))


@lru_cache(maxsize=8192)
def strip_honorific(text: str) -> str:
    return _HONORIFIC.sub("", text.strip())


def _name_part(part: str) -> bool:
    """A capitalised run of letters ("Hadžić", "Neill"), any alphabet."""
    return len(part) >= 2 and part[0].isupper() and part.isalpha() and not part[1:].isupper()


def _name_word(token: str) -> bool:
    """A capitalised name word, hyphenated ("Anna-Karin") or with an apostrophe ("O'Neill")."""
    if _INITIAL.match(token):
        return True
    if token.lower() in _NOT_NAMES:
        return False
    pieces = _APOSTROPHE.split(token)
    if len(pieces) == 2 and len(pieces[0]) == 1 and pieces[0].isupper():
        pieces = pieces[1:]
    return all(_name_part(piece) for piece in "-".join(pieces).split("-"))


@lru_cache(maxsize=8192)
def is_name(text: str, *, max_words: int = 5) -> bool:
    """Whether `text` reads as a personal name: two to five capitalised words or initials."""
    words = strip_honorific(text).split()
    if not 2 <= len(words) <= max_words or any(ch.isdigit() for ch in text):
        return False
    if words[0].lower() in _PARTICLES or words[-1].lower() in _PARTICLES:
        return False
    if not all(_name_word(w) or w.lower() in _PARTICLES for w in words):
        return False
    return not _INITIAL.match(words[-1]) and not all(w.isupper() and len(w) > 2 for w in words)


@lru_cache(maxsize=4096)
def initials_of(name: str) -> frozenset[str]:
    """Initials a name may be abbreviated to: "Anna-Karin Widmark" gives AW and AKW."""
    words = [w for w in name.split() if w.lower() not in _PARTICLES]
    short = "".join(w[0] for w in words).upper()
    long = "".join(part[0] for w in words for part in w.split("-")).upper()
    return frozenset({short, long})


def is_party(text: str, name: str | None = None) -> bool:
    """A party abbreviation ("S", "KD", "FRP", "Ø"), not initials of `name` or a title ("CEO")."""
    text = text.strip()
    if not _PARTY.match(text) or text in _TITLE_ABBREVIATIONS:
        return False
    return not (name and len(text) >= 2 and text.upper() in initials_of(name))


def absorb_attribute(entry: Entry, text: str, *, bracketed: bool = False) -> None:
    """Record what an attribute after the name says; the shape decides its meaning.

    A party abbreviation is only taken from brackets ("(S)"): after a comma capitals are more
    often a title ("Mats Falk, VD").
    """
    text = collapse(text).strip(" ,;.")
    if not text:
        return
    # "för Eva Dahlberg" names whom a substitute stands in for; "for item 6 only" names no one.
    if (replaced := _REPLACES.match(text)) and replaced.group("name")[:1].isupper():
        entry.roles.add("substitute")
        entry.replaces.append(_bare_name(replaced.group("name")))
        return
    # "Högskolan Väst (inbjuden, punkt 3)": each part in the brackets says its own thing.
    for inner in _PAREN.findall(text):
        for piece in inner.split(","):
            absorb_attribute(entry, piece, bracketed=True)
    text = collapse(_PAREN.sub(" ", text)).strip(" ,;.")
    if not text:
        return
    role = role_of(text)
    if role:
        entry.roles.add(role)
    elif _PARTIAL.match(text):
        entry.partial = True
    elif bracketed and is_party(text, entry.name):
        entry.party = entry.party or text
    elif entry.name and text.upper() in initials_of(entry.name) and text.isupper():
        entry.initials = text
    elif _ABSENCE_NOTE.search(text):
        entry.absent_note = True
    elif text[0].isupper() and entry.organisation is None and not looks_like_title(text):
        entry.organisation = text
    else:
        _absorb_title(entry, text)


_TITLE_WORDS = re.compile(
    r"\b(?:manager|officer|executive|director|solicitor|clerk|head|adviser|advisor|lead|"
    r"coordinator|assistant|controller|secretary|chief|accountant|auditor|consultant|planner|"
    r"engineer|inspector|surveyor|analyst|treasurer|administrator|president|ceo|cfo|governor|"
    r"attorney|"
    r"headteacher|principal)\b|"
    # Scandinavian job titles end in a handful of words: "Förvaltningschef", "Kommunalsjef",
    # also in the definite form of a sentence ("förvaltaren Johan Eriksson", "revisorn").
    r"(?:chef|sjef|direktör|direktør|sekreterare|sekretær|handläggare|saksbehandler|strateg|"
    r"samordnare|ansvarig|ekonom|jurist|utvecklare|ingenjör|ingeniør|arkitekt|rektor|assistent|"
    r"koordinator|konsult|konsulent|rådgivare|rådgiver|revisor|kommunikatör|planerare|utredare|"
    r"analytiker|controller|medarbejder|ledare|leder|leiar|rådgiver|konsulent|förvaltare|"
    r"forvalter|vicevärd|vicevært|planlegger|planlægger)(?:e?n)?\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def looks_like_title(text: str) -> bool:
    # English job titles are capitalised ("Licensing Manager"), organisations rarely end so; short
    # capitals after a comma are a title too ("VD", "CFO").
    return bool(_TITLE_WORDS.search(text)) or (text.isupper() and len(text) <= 4)


def _absorb_title(entry: Entry, text: str) -> None:
    if entry.title is None:
        entry.title = text
    if _SECRETARY_TITLE.search(text.split(",")[0].strip()):
        entry.roles.add("secretary_title")


@lru_cache(maxsize=4096)
def _bare_name(text: str) -> str:
    return collapse(_PAREN.sub(" ", strip_honorific(text))).strip(" ,;.")


def parse_entry(
    text: str, line: int | None = None, attributes: list[str] | None = None
) -> Entry | None:
    """Read one person: "Tomas Wik (C)", with attributes such as "tjänstgörande ersättare för X"."""
    text = collapse(text).strip(" ,;.")
    prefix_role = None
    if (prefixed := _ROLE_PREFIX.match(text)) and role_of(prefixed.group("role")):
        prefix_role = role_of(prefixed.group("role"))
        text = prefixed.group("rest")
    pieces = _split_top(strip_honorific(text), r",")
    if not pieces:
        return None
    head, *comma_parts = pieces
    head, *dash_parts = _DASH_ROLE.split(head, maxsplit=1)
    dash_parts += comma_parts
    head = _REMOTE_NOTE.sub("", head)
    if (standing_in := _STANDS_IN.match(head)) and is_name(_bare_name(standing_in.group("other"))):
        head = standing_in.group("who")
        dash_parts.append(f"för {standing_in.group('other')}")
    name = _bare_name(head)
    title, name = _leading_title(name)
    if not is_name(name):
        return None
    entry = Entry(name=name, line=line, title=title)
    if _COUNCILLOR.match(text):
        entry.roles.add(COUNCILLOR)
    if prefix_role:
        entry.roles.add(prefix_role)
    for inner in _PAREN.findall(head):
        for piece in _split_top(inner, r",|;"):
            absorb_attribute(entry, piece, bracketed=True)
    for extra in [*dash_parts, *(attributes or [])]:
        absorb_attribute(entry, extra)
    return entry


def _leading_title(name: str) -> tuple[str | None, str]:
    """ "Kommunedirektør Trond Alm", "Vicevært Poul Erik Bang": a one-word job title written
    before the name is the title, not a first name."""
    words = name.split()
    # The title is up to three words ("City Manager", "Public Works Director"), its last a
    # job-title word; a name of at least two words follows.
    for size in range(1, min(3, len(words) - 2) + 1):
        title, rest = " ".join(words[:size]), " ".join(words[size:])
        if (
            looks_like_title(words[size - 1])
            and words[0].lower() not in _NOT_NAMES
            and is_name(rest)
        ):
            return title, rest
    return None, name


_PARENTHESISED = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=64)
def _separator(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _split_top(text: str, separator: str) -> list[str]:
    """Split on `separator` outside parentheses."""
    # Separators are found in a copy with bracketed text blanked out, then cut from the original.
    masked = _PARENTHESISED.sub(lambda m: "\0" * len(m.group(0)), text) if "(" in text else text
    pieces, start = [], 0
    for match in _separator(separator).finditer(masked):
        if match.end() > match.start():
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


# "&" is left out: it joins firm names ("Lee & Hart LLP") more often than people.
_LIST_SEPARATOR = r",|;|\s+(?:och|samt|and|og|und)\s+"


def split_people(text: str, line: int | None = None, *, wrapped: bool = False) -> list[Entry]:
    """All people in one logical line of a list, such as "A (S), B (M) och C (V)".

    After a name, a segment that is itself a name starts a new person when the line is a list
    (three or more segments, a wrapped line, a conjunction, or clearly marked names); otherwise it
    is an attribute of the person before it ("Olof Dahl, Nybro").
    """
    text = _BULLET.sub("", text.strip())
    party = None
    if (grouped := _PARTY_PREFIX.match(text)) and is_party(grouped.group("party")):
        party, text = grouped.group("party"), grouped.group("rest")
    segments = _rejoin_titles(text, _split_top(text, _LIST_SEPARATOR))
    if not segments:
        return []
    list_like = (
        wrapped or party is not None or len(segments) >= 3 or bool(_CONJUNCTION.search(text))
    )
    entries: list[Entry] = []
    pending: list[str] = []
    current: str | None = None
    for segment in segments:
        starts_person = current is None or (
            _marked_name(segment) or (list_like and _plain_name(segment))
        )
        if starts_person and _plain_name(segment):
            _flush(entries, current, pending, line)
            current, pending = segment, []
        elif list_like and (titled := _titled_name(segment)):
            _flush(entries, current, pending, line)
            current, pending = titled
        else:
            pending.append(segment)
    _flush(entries, current, pending, line)
    for entry in entries if party else ():
        entry.party = entry.party or party
    return entries


# A name closing a phrase, after the word before it: "… närvarade föreningens revisor Birgitta
# Sahlin" gives "revisor" and "Birgitta Sahlin".
_NAME_AT_END = re.compile(
    rf"(?P<word>[^\W\d_]+)\s+(?P<name>(?:[{_UPPER}][\w'’-]+|[{_UPPER}]\.)"
    rf"(?:\s+[{_UPPER}][\w'’-]+){{1,3}})$"
)


def _titled_name(segment: str) -> tuple[str, list[str]] | None:
    """A name written in a sentence after its job title ("och förvaltaren Johan Eriksson"), as the
    name and the title, or None. Only a lower-case title counts: a preposition ("ersättare för
    Leif Holmqvist") names someone else."""
    if not (found := _NAME_AT_END.search(segment.split(". ")[-1])):
        return None
    word, name = found.group("word"), found.group("name")
    if not word.islower() or not (looks_like_title(word) or role_of(word)):
        return None
    return (name, [word]) if is_name(name) else None


def _rejoin_titles(text: str, segments: list[str]) -> list[str]:
    """ "Leon Asare, Risk and Compliance Manager": a job title joined by a conjunction is one
    title, not two people."""
    if len(segments) < 2 or not _CONJUNCTION.search(text):
        return segments
    joined: list[str] = []
    for segment in segments:
        bare = _PAREN.sub(" ", segment)
        if joined and looks_like_title(bare) and not _marked_name(segment):
            both = re.search(
                rf"{re.escape(joined[-1])}(\s+(?:och|and|og|samt|und)\s+){re.escape(segment)}", text
            )
            if both:
                joined[-1] = f"{joined[-1]}{both.group(1)}{segment}"
                continue
        joined.append(segment)
    return joined


@lru_cache(maxsize=4096)
def _plain_name(segment: str) -> bool:
    head = _REMOTE_NOTE.sub("", _DASH_ROLE.split(strip_honorific(segment), maxsplit=1)[0])
    prefixed = _ROLE_PREFIX.match(head)
    if prefixed and role_of(prefixed.group("role")):
        head = prefixed.group("rest")
    if (standing_in := _STANDS_IN.match(head)) and is_name(_bare_name(standing_in.group("other"))):
        head = standing_in.group("who")
    return is_name(_bare_name(head))


@lru_cache(maxsize=4096)
def _marked_name(segment: str) -> bool:
    """A name that cannot be an organisation: with a party, initials, honorific or dash role."""
    if not _plain_name(segment):
        return False
    return bool(
        _PAREN.search(segment)
        or _HONORIFIC.match(segment)
        or _DASH_ROLE.search(segment)
        or _INITIAL.match(segment.split()[0])
    )


def _flush(entries: list[Entry], current: str | None, pending: list[str], line: int | None) -> None:
    if current is None:
        return
    entry = parse_entry(current, line, pending)
    if entry is not None:
        entries.append(entry)
