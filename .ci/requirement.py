"""Reads the ``test`` extra of pyproject.toml for ``.ci/run`` (so the versions are written in one place).

``requirement.py NAME``: the one requirement of the extra for the distribution NAME.
``requirement.py --test-except NAME``: every requirement of the extra but that one, one per line.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path


def main(argv: list[str]) -> int:
    extra = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]["test"]
    name = argv[-1]

    def named(requirement: str) -> bool:
        return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower() == name.lower()

    chosen = [r for r in extra if not named(r)] if argv[0] == "--test-except" else [r for r in extra if named(r)]
    print("\n".join(chosen))
    return 0 if chosen else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
