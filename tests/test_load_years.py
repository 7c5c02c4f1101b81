"""One township across years: a report without its county joins the township its other years place,
whatever the order the years are loaded in; `kg reports` lists the store and `kg delete` removes."""

from __future__ import annotations

import itertools
import shutil

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from kg.cli import cli
from kg.store.falkordb import FalkorDBStore
from storekit import dump

# 茗坪乡's 2023 report never names its county; its 2024 report names 蓼原县.
YEARS = ("mingping_2023.txt", "mingping_2024.txt")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mingping")
    for name in YEARS:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def _load(store_dir, *paths):
    result = CliRunner().invoke(cli, ["load", "--store", str(store_dir), *map(str, paths)])
    assert result.exit_code == 0, result.output
    return result


def _graph(store_dir):
    with FalkorDBStore(store_dir) as store:
        return dump(store)


def test_every_order_of_loading_the_years_gives_the_graph_of_one_load(files, tmp_path):
    together = tmp_path / "together"
    _load(together, *(files / name for name in YEARS))
    expected = _graph(together)
    for order in itertools.permutations(YEARS):
        one_by_one = tmp_path / "-".join(order)
        for name in order:
            _load(one_by_one, files / name)
        assert _graph(one_by_one) == expected, order


def test_the_year_without_a_county_is_placed_in_the_county_of_the_later_report(files, tmp_path):
    _load(tmp_path, files / YEARS[0])
    listed = CliRunner().invoke(cli, ["reports", "--store", str(tmp_path), "--format", "json"])
    assert '"county": null' in listed.output and "_/茗坪乡/2023" in listed.output
    result = _load(tmp_path, files / YEARS[1])
    assert "茗坪乡 is now placed in 蓼原县" in result.output and "→ 蓼原县/茗坪乡/2023/mingping_2023" in result.output
    with FalkorDBStore(tmp_path) as store:
        rows = store.run_read("MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township) OPTIONAL MATCH (t)-[:IN_COUNTY]->(c) "
                              "RETURN r.key AS key, c.name AS county, r.countyInferred AS inferred ORDER BY key")
        follow = store.run_read("MATCH ()-[l:FOLLOWS_UP]->() RETURN count(l) AS c")[0]["c"]
        townships = store.run_read("MATCH (t:Township) RETURN t.name AS name, t.uri AS uri")
    assert [(r["county"], r["inferred"]) for r in rows] == [("蓼原县", True), ("蓼原县", False)]
    assert follow > 0  # the cross-year links were made once both years sat in one county
    assert len(townships) == 1  # the township filed under no county is gone, not left beside the real one


def test_reports_lists_and_delete_removes_a_report_and_the_links_into_it(files, tmp_path):
    _load(tmp_path, *(files / name for name in YEARS))
    listed = CliRunner().invoke(cli, ["reports", "--store", str(tmp_path)])
    assert listed.exit_code == 0
    header = listed.output.splitlines()[0].split()
    assert header == ["township", "county", "year", "file", "key", "loaded"]
    assert "蓼原县/茗坪乡/2023/mingping_2023" in listed.output and "蓼原县/茗坪乡/2024/mingping_2024" in listed.output
    result = CliRunner().invoke(cli, ["delete", "--store", str(tmp_path), "蓼原县/茗坪乡/2024/mingping_2024"])
    assert result.exit_code == 0, result.output
    with FalkorDBStore(tmp_path) as store:
        keys = [r["key"] for r in store.run_read("MATCH (r:Report) RETURN r.key AS key")]
        links = store.run_read("MATCH ()-[l:FOLLOWS_UP|RECURS]->() RETURN count(l) AS c")[0]["c"]
        stray = store.run_read("MATCH (n:Resource) WHERE n.uri CONTAINS '/2024/' RETURN count(n) AS c")[0]["c"]
    assert keys == ["蓼原县/茗坪乡/2023/mingping_2023"] and links == 0 and stray == 0
    # Deleting and loading again gives back the graph of loading both at once.
    _load(tmp_path, files / YEARS[1])
    again = tmp_path.parent / (tmp_path.name + "-both")
    _load(again, *(files / name for name in YEARS))
    assert _graph(tmp_path) == _graph(again)


def test_deleting_a_key_the_store_lacks_names_it_and_deletes_nothing(files, tmp_path):
    _load(tmp_path, files / YEARS[1])
    result = CliRunner().invoke(cli, ["delete", "--store", str(tmp_path), "蓼原县/茗坪乡/2024/mingping_2024", "没有/这个"])
    assert result.exit_code != 0 and "没有/这个" in result.output
    with FalkorDBStore(tmp_path) as store:
        assert store.run_read("MATCH (r:Report) RETURN count(r) AS c")[0]["c"] == 1


def test_a_report_naming_no_township_is_an_error_unless_one_is_given(tmp_path):
    report = tmp_path / "untitled.txt"
    report.write_text("2023年法治政府建设工作情况\n\n一、主要工作\n（一）开展学习。全年组织学习4次。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", "--store", str(tmp_path / "s"), str(report)])
    assert result.exit_code == 1 and "untitled.txt" in result.output and "--township" in result.output
    result = CliRunner().invoke(cli, ["load", "--store", str(tmp_path / "s"), "--township", "石门镇", str(report)])
    assert result.exit_code == 0, result.output
