"""Canned queries: headers parsed, parameters bound, every query run on the embedded store over the samples."""

from __future__ import annotations

import os

import pytest

from kg.errors import QueryError
from kg.load.loader import graph_counts, load_paths
from kg.extract.stream import iter_outcomes
from kg.queries import format_rows, load_queries, parse_query, run_canned
from kg.store.falkordb import FalkorDBStore

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
