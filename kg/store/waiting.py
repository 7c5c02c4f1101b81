"""Talking to the store's server over its socket, and waiting on it: until it answers, has read its data,
has ended a rewrite of its log, or has exited; and on the store's locks."""

from __future__ import annotations

import fcntl
import socket
import time
from collections.abc import Callable
from pathlib import Path

from kg.errors import StoreError


def ping(path: Path) -> bytes:
    """The first bytes of the server's reply to PING, or b"" when none answers."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(5)
        try:
            conn.connect(str(path))
            conn.sendall(b"PING\r\n")
            return conn.recv(16)
        except OSError:
            return b""


def answers(path: Path) -> bool:
    # Any reply is a live server: one that failed a snapshot answers PING with MISCONF, and one
    # loading its data with LOADING; neither is deaf, and neither may be killed for a stale one.
    return ping(path)[:1] in (b"+", b"-")


def wait_serving(path: Path, alive: Callable[[], bool], data: Path, timeout: float = 600.0) -> bool:
    """Wait while the server reads its data (4-17 s for 10,000 reports): True once it serves, False when
    `alive()` says it is gone. Meanwhile it answers LOADING, or, replaying its log's tail on a busy
    machine, not at all for a while; a command's first statement would spend its few retries on that."""
    deadline = time.monotonic() + timeout
    while alive():
        reply = ping(path)
        if reply[:1] in (b"+", b"-") and not reply.startswith(b"-LOADING"):
            return True
        if time.monotonic() > deadline:
            raise StoreError(f"{data}: the store was still reading its data after {timeout:.0f}s")
        time.sleep(0.05)
    return False


def client(path: Path, timeout: float | None = None):
    """(the redis module, a client on the server's socket): for the few commands beyond PING and SHUTDOWN,
    which the stores' module is not needed for (`kg db status` never loads it)."""
    import redis

    return redis, redis.Redis(unix_socket_path=str(path), socket_timeout=timeout)


def shutdown(path: Path, timeout: float) -> str | None:
    """Ask the server at `path` to save and exit: None once it has gone or is still at it, else its refusal."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(timeout)
        try:
            conn.connect(str(path))
            conn.sendall(b"*1\r\n$8\r\nSHUTDOWN\r\n")
            reply = conn.recv(4096)
        except OSError:
            return None  # gone while we asked, or still saving: the caller waits for its pid
    if reply.startswith(b"-"):
        return reply[1:].decode("utf-8", "replace").strip()
    return None


def unwritten_log(path: Path, patience: float = 5.0) -> str | None:
    """Why the server's log lacks writes it holds in memory, or None: a SHUTDOWN would lose them, not refuse.

    A server whose log write failed retries it every second; one that catches up within `patience` is fine.
    """
    redis, connection = client(path, patience + 5)
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


def rewrite_done(path: Path, timeout: float) -> None:
    """Wait for a rewrite of the log a load left under way: a SHUTDOWN would kill it, and the next start would
    replay the long log it was compacting. Whatever its end: a failed one leaves the log as it was, whole."""
    redis, connection = client(path, timeout)
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


def flock_within(handle, timeout: float | None) -> bool:
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
