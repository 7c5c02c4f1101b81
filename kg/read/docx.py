"""Word .docx reports: paragraphs and table rows in document order, one line each."""

from __future__ import annotations

import zipfile
from pathlib import Path

from kg.errors import ReadError
from kg.read.limits import max_file_size
from kg.read.wordlists import WordNumbering
from docx import Document
from docx.table import Table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Runs under these are not shown: deleted or moved-away revisions, and another paragraph (a text box's).
_NOT_SHOWN = {_W + "del", _W + "moveFrom", _W + "p"}


def read_docx_file(path: Path) -> tuple[str, str, tuple]:
    if path.stat().st_size == 0:
        raise ReadError(path, "empty file")
    if not zipfile.is_zipfile(path):
        raise ReadError(path, "not a Word .docx file (damaged, or another format renamed .docx)")
    _refuse_bomb(path)
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises assorted errors for a damaged package
        raise ReadError(path, f"damaged Word .docx file ({type(exc).__name__})") from exc
    numbering = _numbering(document)
    lines: list[str] = []
    # python-docx lists paragraphs and tables separately; walking the body keeps their order.
    for child in _blocks(document.element.body):
        if child.tag == _W + "p":
            lines.append(_shown(child, numbering))
        else:
            lines.extend(_table_lines(Table(child, document), numbering))
    text = "\n".join(line.strip() for line in lines if line.strip())
    metadata = []
    title = (document.core_properties.title or "").strip()
    if title:
        metadata.append(("标题", title))
    return text, "utf-8", tuple(metadata)


def _refuse_bomb(path: Path) -> None:
    """Refuse a package whose parts would unpack beyond the file size limit (a zip bomb), before any is read.

    The sizes are those the archive declares; the zip reader never inflates a part past its declared size.
    """
    try:
        with zipfile.ZipFile(path) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(path, f"damaged Word .docx file ({type(exc).__name__})") from exc
    if unpacked > max_file_size():
        raise ReadError(path, f"unpacks to {unpacked / 1024 / 1024:.1f} MB, more than the limit of "
                              f"{max_file_size() / 1024 / 1024:.1f} MB; raise it with --max-size if it is a report")


def _numbering(document) -> WordNumbering:
    """The document's list definitions; a package without a numbering or styles part numbers nothing."""
    part = document.part
    parts = {rel.reltype.rsplit("/", 1)[-1]: rel.target_part for rel in part.rels.values() if not rel.is_external}
    # A part of another content type under these names is read as bytes and has no XML to give.
    return WordNumbering(getattr(parts.get("numbering"), "element", None), getattr(parts.get("styles"), "element", None))


def _blocks(container):
    """Paragraphs and tables in order, also those a content control (w:sdt) or custom XML wraps."""
    for child in container.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif child.tag == _W + "customXml":
            yield from _blocks(child)


def _shown(paragraph, numbering: WordNumbering) -> str:
    """The paragraph (w:p) as Word shows it: the number Word draws (一、 （一） 1.) before the text."""
    # Counted and drawn even when the paragraph is empty (a number alone, its heading on the next line).
    return numbering.label(paragraph) + _text(paragraph).strip()


def _text(paragraph) -> str:
    """The paragraph's text with revisions accepted: runs in hyperlinks, fields, content controls and tracked
    insertions count; deleted or moved-away runs and the paragraphs of a text box anchored here do not."""
    parts = []
    for run in paragraph.iter(_W + "r"):
        for ancestor in run.iterancestors():
            if ancestor is paragraph:
                parts.append(run.text)  # python-docx's run: w:t, w:tab as a tab, w:br as a line break
                break
            if ancestor.tag in _NOT_SHOWN:
                break
    return "".join(parts)


def _table_lines(table, numbering: WordNumbering) -> list[str]:
    """One line per row, cells separated by tabs; a merged cell is reported once, not once per grid column."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            nested = [line for inner in cell.tables for line in _table_lines(inner, numbering)]
            texts = (_shown(block, numbering) for block in _blocks(cell._tc) if block.tag == _W + "p")
            value = " ".join(text for text in texts if text)
            cells.append(" ".join([value, *nested]).strip())
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def refuse_doc(path: Path) -> tuple[str, str, tuple]:
    raise ReadError(path, "old binary Word .doc format is not read; save it as .docx or .txt")
