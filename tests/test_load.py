"""The loader on a real embedded store: rows equal triples, idempotent loads, clean reloads, interrupted loads."""

from __future__ import annotations

import os
import shutil
import signal

import pytest
from rdflib import RDF, Literal, URIRef
from storekit import dump, open_backend

from kg.errors import StoreError
from oracle_graphrows import graph_rows, value_of
import kg.load.loader as load_module
from kg.load.loader import graph_counts, load_paths, write_report
from kg.extract.report import extract_path
from kg.mapping.rdf import report_graph
from kg.store.falkordb import FalkorDBStore
from kg.ontology import KG, NAMESPACE, is_functional

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "examples")


@pytest.fixture
def store(falkordb_server, graph_name):
    with FalkorDBStore(server=falkordb_server, graph=graph_name) as store:
        yield store


def _report(name="yunxiu_2023.txt"):
    from kg.link import link_report

    return link_report(extract_path(os.path.join(EXAMPLES, name)).report)


def _triples_from_store(store) -> set:
    """Read the store back into triples by the ontology's mapping, the inverse of tests/oracle_graphrows.py."""
    triples = set()

    def props(subject, values):
        for key, value in values.items():
            if key in ("uri", "relClass"):
                continue
            for item in value if not is_functional(KG[key]) else [value]:
                triples.add((subject, URIRef(NAMESPACE + key), item))

    for row in store.run_read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"):
        subject = URIRef(row["props"]["uri"])
        for label in row["labels"]:
            if label != "Resource":
                triples.add((subject, RDF.type, KG[label]))
        props(subject, row["props"])
    query = "MATCH (a)-[r]->(b) RETURN a.uri AS a, type(r) AS type, b.uri AS b, properties(r) AS props"
    prop_of = {"_".join(_snake(t)).upper(): t for t in _object_properties()}
    for row in store.run_read(query):
        prop = URIRef(NAMESPACE + prop_of[row["type"]])
        a, b = URIRef(row["a"]), URIRef(row["b"])
        triples.add((a, prop, b))
        if "uri" in row["props"]:
            node = URIRef(row["props"]["uri"])
            triples |= {(node, RDF.type, KG[row["props"]["relClass"]]), (node, KG.relSource, a),
                        (node, KG.relTarget, b), (node, KG.relProperty, prop)}
            props(node, row["props"])
    return triples


def _snake(name):
    import re

    return re.split(r"(?<=[a-z0-9])(?=[A-Z])", name)


def _object_properties():
    from rdflib import OWL

    from kg.ontology import local_name, ontology

    return [local_name(p) for p in ontology().subjects(RDF.type, OWL.ObjectProperty)]


def test_store_rows_equal_the_triples(store):
    report = _report()
    graph = report_graph(report)
    write_report(store, report)
    expected = {(s, p, Literal(value_of(o)).toPython() if isinstance(o, Literal) else o) for s, p, o in graph}
    found = {(s, p, o.toPython() if isinstance(o, Literal) else o) for s, p, o in _triples_from_store(store)}
    assert found == expected
    rows = graph_rows(graph)
    assert graph_counts(store)["nodes"] == rows.node_count()
    assert graph_counts(store)["relationships"] == rows.relationship_count()


def test_loading_twice_changes_nothing(store):
    first = load_paths(store, [EXAMPLES], progress=False)
    assert first.reports == 6 and not first.errors
    counts, graph = graph_counts(store), dump(store)
    load_paths(store, [EXAMPLES], progress=False)
    assert graph_counts(store) == counts
    assert dump(store) == graph


def test_reloading_an_edited_report_leaves_no_stale_nodes(store, tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("*.md"))
    load_paths(store, [folder], progress=False)
    edited = folder / "yunxiu_2023.txt"
    text = edited.read_text(encoding="utf-8")
    cut = text.index("三、")  # drop everything from the third section on: its shortcomings and plans go
    edited.write_text(text[:cut], encoding="utf-8")
    load_paths(store, [folder], progress=False)

    clean_name = store.graph.name + "_clean"
    with FalkorDBStore(server=store.server, graph=clean_name) as clean:
        load_paths(clean, [folder], progress=False)
        assert dump(store) == dump(clean)
    laws = store.query("MATCH (l:Law) RETURN count(l) AS c")[0]["c"]
    assert laws > 0  # shared nodes other reports cite stay


