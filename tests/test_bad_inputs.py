"""A folder as users have them: every format, copies of one report, and files that are no report at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from opencc import OpenCC
from rdflib import RDF, Graph

from kg.cli import cli
from kg.ontology import KG
from make_formats import write_docx, write_html, write_pdf, write_scanned_pdf

REPORTS = Path(__file__).parent / "fixtures" / "reports"
BAD = {
    "empty.txt": "empty file",
    "binary.txt": "binary file, not text",
    "cut-utf16.txt": "damaged text: not valid UTF-16 after its byte-order mark",
    "scan.pdf": "PDF has no text layer (1 page of images, e.g. a scan); run OCR on it first",
    "renamed.docx": "not a Word .docx file (damaged, or another format renamed .docx)",
    "old.doc": "old binary Word .doc format is not read; save it as .docx or .txt",
    "nested/cut.pdf": "damaged PDF",
}


@pytest.fixture
def mixed(tmp_path) -> Path:
    text = {name: (REPORTS / f"{name}.txt").read_text(encoding="utf-8") for name in ("baishi-2023", "baishi-2024", "qinghe-2023")}
    root = tmp_path / "inbox"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "baishi-2023.txt").write_bytes(text["baishi-2023"].encode("utf-16"))
    (root / "nested" / "baishi-2023-copy.txt").write_bytes(text["baishi-2023"].encode("gb18030"))  # same report again
    write_docx(text["baishi-2024"], root / "baishi-2024.docx")
    write_pdf(text["qinghe-2023"], root / "nested" / "deeper" / "qinghe-2023.pdf")
    write_html(OpenCC("s2t").convert(text["qinghe-2023"]).replace("2023", "2022"), root / "qinghe-2022.html")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (root / "cut-utf16.txt").write_bytes(text["qinghe-2023"].encode("utf-16")[:-1])  # cut mid-character
    write_scanned_pdf(root / "scan.pdf")
    (root / "renamed.docx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (root / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))
    (root / "nested" / "cut.pdf").write_bytes((root / "scan.pdf").read_bytes()[:200])
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")  # not a report type: not read at all
    return root


def test_a_mixed_folder_loads_every_good_file_and_names_every_bad_one(mixed, tmp_path):
    out = tmp_path / "out.nt"
    result = CliRunner().invoke(cli, ["extract", str(mixed), "-o", str(out), "--format", "nt"])
    assert result.exit_code == 1
    graph = Graph().parse(out, format="nt")
    reports = {str(graph.value(r, KG.sourceFile)).removeprefix(str(mixed) + "/") for r in graph.subjects(RDF.type, KG.Report)}
    assert reports == {"baishi-2023.txt", "baishi-2024.docx", "qinghe-2022.html", "nested/deeper/qinghe-2023.pdf"}
    years = sorted((str(graph.value(t, KG.name)), int(y)) for r in graph.subjects(RDF.type, KG.Report)
                   for t in graph.objects(r, KG.aboutTownship) for y in graph.objects(r, KG.year))
    assert years == [("柳溪乡", 2022), ("柳溪乡", 2023), ("白石镇", 2023), ("白石镇", 2024)]
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error: ")]
    assert len(errors) == len(BAD)
    for name, reason in BAD.items():
        assert any(line.startswith(f"kg: error: {mixed / name}: {reason}") for line in errors), name
    assert (f"kg: duplicate: {mixed / 'nested' / 'baishi-2023-copy.txt'}: same report as {mixed / 'baishi-2023.txt'}; "
            f"kept {mixed / 'baishi-2023.txt'}") in result.stderr
    assert "photo.jpg" not in result.stderr
    assert f"kg: {len(BAD)} files failed" in result.stderr and "kg: 4 reports" in result.stderr


def test_a_dry_run_shows_what_would_be_loaded_and_writes_nothing(mixed, tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(mixed), "--dry-run", "-o", str(tmp_path / "out.ttl")])
    assert result.exit_code == 1
    assert not (tmp_path / "out.ttl").exists()
    rows = [line.split("\t") for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert rows[0][:5] == ["file", "format", "township", "county", "year"]
    assert sorted((r[1], r[2], r[4]) for r in rows[1:]) == [
        ("docx", "白石镇", "2024"), ("html", "柳溪乡", "2022"), ("pdf", "柳溪乡", "2023"), ("txt", "白石镇", "2023"),
    ]
    assert f"kg: dry run: 4 reports would be kept, 1 duplicates dropped, {len(BAD)} files failed" in result.stderr


def test_a_missing_path_is_an_error_and_the_rest_still_load(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt"), str(REPORTS / "baishi-2023.txt"), "--format", "nt"])
    assert result.exit_code == 1
    assert f"kg: error: {tmp_path / 'nope.txt'}: no such file" in result.stderr
    assert "kg: 1 reports" in result.stderr
