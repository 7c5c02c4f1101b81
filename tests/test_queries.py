"""Canned queries: headers parsed, parameters bound, every query run on the embedded store over the samples."""

from __future__ import annotations

import json
import os

import pytest

from kg.errors import QueryError
from kg.load.loader import graph_counts, load_paths
from kg.extract.stream import iter_outcomes
from kg.queries import format_rows, load_queries, parse_query, run_canned
from kg.store.falkordb import FalkorDBStore
from kg.viz.data import fetch_township, store_runner

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "examples")
REQUIRED = {"township": "云岫镇", "county": "栖梧县"}
WANTED = {"township-overview", "laws-ranked", "campaigns", "metrics-by-indicator", "shortcomings-without-plan",
          "plans-without-follow-up", "follow-through-chains", "recurring-problems", "township-scorecard"}


@pytest.fixture(scope="module")
def loaded(falkordb_server):
    with FalkorDBStore(server=falkordb_server, graph="queries") as store:
        load_paths(store, [EXAMPLES], progress=False)
        yield store


def test_header_gives_name_descriptions_parameters_and_defaults():
    query = parse_query("// name: q\n// zh: 法律\n// en: laws\n// param: limit = 5  how many\n"
                        "MATCH (l:Law) WHERE l.name = $name RETURN l LIMIT $limit")
    assert (query.name, query.description_zh, query.description_en) == ("q", "法律", "laws")
    assert query.parameters == ("name", "limit") and dict(query.defaults) == {"limit": 5}
    assert query.bind({"name": "x", "limit": "7"}) == {"name": "x", "limit": 7}
    with pytest.raises(QueryError, match="name is required"):
        query.bind({})
    with pytest.raises(QueryError, match="unknown parameter nope"):
        query.bind({"name": "x", "nope": "1"})


def test_a_default_for_an_unused_parameter_is_an_error():
    with pytest.raises(QueryError, match="not used"):
        parse_query("// name: q\n// param: ghost = 1\nRETURN 1")


def test_every_required_query_exists_with_both_descriptions():
    queries = load_queries()
    assert WANTED <= set(queries)
    for query in queries.values():
        assert query.description_zh and query.description_en, query.path


@pytest.mark.parametrize("name", sorted(load_queries()))
def test_every_query_runs_on_the_embedded_store(loaded, name):
    query = load_queries()[name]
    rows = run_canned(loaded, name, {k: v for k, v in REQUIRED.items() if k in query.required()})
    assert isinstance(rows, list)
    if name.startswith("county-"):
        assert rows and {r["township"] for r in rows} == {"云岫镇"}
    format_rows(rows, "table")


@pytest.fixture(scope="module")
def samples() -> list:
    return [outcome.report for outcome in iter_outcomes([EXAMPLES])]


def cited(reports, targets, key) -> dict[str, tuple[int, int]]:
    """key(name) → (townships, reports) citing it, counted from the reports: `targets(report)` gives the names."""
    townships: dict[str, set] = {}
    files: dict[str, set] = {}
    for report in reports:
        for name in targets(report):
            townships.setdefault(key(name), set()).add(report.header.township)
            files.setdefault(key(name), set()).add(report.source.path)
    return {name: (len(townships[name]), len(files[name])) for name in townships}


def test_laws_ranked_matches_the_reports_row_by_row(loaded, samples):
    from kg.ids import law_key

    rows = run_canned(loaded, "laws-ranked", {"limit": "1000"})
    assert {row["law"]: (row["townships"], row["reports"]) for row in rows} == cited(
        samples, lambda report: [law.name for law in report.laws], law_key)
    assert [r["townships"] for r in rows] == sorted((r["townships"] for r in rows), reverse=True)


def test_campaigns_match_the_reports_row_by_row(loaded, samples):
    from kg.ids import campaign_iri

    def key(name):
        return campaign_iri(name)

    rows = run_canned(loaded, "campaigns", {"limit": "1000"})
    assert {key(row["campaign"]): (row["townships"], row["reports"]) for row in rows} == cited(
        samples, lambda report: [campaign.name for campaign in report.campaigns], key)
    days = run_canned(loaded, "campaigns", {"limit": "1000", "category": "day"})
    assert days and {row["campaign"] for row in days} == {row["campaign"] for row in rows if row["category"] == "day"}


