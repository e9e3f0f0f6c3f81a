"""The configuration and CLI references stay complete: a new setting or command fails here
until it is documented."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / "kansli" / "settings.py"
SERVE = ROOT / "kansli" / "public" / "management" / "commands" / "serve.py"
ENV_NAME = re.compile(r"""(?:env_\w+\(|environ\.get\()\s*"([A-Z_]+)\"""")


def documented(doc: str, pattern: str) -> set[str]:
    return set(re.findall(pattern, (ROOT / "docs" / doc).read_text(), re.MULTILINE))


def test_every_environment_variable_is_documented():
    used = set(ENV_NAME.findall(SETTINGS.read_text())) | set(ENV_NAME.findall(SERVE.read_text()))
    table = documented("configuration.md", r"^\| `([A-Z_]+)` \|")
    assert used, "no environment variables found; the pattern is stale"
    assert used - table == set(), "documented in docs/configuration.md: missing rows"
    assert table - used == set(), "documented variables that Kansli no longer reads"


def test_every_kansli_command_is_documented():
    ours = {name for name, app in get_commands().items() if app.startswith("kansli.")}
    headings = documented("cli.md", r"^## `kansli ([\w-]+)")
    assert ours, "no Kansli commands found"
    assert ours - headings == set(), "commands missing from docs/cli.md"
    assert headings - ours == set(), "docs/cli.md documents commands that do not exist"
