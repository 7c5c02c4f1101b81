"""The store interface: run parameterized Cypher, get rows as dicts; the backends differ only in schema."""

from __future__ import annotations

import re
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path

from kg.errors import QueryError, StoreError

DEFAULT_STORE = ".kg"  # the embedded store's folder, under the working directory

DEFAULT_TIMEOUT = 30.0  # seconds a read query may run

# Clauses that change a graph; a read query must hold none of them outside strings and comments.
_WRITE = re.compile(r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\s+CSV|FOREACH)\b", re.IGNORECASE)
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)


def refuse_writes(cypher: str) -> None:
    """Raise QueryError when `cypher` holds a write clause; the backends refuse writes again in read mode."""
    found = _WRITE.search(_STRINGS.sub(" ", cypher))
    if found:
        raise QueryError(f"only read queries are allowed here; found {found.group(1).upper()}")


def retry(action: Callable, transient: tuple[type[BaseException], ...], what: str, attempts: int = 4):
    """Run `action`, again after a short wait when it fails in a way that may pass."""
    for attempt in range(attempts):
        try:
            return action()
        except transient as exc:
            if attempt == attempts - 1:
                raise StoreError(f"{what}: {exc}") from exc
            time.sleep(0.2 * 2**attempt)
    raise AssertionError("unreachable")


class Store(ABC):
    """A graph store holding the knowledge graph; `with store:` closes it (and stops a server it started)."""

    name = "store"
    #: a unique constraint keeps `uri` unique in the store itself (else only the MERGE does)
    unique_constraints = False

    @abstractmethod
    def run(self, cypher: str, params: dict | None = None) -> list[dict]:
        """Run one statement in its own transaction and return its rows."""

    @abstractmethod
    def run_read(self, cypher: str, params: dict | None = None) -> list[dict]:
        """Run one statement the store executes in read-only mode."""

    @abstractmethod
    def run_batch(self, statements: list[tuple[str, dict]]) -> None:
        """Run statements in one transaction where the backend has them, retrying transient errors."""

    @abstractmethod
    def schema_statements(self) -> list[str]:
        """Statements that make `uri` a fast (and, where supported, unique) key of `Resource` nodes."""

    @abstractmethod
    def _schema_exists(self, error: Exception) -> bool:
        """True when `error` only says the index or constraint is already there."""

    def ensure_schema(self) -> None:
        for statement in self.schema_statements():
            try:
                self.run(statement)
            except StoreError as exc:
                if not self._schema_exists(exc.__cause__ or exc):
                    raise

    def files_index(self) -> Path | None:
        """Where this machine keeps the store's report files (kg.load.files), outside the graph; None: nowhere."""
        return None

    def checkpoint(self) -> None:
        """Make what was written durable now, where the backend does not on every commit."""

    def close(self) -> None:
        """Release connections; a server this store started is stopped."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def query(self, cypher: str, params: dict | None = None) -> list[dict]:
        """A read query: refused when it holds a write clause, then run read-only."""
        refuse_writes(cypher)
        return self.run_read(cypher, params)
