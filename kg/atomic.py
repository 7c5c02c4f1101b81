"""Output files written whole or not at all: a temporary file beside the target replaces it on success.

A command that fails half-way (a full disk, a bad report, Ctrl-C) leaves the earlier file as it was.
A target that is not a regular file (/dev/stdout, a pipe) is written directly: it cannot be replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _replaceable(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        return True


@contextlib.contextmanager
def replacing_path(path: str | os.PathLike, parents: bool = True) -> Iterator[Path]:
    """A temporary path to write; it becomes `path` only when the block ends without an error.

    `parents`: make missing folders above it (else a missing folder is the OSError it would be).
    """
    path = Path(path)
    if not _replaceable(path):
        yield path
        return
    if parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb") as handle:  # on disk before it takes the name
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


@contextlib.contextmanager
def replacing(path: str | os.PathLike, encoding: str = "utf-8", parents: bool = True):
    """A text handle whose content replaces `path` only when the block ends without an error."""
    with replacing_path(path, parents) as temporary, open(temporary, "w", encoding=encoding, newline="") as handle:
        yield handle


def _mode_for(path: Path) -> int:
    """The target's mode when it exists, else what a plain open() would have given under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
