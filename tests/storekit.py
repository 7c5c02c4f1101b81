"""Stores for the contract tests: the embedded FalkorDB, the Neo4j backend over its Bolt port, real Neo4j."""

from __future__ import annotations

import os

import pytest

from kg.store.falkordb import FalkorDBStore
from kg.store.neo4j import Neo4jStore

BACKENDS = ["falkordb", "neo4j-bolt", pytest.param("neo4j", marks=pytest.mark.neo4j)]


class BoltOnFalkorDB(Neo4jStore):
    """The Neo4j backend against FalkorDB's Bolt port: its driver path is tested, schema statements aside."""

    def ensure_schema(self) -> None:
        pass  # FalkorDB has no constraints; its index comes from FalkorDBStore.schema_statements


    def close(self) -> None:
        pass  # one driver for the run: FalkorDB's Bolt listener refuses every other new connection


_bolt: dict[int, BoltOnFalkorDB] = {}


def open_backend(kind: str, server, graph: str):
    if kind == "falkordb":
        return FalkorDBStore(server=server, graph=graph)
    if kind == "neo4j-bolt":
        port = int(server.module_args[1])
        if port not in _bolt:
            _bolt[port] = BoltOnFalkorDB(f"bolt://127.0.0.1:{port}", None, None)
        _bolt[port].database = graph
        _bolt[port].run("MATCH (n) DETACH DELETE n")  # its Bolt layer may serve one graph whatever the name
        return _bolt[port]
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("NEO4J_URI is not set")
    store = Neo4jStore(uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD"))
    store.run("MATCH (n) DETACH DELETE n")
    return store


def dump(store) -> tuple[list, list]:
    """Every node (labels, properties) and relationship (type, ends, properties), sorted: a graph to compare."""
    nodes = store.run_read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = store.run_read("MATCH (a)-[r]->(b) RETURN a.uri AS a, type(r) AS type, b.uri AS b, properties(r) AS props")
    key = lambda row: repr(sorted((k, repr(v)) for k, v in row.items()))  # noqa: E731
    for row in nodes:
        row["labels"] = sorted(row["labels"])
        row["props"].pop("loadedAt", None)  # when a report was written differs between two equal loads
    return sorted(nodes, key=key), sorted(rels, key=key)
