"""`kg load` takes what `kg extract` takes: the same intake, identity options, dry run; cross-year links from any directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.load.loader import load_paths
from kg.store.falkordb import GRAPH, FalkorDBStore
from make_formats import write_docx, write_pdf
from storekit import dump

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
REPORTS = Path(__file__).parent / "fixtures" / "reports"
CROSS_YEAR = "MATCH (a)-[r:FOLLOWS_UP|RECURS]->(b) RETURN count(r) AS c"


@pytest.fixture
def cli_store(cli_server):
    """The CLI's graph, emptied for each test, opened for reading back what a command wrote."""
    with FalkorDBStore(server=cli_server, graph=GRAPH) as store:
        store.run("MATCH (n) DETACH DELETE n")
        yield store


@pytest.fixture
def library_store(falkordb_server, graph_name):
    with FalkorDBStore(server=falkordb_server, graph=graph_name) as store:
        yield store


def _loaded(store) -> dict[str, tuple]:
    rows = store.run_read("MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t) RETURN r.sourceFile AS file, t.name AS town, r.year AS year")
    return {Path(row["file"]).name: (row["town"], row["year"]) for row in rows}


def _text(name: str) -> str:
    return (REPORTS / f"{name}.txt").read_text(encoding="utf-8")


def test_a_mixed_folder_loads_one_report_per_text_and_names_the_kept_copy(cli_server, cli_store, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "nested").mkdir(parents=True)
    (inbox / "baishi-2023.txt").write_bytes(_text("baishi-2023").encode("utf-16"))
    write_docx(_text("baishi-2023"), inbox / "nested" / "baishi-2023.docx")  # the same report, another format
    write_pdf(_text("qinghe-2023"), inbox / "qinghe-2023.pdf")
    write_docx(_text("baishi-2024"), inbox / "baishi-2024.docx")
    (inbox / "broken.docx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = CliRunner().invoke(cli, ["load", str(inbox), "--store", str(cli_server.layout.root)])
    assert result.exit_code == 1, result.output
    kept = inbox / "baishi-2023.txt"
    assert (f"kg: duplicate: {inbox / 'nested' / 'baishi-2023.docx'}: same report as {kept}; kept {kept}"
            in result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 1 and "broken.docx" in errors[0]
    assert "kg: 3 reports loaded" in result.stderr and "1 duplicates dropped" in result.stderr
    assert "kg: 1 files failed" in result.stderr
    assert _loaded(cli_store) == {"baishi-2023.txt": ("白石镇", 2023), "qinghe-2023.pdf": ("柳溪乡", 2023),
                                  "baishi-2024.docx": ("白石镇", 2024)}


def test_two_texts_claiming_one_township_and_year_are_both_loaded_with_a_warning(cli_server, cli_store, tmp_path):
    (tmp_path / "baishi-2023.txt").write_text(_text("baishi-2023"), encoding="utf-8")
    (tmp_path / "other.txt").write_text(_text("minimal"), encoding="utf-8")
    (tmp_path / "list.csv").write_text("file,township,county,year\nother.txt,白石镇,青禾县,2023\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(tmp_path), "--manifest", str(tmp_path / "list.csv"),
                                      "--store", str(cli_server.layout.root)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("kg: warning:")]
    assert any("other.txt: township in the text is 芦汀镇, the manifest says 白石镇" in line for line in warnings)
    assert any("other.txt: a different text also claims 青禾县白石镇 2023" in line and "both kept" in line
               for line in warnings)
    assert _loaded(cli_store) == {"baishi-2023.txt": ("白石镇", 2023), "other.txt": ("白石镇", 2023)}


def test_identity_options_name_a_single_file_and_refuse_a_folder(cli_server, cli_store, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(_text("minimal"), encoding="utf-8")
    store = ["--store", str(cli_server.layout.root)]
    result = CliRunner().invoke(cli, ["load", str(path), "--township", "白云镇", "--year", "2022", *store])
    assert result.exit_code == 0, result.output
    assert "township in the text is 芦汀镇, the command line says 白云镇; using the command line" in result.stderr
    assert _loaded(cli_store) == {"notes.txt": ("白云镇", 2022)}
    shutil.copy(path, tmp_path / "more.txt")
    refused = CliRunner().invoke(cli, ["load", str(tmp_path), "--township", "白云镇", *store])
    assert refused.exit_code == 2 and "for a folder, list each file" in refused.stderr
    both = CliRunner().invoke(cli, ["load", str(path), "--township", "白云镇", "--manifest", str(path), *store])
    assert both.exit_code == 2 and "not both" in both.stderr


def test_a_dry_run_lists_what_would_load_and_never_starts_the_store(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(_text("baishi-2023"), encoding="utf-8")
    (tmp_path / "in" / "a-gbk.txt").write_bytes(_text("baishi-2023").encode("gb18030"))
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "in"), "--dry-run", "--store", str(store)])
    assert result.exit_code == 1  # the empty file fails
    rows = [line.split("\t") for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert rows[0][:5] == ["file", "format", "township", "county", "year"]
    assert [r[2:5] for r in rows[1:]] == [["白石镇", "青禾县", "2023"]]
    assert "kg: duplicate: " in result.stderr and "kg: error: " in result.stderr and "empty.txt" in result.stderr
    assert "kg: dry run: 1 reports would be kept, 1 duplicates dropped, 1 files failed" in result.stderr
    assert not store.exists()


def test_a_store_directory_that_cannot_be_made_is_one_line_and_exit_3(tmp_path):
    (tmp_path / "file").write_text("not a directory")
    result = CliRunner().invoke(cli, ["load", str(EXAMPLES / "yunxiu_2023.txt"), "--store", str(tmp_path / "file" / "store")])
    assert result.exit_code == 3  # the store cannot be made: a store failure
    assert result.stderr.strip().count("\n") == 0 and "cannot make the store's directory" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def _two_years(tmp_path) -> tuple[Path, Path]:
    first, second = tmp_path / "y2023", tmp_path / "y2024"
    first.mkdir(), second.mkdir()
    shutil.copy(EXAMPLES / "yunxiu_2023.txt", first)
    shutil.copy(EXAMPLES / "yunxiu_2024.txt", second)
    return first, second


def test_years_loaded_from_different_directories_still_link(library_store, falkordb_server, graph_name,
                                                              tmp_path, monkeypatch):
    first, second = _two_years(tmp_path)
    monkeypatch.chdir(first)
    assert load_paths(library_store, ["yunxiu_2023.txt"], progress=False).reports == 1
    monkeypatch.chdir(second)
    summary = load_paths(library_store, ["yunxiu_2024.txt"], progress=False)
    assert summary.reports == 1 and not summary.errors and not summary.warnings
    assert library_store.run_read(CROSS_YEAR)[0]["c"] > 0
    # The graph keeps the file names; this machine's index beside the store finds the files again.
    rows = library_store.run_read("MATCH (r:Report) RETURN r.sourceFile AS file")
    assert {r["file"] for r in rows} == {"yunxiu_2023.txt", "yunxiu_2024.txt"}
    separate = dump(library_store)

    with FalkorDBStore(server=falkordb_server, graph=graph_name + "_rev") as reverse:
        monkeypatch.chdir(second)
        load_paths(reverse, ["yunxiu_2024.txt"], progress=False)
        monkeypatch.chdir(first)
        load_paths(reverse, ["yunxiu_2023.txt"], progress=False)
        assert dump(reverse) == separate  # out of order and across directories: the same graph


def test_a_neighbour_whose_file_is_gone_links_nothing_and_warns_once(library_store, tmp_path, monkeypatch):
    first, second = _two_years(tmp_path)
    monkeypatch.chdir(tmp_path)
    load_paths(library_store, [first / "yunxiu_2023.txt"], progress=False)
    (first / "yunxiu_2023.txt").unlink()
    summary = load_paths(library_store, [second / "yunxiu_2024.txt"], progress=False)
    assert summary.reports == 1 and not summary.errors
    assert len(summary.warnings) == 1 and str(first / "yunxiu_2023.txt") in summary.warnings[0]
    assert library_store.run_read(CROSS_YEAR)[0]["c"] == 0
