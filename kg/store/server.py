"""The embedded FalkorDB server: redis-server with the FalkorDB module on a private Unix socket, no TCP port.

The data is an append-only log whose base is a snapshot (`data/appendonlydir/`): every write is
appended to the log, and a load ends by having the log fsynced (`Store.checkpoint`), which costs
milliseconds where a snapshot of the whole store cost a second at 10,000 reports. The log is
rewritten into a new base snapshot by a forked child when it has grown (at the end of a load, and by
the server itself), so that a start replays little of it; the indexes are in the base from the first
load on (`FalkorDBStore.ensure_schema`), without which each replayed `MERGE` scans the graph. A store
of old that holds only a snapshot (`data/graph.rdb`) is started from it and then given its log.
`appendonly=False` keeps snapshots only (the server writes one when it stops, at its save points and
when a load ends).

A command that finds no server starts one and stops it when it ends, also on Ctrl-C; on Linux the
kernel stops it if the command is killed outright. `kg db start` leaves one running, and commands then
reuse it. A pid or socket left by a crash is cleared; only this store's own server is ever signalled
(`process`), and one that answers nobody because it writes its snapshot on its way out is waited for, not
killed. Every command that uses the server holds a shared lock on `run/users`; the command that
started it stops it only once it holds that lock alone, so two loads on one store both finish.
The store's format is written beside the data (`storeformat`): a kg refuses a store newer than it reads,
and one from before the log cannot start from the out-of-date snapshot. A log the server refuses to
start from (a hole left by a full disk) is mended on start, keeping every whole write (`logmend`).
A stop keeps everything first: when the log (or, without one, the snapshot) cannot be written, it is
an error, and the server keeps running with the data in memory rather than losing it; a server still
saving when a stop's time runs out is left to finish, never killed.

The parts: where the files are (`layout`), the process (`process`), waiting on it (`waiting`), what
its own log says (`serverlog`), the append-only log and its base (`appendlog`).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shlex
import signal
import subprocess
import time
from pathlib import Path

from kg.errors import StoreError
from kg.store import appendlog, process, serverlog, storeformat
from kg.store.appendlog import PARTS
from kg.store.base import DEFAULT_STORE
from kg.store.layout import MARKER, Layout, opened, prepare_root, private_dir
from kg.store.process import SAVE_POINTS, binaries
from kg.store.waiting import answers, flock_within, rewrite_done, shutdown, unwritten_log, wait_serving

__all__ = ["DEFAULT_STORE", "MARKER", "PARTS", "SAVE_POINTS", "Layout", "Server", "StoreError", "binaries",
           "prepare_root"]

# Users of a store's server in this process, and the stores whose stop was handed to the last of them.
_local_users: dict[Path, int] = {}
_handed_over: set[Path] = set()

_SAVE_PATIENCE = 600.0  # how long a start waits for a server writing its snapshot on its way out (1 s at 10,000 reports)


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

    def pid(self) -> int | None:
        """The pid of this store's own server, or None (no pid file, a dead pid, or a process not ours)."""
        try:
            pid = int(self.layout.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if process.is_ours(pid, self.socket, process.read_token(self.layout)) else None

    def running(self, patience: float = 0.0) -> bool:
        """True when our server is alive and answers; a busy one gets `patience` seconds to do so."""
        deadline = time.monotonic() + patience
        while self.pid() is not None:
            if answers(self.socket):
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.2)
        return False

    @contextlib.contextmanager
    def _lock(self):
        prepare_root(self.layout.root)
        private_dir(self.layout.run)
        with opened(self.layout.lockfile) as handle:
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
            wait_serving(self.socket, lambda: self.pid() is not None, self.layout.data)
            if use:
                self._use()
            return started

    def _use(self) -> None:
        handle = opened(self.layout.usersfile)  # held until release()
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
        with self._lock(), opened(self.layout.usersfile) as users:
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
        with self._lock(), opened(self.layout.usersfile) as users:
            try:
                fcntl.flock(users, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if waiting is not None:
                    waiting()
                if not flock_within(users, timeout):
                    raise StoreError(f"{self.layout.usersfile}: 等待 {timeout:g} 秒后仍有命令在使用存储，未停止，存储继续运行 / "
                                     f"commands still used the store after {timeout:g}s: it was not stopped and keeps "
                                     "running; run `kg db stop` again once they end") from None
            return self.stop()

    def _clear_stale(self) -> None:
        """Remove what a dead server left; a hung server of ours is killed, any other process never signalled."""
        pid = self.pid()
        saving = process.saving_snapshot(self.layout, pid) if pid is not None else None
        if saving is not None:  # deaf because it writes its snapshot on its way out: a kill would lose what it holds
            if not process.wait_gone(pid, _SAVE_PATIENCE):
                raise StoreError(f"{saving}: the store's server (pid {pid}) was still writing its snapshot after "
                                 f"{_SAVE_PATIENCE:.0f}s; it was not killed: run the command again once it has exited")
        elif pid is not None:  # ours, alive but deaf
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            process.wait_gone(pid, 5)
        for path in (self.layout.pidfile, self.socket):
            if not os.path.lexists(path):  # unlink(2) of a missing file on a read-only disk fails all the same
                continue
            if path == self.socket and answers(path):
                raise StoreError(f"{path}: another server answers on this store's socket; stop it first")
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise StoreError(f"{path}: cannot remove what the store's last server left "
                                 f"({exc.strerror or exc})") from None

    def _start(self, detach: bool, timeout: float) -> None:
        """Start the server and wait until it serves its data; a log it refuses is mended once and started again."""
        server, module = binaries()
        logged = self.layout.appendlog.is_file() or (self.appendonly and not (self.layout.data / "graph.rdb").is_file())
        private_dir(self.layout.data)
        private_dir(self.socket.parent)
        token = process.new_token(self.layout)
        args = process.arguments(server, module, self.layout, token, logged, self.module_args)
        mended: set[str] = set()
        while True:
            deadline = time.monotonic() + timeout
            since = serverlog.size(self.layout)
            sizes = appendlog.file_sizes(self.layout)
            try:
                self.process = subprocess.Popen(  # noqa: S603 - fixed binary, arguments are paths we chose
                    args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    preexec_fn=process.preexec(detach), close_fds=True,
                )
            except OSError as exc:
                raise StoreError(f"{server}: cannot start the embedded store: {exc.strerror or exc}") from exc
            while time.monotonic() < deadline and self.process.poll() is None:
                # A server answers LOADING while it reads its data, and may yet stop at a log it cannot read.
                if answers(self.socket) and wait_serving(self.socket, lambda: self.process.poll() is None,
                                                         self.layout.data):
                    if self.appendonly and not logged:
                        appendlog.start_log(self.layout, deadline)
                    storeformat.mark(self.layout.root, self.layout.data, self.layout.appendlog.is_file())
                    self.notices.extend(serverlog.cut_tails(self.layout, since, sizes))
                    return
                time.sleep(0.05)
            if self.process.poll() is None:
                self.process.kill()
                raise StoreError(f"{self.layout.root}: the embedded store did not answer within {timeout:.0f}s")
            said = serverlog.tail(self.layout, since)
            refused = serverlog.refused_log_file(said)
            if refused is None or refused in mended:
                raise StoreError(f"{self.layout.logfile}: the embedded store did not start (exit "
                                 f"{self.process.returncode}): {serverlog.start_failure(said) or 'its log says why'}")
            # The server cannot read a file of its log: mend it (keeping every whole write) and start again.
            mended.add(refused)
            self.notices.append(appendlog.mend_refused(self.layout, refused))

    def stop(self, timeout: float = 60.0) -> bool:
        """Shut the server down, saving its data; False when none was running.

        The server saves before it exits; when its log (or, without one, its snapshot) cannot be written it
        refuses to exit, and it is left running (its data in memory) with a StoreError that names what failed,
        the file and why: never killed. One that took the SHUTDOWN but is still saving after `timeout` is a
        StoreError too, and is left to finish.
        """
        pid = self.pid()
        if pid is None:
            self._clear_stale()
            return False
        part, reply = "log", unwritten_log(self.socket)
        if reply is None:
            part, reply = "base", appendlog.heal(self.layout, timeout)
        if reply is None:
            rewrite_done(self.socket, timeout)
            part, reply = ("log" if self.layout.appendlog.is_file() else "snapshot"), shutdown(self.socket, timeout)
        if reply is not None:  # refused: what it holds is not all on disk, and it stays up
            raise StoreError(f"{self.part_file(part)}: the store cannot write its {PARTS[part]} "
                             f"({self.save_failure() or reply}); it keeps running with its data in memory (pid {pid}): "
                             f"free space or fix the folder, then run `kg db stop --store {_quote(self.layout.root)}`")
        if self.process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout)
        if not process.wait_gone(pid, timeout):
            # It took the SHUTDOWN and is still writing its data: a kill now would lose what it holds in memory.
            raise StoreError(f"{self.layout.pidfile}: the store's server (pid {pid}) had not exited {timeout:g}s after "
                             f"it was asked to stop (still saving its data); it was not killed and exits once it has "
                             f"saved: run `kg db status --store {_quote(self.layout.root)}` later")
        self.process = None
        self._clear_stale()
        return True

    def part_file(self, part: str) -> Path:
        """The file of the store's `part` (a key of PARTS): the log's current file, its base, or the snapshot."""
        return appendlog.part_file(self.layout, part)

    def save_failure(self) -> str | None:
        """Why the store's data cannot be written: what the disk says now, else the server's last failure."""
        return serverlog.save_failure(self.layout)

    def log_needs_rewrite(self) -> bool:
        """True when the server failed a write to its append-only log since it last rewrote it or started."""
        return serverlog.log_needs_rewrite(self.layout)


def _quote(path: Path) -> str:
    return shlex.quote(str(path))
