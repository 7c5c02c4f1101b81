"""One township across years in the store: joining the one county that holds it, re-keying, listing, deleting.

白石镇's 2023 report names 青禾县; its 2024 report does not. Whatever the order the years are loaded
in, the store must end as one load of both would leave it.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.load.files import FileIndex
from kg.load.loader import load_paths
from kg.store.falkordb import GRAPH, FalkorDBStore
from storekit import dump

REPORTS = Path(__file__).parent / "fixtures" / "reports"
YEARS = ("baishi-2023.txt", "baishi-2024.txt")
KEYS = "MATCH (r:Report) RETURN r.key AS key, r.countyInferred AS inferred ORDER BY key"


@pytest.fixture
def two_years(tmp_path) -> list[Path]:
    for name in YEARS:
        shutil.copy(REPORTS / name, tmp_path / name)
    return [tmp_path / name for name in YEARS]


def test_years_loaded_one_at_a_time_in_any_order_give_the_graph_of_one_load(two_years, fresh):
    together = fresh()
    load_paths(together, two_years, progress=False)
    expected = dump(together)
    assert together.run_read(KEYS) == [
        {"key": "青禾县/白石镇/2023/baishi-2023", "inferred": False},
        {"key": "青禾县/白石镇/2024/baishi-2024", "inferred": True},
    ]
    for order in itertools.permutations(two_years):
        store = fresh()
        for path in order:
            summary = load_paths(store, [path], progress=False)
            assert summary.reports == 1 and not summary.errors
        assert dump(store) == expected, [p.name for p in order]
        assert not store.run_read("MATCH (t:Township) WHERE NOT (t)-[:IN_COUNTY]->() RETURN t.uri AS uri")


def test_a_township_two_counties_hold_is_not_joined(two_years, fresh, tmp_path):
    other = tmp_path / "other" / "baishi-2023-elsewhere.txt"
    other.parent.mkdir()
    other.write_text(two_years[0].read_text(encoding="utf-8").replace("青禾县", "苍梧县"), encoding="utf-8")
    store = fresh()
    load_paths(store, [two_years[0], other], progress=False)
    load_paths(store, [two_years[1]], progress=False)
    keys = [row["key"] for row in store.run_read(KEYS)]
    assert "_/白石镇/2024/baishi-2024" in keys  # which 白石镇 it is, no text says


def test_a_report_naming_no_township_is_never_stored(fresh, tmp_path):
    nameless = tmp_path / "nameless.txt"
    nameless.write_text("2023年法治政府建设情况报告\n2023年，我们坚持依法行政。\n一、主要举措和成效\n"
                        "（一）加强组织领导。成立领导小组。\n", encoding="utf-8")
    store = fresh()
    summary = load_paths(store, [nameless], progress=False)
    assert summary.reports == 0 and [str(e) for e in summary.errors] == [
        f"{nameless}: no township found in the text; give it with --township or a manifest row"]
    assert not store.run_read("MATCH (n) RETURN n.uri AS uri LIMIT 1")


def test_deleting_a_report_leaves_the_graph_of_never_having_loaded_it(two_years, fresh):
    only_first = fresh()
    load_paths(only_first, [two_years[0]], progress=False)
    both = fresh()
    load_paths(both, two_years, progress=False)
    assert both.run_read("MATCH ()-[l:FOLLOWS_UP|RECURS]->() RETURN count(l) AS c")[0]["c"] > 0
    from kg.load.delete import delete_reports

    assert delete_reports(both, ["青禾县/白石镇/2024/baishi-2024"]) == ["青禾县/白石镇/2024/baishi-2024"]
    assert dump(both) == dump(only_first)
    assert list(FileIndex.of(both).entries) == ["青禾县/白石镇/2023/baishi-2023"]  # where its file was goes too
    assert delete_reports(both, ["青禾县/白石镇/2023/baishi-2023"])
    assert not both.run_read("MATCH (n) RETURN n.uri AS uri LIMIT 1")
    assert FileIndex.of(both).entries == {}


def test_a_report_keyed_again_under_its_county_is_found_from_another_directory(two_years, fresh, tmp_path,
                                                                               monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    store = fresh()
    monkeypatch.chdir(two_years[1].parent)
    load_paths(store, [two_years[1].name], progress=False)  # 2024 names no county: keyed under none
    assert list(FileIndex.of(store).entries) == ["_/白石镇/2024/baishi-2024"]
    monkeypatch.chdir(elsewhere)  # the stored name alone would not find the 2024 file from here
    summary = load_paths(store, [two_years[0]], progress=False)
    assert [w for w in summary.warnings if "key _/白石镇/2024/baishi-2024 → 青禾县/白石镇/2024/baishi-2024" in w]
    index = FileIndex.of(store).entries
    assert sorted(index) == ["青禾县/白石镇/2023/baishi-2023", "青禾县/白石镇/2024/baishi-2024"]
    assert index["青禾县/白石镇/2024/baishi-2024"]["path"] == str(two_years[1])


def test_kg_reports_lists_and_kg_delete_removes_by_key(cli_server, two_years):
    store_dir = str(cli_server.layout.root)
    with FalkorDBStore(server=cli_server, graph=GRAPH) as store:
        store.run("MATCH (n) DETACH DELETE n")
    runner = CliRunner()
    assert runner.invoke(cli, ["load", *map(str, two_years), "--store", store_dir]).exit_code == 0
    listed = runner.invoke(cli, ["reports", "--format", "csv", "--store", store_dir])
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert lines[0] == "township,county,year,file,key,loaded"
    rows = [line.split(",") for line in lines[1:]]
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("白石镇", "青禾县", "2023", "青禾县/白石镇/2023/baishi-2023"),
        ("白石镇", "青禾县", "2024", "青禾县/白石镇/2024/baishi-2024"),
    ]
    assert all(r[3].endswith(".txt") and r[5].startswith("20") for r in rows)

    wrong = runner.invoke(cli, ["delete", "青禾县/白石镇/2024/baishi-2024", "no/such/key", "--store", store_dir])
    assert wrong.exit_code == 1 and "no/such/key: no report with this key" in wrong.stderr
    removed = runner.invoke(cli, ["delete", "青禾县/白石镇/2024/baishi-2024", "--store", store_dir])
    assert removed.exit_code == 0 and "kg: 1 reports removed" in removed.stderr
    left = runner.invoke(cli, ["reports", "--format", "csv", "--store", store_dir]).stdout.splitlines()[1:]
    assert [line.split(",")[4] for line in left] == ["青禾县/白石镇/2023/baishi-2023"]


def test_the_stored_counties_are_those_of_townships_reports_are_about(falkordb_server, graph_name):
    """A township left with no report (its last one reloaded elsewhere) gives no county to infer from."""
    from kg.load.identity import stored_counties

    with FalkorDBStore(server=falkordb_server, graph=graph_name) as store:
        store.run("CREATE (r:Resource:Report {uri: 'r1'})-[:ABOUT_TOWNSHIP]->(t:Resource:Township {uri: 't1', name: '石桥镇'}), "
                  "(r2:Resource:Report {uri: 'r2'})-[:ABOUT_TOWNSHIP]->(t), "
                  "(t)-[:IN_COUNTY]->(:Resource:County {uri: 'c1', name: '清河县'}), "
                  "(t)-[:IN_COUNTY]->(:Resource:County {uri: 'c2', name: '白水县'}), "
                  "(:Resource:Township {uri: 't2', name: '柳湾乡'})-[:IN_COUNTY]->(:Resource:County {uri: 'c3', name: '青山县'})")
        assert stored_counties(store) == {"石桥镇": frozenset({"清河县", "白水县"})}
