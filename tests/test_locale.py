"""Swedish is complete: every string in the code is in the catalogue, translated, and compiled."""

from __future__ import annotations

import ast
import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kansli"
CATALOGUE = PACKAGE / "locale" / "sv" / "LC_MESSAGES"
EXTRACT = """
import django
from django.conf import settings
from django.core.management import call_command
settings.configure(USE_I18N=True)
django.setup()
call_command("makemessages", locale=["sv"], ignore_patterns=["*/tests/*"], verbosity=0)
"""


# the translations (one, or one per plural form), fuzzy, the plural msgid ("" if none)
Entry = tuple[tuple[str, ...], bool, str]


def read_po(path: Path) -> dict[tuple[str, str], Entry]:
    """(context, msgid) -> (translations, fuzzy) for every entry but the header."""
    entries: dict[tuple[str, str], Entry] = {}
    for block in path.read_text().split("\n\n"):
        fields: dict[str, str] = {}
        current = None
        for line in block.splitlines():
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?)\s+(".*")$', line)
            if match:
                current = match.group(1)
                fields[current] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            key = (fields.get("msgctxt", ""), fields["msgid"])
            texts = tuple(v for k, v in sorted(fields.items()) if k.startswith("msgstr"))
            entries[key] = (texts, "#, fuzzy" in block, fields.get("msgid_plural", ""))
    return entries


def test_every_entry_is_translated_and_none_is_fuzzy():
    entries = read_po(CATALOGUE / "django.po")
    assert len(entries) > 200
    assert [key for key, (texts, _, _) in entries.items() if not all(texts)] == []
    assert [key for key, (_, fuzzy, _) in entries.items() if fuzzy] == []


def test_the_compiled_catalogue_matches_the_source():
    with (CATALOGUE / "django.mo").open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for (context, msgid), (texts, _, plural) in read_po(CATALOGUE / "django.po").items():
        if plural:
            found = tuple(translations.ngettext(msgid, plural, n) for n in (1, 2))
        elif context:
            found = (translations.pgettext(context, msgid),)
        else:
            found = (translations.gettext(msgid),)
        assert found == texts, f"django.mo is stale for {msgid!r}: run `make messages`"


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is needed to extract strings: apt-get install gettext")
    copy = tmp_path / "kansli"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("*.po", "*.mo", "__pycache__"))
    subprocess.run([sys.executable, "-c", EXTRACT], cwd=copy, check=True)
    extracted = set(read_po(copy / "locale" / "sv" / "LC_MESSAGES" / "django.po"))
    assert len(extracted) > 200, "makemessages found too few strings; the extraction is broken"
    missing = extracted - set(read_po(CATALOGUE / "django.po"))
    assert missing == set(), "strings missing from locale/sv: run `make messages` and translate"
