"""Accuracy of the minutes parser: the corpus's own scorer run over the corpus with `kansli parse`.

Prints the scorer's report, then each headline figure against its floor. Targets: overall >= 0.95
and no headline metric below 0.85. Exit status 1 if a target is missed.

Usage: .venv/bin/python bench/accuracy.py [--corpus DIR] [--per-doc]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPOSITORY.parent / "shared" / "corpus"
OVERALL_TARGET = 0.95
HEADLINE_FLOOR = 0.85


def headline(report: dict) -> dict[str, float]:
    """The figures the overall score is the mean of, each in [0, 1]."""
    scalars = [value for value in report["scalars_exact"].values() if value is not None]
    attributes = [
        value for value in report["present_attribute_accuracy"].values() if value is not None
    ]
    return {
        "scalars (mean exact)": sum(scalars) / len(scalars),
        "present F1": report["present_f1"],
        "absent F1": report["absent_f1"],
        "adjusters F1": report["adjusters_f1"],
        "attendee attributes (mean)": sum(attributes) / len(attributes) if attributes else 0.0,
        "item F1": report["item_f1"],
        "decision similarity": report["decision_similarity_f"],
        "action F1": report["action_f1"],
    }


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus folder")
    options.add_argument("--per-doc", action="store_true", help="what each document got wrong")
    arguments = options.parse_args()
    scorer = arguments.corpus / "score.py"
    if not scorer.is_file():
        print(f"no scorer at {scorer}; pass --corpus DIR", file=sys.stderr)
        return 2
    kansli = Path(sys.executable).with_name("kansli")
    with tempfile.TemporaryDirectory(prefix="kansli-accuracy-") as folder:
        report_path = Path(folder) / "report.json"
        command = [sys.executable, str(scorer), str(arguments.corpus),
                   "--cmd", f"{kansli} parse {{}}", "--json", str(report_path)]
        if arguments.per_doc:
            command.append("--per-doc")
        done = subprocess.run(command, check=False)
        if done.returncode != 0 or not report_path.exists():
            return done.returncode or 2
        report = json.loads(report_path.read_text(encoding="utf-8"))
    return verdict(report)


def verdict(report: dict) -> int:
    missed = 0
    print("\nheadline figures")
    for name, value in headline(report).items():
        ok = value >= HEADLINE_FLOOR
        missed += not ok
        print(f"  {name:<28} {value:6.3f}   floor {HEADLINE_FLOOR}: {'met' if ok else 'MISSED'}")
    ok = report["overall"] >= OVERALL_TARGET
    missed += not ok
    print(f"  {'overall':<28} {report['overall']:6.3f}   target {OVERALL_TARGET}: "
          f"{'met' if ok else 'MISSED'}")
    print(f"  documents {report['documents']}, failed {report['failed_documents']}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
