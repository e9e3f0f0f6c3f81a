"""Documents per second of the minutes parser, and of parse + import into a fresh SQLite database.

The parser is timed on one core over the corpus texts beside a shallow regex extractor (date, time,
place, numbered item titles) run over the same texts in the same run: PERFORMANCE.md puts such an
extractor at about 39,000 documents/s on the reference machine, the order of an upper bound. The
import is timed end to end (parse, resolve names, store) with each round's dates moved on four
weeks, so every import is a new meeting as in a real archive: first as `kansli import` stores
documents (each whole or not at all, in transactions shared for a quarter second), which the
target applies to, then one transaction per document, as the review pages import one.
Targets: parse >= 500 documents/s; parse + import >= 100 documents/s.

Usage: .venv/bin/python bench/parse.py [--corpus DIR] [--seconds 3]
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPOSITORY.parent / "shared" / "corpus"
PARSE_TARGET = 500
IMPORT_TARGET = 100
ROUND_STEP = datetime.timedelta(weeks=4)

_MONTHS = (
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    "|january|february|march|may|june|july|august|october|januar|februar|mai|desember"
)
SHALLOW = {
    "date": re.compile(
        rf"\b\d{{1,2}}\.?\s+(?:{_MONTHS})\s+\d{{4}}|\b\d{{4}}-\d{{2}}-\d{{2}}", re.I
    ),
    "time": re.compile(r"\b(?:kl\.?|klockan|at)\s*\d{1,2}(?:[.:]\d{2})?", re.I),
    "place": re.compile(r"^(?:plats|place|sted|lokal|venue)\b[\s:]+(.+)$", re.I | re.M),
    "items": re.compile(r"^\s*(?:§\s*)?\d{1,3}[a-z]?[.)]?\s+(\S.*)$", re.M),
}


def shallow_extract(text: str) -> dict[str, Any]:
    """The baseline: the first date, time and place and every numbered line, nothing resolved."""
    return {
        "date": SHALLOW["date"].search(text),
        "time": SHALLOW["time"].search(text),
        "place": SHALLOW["place"].search(text),
        "items": SHALLOW["items"].findall(text),
    }


def documents_per_second(work: Callable[[str, str], object], texts: list[tuple[str, str]],
                         seconds: float) -> tuple[float, int]:
    """Run `work` over the corpus again and again for about `seconds`; return rate and count."""
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for name, text in texts:
            work(name, text)
        done += len(texts)
    return done / (time.perf_counter() - start), done


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def read_corpus(folder: Path) -> list[tuple[str, str]]:
    docs = folder / "docs" if (folder / "docs").is_dir() else folder
    paths = sorted(docs.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no *.txt minutes in {docs}; pass --corpus DIR")
    return [(path.name, path.read_text(encoding="utf-8")) for path in paths]


def set_up_django(data_dir: Path) -> None:
    """A fresh SQLite database in `data_dir`, migrated, as the test runner would make one."""
    os.environ["KANSLI_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{data_dir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.settings")
    sys.path.insert(0, str(REPOSITORY))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


class Importer:
    """Parses a document and imports it as a new meeting each time it is given one: each
    round's dates are moved on four weeks, so every import is a new meeting as in an archive."""

    def __init__(self) -> None:
        self.rounds: dict[str, int] = {}

    def parsed(self, name: str, text: str) -> tuple[Any, str]:
        """The parsed document, dates moved to this round's, and its checksum."""
        from kansli.imports.parse import parse_text

        round_ = self.rounds[name] = self.rounds.get(name, -1) + 1
        shift = ROUND_STEP * round_
        parsed = parse_text(text, source=name)
        parsed = replace(
            parsed, date=moved(parsed.date, shift),
            previous_meeting=moved(parsed.previous_meeting, shift),
            next_meeting=moved(parsed.next_meeting, shift),
        )
        return parsed, hashlib.sha256(f"{round_}\n{text}".encode()).hexdigest()

    def alone(self, name: str, text: str) -> object:
        """One transaction for the document, as the review pages import one."""
        from kansli.imports.pipeline import import_parsed

        parsed, checksum = self.parsed(name, text)
        return import_parsed(parsed, text, name, checksum)

    def batched(self, texts: list[tuple[str, str]], seconds: float) -> tuple[float, int]:
        """Documents per second as `kansli import` stores them: parsed here on this core,
        stored in its shared transactions."""
        from kansli.imports import batch

        def documents() -> Any:
            while time.perf_counter() < deadline:
                for name, text in texts:
                    parsed, checksum = self.parsed(name, text)
                    yield batch.Prepared(batch.Job(name, name), checksum, len(text), "text",
                                         text, parsed)

        started = time.perf_counter()
        deadline = started + seconds
        outcomes = [outcome for group in batch.store_all(documents()) for outcome in group]
        failed = [outcome for outcome in outcomes if outcome.failed]
        if failed:
            raise SystemExit(f"{failed[0].file}: {failed[0].reason}")
        return len(outcomes) / (time.perf_counter() - started), len(outcomes)


def moved(value: object, shift: datetime.timedelta) -> object:
    return value + shift if isinstance(value, datetime.date) else value


def report(label: str, rate: float, count: int, baseline: float, target: int | None) -> None:
    verdict = "met" if target is not None and rate >= target else "MISSED"
    goal = "" if target is None else f"   target >= {target}: {verdict}"
    print(f"{label:<34} {rate:>10,.0f} docs/s  ({count:,} docs; "
          f"{rate / baseline:.4f} x baseline){goal}")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                         help="the corpus folder (or its docs/ folder)")
    options.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    arguments = options.parse_args()
    texts = read_corpus(arguments.corpus)
    pin_to_one_core()
    with tempfile.TemporaryDirectory(prefix="kansli-bench-") as data_dir:
        set_up_django(Path(data_dir))
        from kansli.imports.parse import parse_text

        size = sum(len(text.encode()) for _, text in texts)
        print(f"corpus: {len(texts)} documents, {size / 1024:.0f} KiB, from {arguments.corpus}")
        baseline, count = documents_per_second(
            lambda name, text: shallow_extract(text), texts, arguments.seconds
        )
        report("baseline: shallow regex extractor", baseline, count, baseline, None)
        rate, count = documents_per_second(
            lambda name, text: parse_text(text, source=name), texts, arguments.seconds
        )
        report("parse_text", rate, count, baseline, PARSE_TARGET)
        importer = Importer()
        rate, count = importer.batched(texts, arguments.seconds)
        report("parse + import into SQLite", rate, count, baseline, IMPORT_TARGET)
        rate, count = documents_per_second(importer.alone, texts, arguments.seconds)
        report("  one transaction each", rate, count, baseline, None)


if __name__ == "__main__":
    main()
