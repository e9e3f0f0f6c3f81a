"""Full-text search over synthetic published minutes, on SQLite (FTS5) and PostgreSQL.

For each engine and size (100,000 and 1,000,000 decisions by default) the benchmark makes a fresh
database through Kansli's migrations, writes synthetic Swedish items straight into the index table
in bulk (one decision per item; a meeting's worth of items shares body, date and kind), builds the
engine's index, and times 200 searches of one to three words through `kansli.search.results.find`:
the engine's candidates, the ranking, and the first page of 20 results with marked snippets. The
searches draw their words from the same distribution as the text, so common words — the slow
tail PERFORMANCE.md describes — are among them. Each search runs once to warm the caches, then
three times timed, the fastest counting (the figures print the machine's load beside them).

Baseline in the same run: the engine alone returning 20 matches unranked, the floor PERFORMANCE.md
measured (p95 0.7 ms on FTS5, 17 ms on PostgreSQL at a million). Target: p95 <= 50 ms at
1,000,000 decisions on both engines.

PostgreSQL runs in a database of its own, kansli_bench_search, created and dropped here; pass the
server with --postgres (default postgres://postgres@127.0.0.1:5432/postgres).

Usage: .venv/bin/python bench/search.py [--sizes 100000 1000000] [--engines sqlite postgresql]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

from scratch_postgres import DEFAULT_SERVER, database_url, scratch_database

REPOSITORY = Path(__file__).resolve().parents[1]
BENCH_DATABASE = "kansli_bench_search"
TARGET_P95_MS = 50.0
QUERIES = 200
REPEAT = 3  # each search timed three times; its fastest run counts
BODIES = 20
ITEMS_PER_MEETING = 10
BATCH = 10_000
SEED = 20261128

# --- Synthetic Swedish ------------------------------------------------------------------------

# Heads of compounds with their forms: indefinite, definite, plural, definite plural (and the
# genitive of the definite). Umlaut plurals and doubled consonants are among them on purpose.
HEADS = [
    ("program", "programmet", "program", "programmen"), ("plan", "planen", "planer", "planerna"),
    ("strategi", "strategin", "strategier", "strategierna"),
    ("fråga", "frågan", "frågor", "frågorna"), ("ärende", "ärendet", "ärenden", "ärendena"),
    ("beslut", "beslutet", "beslut", "besluten"), ("förslag", "förslaget", "förslag", "förslagen"),
    ("arbete", "arbetet", "arbeten", "arbetena"), ("grupp", "gruppen", "grupper", "grupperna"),
    ("utredning", "utredningen", "utredningar", "utredningarna"),
    ("rapport", "rapporten", "rapporter", "rapporterna"), ("avtal", "avtalet", "avtal", "avtalen"),
    ("område", "området", "områden", "områdena"), ("satsning", "satsningen", "satsningar",
                                                   "satsningarna"),
    ("insats", "insatsen", "insatser", "insatserna"), ("projekt", "projektet", "projekt",
                                                       "projekten"),
    ("bostad", "bostaden", "bostäder", "bostäderna"), ("stad", "staden", "städer", "städerna"),
    ("budget", "budgeten", "budgetar", "budgetarna"), ("fond", "fonden", "fonder", "fonderna"),
    ("möte", "mötet", "möten", "mötena"), ("uppdrag", "uppdraget", "uppdrag", "uppdragen"),
    ("kostnad", "kostnaden", "kostnader", "kostnaderna"), ("väg", "vägen", "vägar", "vägarna"),
    ("skola", "skolan", "skolor", "skolorna"), ("ledamot", "ledamoten", "ledamöter",
                                                "ledamöterna"),
    ("kontroll", "kontrollen", "kontroller", "kontrollerna"),
    ("tjänst", "tjänsten", "tjänster", "tjänsterna"), ("lokal", "lokalen", "lokaler",
                                                       "lokalerna"),
    ("samverkan", "samverkan", "samverkan", "samverkan"),
]
MODIFIERS = [
    "", "utvecklings", "bostads", "kompetens", "trafik", "skol", "miljö", "kultur", "budget",
    "personal", "vård", "omsorgs", "regional", "kommun", "samverkans", "fritids", "näringslivs",
    "klimat", "energi", "avfalls", "vatten", "trygghets", "digitaliserings", "integrations",
    "folkhälso", "investerings", "upphandlings", "kris", "cykel", "kollektivtrafik",
    "arbetsmarknads", "bygg", "planerings", "säkerhets", "besöks", "idrotts", "social",
    "ekonomi", "it", "lednings",
]
VERBS = [
    "beslutar", "föreslår", "godkänner", "antar", "redovisar", "presenterar", "diskuterar",
    "informerar", "noterar", "uppdrar", "fastställer", "återremitterar", "tillstyrker",
    "bordlägger", "lägger", "ger", "ska", "har", "är", "kommer", "behöver", "bedömer",
    "följer", "tar", "bereder", "rekommenderar", "ställer", "delegerar",
]
ADJECTIVES = [
    "gemensam", "gemensamma", "ny", "nya", "nytt", "regionala", "kommunala", "långsiktig",
    "hållbar", "hållbara", "särskild", "särskilda", "övergripande", "årlig", "årliga",
    "fortsatt", "fortsatta", "ekonomisk", "ekonomiska", "tydlig", "tydliga", "digital",
    "digitala", "lokal", "lokala", "större", "mindre", "befintliga", "kommande",
]
FUNCTION_WORDS = [
    "och", "att", "i", "på", "för", "som", "med", "av", "till", "en", "ett", "den", "det",
    "de", "om", "från", "vid", "under", "efter", "samt", "inom", "mellan", "enligt", "inte",
    "kommittén", "nämnden", "styrelsen", "förvaltningen", "kommunerna", "regionen",
    "ledningsgruppen", "ordföranden", "sekreteraren", "handlingarna",
]
NAMES = [
    "Botkyrka", "Haninge", "Huddinge", "Nykvarn", "Nynäshamn", "Salem", "Södertälje", "Tyresö",
    "Stockholm", "Uppsala", "Region", "Länsstyrelsen", "Trafikverket", "Boverket",
]


def vocabulary() -> list[str]:
    """Every word form, commonest first: the order gives each its Zipf weight."""
    rng = random.Random(SEED)
    compounds = [modifier + form for modifier in MODIFIERS for forms in HEADS for form in forms]
    rng.shuffle(compounds)
    words = FUNCTION_WORDS + VERBS + ADJECTIVES + NAMES + compounds
    common, rest = words[:40], words[40:]
    rng.shuffle(rest)
    return list(dict.fromkeys(common + rest))


class Writer:
    """Synthetic items: titles, narratives with a decision, and their terms."""

    def __init__(self) -> None:
        from kansli.search import normalise

        self.rng = random.Random(SEED)
        self.words = vocabulary()
        weights = [1 / (rank + 1) for rank in range(len(self.words))]
        total, running = sum(weights), 0.0
        self.cumulative = []
        for weight in weights:
            running += weight
            self.cumulative.append(running / total)
        self.term_of = {word: " ".join(normalise.terms(word)) for word in self.words}
        self.terms = {t for term in self.term_of.values() for t in term.split()}

    def draw(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self, count: int) -> tuple[str, list[str]]:
        words = self.draw(count)
        text = " ".join(words)
        return text[0].upper() + text[1:] + ".", [self.term_of[word] for word in words]

    def item(self, number: int) -> tuple[str, str, str, str]:
        """(title, text, title terms, text terms) of one item with one decision."""
        title, title_terms = self.sentence(self.rng.randint(3, 6))
        parts, terms = [], []
        for length in (self.rng.randint(8, 14), self.rng.randint(8, 14), self.rng.randint(8, 16)):
            sentence, sentence_terms = self.sentence(length)
            parts.append(sentence)
            terms += sentence_terms
        case = f"Dnr KS {2000 + number % 26}/{number % 9973}."  # a long tail of rare terms
        parts.append(case)
        case_terms = " ".join(normalise_text(case))
        self.terms.update(case_terms.split())
        return (title.rstrip("."), " ".join(parts), " ".join(title_terms),
                " ".join(terms) + " " + case_terms)

    def queries(self, count: int) -> list[str]:
        """Searches of one to three words: half drawn as the text draws them (so the common
        words come up often), half from the whole vocabulary."""
        queries = []
        for index in range(count):
            size = self.rng.randint(1, 3)
            words = self.draw(size) if index % 2 else self.rng.sample(self.words, size)
            queries.append(" ".join(words))
        return queries


def normalise_text(text: str) -> list[str]:
    from kansli.search import normalise

    return normalise.terms(text)


def rows(writer: Writer, bodies: list[int], total: int) -> Iterator[tuple]:
    """Index rows in date order, as an archive fills: ten items per meeting."""
    from kansli.search.engines import facets

    start, days = datetime.date(2000, 1, 1), 26 * 365
    kinds = ["ordinary"] * 17 + ["extra"] * 2 + ["planning_conference"]
    for number in range(total):
        meeting = number // ITEMS_PER_MEETING
        rng = random.Random(meeting)
        day = start + datetime.timedelta(days=days * number // total)
        body, kind = rng.choice(bodies), rng.choice(kinds)
        title, text, title_terms, text_terms = writer.item(number)
        yield (
            "item", body, day, day.year, kind, str(number % ITEMS_PER_MEETING + 1),
            f"/organ-{body}/{day.isoformat()}-{meeting}/#punkt-{number % ITEMS_PER_MEETING + 1}",
            title, text, title_terms, text_terms, " ".join(facets(body, day.year, kind)),
        )


COLUMNS = ("kind", "body_id", "date", "year", "meeting_kind", "number", "url", "title", "text",
           "title_terms", "text_terms", "facets")


# --- One engine, one size (run in a process of its own) -----------------------------------------


def set_up_django(database_url: str, data_dir: Path) -> None:
    os.environ["KANSLI_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "kansli.settings"
    os.environ["KANSLI_PUBLIC_CACHE_SECONDS"] = "0"
    sys.path.insert(0, str(REPOSITORY))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def make_bodies() -> list[int]:
    from kansli.registry.models import Body, Organisation

    organisation = Organisation.objects.create(name="Benchkommun", slug="benchkommun")
    return [
        Body.objects.create(organisation=organisation, name=f"Organ {n}", slug=f"organ-{n}").pk
        for n in range(BODIES)
    ]


class SQLiteLoad:
    """Triggers off while loading, then the FTS5 index built in one go."""

    def __init__(self, cursor) -> None:
        self.cursor = cursor

    def load(self, batches: Iterator[list[tuple]]) -> None:
        cursor = self.cursor
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                       "AND tbl_name = 'search_entry'")
        self.triggers = cursor.fetchall()
        for name, _sql in self.triggers:
            cursor.execute(f"DROP TRIGGER {name}")
        marks = ", ".join(["%s"] * len(COLUMNS))
        sql = f"INSERT INTO search_entry ({', '.join(COLUMNS)}) VALUES ({marks})"
        for batch in batches:
            cursor.executemany(sql, batch)

    def build(self) -> None:
        for _name, sql in self.triggers:
            self.cursor.execute(sql)
        self.cursor.execute("INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')")
        self.cursor.execute("INSERT INTO search_entry_fts(search_entry_fts) VALUES ('optimize')")

    def sizes(self) -> tuple[float, float]:
        self.cursor.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name")
        sizes = dict(self.cursor.fetchall())
        index = sum(size for name, size in sizes.items() if name.startswith("search_entry_fts"))
        table = sizes.get("search_entry", 0)
        return index / 2**20, table / 2**20


class PostgresLoad:
    """The GIN index dropped while loading with COPY, then created again from its definition."""

    def __init__(self, cursor) -> None:
        self.cursor = cursor

    def load(self, batches: Iterator[list[tuple]]) -> None:
        cursor = self.cursor
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = "
                       "'search_entry_document'")
        self.definition = cursor.fetchone()[0]
        cursor.execute("DROP INDEX search_entry_document")
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        with raw.copy(f"COPY search_entry ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for batch in batches:
                for row in batch:
                    copy.write_row(row)

    def build(self) -> None:
        self.cursor.execute(self.definition)
        self.cursor.execute("ANALYZE search_entry")

    def sizes(self) -> tuple[float, float]:
        self.cursor.execute("SELECT pg_relation_size('search_entry_document'), "
                            "pg_total_relation_size('search_entry')")
        index, table = self.cursor.fetchone()
        return index / 2**20, (table - index) / 2**20


def batched(items: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def best_of(times: int, work) -> float:
    """Milliseconds of the fastest of `times` runs: on a shared machine the slower runs measure
    the other processes."""
    fastest = float("inf")
    for _run in range(times):
        started = time.perf_counter()
        work()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest * 1000


def time_queries(queries: list[str]) -> dict[str, float]:
    """Each search once to warm up, then timed: the whole search, and the engine alone."""
    from kansli.search.engines import Filters, current_engine, resolve
    from kansli.search.query import parse
    from kansli.search.results import find

    engine, parsed = current_engine(), [parse(text) for text in queries]
    for query in parsed:
        find(query, Filters())
    full, floor, capped = [], [], 0
    for query in parsed:
        full.append(best_of(REPEAT, lambda query=query: find(query, Filters())))
        capped += find(query, Filters()).capped
        clauses = resolve(query)
        floor.append(best_of(REPEAT, lambda c=clauses: engine.candidates(c, Filters(), 20)))
    return {
        "p50": statistics.median(full), "p95": percentile(full, 0.95), "max": max(full),
        "floor_p50": statistics.median(floor), "floor_p95": percentile(floor, 0.95),
        "capped": capped,
    }


def run_one(engine: str, size: int, postgres: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kansli-bench-") as data_dir:
        url = (f"sqlite:///{Path(data_dir) / 'bench.sqlite3'}" if engine == "sqlite"
               else database_url(postgres, BENCH_DATABASE))
        set_up_django(url, Path(data_dir))
        from django.db import connection, transaction

        from kansli.search.models import Term

        bodies = make_bodies()
        writer = Writer()
        with connection.cursor() as cursor:
            loader = SQLiteLoad(cursor) if engine == "sqlite" else PostgresLoad(cursor)
            started = time.perf_counter()
            with transaction.atomic():
                loader.load(batched(rows(writer, bodies, size), BATCH))
                Term.objects.bulk_create([Term(term=t) for t in writer.terms], batch_size=5000)
            loaded = time.perf_counter() - started
            started = time.perf_counter()
            loader.build()
            built = time.perf_counter() - started
            index_mb, table_mb = loader.sizes()
        figures = time_queries(writer.queries(QUERIES))
        connection.close()
    return {"engine": engine, "decisions": size, "load_s": loaded, "build_s": built,
            "index_mb": index_mb, "table_mb": table_mb, "terms": len(writer.terms),
            "load_average": os.getloadavg()[0], **figures}


# --- All of them ------------------------------------------------------------------------------


def run_in_process(engine: str, size: int, postgres: str) -> dict[str, object]:
    scratch = (scratch_database(postgres, BENCH_DATABASE) if engine == "postgresql"
               else nullcontext())
    with scratch:
        done = subprocess.run(
            [sys.executable, __file__, "--one", engine, str(size), "--postgres", postgres],
            capture_output=True, text=True,
        )
    if done.returncode != 0:
        raise SystemExit(f"{engine} at {size:,} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(figures: dict) -> str:
    verdict = "met" if figures["p95"] <= TARGET_P95_MS else "MISSED"
    target = f"   target p95 <= {TARGET_P95_MS:.0f} ms: {verdict}" if figures[
        "decisions"] >= 1_000_000 else ""
    return (
        f"{figures['engine']:<10} {figures['decisions']:>9,} decisions  "
        f"load {figures['load_s']:6.1f} s  build {figures['build_s']:6.1f} s  "
        f"index {figures['index_mb']:7.1f} MB (table {figures['table_mb']:7.1f} MB)  "
        f"p50 {figures['p50']:6.2f} ms  p95 {figures['p95']:6.2f} ms  max {figures['max']:7.2f} ms"
        f"  | unranked floor p50 {figures['floor_p50']:5.2f} p95 {figures['floor_p95']:5.2f} ms,"
        f" ratio p95 {figures['p95'] / max(figures['floor_p95'], 0.001):5.1f}"
        f"  | {figures['capped']}/{QUERIES} searches over the ranked limit"
        f"  | machine load {figures['load_average']:.1f}{target}"
    )


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    options.add_argument("--engines", nargs="+", default=["sqlite", "postgresql"],
                         choices=["sqlite", "postgresql"])
    options.add_argument("--postgres", default=DEFAULT_SERVER)
    options.add_argument("--one", nargs=2, metavar=("ENGINE", "SIZE"), help=argparse.SUPPRESS)
    arguments = options.parse_args()
    if arguments.one:
        engine, size = arguments.one
        print(json.dumps(run_one(engine, int(size), arguments.postgres)))
        return
    for engine in arguments.engines:
        for size in arguments.sizes:
            print(report(run_in_process(engine, size, arguments.postgres)), flush=True)


if __name__ == "__main__":
    main()
