"""Where a stored report's file is stays on this machine: the graph keeps only paths inside the folder loaded and
hashes; an index beside the store finds the files again, and a file changed since its load is named, not used."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.load.files import FileIndex
from kg.load.loader import load_paths
from kg.load.stored import township_reports
from kg.store.falkordb import FalkorDBStore
from kg.store.uris import files_index_path
from storekit import dump

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CROSS_YEAR = "MATCH (a)-[r:FOLLOWS_UP|RECURS]->(b) RETURN count(r) AS c"
YEARS = {"2023": "yunxiu_2023.txt", "2024": "yunxiu_2024.txt"}


@pytest.fixture
def reports(tmp_path) -> Path:
    """A folder of two years of one township, one sub-folder per year."""
    folder = tmp_path / "reports"
    for year, name in YEARS.items():
        (folder / year).mkdir(parents=True)
        shutil.copy(EXAMPLES / name, folder / year / name)
    return folder


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def test_a_load_keeps_no_absolute_path_of_this_machine_in_the_graph(reports, fresh, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(reports.parent)
    store = fresh()
    summary = load_paths(store, [reports.resolve()], progress=False)
    assert summary.reports == 2 and not summary.errors
    nodes, relationships = dump(store)
    here = str(tmp_path_factory.getbasetemp().resolve())
    values = [v for row in nodes + relationships for v in _strings(row["props"])]
    assert len(values) > 100 and not [v for v in values if here in v]
    files = {v for row in nodes for k, v in row["props"].items() if k == "sourceFile"}
    assert files == {"2023/yunxiu_2023.txt", "2024/yunxiu_2024.txt"}  # reports and every piece of evidence
    # Where the files are is kept beside the store, with the hash the graph states.
    stored = {r["key"]: r["sha"] for r in store.run_read("MATCH (r:Report) RETURN r.key AS key, r.sha256 AS sha")}
    index = json.loads(store.files_index().read_text(encoding="utf-8"))["files"]
    assert {key: entry["sha256"] for key, entry in index.items()} == stored
    assert sorted(entry["path"] for entry in index.values()) == [
        str(reports.resolve() / year / name) for year, name in YEARS.items()]


def test_a_folder_given_relative_or_absolute_loads_the_same_graph(reports, fresh, monkeypatch):
    monkeypatch.chdir(reports.parent)
    relative, absolute = fresh(), fresh()
    load_paths(relative, ["reports"], progress=False)
    load_paths(absolute, [reports.resolve()], progress=False)
    assert relative.run_read(CROSS_YEAR)[0]["c"] > 0
    assert dump(relative) == dump(absolute)


def test_a_file_changed_after_its_load_is_named_when_read_again_and_not_used(reports, fresh, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = fresh()
    load_paths(store, [reports / "2023"], progress=False)
    earlier = reports / "2023" / YEARS["2023"]
    earlier.write_text(earlier.read_text(encoding="utf-8") + "\n补充说明：本报告已修订。\n", encoding="utf-8")
    summary = load_paths(store, [reports / "2024"], progress=False)
    assert summary.reports == 1 and not summary.errors
    assert len(summary.warnings) == 1
    assert str(earlier.resolve()) in summary.warnings[0] and "changed since it was loaded" in summary.warnings[0]
    assert store.run_read(CROSS_YEAR)[0]["c"] == 0  # the links of another text would be wrong ones
    found, missing = township_reports(store, "云岫镇")
    assert [r.header.year for r in found] == [2024]
    assert len(missing) == 1 and str(earlier.resolve()) in missing[0] and "changed" in missing[0]


def test_without_the_index_the_stored_path_is_found_from_the_folder_loaded(reports, fresh, tmp_path, monkeypatch):
    store = fresh()
    monkeypatch.chdir(tmp_path)
    load_paths(store, [reports / "2023"], progress=False)
    store.files_index().write_text("{not json", encoding="utf-8")  # damaged: no worse than missing
    monkeypatch.chdir(reports / "2023")  # the stored path, yunxiu_2023.txt, is found from here
    summary = load_paths(store, [reports / "2024" / YEARS["2024"]], progress=False)
    assert not summary.warnings and store.run_read(CROSS_YEAR)[0]["c"] > 0
    # The load wrote the damaged index anew, with the file it loaded.
    assert list(FileIndex.of(store).entries) == ["栖梧县/云岫镇/2024/yunxiu_2024"]


def test_the_neo4j_index_is_named_by_host_port_and_database_never_by_credentials(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    path = files_index_path("neo4j+s://alice:s%3Acret-pw@graph.example.org:7688/", "county/reports")
    assert "s%3Acret" not in str(path) and "s:cret" not in str(path) and "alice" not in str(path)
    assert path.is_relative_to(tmp_path / "cache")
    assert path.parent.name == "graph.example.org-7688" and path.name == "county_reports.json"
    assert files_index_path("bolt://bob:other@graph.example.org:7688", "county/reports") == path
    assert files_index_path("bolt://localhost", None).parent.name == "localhost-7687"
