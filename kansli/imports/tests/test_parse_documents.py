"""The importer's own documents, beyond the corpus sample: each layout parses to its gold
annotation as text, as a Word file and as a PDF, scored with the corpus's own scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kansli.imports.extract import read_document
from kansli.imports.parse import parse_file, parse_text
from kansli.imports.tests.fixtures import docx_bytes, gold_documents, load_scorer, pdf_bytes

TEXT_FLOOR = 0.97
OFFICE_FLOOR = 0.93


def _gold(document: Path) -> dict:
    return json.loads(document.with_suffix(".json").read_text(encoding="utf-8"))


def _overall(pairs: list[tuple[dict, dict]]) -> tuple[float, dict]:
    scorer = load_scorer()
    total = scorer.Scorer()
    for gold, predicted in pairs:
        total.score_doc(gold, predicted)
    report = total.report()
    return scorer.overall(report), report


def _office_documents() -> list[Path]:
    # Text that already carries a PDF's page breaks is not written into another document.
    return [path for path in gold_documents() if "\f" not in path.read_text(encoding="utf-8")]


def test_every_document_has_its_gold_annotation():
    documents = gold_documents()
    assert len(documents) >= 8
    assert all(path.with_suffix(".json").is_file() for path in documents)


@pytest.mark.parametrize("document", gold_documents(), ids=lambda path: path.stem)
def test_each_document_reads_its_key_fields(document):
    gold, parsed = _gold(document), parse_file(document).to_dict()
    assert (parsed["date"], parsed["body"], parsed["kind"]) == (
        gold["date"], gold["body"], gold["kind"]
    )
    assert [item["number"] for item in parsed["items"]] == [
        item["number"] for item in gold["items"]
    ]
    assert parsed["chair"] == gold["chair"]


def test_the_documents_score_above_the_floor_as_text():
    overall, report = _overall([(_gold(p), parse_file(p).to_dict()) for p in gold_documents()])
    assert overall >= TEXT_FLOOR, report
    assert min(report["present_f1"], report["item_f1"], report["decision_similarity_f"]) >= 0.95


def test_the_documents_score_above_the_floor_as_word_files(tmp_path):
    pairs = []
    for document in _office_documents():
        path = tmp_path / f"{document.stem}.docx"
        path.write_bytes(docx_bytes(document.read_text(encoding="utf-8")))
        decoded = read_document(path)
        assert decoded.format == "docx"
        pairs.append((_gold(document), parse_text(decoded.text).to_dict()))
    overall, report = _overall(pairs)
    assert overall >= OFFICE_FLOOR, report


def test_the_documents_score_above_the_floor_as_pdfs(tmp_path):
    pairs = []
    for document in _office_documents():
        path = tmp_path / f"{document.stem}.pdf"
        path.write_bytes(pdf_bytes(document.read_text(encoding="utf-8")))
        decoded = read_document(path)
        assert decoded.format == "pdf" and "Sida 1 av" not in decoded.text.split("\f")[0][-200:]
        pairs.append((_gold(document), parse_text(decoded.text).to_dict()))
    overall, report = _overall(pairs)
    assert overall >= OFFICE_FLOOR, report
