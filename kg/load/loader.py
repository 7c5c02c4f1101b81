"""Reports → a graph store: one report at a time through the pipeline, rows batched at the sink, idempotent.

Each report owns the nodes whose IRI is its own or starts with it (sections, items, mentions,
metrics…) and the relationships that leave them. Loading a report first removes what it owned
and no longer holds, then merges its rows, so a reload leaves no stale node and a second load of
the same files changes nothing. Shared nodes (townships, laws, campaigns…) are merged, never
replaced, and one left with no relationship by a reload goes too.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial

from kg.errors import ReadError, StatementError
from kg.extract.parallel import Aside, workers_for
from kg.ids import report_iri, township_iri
from kg.intake.reports import Intake, iter_located_reports, known_counties
from kg.link.stage import RECENT, Linker
from kg.load.delete import delete_report, drop_owned, remove_report
from kg.load.files import FileIndex
from kg.load.identity import merged, read_under_county, stale_reports, stored_counties
from kg.load.statements import (
    ANY_NODE, DROP_ORPHANS, MARK_LOADED, REPORT_EXISTS, new_node_statement,
    node_statement, relationship_statement,
)
from kg.load.stored import located, read_again
from kg.mapping.rows import URI, GraphRows, report_rows
from kg.model import Report
from kg.read import iter_report_files
from kg.store.base import Store
from kg.text.printable import text_name
from tqdm import tqdm

# Rows pending before a flush: measured at 1,000/2,000/5,000 on the embedded store, 5,000 cost a third less
# store time than 1,000 (fewer statements, and shared nodes cited by many reports in the batch merged once).
BATCH_ROWS = 5000


@dataclass
class LoadSummary(Intake):
    """What a load did: reports written, rows merged, and each file's fate (the lists of Intake)."""

    reports: int = 0
    nodes: int = 0
    relationships: int = 0


# ---------------------------------------------------------------- values the store can hold

INT_RANGE = (-(2**63), 2**63 - 1)  # both stores hold 64-bit integers; FalkorDB clamps a larger one silently


def storable(value):
    """`value` as the store can hold it unchanged: a number beyond its range is kept as text, never clamped."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if INT_RANGE[0] <= value <= INT_RANGE[1] else str(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, str):
        return _storable_text(value)
    if isinstance(value, list | tuple):
        return [storable(v) for v in value]
    return value


def _storable_text(text: str) -> str:
    if "\x00" in text:  # a NUL ends a string in the store's protocol; it is never meant as text
        text = text.replace("\x00", "\ufffd")
    return text_name(text)  # lone surrogates (a file name that is not UTF-8) cannot be sent


def storable_rows(rows: GraphRows) -> GraphRows:
    """Every row's values made storable, in place."""
    for part in rows.nodes.values():
        for row in part:
            row[URI] = storable(row[URI])
            row["props"] = {k: storable(v) for k, v in row["props"].items()}
    for part in rows.relationships.values():
        for row in part:
            row["source"], row["target"] = storable(row["source"]), storable(row["target"])
            row["props"] = {k: storable(v) for k, v in row["props"].items()}
    return rows


# ---------------------------------------------------------------- one report

def report_statements(rows: GraphRows, report_uri: str, batch: int = BATCH_ROWS) -> list[tuple[str, dict]]:
    """Statements that write one report's rows: nodes by label, then relationships by type, in chunks."""
    prefix = report_uri + "/"
    statements = []
    for label, nodes in sorted(rows.nodes.items()):
        for owned in (True, False):
            part = [r for r in nodes if (r[URI] == report_uri or r[URI].startswith(prefix)) == owned]
            statements += [(node_statement(label, owned), {"rows": c}) for c in _chunks(part, batch)]
    for rel_type, rels in sorted(rows.relationships.items()):
        for keyed in (True, False):
            part = [r for r in rels if (URI in r["props"]) == keyed]
            statements += [(relationship_statement(rel_type, keyed), {"rows": c}) for c in _chunks(part, batch)]
    return statements


