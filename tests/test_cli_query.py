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
