"""Header facts from outside the text: a manifest CSV for folders, options for one file; the user wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph

from kg.cli import cli
from kg.errors import KgError, ManifestError
from kg.structure.hints import Hints
from kg.intake.manifest import hints_from_options, read_manifest
from kg.extract.report import extract_report
from kg.read import read_source
from kg.ontology import KG

REPORTS = Path(__file__).parent / "fixtures" / "reports"
# A report whose text names neither its township nor its county, as some offices file them.
BARE = """法治政府建设情况报告
一、主要工作举措及成效
（一）深化普法宣传。举办法治讲座12场，发放宣传资料3000余份。
二、存在的问题
（一）基层群众法治意识有待提高。
三、下一步工作计划
（一）创新普法形式，推动普法宣传进村入户。
"""


def folder(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "bare.txt").write_text(BARE, encoding="utf-8")
    (tmp_path / "reports" / "baishi.txt").write_text((REPORTS / "baishi-2023.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path / "reports"


def test_a_manifest_gives_each_file_its_township_county_and_year(tmp_path):
    reports = folder(tmp_path)
    manifest = reports / "manifest.csv"
    manifest.write_bytes("文件,乡镇,县,年度\nbare.txt,柳溪乡人民政府,青禾县,2022年\n".encode("gb18030"))
    table = read_manifest(manifest)
    assert table.hints_for(reports / "bare.txt") == Hints("柳溪乡人民政府", "青禾县", 2022, "manifest")
    assert table.hints_for(reports / "baishi.txt") is None
    header = extract_report(read_source(reports / "bare.txt"), table.hints_for(reports / "bare.txt")).header
    assert (header.township, header.county, header.year) == ("柳溪乡", "青禾县", 2022)


def test_a_conflict_between_manifest_and_text_is_warned_and_the_manifest_wins(tmp_path):
    reports = folder(tmp_path)
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,township,county,year\nreports/baishi.txt,白沙镇,,2023\n", encoding="utf-8")
    out = tmp_path / "out.nt"
    result = CliRunner().invoke(cli, ["extract", str(reports / "baishi.txt"), "--manifest", str(manifest), "-o", str(out), "--format", "nt"])
    assert result.exit_code == 0, result.output
    warning = f"kg: warning: {reports / 'baishi.txt'}: township in the text is 白石镇, the manifest says 白沙镇; using the manifest"
    assert warning in result.stderr.splitlines()
    graph = Graph().parse(out, format="nt")
    assert {str(graph.value(t, KG.name)) for t in graph.subjects(RDF.type, KG.Township)} == {"白沙镇"}


def test_the_same_township_named_another_way_is_no_conflict(tmp_path):
    report = extract_report(read_source(REPORTS / "baishi-2023.txt"), Hints("中共白石镇委员会", "青禾县人民政府", 2023))
    assert report.header.township == "白石镇" and not any("using the" in w for w in report.warnings)


def test_options_name_one_file(tmp_path):
    reports = folder(tmp_path)
    result = CliRunner().invoke(cli, ["extract", str(reports / "bare.txt"), "--township", "柳溪乡", "--county", "青禾县",
                                      "--year", "2022", "--format", "nt"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="nt")
    assert {int(y) for y in graph.objects(None, KG.year)} == {2022}
    with pytest.raises(KgError, match="for a folder, list each file"):
        hints_from_options([reports], township="柳溪乡")
    with pytest.raises(KgError, match="either --manifest or"):
        hints_from_options([reports / "bare.txt"], township="柳溪乡", manifest=tmp_path / "m.csv")
    # from the command line these are usage errors: exit 2, as click gives for its own
    result = CliRunner().invoke(cli, ["extract", str(reports), "--township", "柳溪乡", "--format", "nt"])
    assert result.exit_code == 2 and "list each file" in result.output


@pytest.mark.parametrize(("content", "reason"), [
    ("", "empty manifest"),
    ("township,year\n白石镇,2023\n", "line 1: no 'file' column"),
    ("file,year\nbare.txt,明年\n", "line 2: year '明年' is not a year"),
    ("file,year\n,2023\n", "line 2: empty 'file' cell"),
    ("file,year\nbare.txt,2023\nbare.txt,2022\n", "line 3: bare.txt is listed twice"),
])
def test_a_bad_manifest_names_the_file_the_line_and_the_reason(content, reason, tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        read_manifest(manifest)
    assert str(caught.value).startswith(str(manifest)) and reason in str(caught.value)
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--manifest", str(manifest)])
    assert result.exit_code == 1 and reason in result.stderr


def test_a_manifest_row_for_a_missing_file_is_a_warning(tmp_path):
    reports = folder(tmp_path)
    manifest = reports / "m.csv"
    manifest.write_text("file,township\ngone.txt,白石镇\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(reports / "baishi.txt"), "--manifest", str(manifest), "--format", "nt"])
    assert result.exit_code == 0
    assert f"kg: warning: {manifest}: line 2: no such file gone.txt" in result.stderr