@pytest.mark.parametrize("flush_between", [False, True], ids=["still-pending", "flushed"])
def test_a_report_written_again_through_the_same_writer_is_replaced(store, tmp_path, flush_between):
    # A writer that began on an empty store skips the existence read only for reports it has not written.
    from kg.link import link_report
    from kg.load.loader import BatchWriter

    edited = tmp_path / "yunxiu_2023.txt"
    text = open(os.path.join(EXAMPLES, "yunxiu_2023.txt"), encoding="utf-8").read()
    edited.write_text(text[: text.index("三、")], encoding="utf-8")
    full, cut = _report(), link_report(extract_path(str(edited)).report)
    assert full.key == cut.key and len(cut.shortcomings) < len(full.shortcomings)
    writer = BatchWriter(store, batch=100_000)
    writer.write(full)
    if flush_between:
        writer.flush()
    writer.write(cut)
    writer.flush()
    with FalkorDBStore(server=store.server, graph=store.graph.name + "_clean") as clean:
        write_report(clean, cut)
        assert dump(store) == dump(clean)


class KilledMidLoad(FalkorDBStore):
    """The real store, whose server is killed outright before its fourth write batch."""

    batches = 0

    def run_batch(self, statements):
        KilledMidLoad.batches += 1
        if KilledMidLoad.batches == 4:
            # Saved first so that the run's other graphs survive: this server keeps no AOF (see conftest).
            self.db.connection.save()
            os.kill(self.server.pid(), signal.SIGKILL)
            self.server.process.wait()
        return super().run_batch(statements)


def test_an_interrupted_load_then_a_rerun_gives_the_clean_graph(falkordb_server, graph_name):
    with KilledMidLoad(server=falkordb_server, graph=graph_name) as broken:
        with pytest.raises(StoreError):
            load_paths(broken, [EXAMPLES], batch=50, progress=False)
    falkordb_server.ensure()  # the session server again, from what it had saved
    with FalkorDBStore(server=falkordb_server, graph=graph_name) as rerun:
        load_paths(rerun, [EXAMPLES], progress=False)
        with FalkorDBStore(server=falkordb_server, graph=graph_name + "_clean") as clean:
            load_paths(clean, [EXAMPLES], progress=False)
            assert dump(rerun) == dump(clean)


def _read_again_noting_the_process(row, county, year):
    """kg.load.read_again, leaving the id of the process it ran in beside the test's files."""
    with open(os.environ["KG_TEST_PIDS"], "a", encoding="utf-8") as out:
        out.write(f"{os.getpid()}\n")
    return _real_read_again(row, county, year)


_real_read_again = load_module.read_again


def test_neighbours_no_longer_in_memory_are_read_again_by_a_worker_and_link_the_same(
        falkordb_server, graph_name, tmp_path, monkeypatch):
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("bench_generate", os.path.join(EXAMPLES, "..", "bench", "generate.py"))
    generator = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_generate", generator)
    spec.loader.exec_module(generator)
    generator.generate(tmp_path / "corpus", 40, seed=5)
    # Nothing kept from this load and every report flushed at once: each adjacent year in the store is extracted again.
    monkeypatch.setattr(load_module, "RECENT", 0)
    monkeypatch.setattr(load_module, "read_again", _read_again_noting_the_process)
    graphs, readers = [], []
    for jobs in (1, 2):
        pids = tmp_path / f"pids-{jobs}"
        pids.touch()
        monkeypatch.setenv("KG_TEST_PIDS", str(pids))
        with FalkorDBStore(server=falkordb_server, graph=f"{graph_name}_{jobs}") as store:
            summary = load_paths(store, [tmp_path / "corpus"], batch=1, progress=False, jobs=jobs)
            cross = store.run_read("MATCH ()-[l:FOLLOWS_UP|RECURS]->() RETURN count(l) AS c")[0]["c"]
            graphs.append(dump(store))
        readers.append(set(pids.read_text().split()))
        assert summary.reports == 40 and not summary.errors and cross > 0
    assert graphs[0] == graphs[1]
    assert readers[0] == {str(os.getpid())}
    assert readers[1] and str(os.getpid()) not in readers[1]