def _chunks(rows: list, size: int):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def write_report(store: Store, report: Report, batch: int = BATCH_ROWS) -> GraphRows:
    """Replace one report's subgraph in the store with its current rows."""
    rows = storable_rows(report_rows(report))
    report_uri = report_iri(report.key)
    prefix = report_uri + "/"
    keep = sorted(r[URI] for nodes in rows.nodes.values() for r in nodes)
    ends = []
    if store.run_read(REPORT_EXISTS, {"report": report_uri}):  # a new report has nothing to drop
        ends = drop_owned(store, report_uri, keep)
    statements = report_statements(rows, report_uri, batch)
    group, size = [], 0
    for cypher, params in statements:
        group.append((cypher, params))
        size += len(params["rows"])
        if size >= batch:
            store.run_batch(group)
            group, size = [], 0
    if group:
        store.run_batch(group)
    shared_ends = [u for u in ends if u != report_uri and not u.startswith(prefix)]
    if shared_ends:
        store.run(DROP_ORPHANS, {"uris": shared_ends})
    return rows


def write_report_or_remove(store: Store, report: Report, batch: int) -> GraphRows:
    """`write_report`, or, when the store refuses its rows, none of it: no half-written report stays."""
    try:
        return write_report(store, report, batch)
    except StatementError:
        remove_report(store, report_iri(report.key))
        raise


class BatchWriter:
    """New reports' rows gathered into one `UNWIND` per label and type; a report already stored is replaced alone.

    Rows wait until `batch` of them are pending or `flush()` is called; `pending(county, township,
    year)` gives the waiting reports, which a cross-year lookup must see although the store does not yet.
    """

    def __init__(self, store: Store, batch: int = BATCH_ROWS):
        self.store, self.batch = store, batch
        self.nodes: dict[tuple[str, bool], dict[str, dict]] = {}
        self.rels: dict[tuple[str, bool], dict] = {}
        self.reports: dict[str, Report] = {}
        self.size = 0
        #: reports the store refused, each with its error; the caller takes them off
        self.failed: list[tuple[Report, ReadError]] = []
        # In a store that was empty when this writer began, every node is one it wrote: a report not written
        # through it cannot be there, and the existence read (a round trip per report) is skipped.
        self.was_empty = not store.run_read(ANY_NODE)
        self.written: set[str] = set()

    def write(self, report: Report) -> GraphRows | None:
        """Queue (or write) one report's rows; None when the store refused them (then it is in `failed`)."""
        key = report.key
        report_uri = report_iri(key)
        if key in self.reports:
            self.flush()
        # The replace must see the store as it would be had every earlier report been written alone.
        maybe_stored = not self.was_empty or key in self.written
        if maybe_stored and self.store.run_read(REPORT_EXISTS, {"report": report_uri}):
            self.flush()
            return self._alone(report)
        rows = storable_rows(report_rows(report))
        prefix = report_uri + "/"
        for label, part in rows.nodes.items():
            for row in part:
                owned = row[URI] == report_uri or row[URI].startswith(prefix)
                held = self.nodes.setdefault((label, owned), {})
                if not owned and row[URI] in held:  # later values win, as with one `SET +=` after another
                    row = {URI: row[URI], "props": {**held[row[URI]]["props"], **row["props"]}}
                held[row[URI]] = row
        for rel_type, part in rows.relationships.items():
            for row in part:
                keyed = URI in row["props"]
                ident = row["props"][URI] if keyed else (row["source"], row["target"])
                self.rels.setdefault((rel_type, keyed), {})[ident] = row
        self.reports[key] = report
        self.written.add(key)
        self.size += rows.node_count() + rows.relationship_count()
        if self.size >= self.batch:
            self.flush()
        return rows

    def pending(self, county: str | None, township: str | None, year: int) -> list[Report]:
        return [r for r in self.reports.values()
                if (r.header.county, r.header.township, r.header.year) == (county, township, year)]

    def flush(self) -> None:
        """Write every pending row: nodes first, so that relationships between them need only match their ends."""
        statements = []
        for (label, owned), rows in sorted(self.nodes.items()):
            statements += [(new_node_statement(label, owned), {"rows": c})
                           for c in _chunks(list(rows.values()), self.batch)]
        here = {uri for rows in self.nodes.values() for uri in rows}
        for (rel_type, keyed), rows in sorted(self.rels.items()):
            # An end outside this flush (an item of a stored report a link points to) may be missing: merged, as alone.
            inside, outside = [], []
            for row in rows.values():
                (inside if row["source"] in here and row["target"] in here else outside).append(row)
            statements += [(relationship_statement(rel_type, keyed, ends_known=True), {"rows": c})
                           for c in _chunks(inside, self.batch)]
            statements += [(relationship_statement(rel_type, keyed), {"rows": c}) for c in _chunks(outside, self.batch)]
        pending = list(self.reports.values())
        self.nodes, self.rels, self.reports, self.size = {}, {}, {}, 0
        try:
            for statement in statements:
                self.store.run_batch([statement])
        except StatementError:
            # One report's rows were refused: write each alone, so that only that report fails.
            for report in pending:
                self._alone(report)
            failed = [self._uri(report) for report, _ in self.failed]
            for uri in failed:  # a later report's link may have merged a bare end of it again
                remove_report(self.store, uri)

    def _alone(self, report: Report) -> GraphRows | None:
        try:
            return write_report_or_remove(self.store, report, self.batch)
        except StatementError as exc:
            self.failed.append((report, ReadError(report.source.path, f"not loaded: {exc}")))
            return None

    @staticmethod
    def _uri(report: Report) -> str:
        return report_iri(report.key)


