"""File → Source: one reader per format, chosen by the file's suffix."""

from __future__ import annotations

import hashlib
import importlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import ReadError
from kg.model import Source
from kg.text.printable import text_name
from kg.text.script import is_traditional, to_simplified
from kg.text import normalize
from kg.read.limits import limit_file_size, max_file_size, max_text_length  # noqa: F401  re-exported

REPORT_SUFFIXES = (".txt", ".docx", ".doc", ".pdf", ".html", ".htm")
def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


# One reader per suffix, "module:function", imported on first use: a folder of .txt files never loads
# pdfminer, lxml or python-docx.
READERS = {
    ".txt": "kg.read.text:read_text_file",
    ".docx": "kg.read.docx:read_docx_file",
    ".doc": "kg.read.docx:refuse_doc",
    ".pdf": "kg.read.pdf:read_pdf_file",
    ".html": "kg.read.html:read_html_file",
    ".htm": "kg.read.html:read_html_file",
}


def _reader(suffix: str):
    target = READERS.get(suffix)
    if target is None:
        return None
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)


def read_source(path: str | os.PathLike) -> Source:
    """Read one report file into a Source; raises ReadError naming the file and the reason."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):  # reading a FIFO or a device would wait or never end
        raise ReadError(path, f"not a regular file ({_kind(info.st_mode)}); skipped")
    reader = _reader(path.suffix.lower())
    if reader is None:
        raise ReadError(path, f"unsupported file type {path.suffix or '(none)'}")
    if info.st_size > max_file_size():
        raise ReadError(path, f"{_megabytes(info.st_size)}, larger than the limit of {_megabytes(max_file_size())}; "
                              "raise it with --max-size if the file is a report")
    try:
        text, encoding, metadata = reader(path)
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from exc
    except RecursionError as exc:  # a page nested thousands of levels deep
        raise ReadError(path, "too deeply nested to read") from exc
    if not text.strip():
        raise ReadError(path, "empty file")
    if len(text) > max_text_length():
        raise ReadError(path, f"{len(text):,} characters of text, more than the limit of {max_text_length():,}; "
                              "raise it with --max-size if the file is a report")
    fmt = path.suffix.lower().lstrip(".")
    return make_source(text_name(str(path)), text, encoding, "html" if fmt == "htm" else fmt, metadata)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


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
    """Expand folders recursively into report files, in a stable order; plain files pass as given.

    A pipe or device with a report's name is passed on too, so that reading names and skips it.
    """
    for path, _name in iter_report_files(paths):
        yield path


def iter_report_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str]]:
    """(file, the name the graph keeps for it) for every report file under `paths`, as iter_report_paths.

    The name is the file's path inside the folder given (`2023/a.txt`), or the name of a file given
    itself: where the files sit on the loading machine never enters the graph.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (child.suffix.lower() in REPORT_SUFFIXES and not child.name.startswith(".")
                        and not child.is_dir()):
                    yield child, text_name(child.relative_to(path).as_posix())
        else:
            yield path, text_name(path.name)


def source_names(paths: Iterable[str | os.PathLike]) -> dict[str, str]:
    """Each report file under `paths`, spelled as iter_report_paths spells it → the name the graph keeps."""
    names: dict[str, str] = {}
    for path, name in iter_report_files(paths):
        names.setdefault(str(path), name)  # a file reached twice keeps the name of its first mention
    return names


def folders_without_reports(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The folders among `paths` that hold no report file at all: a user expects to hear of them."""
    empty = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and not any(True for _ in iter_report_paths([path])):
            empty.append(path)
    return empty