def test_a_report_cites_each_law_document_or_campaign_once(loaded):
    # laws-ranked and campaigns count a report's citations as its reports.
    repeated = loaded.run_read("MATCH (r:Report)-[x:CITES]->(c) WITH r, c, count(x) AS n WHERE n > 1 "
                               "RETURN count(*) AS pairs")
    cited = loaded.run_read("MATCH (:Report)-[x:CITES]->() RETURN count(x) AS c")
    assert repeated[0]["pairs"] == 0 and cited[0]["c"] > 0


@pytest.mark.parametrize(("name", "given"), [("metrics-by-indicator", {}), ("metrics-by-indicator", {"indicator": "人"}),
                                            ("citation-network", {})])
@pytest.mark.parametrize("limit", [1, 5, 12, 18])
def test_a_limited_listing_is_the_head_of_the_whole_listing(loaded, name, given, limit):
    # These queries join and sort only the candidates that can make the first `limit` rows.
    whole = run_canned(loaded, name, {**given, "limit": 10**6})
    assert len(whole) > limit
    assert run_canned(loaded, name, {**given, "limit": limit}) == whole[:limit]


def test_every_metric_is_stated_by_exactly_one_report(loaded):
    # metrics-by-indicator picks its candidate metrics before joining their reports, which relies on this.
    rows = loaded.query("MATCH (m:Metric) OPTIONAL MATCH (r:Report)-[:STATES]->(m) "
                        "WITH m, count(r) AS reports RETURN reports, count(*) AS metrics")
    assert [row["reports"] for row in rows] == [1]


@pytest.mark.parametrize("name", ["'}) DETACH DELETE n //", 'a"b\\c', "{x}"])
def test_hostile_parameters_find_nothing_and_change_nothing(loaded, name):
    before = graph_counts(loaded)
    assert run_canned(loaded, "township-overview", {"township": name}) == []
    assert graph_counts(loaded) == before


def test_link_queries_run_on_a_graph_without_links(falkordb_server):
    with FalkorDBStore(server=falkordb_server, graph="no_links") as store:
        store.run("CREATE (:Resource:Report {uri: 'r', year: 2023})")
        for name in ("recurring-problems", "follow-through-chains", "plans-without-follow-up"):
            assert run_canned(store, name, {}) == []


def test_formats():
    rows = [{"乡镇": "云岫镇", "n": 2.0, "l": ["a"]}, {"乡镇": "x", "n": None, "l": []}]
    assert format_rows(rows, "csv").splitlines() == ["乡镇,n,l", '云岫镇,2,"[""a""]"', "x,,[]"]
    table = format_rows(rows, "table").splitlines()
    assert table[0].startswith("乡镇  ") and len(table) == 4
    assert format_rows(rows, "csv", bom=True) == "\ufeff" + format_rows(rows, "csv")
    with pytest.raises(QueryError, match="CSV only"):
        format_rows(rows, "json", bom=True)


def test_the_catalogue_lists_every_query_in_each_format():
    from kg.queries import list_queries, query_catalog

    catalog = query_catalog()
    assert [q["name"] for q in catalog] == list(load_queries())
    assert json.loads(list_queries(fmt="json")) == catalog
    csv_rows = list_queries(fmt="csv").splitlines()
    assert csv_rows[0] == "name,zh,en,parameter,required,default,help"
    assert len(csv_rows) - 1 == sum(len(q["parameters"]) or 1 for q in catalog)
    assert list_queries(fmt="table").count("\n  --param ") == sum(len(q["parameters"]) for q in catalog)


# ---------------------------------------------------------------- the same rows with and without indexes

# Each canned query is run with its defaults, short pages (where a bound on a sorted name decides the rows),
# one township, and a filter value; a query runs each set whose parameters it takes.
CHECKS = ({}, {"limit": 1}, {"limit": 2}, {"limit": 5}, {"limit": 12}, {"township": "云岫镇"},
          {"indicator": "人"}, {"category": "day"})