# ---------------------------------------------------------------- many reports

def _store_lookup(store: Store, linker: Linker, warnings: list[str], gone: set[str], pending, reread, index):
    """The adjacent years' reports of a township in the store, or in the writer's batch about to be."""
    def lookup(county, township, year):
        found = stored_reports(store, county, township, year, linker.recent, warnings, gone, reread, index)
        keys = {r.key for r in found}
        return found + [r for r in pending(county, township, year) if r.key not in keys]
    return lookup


STORED_REPORTS = ("MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Resource {uri: $township}) WHERE r.year = $year "
                  "RETURN r.key AS key, r.sourceFile AS path, r.sha256 AS sha256, t.name AS township "
                  "ORDER BY path")


def stored_reports(store: Store, county: str | None, township: str | None, year: int,
                   recent: dict | None = None, warnings: list[str] | None = None,
                   gone: set[str] | None = None, reread=None, index: FileIndex | None = None) -> list[Report]:
    """The reports the store holds for a township and year: just loaded (`recent`, by key), else read again.

    `reread(row, county, year)` extracts one again (default `read_again`, here), from where `index`
    (this machine's, else the store's own) says its file is. A file that can no longer be read, or
    changed since it was loaded, gives no report and one line in `warnings` (once per file in `gone`):
    its links are lost, the load goes on.
    """
    if not township:
        return []
    gone = set() if gone is None else gone
    found = []
    for row in store.run_read(STORED_REPORTS, {"township": township_iri(township, county), "year": year}):
        if recent is not None and row["key"] in recent:
            found.append(recent[row["key"]])
            continue
        if row["key"] in gone:
            continue
        if index is None:
            index = FileIndex.of(store)
        try:
            found.append((reread or read_again)(located(row, index), county, year))
        except ReadError as exc:
            gone.add(row["key"])
            if warnings is not None:
                warnings.append(f"{text_name(exc.path)}: the {year} report of {township} in the store {exc.reason}; "
                                "no links to it from this load")
    return found


