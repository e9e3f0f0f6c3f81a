"""Time and memory to render the real minutes as PDF, PDF/A, DOCX and text.

The real minutes are imported into a fresh SQLite database and rendered again and again; each
format is compared with rendering a one-item document in the same run, so the ratio shows what the
real content costs over the renderer's fixed price. Target: the PDF of the real minutes in ≤ 1 s.

Usage: .venv/bin/python bench/render.py [--corpus DIR] [--repeat 10]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parse import DEFAULT_CORPUS, set_up_django  # noqa: E402

SEED = "000_c45261a3b21fa762.txt"
PDF_TARGET_SECONDS = 1.0


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    options.add_argument("--repeat", type=int, default=10)
    arguments = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="kansli-bench-") as data_dir:
        set_up_django(Path(data_dir))
        from django.utils import translation

        from kansli.imports.pipeline import import_file
        from kansli.minutes.render.document import build_document, load_meeting
        from kansli.minutes.render.docx import render_docx
        from kansli.minutes.render.pdf import render_pdf
        from kansli.minutes.render.text import render_text

        translation.activate("sv")
        meeting = import_file(arguments.corpus / "docs" / SEED).meeting
        real = build_document(load_meeting(meeting.pk), for_public=True)
        small = replace(real, present=real.present[:1], absent=[], items=real.items[:1])
        formats = {
            "pdf": render_pdf,
            "pdf/a": lambda doc: render_pdf(doc, archival=True),
            "docx": render_docx,
            "txt": render_text,
        }
        before = peak_rss_mib()
        started = time.perf_counter()
        render_pdf(real)
        first = time.perf_counter() - started
        print(f"real minutes: {len(real.present)} present, {len(real.items)} items; "
              f"first PDF in a fresh process {first * 1000:.0f} ms (font set-up)")
        for name, renderer in formats.items():
            base = median_seconds(lambda r=renderer: r(small), arguments.repeat)
            full = median_seconds(lambda r=renderer: r(real), arguments.repeat)
            print(f"{name:<6} real {full * 1000:8.1f} ms   one-item baseline {base * 1000:8.1f} ms"
                  f"   ratio {full / base:5.2f}")
        print(f"peak memory {peak_rss_mib():.0f} MiB (before rendering {before:.0f} MiB)")
        pdf = median_seconds(lambda: render_pdf(real), arguments.repeat)
        verdict = "met" if pdf <= PDF_TARGET_SECONDS else "MISSED"
        print(f"PDF of the real minutes {pdf:.3f} s, target ≤ {PDF_TARGET_SECONDS} s: {verdict}")


if __name__ == "__main__":
    main()
