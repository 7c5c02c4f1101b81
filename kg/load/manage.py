"""What a store holds, report by report: listing, deleting, and the counties its townships are known in."""

from __future__ import annotations

from collections.abc import Iterable

from kg.errors import KgError
from kg.mapping.rdf import report_iri
from kg.store.base import Store

LIST_REPORTS = (
    "MATCH (r:Report) OPTIONAL MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township) OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County) "
    "RETURN t.name AS township, c.name AS county, r.year AS year, r.sourceFile AS file, r.key AS key, "
    "r.loadedAt AS loaded ORDER BY county, township, year, key"
)
KNOWN_COUNTIES = "MATCH (t:Township)-[:IN_COUNTY]->(c:County) RETURN t.name AS township, c.name AS county"
WITHOUT_COUNTY = (
    "MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township {name: $township}) WHERE NOT (t)-[:IN_COUNTY]->(:County) "
    "RETURN r.key AS key, r.sourceFile AS path, r.sourceLocation AS location, r.year AS year, t.name AS township "
    "ORDER BY year, key"
)
EXISTING = "UNWIND $uris AS u MATCH (r:Report {uri: u}) RETURN r.key AS key"
# Everything a report owns (its IRI and those under it), the relationships into it from other reports'
# items (links) included; shared nodes left with no relationship go after it.
DROP_OWNED = ("MATCH (n:Resource) WHERE n.uri = $report OR n.uri STARTS WITH $prefix "
              "OPTIONAL MATCH (n)-[]->(m:Resource) WITH n, collect(DISTINCT m.uri) AS ends DETACH DELETE n "
              "RETURN ends")
DROP_ORPHANS = "UNWIND $uris AS u MATCH (n:Resource {uri: u}) WHERE NOT (n)--() DELETE n"
DROP_EMPTY_TOWNSHIPS = ("UNWIND $uris AS u MATCH (t:Township {uri: u}) WHERE NOT ()-[:ABOUT_TOWNSHIP]->(t) "
                        "OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County) WITH t, collect(c.uri) AS counties DETACH DELETE t "
                        "RETURN counties")


def list_reports(store: Store) -> list[dict]:
    """Every report in the store: township, county, year, file, key and when it was loaded."""
    return store.run_read(LIST_REPORTS)


def store_counties(store: Store) -> dict[str, frozenset[str]]:
    """Township name → the counties the store holds a township of that name in."""
    seen: dict[str, set[str]] = {}
    for row in store.run_read(KNOWN_COUNTIES):
        seen.setdefault(row["township"], set()).add(row["county"])
    return {town: frozenset(counties) for town, counties in seen.items()}


def reports_without_county(store: Store, township: str) -> list[dict]:
    """The stored reports of `township` filed under no county, as rows a re-read takes."""
    return store.run_read(WITHOUT_COUNTY, {"township": township})


def delete_reports(store: Store, keys: Iterable[str]) -> list[str]:
    """Remove each report, what it owns and the links into it; a key the store lacks is an error naming it."""
    keys = list(dict.fromkeys(keys))
    uris = {key: str(report_iri(key)) for key in keys}
    found = {row["key"] for row in store.run_read(EXISTING, {"uris": list(uris.values())})}
    missing = [key for key in keys if key not in found]
    if missing:
        raise KgError(f"no report with key {'、'.join(missing)} in the store (kg reports lists them)")
    for key in keys:
        drop_report(store, uris[key])
    return keys


def drop_report(store: Store, uri: str) -> None:
    """One report's subgraph out of the store; its township and county go too when no report is left in them."""
    rows = store.run(DROP_OWNED, {"report": uri, "prefix": uri + "/"})
    ends = sorted({end for row in rows for end in row["ends"] or () if end != uri and not end.startswith(uri + "/")})
    if not ends:
        return
    counties = [c for row in store.run(DROP_EMPTY_TOWNSHIPS, {"uris": ends}) for c in row["counties"] or ()]
    store.run(DROP_ORPHANS, {"uris": ends + counties})
