"""Print the parse of a minutes file as JSON: `python -m kansli.imports.parse FILE`.

A development and scoring convenience; the project's command is `kansli parse FILE`.
"""

from __future__ import annotations

import json
import sys

from kansli.imports.parse import ParseError, parse_file


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m kansli.imports.parse FILE", file=sys.stderr)
        return 2
    try:
        minutes = parse_file(argv[0])
    except ParseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(json.dumps(minutes.to_dict(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
