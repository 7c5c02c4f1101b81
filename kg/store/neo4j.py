"""Neo4j over Bolt with the official driver; credentials come from the caller and never reach a message."""

from __future__ import annotations

from pathlib import Path

import neo4j
from neo4j.graph import Node, Path, Relationship

from kg.errors import StatementError, StoreError
from kg.store.base import DEFAULT_TIMEOUT, Store
from kg.store.uris import check_uri, files_index_path, redact  # noqa: F401  redact: re-exported for callers of this backend


def _plain(value):
    """Driver values (nodes, relationships, paths, temporal types) as JSON-ready values."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": {k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, "properties": {k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


class Neo4jStore(Store):
    """A Neo4j database (or anything speaking Bolt and Cypher) at `uri`."""

    name = "neo4j"
    unique_constraints = True

    def __init__(self, uri: str, user: str | None, password: str | None, database: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT):
        # Credentials written in the URI never reach the driver's messages: taken out, used when none were given.
        self.uri, uri_user, uri_password = check_uri(uri)
        user, password = user or uri_user, password if password is not None else uri_password
        self.database = database
        self.timeout = timeout
        auth = (user, password or "") if user else None
        try:
            self.driver = neo4j.GraphDatabase.driver(self.uri, auth=auth, max_transaction_retry_time=15.0)
            self.driver.verify_connectivity()
        except neo4j.exceptions.AuthError:
            raise StoreError(f"{self.uri}: Neo4j refused the user name or password") from None
        except (neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError, ValueError, OSError) as exc:
            # the driver's own message may quote the URI as given, user information and all
            raise StoreError(f"{self.uri}: cannot reach Neo4j ({type(exc).__name__})") from None

    def files_index(self) -> Path:
        return files_index_path(self.uri, self.database)

    def _session(self, read: bool):
        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        return self.driver.session(database=self.database, default_access_mode=mode)

    def _execute(self, read: bool, work):
        if read:  # the server stops a read that runs too long; writes of a load are not cut off half-way
            work = neo4j.unit_of_work(timeout=self.timeout)(work)
        try:
            with self._session(read) as session:
                runner = session.execute_read if read else session.execute_write
                return runner(work)  # retries transient errors and lost connections itself
        except neo4j.exceptions.Neo4jError as exc:
            if "timeout" in (exc.code or "").lower() or "TransactionTimedOut" in (exc.code or ""):
                raise StatementError(f"{self.uri}: the query ran longer than the timeout of {self.timeout:g} s and "
                                     "was stopped (raise the limit with --timeout)") from exc
            if (exc.code or "").startswith("Neo.ClientError."):
                raise StatementError(f"{self.uri}: Neo4j refused the statement: {exc.message or exc.code}") from exc
            raise StoreError(f"{self.uri}: Neo4j refused the statement: {exc.message or exc.code}") from exc
        except neo4j.exceptions.DriverError as exc:
            raise StoreError(f"{self.uri}: {type(exc).__name__}: {exc}") from exc

    @staticmethod
    def _rows(tx, cypher: str, params: dict | None) -> list[dict]:
        result = tx.run(cypher, params or {})
        return [{k: _plain(v) for k, v in record.items()} for record in result]

    def run(self, cypher: str, params: dict | None = None) -> list[dict]:
        return self._execute(False, lambda tx: self._rows(tx, cypher, params))

    def run_read(self, cypher: str, params: dict | None = None) -> list[dict]:
        return self._execute(True, lambda tx: self._rows(tx, cypher, params))

    def run_batch(self, statements: list[tuple[str, dict]]) -> None:
        def work(tx):
            for cypher, params in statements:
                tx.run(cypher, params).consume()

        self._execute(False, work)

    def schema_statements(self) -> list[str]:
        return ["CREATE CONSTRAINT resource_uri IF NOT EXISTS FOR (n:Resource) REQUIRE n.uri IS UNIQUE",
                "CREATE INDEX township_name IF NOT EXISTS FOR (n:Township) ON (n.name)",
                "CREATE INDEX county_name IF NOT EXISTS FOR (n:County) ON (n.name)",
                "CREATE INDEX report_year IF NOT EXISTS FOR (n:Report) ON (n.year)",
                "CREATE INDEX law_name IF NOT EXISTS FOR (n:Law) ON (n.name)",
                "CREATE INDEX campaign_name IF NOT EXISTS FOR (n:Campaign) ON (n.name)",
                "CREATE INDEX metric_indicator IF NOT EXISTS FOR (n:Metric) ON (n.indicator)"]

    def _schema_exists(self, error: Exception) -> bool:
        return "already exists" in str(error).lower()

    def close(self) -> None:
        driver = getattr(self, "driver", None)
        if driver is not None:
            driver.close()
            self.driver = None
