"""Time and memory to publish a 20-item meeting: render PDF/A and DOCX (and HTML, text), sign
the PDF with PAdES, store the files and put up the notice board entry.

Each round publishes a fresh adjusted protocol; the baseline, measured in the same run, renders
the same minutes as PDF/A without signing or storing anything, so the ratio shows what
publishing adds to the renderer's own price. Target: publishing in ≤ 2 s.

Usage: .venv/bin/python bench/publish.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parse import set_up_django  # noqa: E402

ITEMS = 20
PEOPLE = 9
TARGET_SECONDS = 2.0
TEXT = (
    "Ärendet föredras av kommundirektören. Förslaget har beretts i ledningsgruppen och "
    "remitterats till medlemskommunerna, som har lämnat synpunkter på finansiering, tidplan "
    "och ansvarsfördelning. Synpunkterna har arbetats in i förslaget."
)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_body():
    from kansli.registry.models import Body, BodyMode, Organisation, Person

    organisation = Organisation.objects.create(name="Benchkommun", slug="benchkommun")
    body = Body.objects.create(
        organisation=organisation, name="Kommunstyrelsen", slug="kommunstyrelsen",
        mode=BodyMode.PROTOCOL, protocol_kept_at="Kommunkansliet",
    )
    people = [
        Person.objects.create(name=f"Ledamot {n}", slug=f"ledamot-{n}", organisation=organisation)
        for n in range(PEOPLE)
    ]
    return body, people


def adjusted_meeting(body, people, index: int):
    """A held protocol meeting with ITEMS paragraphs, sent for adjustment and signed."""
    from kansli.meetings.models import AgendaItem, Attendance, AttendanceRole, Decision, Meeting
    from kansli.meetings.numbering import number_meeting
    from kansli.minutes import workflow
    from kansli.minutes.models import Minutes

    day = datetime.date(2026, 1, 8) + datetime.timedelta(days=7 * index)
    meeting = Meeting.objects.create(
        body=body, date=day, slug=day.isoformat(), start_time=datetime.time(13),
        end_time=datetime.time(16), place="Kommunhuset",
    )
    attendances = [
        Attendance.objects.create(
            meeting=meeting, position=n, person=person, name_as_written=person.name,
            role=AttendanceRole.CHAIR if n == 0 else AttendanceRole.MEMBER,
        )
        for n, person in enumerate(people)
    ]
    for n in range(ITEMS):
        item = AgendaItem.objects.create(
            meeting=meeting, position=n, title=f"Ärende {n + 1}", text=f"{TEXT}\n\n{TEXT}",
            case_number=f"KS 2026/{n + 1}",
        )
        Decision.objects.create(item=item, text=f"Kommunstyrelsen beslutar enligt förslag {n}.")
    number_meeting(meeting)
    minutes = Minutes.objects.create(meeting=meeting, note_taker=attendances[-1])
    minutes.adjusters.set([attendances[1]])
    request = workflow.send_for_adjustment(minutes, deadline=datetime.date(2099, 1, 1))
    for person in (people[0], people[1]):
        workflow.sign(minutes, person=person, sha256=request.version.sha256)
    minutes.refresh_from_db()
    return minutes


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--repeat", type=int, default=5)
    arguments = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="kansli-bench-") as data_dir:
        os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
        os.environ["KANSLI_TASK_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
        set_up_django(Path(data_dir))
        from django.utils import translation

        from kansli.minutes import publication, signing, workflow
        from kansli.minutes.render.pdf import render_pdf

        translation.activate("sv")
        signing.create_certificate("Benchkommun", "Benchkommun")
        body, people = build_body()
        rounds = [adjusted_meeting(body, people, n) for n in range(arguments.repeat + 1)]
        doc = publication.public_document(rounds[0].versions.get())
        render_pdf(doc, archival=True)  # WeasyPrint's one-off font set-up, out of both figures
        workflow.publish_adjusted(rounds.pop())  # and pyHanko's first import
        gc.collect()
        before = peak_rss_mib()

        baseline = []
        for _ in range(arguments.repeat):
            started = time.perf_counter()
            render_pdf(doc, archival=True)
            baseline.append(time.perf_counter() - started)
        published = []
        for minutes in rounds:
            started = time.perf_counter()
            workflow.publish_adjusted(minutes)
            published.append(time.perf_counter() - started)

        base, full = statistics.median(baseline), statistics.median(published)
        print(f"{ITEMS}-item protocol, {PEOPLE} present, median of {arguments.repeat}")
        print(f"publish (PDF/A + PAdES, DOCX, HTML, text, stored, anslag) {full * 1000:7.0f} ms")
        print(f"baseline: the same PDF/A, unsigned, not stored           {base * 1000:7.0f} ms")
        print(f"ratio {full / base:.2f}")
        print(f"peak memory {peak_rss_mib():.0f} MiB (after set-up {before:.0f} MiB)")
        verdict = "met" if full <= TARGET_SECONDS else "MISSED"
        print(f"target ≤ {TARGET_SECONDS:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
