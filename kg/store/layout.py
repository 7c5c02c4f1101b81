"""Where a store folder keeps each of its files, and how kg makes and accepts that folder.

A store directory holds the data under `data/` and, in `run/` (mode 700), the pid file, the locks and
the socket. kg makes its own folders private and never changes the mode of a folder a user made.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError

MARKER = "kg-store"  # the file that says a folder is a store kg made, so it may hold its files
_SOCKET_MAX = 100  # sun_path holds 108 bytes on Linux, 104 on macOS


@dataclass(frozen=True)
class Layout:
    """Where a store directory keeps each of its files."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def run(self) -> Path:
        return self.root / "run"

    @property
    def pidfile(self) -> Path:
        return self.run / "server.pid"

    @property
    def lockfile(self) -> Path:
        return self.run / "lock"

    @property
    def usersfile(self) -> Path:
        return self.run / "users"

    @property
    def tokenfile(self) -> Path:
        return self.run / "token"

    @property
    def marker(self) -> Path:
        return self.root / MARKER

    @property
    def appendlog(self) -> Path:
        """The manifest of the append-only log: when it exists, the log (not graph.rdb) is the store's data."""
        return self.data / "appendonlydir" / "appendonly.aof.manifest"

    @property
    def logfile(self) -> Path:
        return self.root / "server.log"

    def is_store(self) -> bool:
        """True when the folder holds a store (made by kg: the marker, or a snapshot and run folder of old)."""
        return (self.marker.is_file() or (self.data / "graph.rdb").is_file() or self.appendlog.is_file()
                or self.lockfile.is_file())

    @property
    def socket(self) -> Path:
        candidate = self.run / "falkordb.sock"
        if len(str(candidate).encode()) <= _SOCKET_MAX:
            return candidate
        # A deep store directory would overflow sun_path: use a private directory named after it.
        digest = hashlib.sha1(str(self.root).encode()).hexdigest()[:12]
        base = Path(os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
        return base / f"kg-{os.getuid()}-{digest}" / "falkordb.sock"


def private_dir(path: Path) -> Path:
    """A directory of kg's own inside the store (never one a user made): created private, then checked."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if stat.S_IMODE(path.stat().st_mode) != 0o700 and path.stat().st_uid == os.getuid():
            os.chmod(path, 0o700)
    except OSError as exc:
        raise StoreError(f"{path}: cannot make the store's directory: {exc.strerror or exc}") from None
    info = path.stat()
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise StoreError(f"{path}: must belong to you and be private (mode 700) to hold the store's socket")
    return path


def prepare_root(root: Path) -> None:
    """Make the store's folder, or accept an existing one that is empty or already a store; never chmod a user's folder."""
    layout = Layout(root)
    if root.exists() and not root.is_dir():
        raise StoreError(f"{root}: is a file, not a store folder")
    if root.is_dir() and not layout.is_store():
        try:
            contents = next(iter(os.scandir(root)), None)
        except OSError as exc:
            raise StoreError(f"{root}: cannot read the folder: {exc.strerror or exc}") from None
        if contents is not None:
            raise StoreError(f"{root}: not empty and not a store; give an empty or new folder to --store")
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not layout.marker.exists():
            layout.marker.write_text("A township-kg store: the graph is in data/, the server's socket in run/.\n",
                                     encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"{root}: cannot make the store's directory: {exc.strerror or exc}") from None


def opened(path: Path):
    """One of the store's lock files, opened to be locked: a store on a read-only disk is an error naming it."""
    try:
        return open(path, "a")  # noqa: SIM115 - the caller closes it (or holds it until release())
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store's lock ({exc.strerror or exc}); the store needs a folder "
                         "it can write: its server keeps its log, pid and socket there") from None
