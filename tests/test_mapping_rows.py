"""Rows straight from the model equal the rows read off the report's RDF graph, on every real and sample report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from kg.errors import OntologyError
from oracle_graphrows import graph_rows
from kg.intake.reports import Intake, iter_reports
from kg.link import adjacent_links, link_report
from kg.mapping.rdf import report_graph
from kg.mapping.rows import report_rows


def _linked_reports(paths: list[Path]):
    """Each report with its themes, within-report links and links to the adjacent years already seen."""
    seen: dict[tuple, list] = {}
    for report in iter_reports(paths, Intake()):
        linked = link_report(report)
        cross = adjacent_links(linked, lambda county, township, year: seen.get((county, township, year), []))
        header = report.header
        seen.setdefault((header.county, header.township, header.year), []).append(report)
        yield replace(linked, links=linked.links + cross)


def _assert_same(report):
    direct, via_rdf = report_rows(report), graph_rows(report_graph(report))
    assert dict(direct.nodes) == dict(via_rdf.nodes), report.key
    assert dict(direct.relationships) == dict(via_rdf.relationships), report.key


def test_rows_equal_the_triples_on_every_corpus_report(shared):
    paths = sorted((shared / "corpus").rglob("*.txt"))
    reports = list(_linked_reports(paths))
    assert len(reports) >= len(paths) - 2
    assert any(r.links for r in reports) and any(r.themes for r in reports) and any(r.laws for r in reports)
    for report in reports:
        _assert_same(report)


def test_rows_equal_the_triples_on_the_samples_and_fixtures():
    paths = sorted(EXAMPLES.glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "reports").glob("*.txt"))
    reports = list(_linked_reports(paths))
    assert any(link for r in reports for link in r.links if link.kind != "addresses"), "no cross-year link"
    for report in reports:
        _assert_same(report)


def test_a_repeated_citation_and_a_repeated_warning_still_match():
    report = next(_linked_reports([EXAMPLES / "lanqiao_2023.txt"]))
    assert report.laws
    doubled = replace(report, laws=report.laws + report.laws[:1], warnings=report.warnings + ("同一警告", "同一警告"))
    direct, via_rdf = report_rows(doubled), graph_rows(report_graph(doubled))
    assert dict(direct.nodes) == dict(via_rdf.nodes)
    assert dict(direct.relationships) == dict(via_rdf.relationships)
    report_row = direct.nodes["Report"][0]["props"]
    assert report_row["warning"].count("同一警告") == 1


def test_a_link_or_theme_tag_given_twice_merges_its_reasons_as_the_triples_do():
    report = next(r for r in _linked_reports(sorted(EXAMPLES.glob("*.txt"))) if r.links and r.themes)
    link, tag = report.links[0], report.themes[0]
    again = replace(report, links=report.links + (replace(link, terms=("另一词", *link.terms)),),
                    themes=report.themes + (replace(tag, keywords=("新词", *tag.keywords)),))
    _assert_same(again)
    tags = report_rows(again).relationships["HAS_THEME"]
    assert any("新词" in row["props"].get("keyword", ()) and len(row["props"]["keyword"]) > 1 for row in tags)


def test_two_values_of_a_functional_property_are_refused_on_both_routes():
    report = next(r for r in _linked_reports([EXAMPLES / "lanqiao_2023.txt"]) if r.links)
    link = report.links[0]
    clashing = replace(report, links=report.links + (replace(link, score=link.score / 2 + 0.01),))
    for route in (report_rows, lambda r: graph_rows(report_graph(r))):
        with pytest.raises(OntologyError, match="functional property score has 2 values"):
            route(clashing)


@pytest.mark.parametrize("kind", ["Law", "Campaign"])
def test_a_shared_node_is_one_row_however_often_it_is_cited(kind):
    report = next(_linked_reports([EXAMPLES / "yunxiu_2024.txt"]))
    rows = report_rows(replace(report, laws=report.laws * 2, campaigns=report.campaigns * 2))
    uris = [row["uri"] for row in rows.nodes.get(kind, [])]
    assert uris and len(uris) == len(set(uris))


@pytest.mark.parametrize("batch", [1, 100_000], ids=["links-to-flushed-reports", "one-flush"])
def test_batched_new_reports_land_as_the_same_graph_as_one_at_a_time(falkordb_server, graph_name, batch):
    from storekit import dump

    from kg.load.loader import BatchWriter, write_report
    from kg.model import Link
    from kg.store.falkordb import FalkorDBStore

    reports = list(_linked_reports(sorted(EXAMPLES.glob("*.txt"))))
    assert any(link.kind != "addresses" for r in reports for link in r.links)
    # A stored report's file may have changed since: a link can point to an item the store does not hold.
    last = reports[-1]
    dangling = Link("follows_up", last.key, "plan", 1, "某县/某镇/2001/gone", "shortcoming", 9, 0.5, "test")
    reports[-1] = replace(last, links=last.links + (dangling,))
    with (FalkorDBStore(server=falkordb_server, graph=graph_name + "_batched") as batched,
          FalkorDBStore(server=falkordb_server, graph=graph_name + "_single") as single):
        writer = BatchWriter(batched, batch=batch)
        for report in reports:
            writer.write(report)
            write_report(single, report)
        if batch > 1:
            assert batched.run_read("MATCH (n) RETURN count(n) AS c")[0]["c"] == 0, "nothing is written before the flush"
        writer.flush()
        writer.write(reports[0])  # already stored: replaced at once, alone
        write_report(single, reports[0])
        assert dump(batched) == dump(single)
        assert any(row["b"].endswith("/gone/shortcoming/9") for row in dump(batched)[1])
