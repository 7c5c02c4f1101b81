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
from kg.store.base import DEFAULT_TIMEOUT, Store, retry
from kg.store.server import DEFAULT_STORE, Layout, Server

GRAPH = "kg"


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
                           f"{self.server.socket}")
        except redis_errors.ResponseError as exc:
            raise self._refusal(exc) from exc
        except UnicodeError as exc:  # a value the client cannot send (text with lone surrogates)
            raise StatementError(f"the store cannot take a value of this statement: {exc}") from exc
        names = [h[1] if isinstance(h, list | tuple) else h for h in (result.header or [])]
        names = [n.decode() if isinstance(n, bytes) else n for n in names]
        return [dict(zip(names, (_plain(v) for v in row), strict=True)) for row in result.result_set or []]

    def _refusal(self, exc: Exception) -> StoreError:
        """A store failure (it cannot save: MISCONF) ends the command; a refused statement is that statement's."""
        text = str(exc)
        if text.startswith("MISCONF") or "unable to persist to disk" in text:
            cause = self.server.save_failure() or "see its log"
            return StoreError(f"{self.server.layout.data}: the store cannot write its snapshot ({cause}) and refuses "
                              "writes until it can; what it held before is kept in memory: free space or fix the "
                              "folder's permissions, then run the command again")
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

    def ensure_schema(self, timeout: float = 60.0) -> None:
        """Make the indexes and wait until they serve: FalkorDB builds an index over existing nodes in the
        background, and a query run meanwhile scans instead, so a reader right after a load would be slow."""
        super().ensure_schema()
        deadline = time.monotonic() + timeout
        while any(row["status"] != "OPERATIONAL" for row in self.run("CALL db.indexes() YIELD status RETURN status")):
            if time.monotonic() > deadline:
                return  # still correct, only slower: queries scan until the index is built
            time.sleep(0.05)

    def checkpoint(self, timeout: float = 600.0) -> None:
        """Write a snapshot now and wait for it: a load reports success only once its data is on disk.

        The snapshot is written by a forked child (BGSAVE), as the server's own save points do: a
        synchronous SAVE would hold the server's main thread while FalkorDB's query threads may wait
        for it. A snapshot already being written may predate this load's last writes, so it is waited
        out and another started. One that cannot be written (a full disk, permissions, an immutable
        file) is a StoreError naming the cause; the server keeps the data in memory.
        """
        import time

        connection = self.db.connection
        deadline = time.monotonic() + timeout

        def persistence() -> dict:
            return retry(lambda: connection.info("persistence"), self._transient, f"{self.server.socket}")

        def wait_idle() -> dict:
            # Any forked child blocks a BGSAVE: a snapshot, an append-only-file rewrite or a module's own fork.
            while True:
                info = persistence()
                if not any(info.get(key) for key in _CHILD_AT_WORK):
                    return info
                if time.monotonic() > deadline:
                    raise StoreError(f"{self.server.layout.data}: the store's snapshot did not end within "
                                     f"{timeout:.0f} s")
                time.sleep(0.05)

        while True:
            wait_idle()
            try:
                retry(lambda: connection.execute_command("BGSAVE"), self._transient, f"{self.server.socket}")
                break
            except redis_errors.ResponseError as exc:
                # A child that started between the wait and the BGSAVE (…already in progress, Another child
                # process is active) is waited out again; any other refusal is the cause to report.
                if "in progress" not in str(exc) and "child process" not in str(exc):
                    raise self._save_error(str(exc)) from exc
        info = wait_idle()
        if info.get("rdb_last_bgsave_status") != "ok":
            raise self._save_error("the background save failed")

    def _save_error(self, reply: str) -> StoreError:
        cause = self.server.save_failure() or reply
        return StoreError(f"{self.server.layout.data}: the store cannot write its snapshot ({cause}); nothing "
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

