"""Word .docx reports: paragraphs and table rows in document order, one line each."""

from __future__ import annotations

import zipfile
from pathlib import Path

from kg.errors import ReadError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx_file(path: Path) -> tuple[str, str, tuple]:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if path.stat().st_size == 0:
        raise ReadError(path, "empty file")
    if not zipfile.is_zipfile(path):
        raise ReadError(path, "not a Word .docx file (damaged, or another format renamed .docx)")
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises assorted errors for a damaged package
        raise ReadError(path, f"damaged Word .docx file ({type(exc).__name__})") from exc
    lines: list[str] = []
    # python-docx lists paragraphs and tables separately; walking the body keeps their order.
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            lines.append(Paragraph(child, document).text)
        elif child.tag == _W + "tbl":
            lines.extend(_table_lines(Table(child, document)))
    text = "\n".join(line.strip() for line in lines if line.strip())
    metadata = []
    title = (document.core_properties.title or "").strip()
    if title:
        metadata.append(("标题", title))
    return text, "utf-8", tuple(metadata)


def _table_lines(table) -> list[str]:
    """One line per row, cells separated by tabs; a merged cell is reported once, not once per grid column."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            nested = [line for inner in cell.tables for line in _table_lines(inner)]
            value = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            cells.append(" ".join([value, *nested]).strip())
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def refuse_doc(path: Path) -> tuple[str, str, tuple]:
    raise ReadError(path, "old binary Word .doc format is not read; save it as .docx or .txt")
