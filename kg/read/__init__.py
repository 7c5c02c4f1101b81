"""File → Source: one reader per format, chosen by the file's suffix."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import ReadError
from kg.model import Source
from kg.text import normalize

REPORT_SUFFIXES = (".txt",)


def _readers():
    from kg.read import text as text_reader

    return {".txt": text_reader.read_text_file}


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
    if not text.strip():
        raise ReadError(path, "empty file")
    return make_source(str(path), text, encoding, path.suffix.lower().lstrip("."), metadata)


def make_source(path: str, text: str, encoding: str, fmt: str = "txt", metadata=()) -> Source:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Source(
        path=path, text=text, norm=normalize(text), encoding=encoding, sha256=digest, fmt=fmt,
        metadata=tuple(metadata),
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
