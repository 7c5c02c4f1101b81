"""Mend an append-only log the server refuses to start from, keeping every write the log still holds.

The one damage seen in practice: a write cut short by a full disk is cut off with ftruncate(2), but a
log the server opened after a rewrite is not in append mode, so the write retried once there is room
lands past a hole of zeros. Redis then stops at the hole ("Bad file format") and its own check tool
(redis-check-aof, the same binary under that name) would cut the log there, losing the whole retried
write and all after it. The hole lies between two whole commands, so it is taken out and nothing is
lost. Anything else unreadable in the last file of the log (a tail cut short mid-command) is cut off
there and said; the log as it was is kept beside the data, so that nothing is deleted.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError

# What the server logs when it cannot read a file of its log: the file is named relative to appendonlydir.
REFUSED = re.compile(r"(?:Bad file format|Unexpected end of file) reading the append only file (\S+?)[:.]?(?:\s|$)")

# What the server logs when it cuts a half-written last command off the log's end (aof-load-truncated).
CUT_BY_SERVER = re.compile(r"Truncating the AOF (\S+) at offset (\d+)")

_ZEROS = re.compile(rb"\0+")
_LINE = re.compile(rb"([*$])(-?\d+)\r\n")


@dataclass(frozen=True)
class Mended:
    """What mending one file of the log did: the zero bytes taken out, and the bytes cut off its end."""

    path: Path
    holes: int
    zero_bytes: int
    cut_bytes: int
    kept: Path

    def notice(self) -> str:
        """One line, Chinese first, that says what was lost, if anything."""
        if self.cut_bytes:
            return (f"存储日志 {self.path} 末尾 {self.cut_bytes} 字节无法读取，已截去，其中的写入丢失；原文件保留为 "
                    f"{self.kept} / the store's log {self.path} could not be read in its last {self.cut_bytes} "
                    f"bytes: they were cut off and the writes in them are lost; the log as it was is kept as "
                    f"{self.kept}")
        return (f"存储日志 {self.path} 中有 {self.holes} 处空洞（共 {self.zero_bytes} 个零字节，磁盘写满时留下），"
                f"已去除，未丢失数据；原文件保留为 {self.kept} / the store's log {self.path} had {self.holes} "
                f"hole(s) of zeros ({self.zero_bytes} bytes, left by a write cut short on a full disk): taken "
                f"out, nothing lost; the log as it was is kept as {self.kept}")


def cut_by_server(path: Path, lost: int) -> str:
    """One line, Chinese first, for a half-written last write the server cut off the log's end by itself."""
    return (f"存储日志 {path} 末尾 {lost} 字节是一条未写完的写入（服务器在写入中途停止），已截去，该写入丢失 / the "
            f"store's log {path} ended in {lost} bytes of a write left half done (the server stopped mid-write): "
            "they were cut off and that write is lost")


def _command_end(data: bytes, start: int) -> int | None:
    """The end of the whole command (`*N` then N bulk strings) at `start`, or None when it is not one."""
    head = _LINE.match(data, start)
    if head is None or head.group(1) != b"*":
        return None
    position = head.end()
    for _ in range(int(head.group(2))):
        bulk = _LINE.match(data, position)
        if bulk is None or bulk.group(1) != b"$" or int(bulk.group(2)) < 0:
            return None
        position = bulk.end() + int(bulk.group(2))
        if data[position:position + 2] != b"\r\n":
            return None
        position += 2
    return position


def scan(data: bytes) -> tuple[list[tuple[int, int]], list[tuple[int, int]], int | None]:
    """(the readable spans, the zero holes as (start, length), the offset where reading stopped or None).

    Only a run of zeros where a command starts is a hole: inside a command zeros are data.
    """
    spans: list[tuple[int, int]] = []
    holes: list[tuple[int, int]] = []
    position, size = 0, len(data)
    span_start = 0
    while position < size:
        first = data[position]
        if first == 0:
            end = _ZEROS.match(data, position).end()
            if position > span_start:
                spans.append((span_start, position))
            holes.append((position, end - position))
            position = span_start = end
            continue
        if first == ord("#"):  # an annotation line (timestamps), kept as it is
            end = data.find(b"\r\n", position)
            end = None if end < 0 else end + 2
        else:
            end = _command_end(data, position)
        if end is None or end > size:
            break
        position = end
    if position > span_start:
        spans.append((span_start, position))
    return spans, holes, (position if position < size else None)


def manifest_files(manifest: Path, kind: str = "i") -> list[str]:
    """The names of the log's files of `kind` (i: incremental, b: base), oldest first, as its manifest lists them."""
    try:
        lines = manifest.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise StoreError(f"{manifest}: cannot read the store's log manifest: {exc.strerror or exc}") from None
    names = []
    for line in lines:
        words = line.split()
        fields = dict(zip(words[::2], words[1::2], strict=False))
        if fields.get("type") == kind and "file" in fields:
            names.append(fields["file"])
    return names


def mend(appendonlydir: Path, name: str, last: bool) -> Mended | None:
    """Mend the log file `name`: take out its holes and, in the last file, cut an unreadable tail.

    None when the file holds nothing to mend (the refusal is then not ours to mend). The log as it
    was is kept as a hard link beside the data (`data/<name>.damaged`, or `.damaged.2`… when an earlier
    mend of the same file kept one: that copy holds the only trace of what it cut off); the mended file
    replaces it.
    """
    path = appendonlydir / name
    if Path(name).name != name or not path.is_file():
        raise StoreError(f"{path}: the store's log names a file it does not hold; it cannot be started or mended")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store's log to mend it: {exc.strerror or exc}") from None
    spans, holes, stopped = scan(data)
    if stopped is not None and not last:
        raise StoreError(f"{path}: the store's log cannot be read from byte {stopped} on, and later files of the log "
                         "depend on it: it is left as it is; the store cannot start from it")
    if not holes and stopped is None:
        return None
    kept = _unused(appendonlydir.parent / f"{name}.damaged")
    temporary = appendonlydir / f".{name}.mending"
    try:
        with os.fdopen(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
            for start, end in spans:
                handle.write(memoryview(data)[start:end])
            handle.flush()
            os.fsync(handle.fileno())
        os.link(path, kept)
        os.replace(temporary, path)
        folder = os.open(appendonlydir, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise StoreError(f"{path}: the store's log needs mending but it cannot be written: "
                         f"{exc.strerror or exc}") from None
    cut = len(data) - stopped if stopped is not None else 0
    return Mended(path, len(holes), sum(length for _, length in holes), cut, kept)


def _unused(path: Path) -> Path:
    """`path`, or the first of `path.2`, `path.3`… that does not exist yet."""
    candidate, number = path, 1
    while os.path.lexists(candidate):
        number += 1
        candidate = path.with_name(f"{path.name}.{number}")
    return candidate