def _tiny_graph():
    from kg.mapping.rdf import new_graph

    graph = new_graph()
    report, town, law = (URIRef("https://township-kg.org/id/report/r1"), URIRef("https://township-kg.org/id/township/t"),
                         URIRef("https://township-kg.org/id/law/l"))
    mention = URIRef(str(report) + "/mention/law/0")
    graph += [(report, RDF.type, KG.Report), (report, KG.year, Literal(2023)), (report, KG.aboutTownship, town),
              (town, RDF.type, KG.Township), (town, KG.name, Literal("云岫镇")), (law, RDF.type, KG.Law),
              (law, KG.name, Literal("行政处罚法")), (report, KG.cites, law), (mention, RDF.type, KG.Mention),
              (mention, KG.relSource, report), (mention, KG.relTarget, law), (mention, KG.relProperty, KG.cites),
              (mention, KG.start, Literal(3)), (report, KG.warning, Literal("甲")), (report, KG.warning, Literal("乙"))]
    return graph, str(report)


def test_write_statements_run_through_the_neo4j_backend(falkordb_server, graph_name):
    # FalkorDB's Bolt layer crashes on parameters past a few kilobytes, so a whole report cannot go this way;
    # a small graph still takes the driver's path: sessions, one transaction per batch, parameters, results.
    from kg.load.loader import report_statements

    graph, report_uri = _tiny_graph()
    statements = report_statements(graph_rows(graph), report_uri, batch=2)
    bolt = open_backend("neo4j-bolt", falkordb_server, graph_name)
    bolt.run_batch(statements)
    bolt.run_batch(statements)
    with FalkorDBStore(server=falkordb_server, graph=graph_name + "_direct") as direct:
        direct.run_batch(statements)
        assert dump(bolt) == dump(direct)
    assert graph_counts(bolt) == {"nodes": 3, "relationships": 2, "properties": 10}
    bolt.run("MATCH (n) DETACH DELETE n")


def test_dropping_a_reports_own_nodes_spares_every_iri_that_only_looks_alike(falkordb_server, graph_name):
    """A report owns its IRI and those under it with "/": not a sibling whose IRI goes on with "-", "." or "0"."""
    from kg.load.delete import drop_owned
    from kg.store.falkordb import FalkorDBStore

    report = "https://township-kg.org/id/report/清河县/石桥镇/2023/r1"
    others = [report + suffix for suffix in ("-b", ".v2", "0", " 2", "z")] + ["https://township-kg.org/id/law/民法典"]
    mine = [report, report + "/section/1", report + "/section/1/measure/2", report + "/乡镇"]
    with FalkorDBStore(server=falkordb_server, graph=graph_name) as store:
        store.ensure_schema()
        store.run("UNWIND $uris AS u CREATE (:Resource {uri: u})", {"uris": mine + others})
        store.run("MATCH (a:Resource {uri: $a}), (b:Resource {uri: $b}) CREATE (a)-[:CITES]->(b)",
                  {"a": mine[1], "b": others[-1]})
        store.run("MATCH (a:Resource {uri: $a}), (b:Resource {uri: $b}) CREATE (a)-[:CITES]->(b)",
                  {"a": others[0], "b": mine[2]})
        ends = drop_owned(store, report, keep=[report, mine[1]])
        left = sorted(row["u"] for row in store.query("MATCH (n:Resource) RETURN n.uri AS u"))
        assert left == sorted([report, mine[1], *others])
        assert ends == [others[-1]]
        assert store.query("MATCH ()-[r]->() RETURN count(r) AS c") == [{"c": 0}]
