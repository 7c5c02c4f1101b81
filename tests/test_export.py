"""`kg export --format neo4j-csv`: headers neo4j-admin reads, and the same nodes and relationships `kg load` stores."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export.neo4j_csv import ARRAY_DELIMITER

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("csv")
    result = CliRunner().invoke(cli, ["export", str(out), str(EXAMPLES), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out, result


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def test_export_has_help():
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0 and "neo4j-admin" in result.output


def test_node_files_have_an_id_a_label_and_typed_properties(exported):
    out, _ = exported
    header, rows = _read(out / "nodes-Report.csv")
    assert header[:2] == ["uri:ID", ":LABEL"]
    assert "year:long" in header and "countyInferred:boolean" in header and "title:string" in header
    assert len(rows) == 6 and all(row[1] == "Resource;Report" for row in rows)
    years = {row[header.index("year:long")] for row in rows}
    assert years == {"2023", "2024"}


def test_relationship_files_have_start_end_and_type(exported):
    out, _ = exported
    header, rows = _read(out / "relationships-FOLLOWS_UP.csv")
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert "score:double" in header and "uri:string" in header and "sharedTerm:string[]" in header
    assert rows and all(row[2] == "FOLLOWS_UP" for row in rows)
    terms = [row[header.index("sharedTerm:string[]")] for row in rows]
    assert any(ARRAY_DELIMITER in cell for cell in terms)  # lists keep their elements apart


def test_every_relationship_end_is_an_exported_node(exported):
    out, _ = exported
    ids = {row[0] for path in out.glob("nodes-*.csv") for row in _read(path)[1]}
    assert len(ids) == sum(len(_read(path)[1]) for path in out.glob("nodes-*.csv")), "a node written twice"
    for path in out.glob("relationships-*.csv"):
        for row in _read(path)[1]:
            assert row[0] in ids and row[1] in ids, (path.name, row[:3])


def test_the_printed_command_imports_every_file(exported):
    out, result = exported
    assert "neo4j-admin database import full" in result.stdout
    for path in out.glob("*.csv"):
        assert str(path) in result.stdout


def test_counts_match_the_graph_kg_load_builds(exported, falkordb_server):
    from kg.load.loader import load_paths
    from kg.store.falkordb import FalkorDBStore

    out, _ = exported
    store = FalkorDBStore(server=falkordb_server, graph="export-check")
    try:
        store.run("MATCH (n) DETACH DELETE n")
        summary = load_paths(store, [EXAMPLES], progress=False)
        assert not summary.errors
        labels = Counter()
        for row in store.run_read("MATCH (n) RETURN [l IN labels(n) WHERE l <> 'Resource'][0] AS label, count(n) AS c"):
            labels[row["label"]] += row["c"]
        types = Counter({row["t"]: row["c"] for row in store.run_read("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS c")})
    finally:
        store.close()
    exported_labels = Counter({p.stem.removeprefix("nodes-"): len(_read(p)[1]) for p in out.glob("nodes-*.csv")})
    exported_types = Counter({p.stem.removeprefix("relationships-"): len(_read(p)[1])
                              for p in out.glob("relationships-*.csv")})
    assert exported_labels == labels
    assert exported_types == types


def test_an_unwritable_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["export", str(blocker / "out"), str(EXAMPLES)])
    assert result.exit_code == 1 and "cannot write here" in result.stderr
