"""The labels of minutes' front matter and what each one introduces.

"Plats och tid", "Beslutande", "Ej tjänstgörande ersättare", "Apologies", "Følgende medlemmer hadde
forfall": the wording differs between languages and secretariats, the meaning does not. A label is
compared whole, without a trailing colon, a parenthetical note ("Deltagare (namn, kommun)") or a
date ("Justerat 17/3 -23").
"""

from __future__ import annotations

import re
from functools import lru_cache

WHEN = "when"
WHERE = "where"
WHERE_WHEN = "where_when"
PRESENT = "present"
MEMBERS = "members"
SUBSTITUTES = "substitutes"
OFFICIALS = "officials"
GUESTS = "guests"
ABSENT = "absent"
CHAIR = "chair"
VICE_CHAIR = "vice_chair"
SECRETARY = "secretary"
ADJUSTER = "adjuster"
TREASURER = "treasurer"
BODY = "body"
ORGANISATION = "organisation"
IGNORE = "ignore"

PEOPLE_KINDS = frozenset(
    {
        PRESENT,
        MEMBERS,
        SUBSTITUTES,
        OFFICIALS,
        GUESTS,
        ABSENT,
        CHAIR,
        VICE_CHAIR,
        SECRETARY,
        ADJUSTER,
        TREASURER,
    }
)
SIGNATURE_KINDS = frozenset({CHAIR, SECRETARY, ADJUSTER})

