"""Removing reports from a store: each report's own nodes, its links and theirs, and shared nodes left alone."""

from __future__ import annotations

from collections.abc import Iterable

from kg.errors import KgError
from kg.ids import report_iri
from kg.load.files import FileIndex
from kg.load.statements import DROP_ORPHANS, DROP_RELATIONSHIPS, DROP_STALE_NODES, REPORT_EXISTS, owned

# A township whose last report went, and then a county whose last township went: a graph that never held
# the report would not have them either.
DROP_EMPTY_TOWNSHIPS = ("UNWIND $uris AS u MATCH (t:Township {uri: u}) WHERE NOT (t)<-[:ABOUT_TOWNSHIP]-() "
                        "DETACH DELETE t")
DROP_LONE_COUNTIES = "MATCH (c:County) WHERE NOT (c)--() DELETE c"


def remove_report(store, report_uri: str) -> list[str]:
    """Take every node and relationship a report owns out of the store, and the shared nodes left alone by it;
    returns the shared nodes it was joined to."""
    ends = drop_owned(store, report_uri)
    prefix = report_uri + "/"
    shared = [uri for uri in ends if uri != report_uri and not uri.startswith(prefix)]
    if shared:
        store.run(DROP_ORPHANS, {"uris": shared})
    return shared


def drop_owned(store, report_uri: str, keep: list[str] | None = None) -> list[str]:
    """Delete a report's relationships and the nodes it owns but for `keep`; returns the ends its relationships had."""
    params = owned(report_uri)
    ends = [row["target"] for cypher in DROP_RELATIONSHIPS for row in store.run(cypher, params)]
    for cypher in DROP_STALE_NODES:
        # DETACH: links other reports made to this one's items go with them.
        store.run(cypher, {**params, "keep": keep or []})
    return ends


def delete_report(store, key: str, index: FileIndex | None = None) -> None:
    """Remove one report by key: its nodes, every relationship to or from them, and orphaned shared nodes;
    and its file from `index` (this machine's record of where the store's files are), when given."""
    report_uri = report_iri(key)
    if not store.run_read(REPORT_EXISTS, {"report": report_uri}):
        raise KgError(f"{key}: no report with this key in the store (kg reports lists them)")
    shared = remove_report(store, report_uri)
    if shared:
        store.run(DROP_EMPTY_TOWNSHIPS, {"uris": shared})
        store.run(DROP_LONE_COUNTIES)
    if index is not None:
        index.remove(key)


def delete_reports(store, keys: Iterable[str]) -> list[str]:
    """Remove every report named; all keys are checked first, so a wrong key removes nothing."""
    keys = list(dict.fromkeys(keys))
    missing = [k for k in keys if not store.run_read(REPORT_EXISTS, {"report": report_iri(k)})]
    if missing:
        raise KgError(f"{', '.join(missing)}: no report with this key in the store (kg reports lists them)")
    index = FileIndex.of(store)
    try:
        for key in keys:
            delete_report(store, key, index)
    finally:
        # An entry left for a key no longer stored is never looked up, and a new load of it replaces it.
        index.save_or_say()
    return keys
