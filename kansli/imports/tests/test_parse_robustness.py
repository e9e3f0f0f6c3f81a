"""Property-based tests: on random and mutated documents the parser returns a result or raises its
own clear error, never anything else, and within a bounded time per document."""

from __future__ import annotations

import json
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kansli.imports.parse import ParsedMinutes, ParseError, parse_text
from kansli.imports.tests.fixtures import DOCUMENTS

# Generous for a slow CI machine: real documents parse in about a millisecond.
SECONDS_PER_DOCUMENT = 2.0


def _seeds() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DOCUMENTS.glob("*.txt"))]
    assert texts, f"the importer's test documents are missing from {DOCUMENTS}"
    return texts


SEEDS = _seeds()
# Characters minutes are made of, and the ones that trip parsers: tabs, form feeds, no-break and
# zero-width spaces, dashes, section signs, brackets, digits and separators of dates and times.
ALPHABET = st.sampled_from(
    list("abcdeåäöABCÅÄÖ §:;.,-–—()[]/\\|*x0123456789\t\n\n\n\f\r\u00a0\u200b\ufeff\"'”")
    + ["Beslut", "Beslut:", "§ 1", "1.", "4a)", "Närvarande:", "Justeras", "Tid", "Plats",
       "kl 13.00-15.00", "2024-03-05", "den 5 mars 2024", "14/3", "RESOLVED that", "Action:",
       "Ordförande", "Anna Berg", "(S)", "Vedtak:", "Apologies:", "  ", "Sida 2 av 5"]
)
random_text = st.lists(ALPHABET, max_size=400).map("".join)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real document with a few random cuts, duplications, insertions and swaps."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 6))):
        if not text:
            break
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start, min(len(text), start + 400)))
        operation = draw(st.sampled_from(["cut", "repeat", "insert", "swap", "upper", "truncate"]))
        if operation == "cut":
            text = text[:start] + text[end:]
        elif operation == "repeat":
            text = text[:end] + text[start:end] * draw(st.integers(1, 5)) + text[end:]
        elif operation == "insert":
            text = text[:start] + draw(random_text) + text[start:]
        elif operation == "swap":
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif operation == "upper":
            text = text[:start] + text[start:end].upper() + text[end:]
        else:
            text = text[:end]
    return text


def _parses_or_refuses(text: str) -> None:
    started = time.perf_counter()
    try:
        result = parse_text(text, source="generated.txt")
    except ParseError as error:
        assert error.message and str(error).startswith("generated.txt")
    else:
        assert isinstance(result, ParsedMinutes) and result.date is not None
        json.dumps(result.to_dict())
    assert time.perf_counter() - started < SECONDS_PER_DOCUMENT


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_text)
def test_random_text_is_parsed_or_refused_clearly(text):
    _parses_or_refuses(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_documents_are_parsed_or_refused_clearly(text):
    _parses_or_refuses(text)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(SEEDS), st.integers(5, 30))
def test_long_documents_stay_within_time(text, copies):
    _parses_or_refuses(text * copies)


def test_an_endless_participant_line_stays_within_time():
    names = " ".join(f"Anna Berg{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}" for i in range(1500))
    places = " ".join(f"Kommun{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}" for i in range(1500))
    text = f"Minnesanteckningar\n\nTid\t10 november 2022\nDeltagare\t{names}\t{places}\n"
    _parses_or_refuses(text)
