"""The embedded default store: FalkorDB reached over its private Unix socket with the falkordb client."""

from __future__ import annotations

import contextlib
import os

from kg.errors import StoreError
from kg.store.base import Store, retry
from kg.store.server import DEFAULT_STORE, Server

GRAPH = "kg"


def _plain(value):
    """Client values (nodes, edges, paths) as JSON-ready dicts and lists."""
    if value is None or isinstance(value, str | int | float | bool):
        return value  # most values: no import and no further tests on them
    from falkordb import Edge, Node, Path

    if isinstance(value, Node):
        return {"labels": list(value.labels or []), "properties": {k: _plain(v) for k, v in value.properties.items()}}
    if isinstance(value, Edge):
        return {"type": value.relation, "properties": {k: _plain(v) for k, v in value.properties.items()}}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes()], "relationships": [_plain(e) for e in value.edges()]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class FalkorDBStore(Store):
    """The graph `kg` in the store directory's server, started here when none runs and then stopped on close."""

    name = "falkordb"

    def __init__(self, root: str | os.PathLike = DEFAULT_STORE, graph: str = GRAPH, server: Server | None = None):
        from redis.exceptions import BusyLoadingError, ConnectionError, TimeoutError

        self.server = server or Server(root)
        self._transient = (BusyLoadingError, ConnectionError, TimeoutError)
        self.started = self.server.ensure()
        try:
            from falkordb import FalkorDB

            self.db = FalkorDB(unix_socket_path=str(self.server.socket))
            self.graph = self.db.select_graph(graph)
        except Exception:
            self.close()
            raise

    def _call(self, method, cypher: str, params: dict | None) -> list[dict]:
        from redis.exceptions import ResponseError

        try:
            result = retry(lambda: method(cypher, params or None), self._transient, f"{self.server.socket}")
        except ResponseError as exc:
            raise StoreError(f"FalkorDB refused the statement: {exc}") from exc
        names = [h[1] if isinstance(h, list | tuple) else h for h in (result.header or [])]
        names = [n.decode() if isinstance(n, bytes) else n for n in names]
        return [dict(zip(names, (_plain(v) for v in row), strict=True)) for row in result.result_set or []]

    def run(self, cypher: str, params: dict | None = None) -> list[dict]:
        return self._call(self.graph.query, cypher, params)

    def run_read(self, cypher: str, params: dict | None = None) -> list[dict]:
        try:
            return self._call(self.graph.ro_query, cypher, params)
        except StoreError as exc:
            if "empty key" not in str(exc):
                raise
        # FalkorDB refuses read-only queries on a graph not created yet; its index creates it.
        self.ensure_schema()
        return self._call(self.graph.ro_query, cypher, params)

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

    def checkpoint(self) -> None:
        """Start a snapshot in the background: one of a large graph takes seconds, and the load is done.

        When one is already being written (a save point, or the load before this one), the server's save
        points write the next within minutes; waiting for it here would hold up every quick load.
        """
        from redis.exceptions import ResponseError

        try:
            retry(lambda: self.db.connection.execute_command("BGSAVE", "SCHEDULE"), self._transient,
                  f"{self.server.socket}")
        except ResponseError as exc:
            if "in progress" not in str(exc):
                raise StoreError(f"{self.server.socket}: the store cannot save a snapshot: {exc}") from exc

    def close(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            with contextlib.suppress(Exception):  # closing a dead connection must not mask the real error
                db.connection.close()
            self.db = None
        if self.started:
            self.server.stop()
            self.started = False

