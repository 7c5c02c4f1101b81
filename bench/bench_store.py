"""The benchmark stages that need a store: link, load beside its floor, canned queries, adding one report."""

from __future__ import annotations

import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FLOOR_BATCHES = (500, 2000, 5000)
CLI_ADDS = 5  # `kg load` adds timed against the running store; their median is reported (a busy machine varies)


def linked_stream(reports):
    """(linked report, seconds spent linking it) for each report: themes, within-report and cross-year links."""
    from kg.link.stage import Linker

    linker = Linker()
    for report in reports:
        started = time.perf_counter()
        linked = linker.link(report)
        yield linked, time.perf_counter() - started


def link_all(reports, keep: Path) -> dict:
    """Link every report, timed alone; the linked reports are kept in `keep` for the load stages."""
    import pickle

    total, links, n = 0.0, 0, 0
    with open(keep, "wb") as handle:
        for linked, seconds in linked_stream(reports):
            total += seconds
            links += len(linked.links)
            n += 1
            pickle.dump(linked, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return {"seconds": total, "reports": n, "links": links}


def _fresh(folder: Path):
    from kg.store.falkordb import FalkorDBStore

    shutil.rmtree(folder, ignore_errors=True)
    return FalkorDBStore(folder)


def load_all(linked_reports, folder: Path, corpus: Path) -> dict:
    """The loader's own write of each linked report (rows, batching, the replace check), timed alone.

    The canned queries and the one-report add run on the same open store: a restart would read the
    store first, which is the server's start-up time, not theirs.
    """
    from kg.load.loader import BatchWriter, graph_counts

    writing = 0.0
    with _fresh(folder) as store:
        store.ensure_schema()
        writer = BatchWriter(store)
        for linked in linked_reports:
            started = time.perf_counter()
            writer.write(linked)
            writing += time.perf_counter() - started
        started = time.perf_counter()
        writer.flush()
        writing += time.perf_counter() - started
        counts = graph_counts(store)
        from stages import peak_rss_mb

        rss = peak_rss_mb()["peak_rss_mb"]
        quiet(store)
        queries = time_queries(store)
        added = add_one(corpus, folder, store)
    added.update(add_one_cold(folder, added.pop("cold_place")))
    return {"seconds": writing, **counts, "load_peak_rss_mb": rss, "queries": queries, "add_one": added}


def _floor_rows(linked):
    from kg.mapping.rows import report_rows

    return report_rows(linked)


def _node_merge(label: str) -> str:
    return f"UNWIND $rows AS row MERGE (n:Resource:{label} {{uri: row.uri}}) SET n += row.props"


def _rel_merge(rel_type: str, keyed: bool) -> str:
    head = "UNWIND $rows AS row MATCH (a:Resource {uri: row.source}) MATCH (b:Resource {uri: row.target}) "
    if keyed:
        return head + f"MERGE (a)-[r:{rel_type} {{uri: row.props.uri}}]->(b) SET r += row.props"
    return head + f"MERGE (a)-[:{rel_type}]->(b)"


def _floor_write(store, reports, batch: int) -> float:
    """Bare batched MERGEs of plain rows: nodes first, then relationships, whenever a batch fills; returns seconds."""
    nodes: dict[str, list] = {}
    rels: dict[tuple, list] = {}
    pending, seconds = 0, 0.0

    def flush():
        nonlocal pending, seconds
        started = time.perf_counter()
        for label, rows in nodes.items():
            for at in range(0, len(rows), batch):
                store.run(_node_merge(label), {"rows": rows[at : at + batch]})
        for (rel_type, keyed), rows in rels.items():
            for at in range(0, len(rows), batch):
                store.run(_rel_merge(rel_type, keyed), {"rows": rows[at : at + batch]})
        seconds += time.perf_counter() - started
        nodes.clear()
        rels.clear()
        pending = 0

    for linked in reports:
        rows = _floor_rows(linked)
        for label, part in rows.nodes.items():
            nodes.setdefault(label, []).extend({"uri": r["uri"], "props": r["props"]} for r in part)
            pending += len(part)
        for rel_type, part in rows.relationships.items():
            for r in part:
                rels.setdefault((rel_type, "uri" in r["props"]), []).append(r)
            pending += len(part)
        if pending >= batch:
            flush()
    flush()
    return seconds


def load_floor(reports_factory, folder: Path) -> dict:
    """The floor at its best batch size (tuned on the first 200 reports), then over every report."""
    from itertools import islice

    from kg.load.loader import graph_counts

    tried = {}
    for batch in FLOOR_BATCHES:
        with _fresh(folder) as store:
            store.ensure_schema()
            tried[batch] = _floor_write(store, islice(reports_factory(), 200), batch)
    best = min(tried, key=tried.get)
    with _fresh(folder) as store:
        store.ensure_schema()
        seconds = _floor_write(store, reports_factory(), best)
        counts = graph_counts(store)
    shutil.rmtree(folder, ignore_errors=True)
    return {"seconds": seconds, "batch": best, "tuning": {str(k): round(v, 3) for k, v in tried.items()}, **counts}


def quiet(store, patience: float = 300.0) -> None:
    """Make what was loaded durable, then wait until the server writes no snapshot: queries are timed on an idle store.

    A snapshot or a rewrite of the log (the server's own, when the log has doubled) falling inside the
    timing forks the server and writes the graph to disk on the second core, which is not the queries' time.
    """
    store.checkpoint()
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        info = store.db.connection.info("persistence")
        if not (info["rdb_bgsave_in_progress"] or info.get("aof_rewrite_in_progress")
                or info.get("aof_rewrite_scheduled")):
            break
        time.sleep(0.2)


def _sample_params(store) -> dict:
    row = store.run_read("MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township) OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County) "
                         "RETURN t.name AS township, c.name AS county, r.year AS year LIMIT 1")[0]
    law = store.run_read("MATCH (l:Law) RETURN l.name AS name LIMIT 1")
    return {**row, "law": law[0]["name"] if law else None}


def time_queries(store, runs: int = 11) -> dict:
    """p50 of each canned query on the loaded store, parameters filled from what the store holds."""
    from kg.queries import load_queries

    out = {}
    sample = _sample_params(store)
    for name, query in sorted(load_queries().items()):
        given = {p: sample[p] for p in query.parameters if sample.get(p) is not None}
        params = query.bind(given)
        store.query(query.text, params)  # the first run compiles the plan
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            store.query(query.text, params)
            samples.append(time.perf_counter() - started)
        out[name] = {"p50_ms": round(statistics.median(samples) * 1000, 1), "params": sorted(given)}
    return out


def _next_years(store, count: int) -> list[dict]:
    """`count` townships of the loaded store with the year after their latest report."""
    rows = store.run_read("MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township)-[:IN_COUNTY]->(c:County) "
                          "WITH t, c, max(r.year) AS year RETURN t.name AS township, c.name AS county, year "
                          "ORDER BY county, township LIMIT $count", {"count": count})
    return [{**row, "year": row["year"] + 1} for row in rows]


def _new_report(folder: Path, place: dict, index: int) -> Path:
    from generate import Plan, lineages, report_text, samples

    pool = samples(str(ROOT / "examples"))
    plan = Plan(10**6 + index, place["township"], place["county"], place["year"], 0, 1)
    path = folder.parent / "add-one" / f"r{plan.index}_{plan.year}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report_text(plan, pool, lineages(pool), 7), encoding="utf-8")
    return path


def _cross_year_links(store, place: dict) -> int:
    prefix = f"https://township-kg.org/id/report/{place['county']}/{place['township']}/{place['year']}/"
    found = store.run_read("MATCH (m:Resource)-[l:FOLLOWS_UP|RECURS]->(:Resource) WHERE m.uri STARTS WITH $p "
                           "RETURN count(l) AS c", {"p": prefix})
    return found[0]["c"] if found else 0


def _kg_load(folder: Path, path: Path) -> float:
    """Wall seconds of a whole `kg load` process for one file: start-up, extraction, linking and the write."""
    import subprocess

    command = [str(Path(sys.executable).parent / "kg"), "load", "--store", str(folder), "--jobs", "1", str(path)]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def add_one(corpus: Path, folder: Path, store) -> dict:
    """Seconds to load one more year of a township already in the loaded store, with its cross-year links.

    `seconds`: `load_paths` in this process (the extraction machinery not yet loaded in it). `cli_seconds`: a
    whole `kg load` process against the running store, as after `kg db start` (the median of CLI_ADDS); `cold_seconds` (see
    `add_one_cold`) also starts the store.
    """
    from kg.load.loader import load_paths

    places = _next_years(store, 2 + CLI_ADDS)
    path = _new_report(folder, places[0], 0)
    started = time.perf_counter()
    summary = load_paths(store, [path], progress=False, jobs=1)
    seconds = time.perf_counter() - started
    cli, growth = [], []
    for index, place in enumerate(places[1:-1], start=1):
        quiet(store)  # a snapshot or rewrite an earlier add started is not this add's work
        before = store.db.connection.info("persistence")["aof_current_size"]
        cli.append(_kg_load(folder, _new_report(folder, place, index)))
        growth.append(store.db.connection.info("persistence")["aof_current_size"] - before)
    return {"seconds": seconds, "reports": summary.reports, "cross_year_links": _cross_year_links(store, places[0]),
            "cli_seconds": statistics.median(cli), "cli_samples": [round(s, 3) for s in cli],
            "cli_cross_year_links": _cross_year_links(store, places[1]), "cold_place": places[-1],
            **compaction(store, statistics.median(growth))}


def compaction(store, growth: float) -> dict:
    """How often an add starts the rewrite of the store's log into a new base, and what the rewrite costs.

    `log_growth_bytes`: what one `kg load` of a report adds to the log (median). `rewrite_seconds`: a rewrite of
    this store's log, start to end (the forked child's work, which no load waits for); `rewrite_start_seconds`:
    the checkpoint that starts one, which is what the load that passes the limit waits for.
    """
    from kg.store import falkordb

    limit = falkordb.LOG_REWRITE_BYTES
    quiet(store)
    started = time.perf_counter()
    store._fork("BGREWRITEAOF", time.monotonic() + 600)
    rewrite = time.perf_counter() - started
    store.run("MERGE (n:Resource {uri: 'bench:compaction'}) SET n.at = timestamp()")
    falkordb.LOG_REWRITE_BYTES = 1  # this checkpoint passes the limit
    try:
        started = time.perf_counter()
        store.checkpoint()
        start = time.perf_counter() - started
    finally:
        falkordb.LOG_REWRITE_BYTES = limit
    store.run("MATCH (n:Resource {uri: 'bench:compaction'}) DELETE n")
    quiet(store)
    return {"log_growth_bytes": round(growth), "adds_per_rewrite": round(limit / growth) if growth else None,
            "rewrite_seconds": rewrite, "rewrite_start_seconds": start}


def add_one_cold(folder: Path, place: dict) -> dict:
    """A whole `kg load` of one report into the stopped store: the store's start-up (reading its files) included."""
    path = _new_report(folder, place, 2)
    seconds = _kg_load(folder, path)
    from kg.store.falkordb import FalkorDBStore

    with FalkorDBStore(folder) as store:
        links = _cross_year_links(store, place)
    return {"cold_seconds": seconds, "cold_cross_year_links": links}