def _generator():
    import importlib.util
    import sys

    path = os.path.join(os.path.dirname(__file__), "..", "bench", "generate.py")
    spec = importlib.util.spec_from_file_location("bench_generate", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_generate", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def many_townships(falkordb_server, tmp_path_factory):
    """The samples and 40 generated reports of other townships, plus one township spelt in Latin letters.

    FalkorDB's string index leaves Latin names out of a range that holds them, so this township is the one
    an index-served `name <= …` would lose.
    """
    corpus = _generator().generate(tmp_path_factory.mktemp("generated"), 40, seed=11)
    with FalkorDBStore(server=falkordb_server, graph="index_check") as store:
        load_paths(store, [EXAMPLES, *corpus], progress=False)
        store.run("MATCH (l:Law) WITH l LIMIT 1 "
                  "CREATE (:Resource:Township {uri: 'test:township/Aoshan', name: 'Aoshan Zhen'})"
                  "<-[:ABOUT_TOWNSHIP]-(:Resource:Report {uri: 'test:report/Aoshan/2024', year: 2024})-[:CITES]->(l)")
        yield store


def canned_rows(store) -> dict[tuple[str, str], list[dict]]:
    rows = {}
    for name, query in load_queries().items():
        for given in CHECKS:
            if set(given) <= set(query.parameters) and set(query.required()) <= set(given):
                rows[(name, json.dumps(given, ensure_ascii=False))] = run_canned(store, name, given)
    return rows


def without_indexes(store, action):
    """`action(store)` with every index the store makes dropped; the indexes are made again after."""
    for statement in store.schema_statements():
        store.run(statement.replace("CREATE INDEX", "DROP INDEX", 1))
    try:
        return action(store)
    finally:
        store.ensure_schema()


def test_every_canned_query_gives_the_same_rows_without_its_indexes(many_townships):
    indexed = canned_rows(many_townships)
    plain = without_indexes(many_townships, canned_rows)
    assert set(indexed) == set(plain) and len(indexed) >= 2 * len(load_queries())
    differ = [key for key in indexed if indexed[key] != plain[key]]
    assert differ == [], differ
    assert any(row["township"] == "Aoshan Zhen" for row in indexed[("citation-network", '{"limit": 1}')])


def test_indexes_serve_as_soon_as_the_schema_is_made(many_townships):
    # FalkorDB builds an index over existing nodes in the background; a query in the meantime scans instead.
    # ensure_schema waits the build out, so what follows a load (and the check below) meets built indexes.
    without_indexes(many_townships, lambda store: None)
    statuses = many_townships.run("CALL db.indexes() YIELD status RETURN status")
    assert len(statuses) == len(many_townships.schema_statements())
    assert {row["status"] for row in statuses} == {"OPERATIONAL"}


def test_an_index_served_string_range_is_what_the_check_catches(many_townships):
    # Why citation-network compares a projected name: the same bound straight on t.name goes through the index.
    served = ("MATCH (lawful:Township)<-[:ABOUT_TOWNSHIP]-(:Report)-[:CITES]->(:Law) "
              "WITH lawful.name AS name ORDER BY name LIMIT 1 WITH max(name) AS last "
              "MATCH (t:Township) WHERE t.name <= last RETURN t.name AS township ORDER BY township")
    indexed = many_townships.query(served)
    plain = without_indexes(many_townships, lambda store: store.query(served))
    assert plain == [{"township": "Aoshan Zhen"}]
    assert indexed != plain, "FalkorDB's index now agrees with <= on strings: citation-network may filter in its MATCH"


def test_a_range_reads_back_with_both_bounds(fresh, tmp_path):
    path = tmp_path / "range.txt"
    path.write_text("青禾县白石镇2023年法治政府建设情况报告\n一、主要工作\n（一）普法宣传。每季度开展送法下乡3至5次，"
                    "发放资料800份。\n", encoding="utf-8")
    store = fresh()
    load_paths(store, [path])
    rows = run_canned(store, "township-metrics", {"township": "白石镇"})
    assert [(r["indicator"], r["value"], r["upper"]) for r in rows] == [("发放资料", 800, None), ("每季度开展送法下乡", 3, 5)]
    shown = {m.indicator: m.number + m.unit for m in fetch_township(store_runner(store), "白石镇").metrics}
    assert shown == {"每季度开展送法下乡": "3–5次", "发放资料": "800份"}
