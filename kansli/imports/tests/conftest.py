"""The minutes corpus the import tests read, and a census of the tables an import writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kansli.imports.models import SourceDocument
from kansli.meetings.models import ActionItem, AgendaItem, Attendance, Decision, Meeting
from kansli.minutes.models import Minutes

# The browser fixtures, shared with the public site's tests.
from kansli.public.tests.conftest import assert_accessible, browser_page, chromium  # noqa: F401
from kansli.registry.models import Body, Organisation, Party, Person

# The shared corpus sits beside the repository, not inside it.
CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
SEED_NAME = "000_c45261a3b21fa762.txt"

WRITTEN_BY_IMPORT = (
    Organisation, Body, Party, Person, Meeting, Attendance, AgendaItem, Decision, ActionItem,
    Minutes, SourceDocument,
)


def corpus_documents() -> list[Path]:
    return sorted((CORPUS / "docs").glob("*.txt"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "corpus_document" in metafunc.fixturenames:
        documents = corpus_documents()
        metafunc.parametrize("corpus_document", documents, ids=[doc.stem for doc in documents])


@pytest.fixture
def seed() -> Path:
    path = CORPUS / "docs" / SEED_NAME
    if not path.exists():
        pytest.fail(f"the minutes corpus must sit beside the repository: {CORPUS} is missing")
    return path


@pytest.fixture
def count_rows() -> Callable[[], dict[str, int]]:
    """A function giving the number of rows in every table an import writes to."""
    return lambda: {model.__name__: model.objects.count() for model in WRITTEN_BY_IMPORT}
