"""What the store's server wrote in its own log (`server.log`) and what the disk says now: why a write or
a start failed, and whether its append-only log may need rewriting."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from kg.store import logmend
from kg.store.layout import Layout

# What the server logs when a write to its append-only log fails, and when the log is whole again.
_LOG_WRITE_FAILED = ("Short write while writing to the AOF file", "Error writing to the AOF file")
_LOG_WHOLE = ("Background AOF rewrite finished successfully", "Ready to accept connections")

# Redis logs e.g. "Failed opening the RDB file graph.rdb (in server root dir /x) for saving: Permission denied"
# or "Write error while saving DB to the disk(rdbSaveRio): No space left on device": the cause is after the last ": ".
_SAVE_FAILURE = re.compile(r"(?:Write error|Failed opening|Error moving temp DB file|Failed saving|Can't save"
                           r"|Error writing to the AOF file|Can't open the append-only file)"
                           r".*:\s*([^:]+?)\s*$")


def size(layout: Layout) -> int:
    """How long the server's log is now: where what a start is about to write begins."""
    try:
        return layout.logfile.stat().st_size
    except OSError:
        return 0


def tail(layout: Layout, since: int = 0) -> list[str]:
    """The server log's last lines (64 kB at most), from byte `since` on."""
    try:
        with open(layout.logfile, "rb") as handle:
            handle.seek(max(since, os.fstat(handle.fileno()).st_size - 65536))
            return handle.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return []


def log_needs_rewrite(layout: Layout) -> bool:
    """True when the server failed a write to its append-only log since it last rewrote it or started.

    A short write (a full disk) is cut off with ftruncate(2), but the file a rewrite opened is not in
    append mode, so the write retried once there is room lands past a hole of zeros: a log the next
    start refuses ("Bad file format"). A rewrite from memory replaces it whole.
    """
    for line in reversed(tail(layout)):
        if any(mark in line for mark in _LOG_WHOLE):
            return False
        if any(mark in line for mark in _LOG_WRITE_FAILED):
            return True
    return False


def save_failure(layout: Layout) -> str | None:
    """Why a snapshot cannot be written: what writing into the data folder now says (No space left on
    device, Read-only file system…), else what the server's log gave for its last failure."""
    return _write_probe(layout.data) or _logged_failure(layout)


def _logged_failure(layout: Layout) -> str | None:
    for line in reversed(tail(layout)):
        found = _SAVE_FAILURE.search(line)
        if found:
            return found.group(1).strip()
    return None


def _write_probe(folder: Path) -> str | None:
    """The error that writing a small file into `folder` meets now, or None when it can be written."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-") as handle:
            handle.write(bytes(64 * 1024))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def start_failure(said: list[str]) -> str | None:
    """The reason a server that exited at its start gave last (its log line after ' # '), or None."""
    return next((line.split(" # ", 1)[1].strip() for line in reversed(said) if " # " in line), None)


def refused_log_file(said: list[str]) -> str | None:
    """The file of the append-only log a starting server could not read, as its log names it, or None."""
    return next((found.group(1) for found in map(logmend.REFUSED.search, said) if found), None)


def cut_tails(layout: Layout, since: int, sizes: dict[str, int]) -> list[str]:
    """Redis cuts a last write left half done (a kill mid-write) off the log's end by itself: one line for each
    such cut the server logged after byte `since`, measured against the files' `sizes` before the start."""
    sizes = dict(sizes)
    notices = []
    for line in tail(layout, since):
        found = logmend.CUT_BY_SERVER.search(line)
        before = sizes.get(found.group(1)) if found else None
        if before is not None and before > int(found.group(2)):
            notices.append(logmend.cut_by_server(layout.appendlog.parent / found.group(1),
                                                 before - int(found.group(2))))
            sizes.pop(found.group(1))  # the server logs it twice
    return notices