def load_paths(store: Store, paths: Iterable[str | os.PathLike], batch: int = BATCH_ROWS,
               progress: bool | None = None, jobs: int | None = 1, hints_for=None) -> LoadSummary:
    """Load every report under `paths` through the same intake as `kg extract`; a failed file is noted, the rest go on.

    `hints_for(path)` gives a file's stated township, county and year (options or a manifest). A second
    copy of a report is dropped, naming the one kept. `jobs` worker processes extract the files (None:
    all cores); the store is written from this one.
    """

    found = list(iter_report_files(paths))
    files = [path for path, _name in found]
    names = {str(path): name for path, name in reversed(found)}  # a file reached twice: its first name
    # With workers extracting, this process only writes: a stored report it must read again goes to a worker too.
    aside = Aside(enabled=workers_for(jobs, len(files)) > 1)
    reread = partial(aside.call, read_again)
    gone: set[str] = set()
    store.ensure_schema()
    index = FileIndex.of(store)
    summary = LoadSummary()
    counties, rekeyed = _join_stored_townships(store, files, hints_for, workers_for(jobs, len(files)), index,
                                               summary.warnings)
    loaded: list[str] = []
    show = sys.stderr.isatty() or len(files) >= 200 if progress is None else progress
    bar = tqdm(total=len(files), unit="report", file=sys.stderr, disable=not show, leave=False)
    writer = BatchWriter(store, batch)
    linker = Linker(keep=RECENT)
    linker.lookup = _store_lookup(store, linker, summary.warnings, gone, writer.pending, reread, index)
    counts: dict[str, tuple[int, int]] = {}
    given: dict[str, str] = {}  # report key → its file as given, for messages

    def take_failures() -> None:
        """Reports the store refused: named in the errors, out of the counts and of the cross-year lookups."""
        for failed, error in writer.failed:
            summary.errors.append(ReadError(given.get(failed.key, error.path), error.reason))
            nodes, relationships = counts.pop(failed.key, (0, 0))
            summary.reports -= 1
            summary.nodes -= nodes
            summary.relationships -= relationships
            linker.forget(failed.key)
            index.remove(failed.key)
        writer.failed.clear()

    try:
        for path, report in iter_located_reports(files, summary, hints_for, jobs, counties, names):
            index.put(report.key, path, report.source.sha256)
            given[report.key] = path
            summary.reports += 1
            rows = writer.write(linker.link(report))
            loaded.append(report.key)
            if rows is not None:
                counts[report.key] = (rows.node_count(), rows.relationship_count())
                summary.nodes += rows.node_count()
                summary.relationships += rows.relationship_count()
            else:
                counts[report.key] = (0, 0)
            take_failures()
            bar.update(summary.reports + len(summary.errors) + len(summary.duplicates) - bar.n)
        for old_key, report, location in rekeyed:  # stored before their county was known: written again under it
            if report.key not in loaded:
                writer.flush()
                delete_report(store, old_key, index)
                index.put(report.key, location, report.source.sha256)
                writer.write(linker.link(report))
                loaded.append(report.key)
                summary.warnings.append(f"{report.source.path}: {report.header.township} is now placed in "
                                        f"{report.header.county}, named by another report; key {old_key} → {report.key}")
        writer.flush()
        take_failures()
        _mark_loaded(store, loaded)
        store.checkpoint()
    except BaseException:
        index.save_or_say()  # the reports written so far can be found again; the load's own error is the one to tell
        raise
    finally:
        aside.close()
        bar.close()
    unsaved = index.save_or_say()
    if unsaved:
        summary.warnings.append(unsaved)
    return summary


def _join_stored_townships(store: Store, files: list[str], hints_for, jobs: int, index: FileIndex,
                           warnings: list[str]):
    """(township → counties, from these files and the store; stored reports to write again under their county).

    A stored report whose township had no county and now has exactly one is returned with its old key,
    read again under the county, and its file; one whose file is gone or changed stays as it is, named in
    `warnings`. The old one leaves the store only when the new one is written, so a load that stops early
    loses nothing.
    """
    in_load = known_counties(files, hints_for, jobs)
    counties = merged(in_load, stored_counties(store))
    rekeyed = []
    for stale in stale_reports(store, counties, in_load, index):
        try:
            place, report = read_under_county(stale, counties)
        except ReadError as exc:
            warnings.append(f"{text_name(exc.path)}: the stored report {stale.key} {exc.reason}; it keeps its key")
            continue
        if report.header.county:
            rekeyed.append((stale.key, report, place))
    return counties, rekeyed


def _mark_loaded(store: Store, keys: list[str]) -> None:
    at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for chunk in _chunks([report_iri(key) for key in keys], BATCH_ROWS):
        store.run(MARK_LOADED, {"uris": chunk, "at": at})


def graph_counts(store: Store) -> dict[str, int]:
    """Nodes, relationships and property values in the store: what two equal loads must agree on."""
    nodes = store.run_read("MATCH (n) RETURN count(n) AS c")[0]["c"]
    rels = store.run_read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    node_props = store.run_read("MATCH (n) UNWIND keys(n) AS k RETURN count(k) AS c")[0]["c"]
    rel_props = store.run_read("MATCH ()-[r]->() UNWIND keys(r) AS k RETURN count(k) AS c")[0]["c"]
    return {"nodes": nodes, "relationships": rels, "properties": node_props + rel_props}