_LABELS: dict[str, str] = {
    WHERE_WHEN: r"plats och tid|tid och plats|tid och ort|ort och tid|plats, tid|tid, plats|"
    r"sted og tid|tid og sted|dato og sted|time and place|place and time|date and venue|"
    r"date, time and place|date, time and venue",
    WHEN: r"tid|datum|datum och tid|datum och tid för sammanträdet|datum/tid|datum, tid|tidpunkt|"
    r"klockslag|sammanträdesdatum|mötesdatum|sammanträdestid|date|time|date and time|"
    r"date/time|date of meeting|when|dato|tidspunkt|dato og tid|dato/tid|dato og tidspunkt|"
    r"møtedato|mødedato|møtetid|mødetid|mødetidspunkt|møtetidspunkt|starttid|tid og dato|när|"
    r"når",
    WHERE: r"plats|lokal|mötesplats|sammanträdesplats|möteslokal|sammanträdeslokal|venue|location|"
    r"place|where|møtested|mødested|sted|lokale|møtelokale|mødelokale|møtestad|var|hvor",
    PRESENT: r"deltagare|deltagande|närvarande|närvarolista|närvaro|present|attendees|attendance|"
    r"those present|til stede|tilstede|deltakere|deltagere|fremmødte|mødedeltagere|"
    r"kallade|deltog|närvarande deltagare|deltagare på mötet|tilstedeværende|röstlängd|"
    r"röstlängd för mötet|roll call|roll-call|"
    r"med på mötet|med på träffen|närvarande på mötet|på mötet|"
    r"deltagare på träffen|deltog på mötet|til stede på møtet|til stede på mødet",
    MEMBERS: r"beslutande|beslutande ledamöter|närvarande ledamöter|ledamöter|ledamot|"
    r"tjänstgörande ledamöter|ordinarie ledamöter|styrelseledamöter|närvarande "
    r"styrelseledamöter|närvarande ledamöter och ersättare|members present|members|"
    r"trustees present|trustees|councillors present|councillors|directors present|"
    r"governors present|governors|board members present|"
    r"directors|følgende faste medlemmer møtte|faste medlemmer|medlemmer|møtende "
    r"medlemmer|udvalgsmedlemmer|medlemmer til stede|fremmødte medlemmer|"
    r"beslutande ledamöter och tjänstgörande ersättare",
    SUBSTITUTES: r"ersättare|närvarande ersättare|ej tjänstgörande ersättare|"
    r"tjänstgörande ersättare|"
    r"tjänstgörande|ersättare ej tjänstgörande|ersättare, ej tjänstgörande|"
    r"övriga ersättare|närvarande ej tjänstgörande ersättare|suppleanter|suppleant|"
    r"varamedlemmer|følgende varamedlemmer møtte|møtende varamedlemmer|varamedlem|"
    r"stedfortrædere|substitutes|deputies",
    OFFICIALS: r"övriga närvarande|övriga deltagare|övriga deltagande|övriga|tjänstepersoner|"
    r"tjänstemän|tjänsteman|närvarande tjänstemän|deltagande tjänstepersoner|"
    r"närvarande tjänstepersoner|övriga närvarande tjänstepersoner|in attendance|"
    r"also present|also in attendance|officers present|officers|officers in attendance|"
    r"staff|staff present|fra administrasjonen møtte|fra administrasjonen|"
    r"administrasjonen|fra administrationen|administrationen|fra administrationen "
    r"deltog|øvrige|øvrige deltagere|øvrige til stede|andre til stede|andre møtende|"
    r"i øvrigt deltog|sekretariat|sekretariatet|øvrige fremmødte|desuden|desuden deltog|"
    r"desuden til stede|endvidere deltog|fra forvaltningen|fra forvaltningen deltog|"
    r"møtende fra administrasjonen|fra kommunedirektøren",
    GUESTS: r"gäster|gäst|adjungerade|adjungerad|inbjudna|guests|guest|observers|gjester|gæster|"
    r"inviterede|adjungert|inbjuden|inbjudna gäster",
    ABSENT: r"ej närvarande|frånvarande|förhinder|anmält förhinder|anmälda förhinder|"
    r"anmäld frånvaro|"
    r"frånvarande ledamöter|apologies|apologies for absence|absent|absentees|fraværende|"
    r"forfall|meldt forfall|følgende medlemmer hadde forfall|hadde forfall|afbud|"
    r"ikke til stede|ej närvarande ledamöter|ej närvarande ersättare|frånvarande ersättare|"
    r"meldt afbud",
    VICE_CHAIR: r"vice ordförande|1:e vice ordförande|2:e vice ordförande|förste vice ordförande|"
    r"andre vice ordförande|vice chair|vice-chair|nestleder|næstformand",
    CHAIR: r"ordförande|mötesordförande|stämmoordförande|ordförande för mötet|chair|chairman|"
    r"chairperson|chaired by|leder|møteleder|formand|mødeleder|dirigent|sammankallande|"
    r"in the chair|ordfører",
    SECRETARY: r"sekreterare|mötessekreterare|protokollförare|vid protokollet|vid anteckningarna|"
    r"vid pennan|antecknat av|antecknare|anteckningar|anteckningar förda av|antecknat|"
    r"referent|minutes taken by|minutes by|minute taker|minute-taker|minutes|clerk|"
    r"sekretær|protokollfører|referent|protokollförare|sekreterare för mötet",
    ADJUSTER: r"justerare|justerande|utses att justera|utsedd att justera|utsedda att justera|"
    r"utses att jämte ordföranden justera|justeras|justerat|justerat av|justeras av|"
    r"protokolljusterare|justeringsperson|justeringspersoner|protokollet justeras av|"
    r"protokollen godkjennes av|protokollet godkjennes av|protokollen godkjennes|"
    r"til å (?:underskrive|signere|godkjenne) protokollen(?: sammen med \w+)?"
    r"(?: ble valgt| velges)?|underskrivere|justerare tillika rösträknare",
    TREASURER: r"kassör|treasurer|kasserer",
    BODY: r"utvalg|udvalg|organ|nämnd|committee|body|styre|råd|sammanträde med|møte i|møde i",
    ORGANISATION: r"kommune|kommun|organisation|organization|organisasjon|council|förening|"
    r"forening|bolag|company|myndighet",
    IGNORE: r"justering|justeringens plats och tid|justeringens tid och plats|justeringens plats|"
    r"justeringens tid|justeringsdatum|justeringsdag|tid för justering|plats för justering|"
    r"paragrafer|paragraf|underskrifter|underskrift|sida|dnr|diarienummer|org\.? ?nr|"
    r"organisationsnummer|förvaringsplats för protokollet|förvaringsplats|"
    r"datum då anslaget sätts upp|datum då anslaget tas ned|datum för anslag|"
    r"anslaget sätts upp|anslaget tas ned|signed|signature|utdragsbestyrkande|"
    r"justerandes sign|justerandes signaturer|ärende|saksnr|sak|arkivsak|journalpost|"
    r"saksbehandler|kopi til|bilagor|bilaga|handlingar|justeringens plats och tid|"
    r"anslagsbevis|anslag|bevis|organ",
}
_COMPILED = [(kind, re.compile(rf"(?:{pattern})")) for kind, pattern in _LABELS.items()]
# Labels written over two lines start with one of these ("Ej tjänstgörande / ersättare").
_OPEN_LABEL = re.compile(
    r"(?:justeringens|ej tjänstgörande|tjänstgörande|närvarande|övriga|ej|"
    r"ersättare|följande|følgende|fra)"
)
_LEADING_WORDS = {
    "närvarande": PRESENT,
    "deltagande": PRESENT,
    "present": PRESENT,
    "frånvarande": ABSENT,
    "fraværende": ABSENT,
    "absent": ABSENT,
}
_PAREN = re.compile(r"\([^)]*\)")
_DATE_LIKE = re.compile(r"\s+\d[\d/ .:-]*\d?")
_SPACES = re.compile(r"\s+")


def normalise_label(text: str) -> str:
    text = _PAREN.sub(" ", text.lower())
    text = _DATE_LIKE.sub(" ", text)
    return _SPACES.sub(" ", text).strip(" :.-–")


@lru_cache(maxsize=8192)
def label_kind(text: str) -> str | None:
    """The kind of field a label introduces, or None when `text` is not a known label."""
    key = normalise_label(text)
    if not key or len(key) > 80:
        return None
    for kind, pattern in _COMPILED:
        if pattern.fullmatch(key):
            return kind
    # "Närvarande medlemmar", "Frånvarande styrelseledamöter": the first word says it all.
    first, _, rest = key.partition(" ")
    if rest and len(rest.split()) <= 2 and first in _LEADING_WORDS:
        return _LEADING_WORDS[first]
    return None


@lru_cache(maxsize=4096)
def opens_label(text: str) -> bool:
    """Whether `text` may be the first line of a label written over two lines."""
    return bool(_OPEN_LABEL.fullmatch(normalise_label(text)))
