"""The lexicon files as rows: ontology/lexicons/<name>.tsv read as a table, with nothing of the segmenter, which
reads one of them (its tag corrections) and is read by the lexicon module in turn."""

from __future__ import annotations

from pathlib import Path

from kg.errors import LexiconError
from kg.resources import data_dir

LEXICON_DIR = data_dir("ontology") / "lexicons"


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV lexicon: the first non-comment line names the columns; # starts a comment line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(path, f"cannot read lexicon: {exc.strerror or exc}") from exc
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header) or not cells[0]:
            raise LexiconError(path, f"line {number}: expected at most {len(header)} tab-separated cells with a name first")
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    if header is None:
        raise LexiconError(path, "no header row")
    return rows
