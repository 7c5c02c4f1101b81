"""The embedded default store: FalkorDB reached over its private Unix socket with the falkordb client."""

from __future__ import annotations

import contextlib
import os
import re
import time

from pathlib import Path

import falkordb
from redis import exceptions as redis_errors

from kg.errors import NoStoreError, StatementError, StoreError
from kg.store.appendlog import PARTS
from kg.store.base import DEFAULT_TIMEOUT, Store, retry
from kg.store.layout import Layout
from kg.store.server import DEFAULT_STORE, Server

GRAPH = "kg"


# A log grown this much past its base snapshot is rewritten at the end of a load: a start replays 4-20 MB/s
# of it (68 kB in 18 ms at 10,000 reports, 11 MB in 0.5 s for 200), against 1-4 s for a base of 110 MB.
LOG_REWRITE_BYTES = 16 * 2**20

# The label and property of an index statement.
_INDEXED = re.compile(r"\(n:(\w+)\) ON \(n\.(\w+)\)")

# The INFO persistence fields that say a forked child of the server is at work.
_CHILD_AT_WORK = ("rdb_bgsave_in_progress", "aof_rewrite_in_progress", "module_fork_in_progress")


def _plain(value):
    """Client values (nodes, edges, paths) as JSON-ready dicts and lists."""
    if value is None or isinstance(value, str | int | float | bool):
        return value  # most values: no import and no further tests on them
    if isinstance(value, falkordb.Node):
        return {"labels": list(value.labels or []), "properties": {k: _plain(v) for k, v in value.properties.items()}}
    if isinstance(value, falkordb.Edge):
        return {"type": value.relation, "properties": {k: _plain(v) for k, v in value.properties.items()}}
    if isinstance(value, falkordb.Path):
        return {"nodes": [_plain(n) for n in value.nodes()], "relationships": [_plain(e) for e in value.edges()]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class FalkorDBStore(Store):
    """The graph `kg` in the store directory's server, started here when none runs and then stopped on close."""

    name = "falkordb"

    def __init__(self, root: str | os.PathLike = DEFAULT_STORE, graph: str = GRAPH, server: Server | None = None,
                 create: bool = True, timeout: float = DEFAULT_TIMEOUT):
        if server is None and not create and not Layout(Path(root).resolve()).is_store():
            raise NoStoreError(f"no store at {root}; run kg load first")
        self.server = server or Server(root)
        self.timeout_ms = max(1, round(timeout * 1000))
        self._transient = (redis_errors.BusyLoadingError, redis_errors.ConnectionError, redis_errors.TimeoutError)
        self.started = self.server.ensure(use=True)
        self.notices = self.server.notices  # what the start had to mend, for the command to say
        try:
            self.db = falkordb.FalkorDB(unix_socket_path=str(self.server.socket))
            self.graph = self.db.select_graph(graph)
            self.graph_name = graph
        except Exception:
            self.close()
            raise

    def _call(self, method, cypher: str, params: dict | None, timeout: int | None = None) -> list[dict]:
        try:
            result = retry(lambda: method(cypher, params or None, timeout=timeout), self._transient,
                           self._unanswered)
        except redis_errors.ResponseError as exc:
            raise self._refusal(exc) from exc
        except UnicodeError as exc:  # a value the client cannot send (text with lone surrogates)
            raise StatementError(f"the store cannot take a value of this statement: {exc}") from exc
        names = [h[1] if isinstance(h, list | tuple) else h for h in (result.header or [])]
        names = [n.decode() if isinstance(n, bytes) else n for n in names]
        return [dict(zip(names, (_plain(v) for v in row), strict=True)) for row in result.result_set or []]

    @property
    def _unanswered(self) -> str:
        """How a failure to reach the server begins: its socket, and what that means for the command."""
        return (f"{self.server.socket}: the store's server stopped answering (what it had written is in its log; "
                "run the command again)")

    def _refusal(self, exc: Exception) -> StoreError:
        """A store failure (it cannot save: MISCONF) ends the command; a refused statement is that statement's."""
        text = str(exc)
        if text.startswith("MISCONF") or "unable to persist to disk" in text:
            cause = self.server.save_failure() or "see its log"
            part = "log" if "AOF" in text else "snapshot"  # MISCONF Errors writing to the AOF file: …, or a failed save
            return StoreError(f"{self.server.part_file(part)}: the store cannot write its {PARTS[part]} ({cause}) and "
                              "refuses writes until it can; what it held before is kept in memory: free space or fix "
                              "the folder's permissions, then run the command again")
        if "timed out" in text.lower():
            return StatementError(f"the query ran longer than the timeout of {self.timeout_ms / 1000:g} s and was "
                                  "stopped; the store is unharmed (raise the limit with --timeout)")
        return StatementError(f"FalkorDB refused the statement: {text}")

    def files_index(self) -> Path:
        # One index per graph: a store folder may hold several graphs, whose report keys can coincide.
        return self.server.layout.root / f"files-{re.sub(r'[^A-Za-z0-9._-]', '_', self.graph_name)}.json"

    def run(self, cypher: str, params: dict | None = None) -> list[dict]:
        return self._call(self.graph.query, cypher, params)

    def run_read(self, cypher: str, params: dict | None = None) -> list[dict]:
        try:
            return self._call(self.graph.ro_query, cypher, params, self.timeout_ms)
        except StatementError as exc:
            if "empty key" not in str(exc):
                raise
        # FalkorDB refuses read-only queries on a graph not created yet; its index creates it.
        self.ensure_schema()
        return self._call(self.graph.ro_query, cypher, params, self.timeout_ms)

    def run_batch(self, statements: list[tuple[str, dict]]) -> None:
        # FalkorDB runs each statement atomically; a batch is one UNWIND statement, so that suffices.
        for cypher, params in statements:
            self.run(cypher, params)

    def schema_statements(self) -> list[str]:
        # uri is every MERGE's key; the others are what canned queries filter on (township, county, year, name).
        return ["CREATE INDEX FOR (n:Resource) ON (n.uri)", "CREATE INDEX FOR (n:Township) ON (n.name)",
                "CREATE INDEX FOR (n:County) ON (n.name)", "CREATE INDEX FOR (n:Report) ON (n.year)",
                "CREATE INDEX FOR (n:Law) ON (n.name)", "CREATE INDEX FOR (n:Campaign) ON (n.name)",
                "CREATE INDEX FOR (n:Metric) ON (n.indicator)"]

    def _schema_exists(self, error: Exception) -> bool:
        return "already indexed" in str(error).lower()

    def _indexes(self) -> dict[tuple[str, str], str]:
        """(label, property) → status of each index the graph has."""
        rows = self.run("CALL db.indexes() YIELD label, properties, status RETURN label, properties, status")
        return {(row["label"], prop): row["status"] for row in rows for prop in row["properties"]}

    def ensure_schema(self, timeout: float = 60.0) -> None:
        """Make the indexes and wait until they serve: FalkorDB builds an index over existing nodes in the
        background, and a query run meanwhile scans instead, so a reader right after a load would be slow.

        A graph that has them all serving already costs one read. Indexes made here are written into the
        log's base at once: a start replays the log's statements, and without the indexes in its base each
        of the loader's `MERGE`s scans the graph (the log of 200 reports took 95 s to replay, 1.2 s with them).
        """
        wanted = {_INDEXED.search(statement).groups() for statement in self.schema_statements()}
        before = self._indexes()
        if all(before.get(key) == "OPERATIONAL" for key in wanted):
            return
        super().ensure_schema()
        deadline = time.monotonic() + timeout
        while any(status != "OPERATIONAL" for status in self._indexes().values()):
            if time.monotonic() > deadline:
                break  # still correct, only slower: queries scan until the index is built
            time.sleep(0.05)
        if not wanted <= before.keys() and self._persistence().get("aof_enabled"):
            self._fork("BGREWRITEAOF", time.monotonic() + 600)

    def _persistence(self) -> dict:
        connection = self.db.connection
        return retry(lambda: connection.info("persistence"), self._transient, self._unanswered)

    def checkpoint(self, timeout: float = 600.0) -> None:
        """Make every write so far durable and wait for it: a load reports success only once its data is on disk.

        With the append-only log (the default) that is an fsync of the log. A log grown past
        `LOG_REWRITE_BYTES` since its base is then rewritten into a new base by a forked child, which is
        not waited for (0.7 s at 1,000 reports, 1-4 s at 10,000, once in about 290 loads of one report):
        the rewrite begins by moving new writes to a new file of the log, listed in its manifest, so a
        kill meanwhile loses nothing, and a stop waits for it (`Server.stop`). A log a failed write may
        have damaged is rewritten and waited for. Without a log it is a whole snapshot, waited for. One
        that cannot be written (a full disk, permissions, an immutable file) is a StoreError naming what
        failed and why; the server keeps the data in memory.
        """
        deadline = time.monotonic() + timeout
        info = self._persistence()
        if not info.get("aof_enabled"):
            self._fork("BGSAVE", deadline)
            return
        self._sync_log(info)
        if self.server.log_needs_rewrite():
            # A failed rewrite loses nothing: the log it would have replaced stays, fsynced; the server tries again.
            self._fork("BGREWRITEAOF", deadline)
        elif (info.get("aof_current_size", 0) - info.get("aof_base_size", 0) >= LOG_REWRITE_BYTES
              and not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled")):
            self._rewrite_in_background()

    def _rewrite_in_background(self) -> None:
        """Start the log's rewrite into a new base and return: one under way, or scheduled after a child at work,
        does as well; a refusal is the server's to retry (its log says why), not this load's failure."""
        connection = self.db.connection
        with contextlib.suppress(redis_errors.ResponseError):
            retry(lambda: connection.execute_command("BGREWRITEAOF"), self._transient, self._unanswered)

    def _fork(self, command: str, deadline: float) -> None:
        """Run BGSAVE or BGREWRITEAOF and wait for the forked child to end.

        The child writes the snapshot, as the server's own save points do: a synchronous SAVE would hold the
        server's main thread while FalkorDB's query threads may wait for it. A child already at work may
        predate the last writes, so it is waited out and another started.
        """
        connection = self.db.connection
        part = "snapshot" if command == "BGSAVE" else "base"

        def wait_idle() -> dict:
            # Any forked child blocks another: a snapshot, an append-only-file rewrite or a module's own fork.
            while True:
                info = self._persistence()
                if not any(info.get(key) for key in _CHILD_AT_WORK):
                    return info
                if time.monotonic() > deadline:
                    raise StoreError(f"{self.server.part_file(part)}: the store's {PARTS[part]} was not written in "
                                     "the time allowed")
                time.sleep(0.05)

        while True:
            wait_idle()
            try:
                retry(lambda: connection.execute_command(command), self._transient, self._unanswered)
                break
            except redis_errors.ResponseError as exc:
                # A child that started between the wait and the command (…already in progress, Another child
                # process is active) is waited out again; any other refusal is the cause to report.
                if "in progress" not in str(exc) and "child process" not in str(exc):
                    raise self._save_error(str(exc), part) from exc
        info = wait_idle()
        if command == "BGSAVE" and info.get("rdb_last_bgsave_status") != "ok":
            raise self._save_error("the background save failed", part)

    def _sync_log(self, info: dict) -> None:
        """fsync the log now. The server fsyncs it every second; switching it to fsync every write fsyncs at once
        (and WAITAOF confirms), and switching back keeps a write the disk refuses from ending the server."""
        if info.get("aof_last_write_status") != "ok":
            raise self._save_error("the server cannot write its log", "log")
        connection = self.db.connection

        def sync():
            connection.config_set("appendfsync", "always")
            connection.config_set("appendfsync", "everysec")
            return connection.execute_command("WAITAOF", 1, 0, 60000)

        try:
            done = retry(sync, self._transient, self._unanswered)
        except redis_errors.ResponseError as exc:
            raise self._save_error(str(exc), "log") from exc
        if not done or int(done[0]) < 1:
            raise self._save_error("the log was not fsynced within 60 s", "log")

    def _save_error(self, reply: str, part: str) -> StoreError:
        """The failure of writing `part` (the log, its base, the snapshot), named with its file and the disk's cause."""
        cause = self.server.save_failure() or reply
        return StoreError(f"{self.server.part_file(part)}: the store cannot write its {PARTS[part]} ({cause}); nothing "
                          "written is lost while the store runs: free space or fix the folder's permissions, "
                          "then load again")

    def close(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            with contextlib.suppress(Exception):  # closing a dead connection must not mask the real error
                db.connection.close()
            self.db = None
        started, self.started = getattr(self, "started", False), False
        if hasattr(self, "server"):
            # The command that started the server stops it, once no other command uses it.
            self.server.release(stop=started)

