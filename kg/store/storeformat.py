"""The format of a store's data, written beside it, so that a kg that cannot read a store refuses it.

Format 1 keeps the graph in one snapshot (`data/graph.rdb`); format 2 in an append-only log on a base
snapshot (`data/appendonlydir/`). A kg that knows only format 1 has no format file to read: it would
start from `graph.rdb` and show the graph as it was before the log, so a store in format 2 holds a
folder of that name instead (with a note inside), on which such a kg's server refuses to start. The
snapshot the log was started from is kept as `graph.rdb.before-log`.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from kg.errors import StoreError

SNAPSHOT, LOG = 1, 2
FORMAT = LOG  # the newest format this kg reads and writes

FILE = "format"  # in the store's folder, beside data/
_NUMBER = re.compile(r"format\s+(\d+)")
_GUARD_NOTE = ("此存储的数据在 appendonlydir/ 的日志里（存储格式 2），需要较新的 kg 才能读取；本文件夹是为了让旧版 kg 无法读取"
               "过时的快照。\nThis store keeps its data in its log under appendonlydir/ (store format 2), which a newer kg "
               "reads; this folder stands where an older kg looks for its snapshot, so that it cannot show out-of-date "
               "data.\n")


def read(root: Path) -> int | None:
    """The format the store at `root` says it is in, or None for a store from before format files."""
    path = root / FILE
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store's format: {exc.strerror or exc}") from None
    found = _NUMBER.search(text)
    if found is None:
        raise StoreError(f"{path}: does not say the store's format (expected a line 'township-kg store format N')")
    return int(found.group(1))


def check(root: Path) -> None:
    """Refuse a store in a format newer than this kg reads: it would show out-of-date data or none."""
    found = read(root)
    if found is not None and found > FORMAT:
        raise StoreError(f"{root / FILE}: the store is in format {found}, written by a newer kg; this kg reads formats "
                         f"up to {FORMAT} and would show out-of-date data: upgrade kg to use this store")


def mark(root: Path, data: Path, logged: bool) -> None:
    """Write the store's format once its data is in it; a logged store gets the guard an older kg stops at."""
    wanted = LOG if logged else SNAPSHOT
    if logged:
        _guard(data)
    current = read(root)
    if current is not None and current >= wanted:
        return
    path = root / FILE
    temporary = root / f".{FILE}.new"
    try:
        temporary.write_text(f"township-kg store format {wanted}\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise StoreError(f"{path}: cannot write the store's format: {exc.strerror or exc}") from None


def _guard(data: Path) -> None:
    """Put the folder an older kg's server cannot start from where it looks for its snapshot."""
    snapshot = data / "graph.rdb"
    if snapshot.is_dir():
        return
    try:
        if snapshot.exists():  # the snapshot the log started from: out of date, kept under another name
            os.replace(snapshot, data / "graph.rdb.before-log")
        snapshot.mkdir(mode=0o700)
        (snapshot / "README.txt").write_text(_GUARD_NOTE, encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"{snapshot}: cannot mark the store as kept in its log: {exc.strerror or exc}") from None
