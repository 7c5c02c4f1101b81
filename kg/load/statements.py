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


OWNED = "(n.uri = $report OR n.uri STARTS WITH $prefix)"
# The report's old relationships go first; their shared ends are returned to check for orphans.
DROP_RELATIONSHIPS = (f"MATCH (n:Resource)-[r]->(m:Resource) WHERE {OWNED} "
                      "WITH r, m.uri AS target DELETE r RETURN DISTINCT target")
DROP_STALE_NODES = f"MATCH (n:Resource) WHERE {OWNED} AND NOT n.uri IN $keep DETACH DELETE n"
REPORT_EXISTS = "MATCH (n:Resource {uri: $report}) RETURN n.uri AS uri LIMIT 1"
ANY_NODE = "MATCH (n:Resource) RETURN n.uri AS uri LIMIT 1"
DROP_ORPHANS = "UNWIND $uris AS u MATCH (n:Resource {uri: u}) WHERE NOT (n)--() DELETE n"
MARK_LOADED = "UNWIND $uris AS u MATCH (n:Resource {uri: u}) SET n.loadedAt = $at"
