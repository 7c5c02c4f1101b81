"""Hostile names and text stay data: in header options, manifests, pages and IRIs (store-side: tests/test_store.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph

from kg.cli import cli
from kg.ids import BASE
from kg.text.places import township_name
from kg.read import read_source
from kg.ontology import KG
from make_formats import write_html

REPORTS = Path(__file__).parent / "fixtures" / "reports"
HOSTILE = ["'}) DETACH DELETE n //", 'a"b\\c', "{name}${x}{{7*7}}", "../../etc/passwd镇", "白石镇\nMATCH (n) DELETE n"]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_township_option_is_a_literal_and_a_safe_iri(value, tmp_path):
    out = tmp_path / "out.nt"
    result = CliRunner().invoke(cli, ["extract", str(REPORTS / "baishi-2023.txt"), "--township", value, "--county", value,
                                      "-o", str(out), "--format", "nt"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out, format="nt")
    towns = list(graph.subjects(RDF.type, KG.Township))
    # Identity drops white space (and nothing else a user typed): the name is the option, as data.
    assert [str(graph.value(t, KG.name)) for t in towns] == [township_name(value)]
    for node in graph.all_nodes():
        if str(node).startswith(BASE):
            assert not any(ch in str(node) for ch in " \n\"{}\\<>") and "/../" not in str(node)


def test_script_in_a_page_is_dropped_and_escaped_text_is_kept_as_text(tmp_path):
    text = (REPORTS / "baishi-2023.txt").read_text(encoding="utf-8")
    path = write_html(text.replace("加强组织领导", "加强组织领导<script>alert(1)</script>"), tmp_path / "x.html")
    page = path.read_text(encoding="utf-8").replace("</div>\n<div class=\"share\"", "<script>document.write('注入')</script></div>\n<div class=\"share\"")
    path.write_text(page, encoding="utf-8")
    source = read_source(path)
    assert "加强组织领导<script>alert(1)</script>" in source.text  # escaped in the page, so it is report text
    assert "注入" not in source.text and "document.write" not in source.text


def test_a_hostile_manifest_value_is_data(tmp_path):
    (tmp_path / "r.txt").write_text((REPORTS / "baishi-2023.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "m.csv").write_text('file,township\nr.txt,"白\'}) DETACH DELETE n //镇"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "r.txt"), "--manifest", str(tmp_path / "m.csv"), "--format", "nt"])
    assert result.exit_code == 0
    graph = Graph().parse(data=result.stdout, format="nt")
    assert {str(graph.value(t, KG.name)) for t in graph.subjects(RDF.type, KG.Township)} == {"白'})DETACHDELETEn//镇"}



PASSWORD = "s3cr3t-d0nt-l0g"


@pytest.mark.parametrize("uri", ["bolt://127.0.0.1:1", f"bolt://neo4j:{PASSWORD}@127.0.0.1:1"])
def test_a_failing_neo4j_load_never_prints_the_password(uri, monkeypatch):
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", PASSWORD)
    result = CliRunner().invoke(cli, ["load", str(REPORTS / "baishi-2023.txt"), "--neo4j", uri])
    assert result.exit_code == 3
    assert "cannot reach Neo4j" in result.stderr and "Traceback" not in result.stderr
    assert PASSWORD not in result.output + result.stderr


@pytest.mark.parametrize("command", ["load", "query", "viz", "brief", "trace"])
def test_no_command_takes_a_password_on_its_command_line(command):
    # Arguments show in `ps` to every user of the machine: the password comes from the env or a hidden prompt.
    options = {opt for param in cli.commands[command].params for opt in getattr(param, "opts", [])}
    assert not any("pass" in opt or "secret" in opt or "auth" in opt for opt in options), options
