"""Every cypher/*.cypher passes Neo4j's own linter against a schema derived from the ontology."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import IN_CI, need_tool

from kg.mapping.rows import property_graph_schema
from kg.queries import load_queries

LINT = Path(__file__).parent / "lint"
pytestmark = pytest.mark.lint


def lint(queries: dict[str, tuple[str, dict]]) -> dict[str, list]:
    node = need_tool("node")
    if not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        message = "the Cypher linter is not installed (bash scripts/install-test-deps.sh)"
        pytest.fail(message) if IN_CI else pytest.skip(message)
    payload = {"schema": property_graph_schema(),
               "queries": {name: {"text": text, "parameters": params} for name, (text, params) in queries.items()}}
    done = subprocess.run([node, str(LINT / "lint.mjs")], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=120, check=True)
    return json.loads(done.stdout)


def _example(value):
    return "" if value is None else value


def test_every_query_lints_clean():
    queries = {q.name: (q.text, {p: _example(dict(q.defaults).get(p)) for p in q.parameters})
               for q in load_queries().values()}
    assert lint(queries) == {name: [] for name in queries}


def test_the_linter_reports_unknown_labels_and_syntax_errors():
    found = lint({"label": ("MATCH (n:Lawz) RETURN n", {}), "syntax": ("MATCH (n RETURN n", {}),
                  "param": ("MATCH (n:Law) WHERE n.name = $nope RETURN n", {})})
    assert all(found[name] for name in found), found
