"""Batch import of a generated archive: 10,000 minutes of mixed layouts, text, Word and PDF.

Generates an archive of invented minutes in five layouts (a Swedish protocol with a front page, the
seed's notes layout with runs of names, notes with one participant a line, English council minutes,
association minutes), in folders by body and year, with every tenth document a Word file and every
twentieth a PDF, then times `kansli import DIR --recursive` into a fresh SQLite database (or, with
--postgres, a fresh PostgreSQL database of its own) and samples the memory of the import and its
workers. The archive is kept in --archive (generating the PDFs
takes a while), so a second run only imports. Baseline in the same run: reading every file's bytes.
Targets on a 2-core machine: <= 120 s for 10,000 documents, peak memory <= 500 MB.

Usage: .venv/bin/python bench/import.py [--documents 10000] [--archive DIR] [--jobs N]
                                        [--postgres [SERVER]]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import nullcontext
from multiprocessing import Pool
from pathlib import Path

from scratch_postgres import DEFAULT_SERVER, scratch_database

REPOSITORY = Path(__file__).resolve().parents[1]
TIME_TARGET = 120.0
MEMORY_TARGET_MB = 500
BENCH_DATABASE = "kansli_bench_import"
DEFAULT_ARCHIVE = Path(tempfile.gettempdir()) / "kansli-bench-archive"
GIVEN = (
    "Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sara", "Per",
    "Lena", "Mikael", "Emma", "Nils", "Ingrid", "Ola", "Helena", "Jonas", "Sofia", "Peter",
    "Malin", "Björn", "Elin", "Magnus", "Åsa", "Henrik", "Linda", "Ulf", "Petra", "Stefan",
)
FAMILY = (
    "Andersson", "Berg", "Lindqvist", "Ek", "Holm", "Sandberg", "Nyström", "Wik", "Falk",
    "Lund", "Dahl", "Ström", "Åberg", "Hed", "Sjögren", "Blom", "Forsberg", "Hägglund",
    "Lindahl", "Norén", "Strand", "Wallin", "Engström", "Bergman", "Alm",
)
PARTIES = ["S", "M", "C", "V", "L", "KD", "SD", "MP"]
TOWNS = (
    "Arboga", "Kungsör", "Köping", "Sala", "Fagersta", "Norberg", "Hallstahammar",
    "Surahammar", "Västerås", "Heby", "Tierp", "Älvkarleby", "Östhammar", "Enköping",
    "Håbo", "Knivsta",
)
BODIES = ("Kommunstyrelsen", "Barn- och utbildningsnämnden", "Socialnämnden", "Tekniska nämnden",
          "Kultur- och fritidsnämnden", "Miljö- och byggnadsnämnden")
TOPICS = ("Delårsrapport", "Budget", "Taxa för renhållning", "Detaljplan för kvarteret Eken",
          "Upphandling av skolskjuts", "Riktlinjer för bostadsanpassning", "Medborgarförslag om "
          "badplats", "Ny förskola i centrum", "Ekonomisk uppföljning", "Delegationsbeslut")
MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
)


def person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def people(rng: random.Random, count: int) -> list[str]:
    chosen: list[str] = []
    while len(chosen) < count:
        name = person(rng)
        if name not in chosen:
            chosen.append(name)
    return chosen


def protocol(rng: random.Random, day: datetime.date, town: str, body: str, first: int) -> str:
    members = people(rng, 7)
    lines = [f"{town.upper()}S KOMMUN                         SAMMANTRÄDESPROTOKOLL",
             f"{body:<40}Sammanträdesdatum {day.isoformat()}", "",
             f"Plats och tid       Kommunhuset, kl. 13.00–{rng.randint(14, 17)}.30", "",
             f"Beslutande          {members[0]} ({rng.choice(PARTIES)}), ordförande"]
    lines += [f"                    {m} ({rng.choice(PARTIES)})" for m in members[1:]]
    lines += ["", f"Utses att justera   {members[2]}", "",
              f"Justeringens plats  Kommunhuset, {(day + datetime.timedelta(days=7)).isoformat()}",
              "", f"Sekreterare         {person(rng)}", ""]
    for number in range(first, first + rng.randint(4, 9)):
        lines += [f"§ {number}    {rng.choice(TOPICS)}", f"Dnr KS {day.year}/{number:03d}", "",
                  "Ärendebeskrivning", "Förvaltningen har tagit fram ett förslag.", "",
                  f"{body}s beslut", f"{body} beslutar att", "1. godkänna förslaget,",
                  "2. uppdra åt förvaltningen att verkställa beslutet.", "", ""]
    return "\n".join(lines)


def seed_notes(rng: random.Random, day: datetime.date, town: str, body: str, first: int) -> str:
    names = people(rng, 8)
    places = [rng.choice(TOWNS) for _ in names]
    return "\n".join([
        f"Minnesanteckningar från möte med {town}s samverkansgrupp", "",
        f"Tid\t{day.day} {MONTHS[day.month - 1]} {day.year} kl 13.00-15.00\t",
        "Plats\tDigitalt via Teams\t",
        f"Deltagare\t{' '.join(names)}\t{' '.join(places)}", "",
        "1. Välkommen", "", f"{names[0]} hälsar välkomna. {names[1]} utses att justera.", "",
        "2. Information", "", "Gruppen informerades om läget.", "",
        "3. Gemensam upphandling", "", "Beslut:", "",
        "Gruppen ställer sig bakom en gemensam upphandling.", "",
        "4. Nästa möte", "", "Nästa möte hålls i höst.", "",
        "Vid anteckningarna", "", names[2], "", "Justeras", "", names[1], ""])


def line_notes(rng: random.Random, day: datetime.date, town: str, body: str, first: int) -> str:
    names = people(rng, 6)
    rows = [f"{name}, {rng.choice(TOWNS)}" for name in names]
    return "\n".join([
        f"Nätverket för {body.lower()} i {town}", "", "MINNESANTECKNINGAR", "",
        f"Datum: {day.isoformat()}, kl. 09.00–11.30", f"Plats: {town} kommunhus", "",
        "Deltagare", *rows, "", "1. Inledning", f"{names[0]} hälsade välkommen.", "",
        "2. Erfarenhetsutbyte", "Deltagarna berättade om arbetet i kommunerna.", "",
        "Beslut: Nätverket tar fram en gemensam plan.", "",
        f"Åtgärd: Skicka ut planen. Ansvarig: {names[1]}. Klart: {day.day}/{day.month}.", "",
        "3. Nästa möte", "Nästa möte hålls digitalt.", ""])


def council(rng: random.Random, day: datetime.date, town: str, body: str, first: int) -> str:
    names = people(rng, 6)
    return "\n".join([
        f"{town.upper()} TOWN COUNCIL", "",
        f"Minutes of the Planning Committee meeting held at the Town Hall on {day.day} "
        f"{day.strftime('%B')} {day.year} at 7.00pm", "",
        f"Present: Councillors {names[0]} (Chair), {', '.join(names[1:4])} and {names[4]}",
        f"Apologies: Councillor {names[5]}", "",
        f"{day.year % 100}/{first:03d} Minutes", "RESOLVED that the minutes be approved.", "",
        f"{day.year % 100}/{first + 1:03d} Planning applications",
        "RESOLVED that the applications be supported.", "",
        f"Action: Clerk to notify the planning authority by {day.day} "
        f"{day.strftime('%B')} {day.year}.", "", "The meeting closed at 8.40pm.", ""])


def association(rng: random.Random, day: datetime.date, town: str, body: str, first: int) -> str:
    names = people(rng, 6)
    return "\n".join([
        f"Bostadsrättsföreningen {town}gården", "",
        "PROTOKOLL FÖRT VID STYRELSEMÖTE", "", f"Datum: {day.isoformat()}", "Tid: 19.00–20.30",
        "Plats: Föreningslokalen", "", "Närvarande:", f"{names[0]}, ordförande",
        f"{names[1]}, kassör", f"{names[2]}, sekreterare", f"{names[3]}, ledamot", "",
        "§ 1  Mötets öppnande", "Ordföranden förklarade mötet öppnat.", "",
        "§ 2  Val av justerare", f"{names[3]} valdes att justera protokollet.", "",
        "§ 3  Ekonomi", "Beslutades att godkänna den ekonomiska rapporten.", "",
        "§ 4  Mötets avslutande", "Ordföranden förklarade mötet avslutat.", ""])


LAYOUTS = (protocol, seed_notes, line_notes, council, association)


def document(index: int) -> tuple[str, str, str]:
    """(folder, file stem, text) of the index-th generated document."""
    rng = random.Random(index)
    layout = LAYOUTS[index % len(LAYOUTS)]
    town, body = TOWNS[(index // 5) % len(TOWNS)], BODIES[(index // 80) % len(BODIES)]
    # Every document is a meeting of its own: a day per index within its body and layout.
    day = datetime.date(2000, 1, 3) + datetime.timedelta(days=index // 3)
    text = layout(rng, day, town, body, 1 + index % 200)
    return f"{town}/{layout.__name__}/{day.year}", f"{index:05d}", text


def write(index: int, archive: str) -> None:
    folder, stem, text = document(index)
    target = Path(archive) / folder
    target.mkdir(parents=True, exist_ok=True)
    if index % 20 == 7:
        from weasyprint import HTML

        body = "".join(f"<p>{line or '&nbsp;'}</p>" for line in text.split("\n"))
        HTML(string=f"<style>p{{margin:0;font-size:9pt}}</style>{body}").write_pdf(
            target / f"{stem}.pdf")
    elif index % 10 == 3:
        import docx

        word = docx.Document()
        for paragraph in text.split("\n\n"):
            word.add_paragraph(paragraph)
        word.save(target / f"{stem}.docx")
    else:
        (target / f"{stem}.txt").write_text(text, encoding="utf-8")


def generate(archive: Path, count: int, jobs: int) -> None:
    marker = archive / f".complete-{count}"
    if marker.exists():
        return
    archive.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with Pool(jobs) as pool:
        pool.starmap(write, [(index, str(archive)) for index in range(count)], chunksize=50)
    marker.touch()
    print(f"generated {count:,} documents in {time.perf_counter() - started:.0f} s")


class MemorySampler(threading.Thread):
    """Peak resident memory of a process and all its descendants, from /proc."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_total, self.peak_single, self.running = pid, 0, 0, True

    def run(self) -> None:
        while self.running:
            sizes = [_rss(pid) for pid in _tree(self.pid)]
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_single = max(self.peak_single, max(sizes, default=0))
            time.sleep(0.2)


