"""The Cypher a load writes with: node and relationship merges built from ontology names, and the drops
that keep one report's subgraph its own. The only Cypher the loader makes; every value goes in as a parameter."""

from __future__ import annotations

import re

from kg.errors import OntologyError

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _name(name: str) -> str:
    """A label or type for Cypher text; they come from the ontology, but text is never trusted blindly."""
    if not _NAME.match(name):
        raise OntologyError(f"{name!r} cannot be a label or relationship type")
    return name


def node_statement(label: str, owned: bool) -> str:
    # A node the report owns takes exactly its new properties; a shared node keeps what others set.
    assign = "=" if owned else "+="
    return (f"UNWIND $rows AS row MERGE (n:Resource {{uri: row.uri}}) "
            f"SET n {assign} row.props SET n:{_name(label)}")


def new_node_statement(label: str, owned: bool) -> str:
    # Both labels in the MERGE: adding a label to a matched node costs FalkorDB several times the merge.
    # Only for reports not in the store, whose nodes exist, if at all, with both labels already.
    assign = "=" if owned else "+="
    return f"UNWIND $rows AS row MERGE (n:Resource:{_name(label)} {{uri: row.uri}}) SET n {assign} row.props"


def relationship_statement(rel_type: str, keyed: bool, ends_known: bool = False) -> str:
    # MATCH is cheaper, and right only where both ends are known to be in the store already.
    find = "MATCH" if ends_known else "MERGE"
    head = f"UNWIND $rows AS row {find} (a:Resource {{uri: row.source}}) {find} (b:Resource {{uri: row.target}}) "
    if keyed:  # a relationship made from a kg:Relation node: one per IRI, many may join the same pair
        return head + f"MERGE (a)-[r:{_name(rel_type)} {{uri: row.props.uri}}]->(b) SET r = row.props"
    return head + f"MERGE (a)-[:{_name(rel_type)}]->(b)"


# A report owns its node and the nodes whose IRI starts with its own and "/". The prefix is written as a
# range, which the uri index serves (FalkorDB scans every node for STARTS WITH: 0.2 s against 1 ms at 10,000
# reports); "0" follows "/". The report's node is matched apart: FalkorDB 4.16 answers `=` OR a range
# over the index with nodes that match neither.
OWNED = ("n.uri = $report", "n.uri >= $prefix AND n.uri < $beyond")


def owned(report_uri: str) -> dict:
    """The parameters of the statements that select what a report owns."""
    return {"report": report_uri, "prefix": report_uri + "/", "beyond": report_uri + "0"}


# The report's old relationships go first; their shared ends are returned to check for orphans.
DROP_RELATIONSHIPS = tuple(f"MATCH (n:Resource)-[r]->(m:Resource) WHERE {where} "
                           "WITH r, m.uri AS target DELETE r RETURN DISTINCT target" for where in OWNED)
DROP_STALE_NODES = tuple(f"MATCH (n:Resource) WHERE {where} AND NOT n.uri IN $keep DETACH DELETE n"
                         for where in OWNED)
REPORT_EXISTS = "MATCH (n:Resource {uri: $report}) RETURN n.uri AS uri LIMIT 1"
ANY_NODE = "MATCH (n:Resource) RETURN n.uri AS uri LIMIT 1"
DROP_ORPHANS = "UNWIND $uris AS u MATCH (n:Resource {uri: u}) WHERE NOT (n)--() DELETE n"
MARK_LOADED = "UNWIND $uris AS u MATCH (n:Resource {uri: u}) SET n.loadedAt = $at"
