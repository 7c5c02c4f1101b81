"""File → Source: one reader per format, chosen by the file's suffix."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import ReadError
from kg.model import Source
from kg.text.script import is_traditional, to_simplified
from kg.text import normalize

REPORT_SUFFIXES = (".txt", ".docx", ".doc", ".pdf", ".html", ".htm")


def _readers():
    from kg.read import docx, html, pdf
    from kg.read import text as text_reader

    return {
        ".txt": text_reader.read_text_file,
        ".docx": docx.read_docx_file,
        ".doc": docx.refuse_doc,
        ".pdf": pdf.read_pdf_file,
        ".html": html.read_html_file,
        ".htm": html.read_html_file,
    }


def read_source(path: str | os.PathLike) -> Source:
    """Read one report file into a Source; raises ReadError naming the file and the reason."""
    path = Path(path)
    if not path.exists():
        raise ReadError(path, "no such file")
    if path.is_dir():
        raise ReadError(path, "is a folder, not a file")
    reader = _readers().get(path.suffix.lower())
    if reader is None:
        raise ReadError(path, f"unsupported file type {path.suffix or '(none)'}")
    try:
        text, encoding, metadata = reader(path)
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from exc
    except RecursionError as exc:  # a page nested thousands of levels deep
        raise ReadError(path, "too deeply nested to read") from exc
    if not text.strip():
        raise ReadError(path, "empty file")
    fmt = path.suffix.lower().lstrip(".")
    return make_source(str(path), text, encoding, "html" if fmt == "htm" else fmt, metadata)


def make_source(path: str, text: str, encoding: str, fmt: str = "txt", metadata=()) -> Source:
    """A Source; traditional text keeps its characters in `text` and is matched in simplified `norm`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    metadata = tuple(metadata)
    matched = text
    if is_traditional(text):
        matched = to_simplified(text)
        metadata += (("script", "traditional"),)
    return Source(
        path=path, text=text, norm=normalize(matched), encoding=encoding, sha256=digest, fmt=fmt,
        metadata=metadata,
    )


def iter_report_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Expand folders recursively into report files, in a stable order; plain files pass as given."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in REPORT_SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield path