def _tree(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                pending.extend(int(child) for child in task.read_text().split())
            except OSError:
                continue
    return found


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def read_everything(archive: Path) -> tuple[int, float]:
    started, count = time.perf_counter(), 0
    for path in archive.rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            path.read_bytes()
            count += 1
    return count, time.perf_counter() - started


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--documents", type=int, default=10_000)
    options.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    options.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    options.add_argument("--postgres", nargs="?", const=DEFAULT_SERVER, metavar="SERVER",
                         help=f"import into PostgreSQL instead (default server {DEFAULT_SERVER})")
    arguments = options.parse_args()
    archive = arguments.archive / str(arguments.documents)
    generate(archive, arguments.documents, arguments.jobs)
    files, reading = read_everything(archive)
    print(f"baseline: reading {files:,} files takes {reading:.2f} s")
    scratch = (scratch_database(arguments.postgres, BENCH_DATABASE) if arguments.postgres
               else nullcontext(None))
    with tempfile.TemporaryDirectory(prefix="kansli-bench-import-") as data, scratch as url:
        env = {**os.environ, "KANSLI_DATA_DIR": data}
        env.pop("DATABASE_URL", None)
        if url is not None:
            env["DATABASE_URL"] = url
        print(f"into {'PostgreSQL' if url else 'SQLite'}")
        kansli = str(Path(sys.executable).with_name("kansli"))
        subprocess.run([kansli, "migrate", "-v0"], env=env, check=True)
        report = Path(data) / "report.json"
        started = time.perf_counter()
        run = subprocess.Popen(
            [kansli, "import", str(archive), "--recursive", "--jobs", str(arguments.jobs),
             "--report", str(report), "--no-progress", "-v0"],
            env=env, stderr=subprocess.PIPE, text=True,
        )
        sampler = MemorySampler(run.pid)
        sampler.start()
        _, errors = run.communicate()
        elapsed = time.perf_counter() - started
        sampler.running = False
        rows = json.loads(report.read_text(encoding="utf-8"))
    return verdict(rows, elapsed, sampler, errors)


def verdict(rows: list[dict], elapsed: float, sampler: MemorySampler, errors: str) -> int:
    statuses: dict[str, int] = {}
    for row in rows:
        statuses[row["status"]] = statuses.get(row["status"], 0) + 1
    forms: dict[str, int] = {}
    for row in rows:
        forms[row["format"]] = forms.get(row["format"], 0) + 1
    print(f"imported {len(rows):,} documents {statuses} {forms}")
    print(errors.strip().splitlines()[-1] if errors.strip() else "")
    time_ok = elapsed <= TIME_TARGET * len(rows) / 10_000
    total_mb, single_mb = sampler.peak_total / 2**20, sampler.peak_single / 2**20
    memory_ok = total_mb <= MEMORY_TARGET_MB
    print(f"kansli import: {elapsed:.1f} s, {len(rows) / elapsed:.0f} documents/s   "
          f"target <= {TIME_TARGET:.0f} s per 10,000: {'met' if time_ok else 'MISSED'}")
    print(f"peak memory: {total_mb:.0f} MB for the import and its workers together "
          f"(largest process {single_mb:.0f} MB)   target <= {MEMORY_TARGET_MB} MB: "
          f"{'met' if memory_ok else 'MISSED'}")
    return 0 if time_ok and memory_ok and not statuses.get("failed") else 1


if __name__ == "__main__":
    sys.exit(main())
