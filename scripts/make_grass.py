"""Write cypher/browser.grass, Neo4j Browser's style sheet, from ontology/style.tsv and the ontology's labels.

    .venv/bin/python scripts/make_grass.py [--check]

With --check, write nothing and exit 1 when the committed file differs from what the table gives.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.errors import KgError
from kg.viz.style import grass

GRASS = Path(__file__).resolve().parent.parent / "cypher" / "browser.grass"


def main(argv: list[str]) -> int:
    try:
        text = grass()
    except KgError as exc:
        print(f"make_grass: {exc}", file=sys.stderr)
        return 1
    if "--check" in argv:
        same = GRASS.is_file() and GRASS.read_text(encoding="utf-8") == text
        print(f"{GRASS}: {'up to date' if same else 'differs from ontology/style.tsv; run scripts/make_grass.py'}")
        return 0 if same else 1
    GRASS.write_text(text, encoding="utf-8")
    print(f"wrote {GRASS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
