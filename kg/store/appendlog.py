"""The store's append-only log and its base snapshot, as the running server keeps them: the file that names
each part in an error, giving a store of old its log, and rewriting a log a failed write may have damaged."""

from __future__ import annotations

import os
import time
from pathlib import Path

from kg.errors import StoreError
from kg.store import logmend, serverlog
from kg.store.layout import Layout
from kg.store.waiting import client

# What each part of a store's data is called in an error that names it (with its file, `part_file`).
PARTS = {"log": "log", "base": "log's base snapshot", "snapshot": "snapshot"}


def part_file(layout: Layout, part: str) -> Path:
    """The file of the store's `part` (a key of PARTS): the log's current file, its base, or the snapshot."""
    if part == "snapshot":
        return layout.data / "graph.rdb"
    folder = layout.appendlog.parent
    try:
        names = logmend.manifest_files(layout.appendlog, "i" if part == "log" else "b")
    except StoreError:  # no manifest yet (a first base under way), or one that cannot be read: the folder
        names = []
    return folder / names[-1] if names else folder


def file_sizes(layout: Layout) -> dict[str, int]:
    """The size of each file of the log, by name, before a start (one stat per file: there are two or three)."""
    try:
        return {entry.name: entry.stat().st_size for entry in os.scandir(layout.appendlog.parent) if entry.is_file()}
    except OSError:
        return {}


def start_log(layout: Layout, deadline: float) -> None:
    """Give a store of old (a snapshot only) its log: a base snapshot written by a forked child, waited for.

    Until the log's manifest is written the snapshot stays the store's data, so a kill meanwhile loses nothing.
    """
    redis, connection = client(layout.socket)
    try:
        while True:
            try:
                info = connection.info("persistence")
                if not info.get("loading"):
                    idle = not info.get("aof_rewrite_scheduled") and not info.get("aof_rewrite_in_progress")
                    if not info.get("aof_enabled") and idle:
                        connection.config_set("appendonly", "yes")
                    elif info.get("aof_enabled") and idle and info.get("aof_last_bgrewrite_status") == "err":
                        raise StoreError(f"{part_file(layout, 'base')}: the store cannot write its log's base "
                                         f"snapshot ({serverlog.save_failure(layout) or 'see its log'}); it keeps "
                                         f"its snapshot {part_file(layout, 'snapshot')}: free space or fix the folder")
                    elif info.get("aof_enabled") and idle and layout.appendlog.is_file():
                        # Timed snapshots end only once the log holds the data: until then they are its copy.
                        connection.config_set("save", "")
                        return
            except redis.exceptions.BusyLoadingError:
                pass
            except redis.exceptions.ResponseError as exc:
                raise StoreError(f"{layout.data}: the store cannot start its log ({exc}); it keeps its "
                                 "snapshot") from None
            if time.monotonic() > deadline + 600:
                raise StoreError(f"{layout.data}: the store's log was not written within 10 minutes; it "
                                 "keeps its snapshot")
            time.sleep(0.05)
    finally:
        connection.close()


def heal(layout: Layout, timeout: float) -> str | None:
    """Rewrite the log from memory when a failed write may have damaged it (`serverlog.log_needs_rewrite`);
    the refusal to tell when that fails, else None."""
    if not serverlog.log_needs_rewrite(layout):
        return None
    redis, connection = client(layout.socket, timeout)
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


def mend_refused(layout: Layout, refused: str) -> str:
    """Mend the file of the log a start refused (keeping every whole write): the line that says what was done."""
    directory = layout.appendlog.parent
    files = logmend.manifest_files(layout.appendlog)
    done = logmend.mend(directory, refused, last=bool(files) and files[-1] == refused)
    if done is None:
        raise StoreError(f"{directory / refused}: the store cannot start from its log, which holds no "
                         f"hole to mend; it is left as it is (see the server's log, {layout.logfile})")
    return done.notice()
