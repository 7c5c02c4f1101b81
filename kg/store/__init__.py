"""Graph stores by name: the embedded FalkorDB is the default, Neo4j the one to share; backends import lazily."""

from __future__ import annotations

import os

from kg.errors import StoreError
from kg.store.base import DEFAULT_STORE, DEFAULT_TIMEOUT, Store
import importlib

BACKENDS = {"falkordb": "kg.store.falkordb:FalkorDBStore", "neo4j": "kg.store.neo4j:Neo4jStore"}
ALIASES = {"default": "falkordb", "embedded": "falkordb"}


def backend(name: str) -> type[Store]:
    """The store class registered under `name` (or an alias of it)."""
    target = BACKENDS.get(ALIASES.get(name, name))
    if target is None:
        raise StoreError(f"unknown store {name!r}; choose one of {', '.join([*ALIASES, *BACKENDS])}")
    module, cls = target.split(":")
    return getattr(importlib.import_module(module), cls)


def open_store(neo4j_uri: str | None = None, store_dir: str | os.PathLike = DEFAULT_STORE,
               user: str | None = None, password: str | None = None, database: str | None = None,
               create: bool = True, timeout: float = DEFAULT_TIMEOUT) -> Store:
    """Neo4j at `neo4j_uri` when given, else the embedded store in `store_dir` (started if need be).

    `create=False`: a folder holding no store is a NoStoreError, not an empty graph; `timeout`: seconds
    a read query may run.
    """
    if neo4j_uri:
        return backend("neo4j")(neo4j_uri, user, password, database, timeout=timeout)
    return backend("default")(store_dir, create=create, timeout=timeout)


__all__ = ["ALIASES", "BACKENDS", "DEFAULT_STORE", "Store", "backend", "open_store"]
