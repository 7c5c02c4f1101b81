"""`kg extract`: every format, written to a file or standard output, and one clear line per bad file."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Dataset, Graph

from conftest import need_tool
from kg.cli import cli
from kg.export.rdf import validate
from kg.ontology import KG

REPORTS = Path(__file__).parent / "fixtures" / "reports"
# The fixture folder also holds bad and hostile files for other tests; these three are the clean set.
TRIO = tuple(REPORTS / name for name in ("baishi-2023.txt", "baishi-2024.txt", "qinghe-2023.txt"))
PARSE_AS = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld", "trig": "trig"}


def run(*args):
    return CliRunner().invoke(cli, ["extract", *map(str, args)])


def parse(text: str, fmt: str) -> Graph:
    if fmt == "trig":
        dataset = Dataset()
        dataset.parse(data=text, format="trig")
        graph = Graph()
        for quad in dataset.quads():
            graph.add(quad[:3])
        return graph
    return Graph().parse(data=text, format=PARSE_AS[fmt])


def test_extract_has_help():
    result = CliRunner().invoke(cli, ["extract", "--help"])
    assert result.exit_code == 0 and "RDF" in result.output


@pytest.mark.parametrize("fmt", sorted(PARSE_AS))
def test_every_format_writes_a_graph_of_all_reports(fmt, tmp_path):
    output = tmp_path / f"out.{fmt}"
    result = run(*TRIO, "--format", fmt, "-o", output)
    assert result.exit_code == 0, result.output
    graph = parse(output.read_text(encoding="utf-8"), fmt)
    assert len(set(graph.subjects(RDF.type, KG.Report))) == 3
    assert f"3 reports, {len(graph)} triples" in result.stderr
    ok, text = validate(graph)
    assert ok, text


def test_without_output_the_graph_goes_to_standard_output():
    result = run(REPORTS / "baishi-2023.txt", "--format", "nt")
    assert result.exit_code == 0
    graph = Graph().parse(data=result.stdout, format="nt")
    assert (None, RDF.type, KG.Report) in graph
    assert "1 reports" in result.stderr and "triples" not in result.stdout


def test_the_same_input_twice_gives_the_same_file(tmp_path):
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    assert run(*TRIO, "-o", first).exit_code == 0
    assert run(*TRIO, "-o", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8").startswith("@prefix kg: <https://township-kg.org/ontology#> .")


def test_a_township_without_its_county_takes_it_from_another_year(tmp_path):
    output = tmp_path / "out.ttl"
    assert run(*TRIO, "-o", output).exit_code == 0
    graph = Graph().parse(output)
    towns = {str(graph.value(t, KG.name)) for t in graph.subjects(RDF.type, KG.Township)}
    assert towns == {"白石镇", "柳溪乡"}
    inferred = [r for r in graph.subjects(RDF.type, KG.Report) if graph.value(r, KG.countyInferred).toPython()]
    assert [graph.value(r, KG.year).toPython() for r in inferred] == [2024]


@pytest.mark.rapper
@pytest.mark.parametrize(("fmt", "parser"), [("turtle", "turtle"), ("nt", "ntriples"), ("trig", "trig")])
def test_rapper_parses_the_output_and_counts_the_same_triples(fmt, parser, tmp_path):
    rapper = need_tool("rapper")
    output = tmp_path / f"out.{fmt}"
    result = run(*TRIO, "--format", fmt, "-o", output)
    assert result.exit_code == 0
    checked = subprocess.run([rapper, "-i", parser, "-c", str(output)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    triples = int(checked.stderr.split("returned")[1].split()[0])
    assert f"{triples} triples" in result.stderr
    assert triples == len(parse(output.read_text(encoding="utf-8"), fmt))


def test_bad_files_get_one_line_each_and_the_good_ones_are_still_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(REPORTS / "baishi-2023.txt", folder / "good.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "prose.txt").write_text("周末去河边散步，看见许多白鹭。\n晚上回家做饭。\n", encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    output = tmp_path / "out.ttl"
    result = run(folder, missing, "-o", output)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 4
    for name, reason in [("empty.txt", "empty"), ("binary.txt", "binary"), ("prose.txt", "structure"),
                         ("nowhere.txt", "no such file")]:
        (line,) = [e for e in errors if name in e]
        assert reason in line
    graph = Graph().parse(output)
    assert len(set(graph.subjects(RDF.type, KG.Report))) == 1


def test_an_unwritable_output_is_one_message_naming_it(tmp_path):
    output = tmp_path / "missing-folder" / "out.ttl"
    result = run(REPORTS / "baishi-2023.txt", "-o", output)
    assert result.exit_code == 1
    assert str(output) in result.stderr and "cannot write" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_ld_output_is_compact_json():
    result = run(REPORTS / "baishi-2023.txt", "--format", "json-ld")
    document = json.loads(result.stdout)
    assert document["@context"]["kg"] == "https://township-kg.org/ontology#"
    assert any(node.get("@type") == "kg:Report" for node in document["@graph"])


def test_n_triples_are_written_report_by_report_and_hold_the_same_graph(tmp_path):
    """`--format nt` streams: each report's statements in one run, a shared node's statement once."""
    from kg.export.rdf import Summary, iter_nt_lines, reports_graph

    out = tmp_path / "all.nt"
    result = run(*TRIO, "-o", out, "--format", "nt")
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines))
    assert set(Graph().parse(out, format="nt")) == set(reports_graph(TRIO, Summary()))
    summary = Summary()
    stream = iter_nt_lines(TRIO, summary)
    first = next(stream)
    assert summary.reports == 0  # the first report's lines come before the next file is read
    owners = []  # report IRIs end in the file stem
    for line in [first, *stream]:
        subject = line.split(" ", 1)[0]
        owner = next((r for r in ("baishi-2023", "baishi-2024", "qinghe-2023") if f"/{r}" in subject), None)
        if owner and (not owners or owners[-1] != owner):
            owners.append(owner)
    assert owners == ["baishi-2023", "baishi-2024", "qinghe-2023"]
    assert summary.reports == 3 and summary.triples == len(lines)


def test_a_dry_run_shows_the_clues_behind_township_county_and_year(tmp_path):
    report = tmp_path / "untitled.txt"
    report.write_text(
        "柘阳县人民政府：\n2022年，白露镇在县委、县政府的领导下推进依法行政，联合乡司法所开展普法。"
        "现将白露镇2022年度法治政府建设情况报告如下：\n一、主要举措和成效\n（一）加强组织领导。成立领导小组。\n",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(report), "--dry-run"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1].split("\t")[2:5] == ["白露镇", "柘阳县", "2022"]
    explained = "\n".join(lines[2:])
    assert "  乡镇 白露镇 " in explained and "报告说明句" in explained and "「现将白露镇2022年度" in explained
    assert "  县区 柘阳县 " in explained and "主送" in explained
    assert "  年份 2022 " in explained and "导语开头" in explained



def test_a_dry_run_shows_the_page_field_a_county_was_read_from(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>白露镇2023年法治政府建设报告</title></head><body>"
        "<div class='content'><p>白露镇2023年法治政府建设报告</p><p>2023年，白露镇在县委领导下推进依法行政。</p>"
        "<p>一、主要举措和成效</p><p>（一）加强组织领导。成立领导小组。</p></div>"
        "<div class='footer'>主办单位：柘阳县人民政府办公室</div></body></html>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(page), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "  县区 柘阳县 2分：网站名称或主办单位 2「主办单位：柘阳县人民政府办公室」" in result.stdout

def test_a_dry_run_says_when_the_county_comes_from_the_township_s_other_report():
    # baishi-2024 never names its county; its 2023 report does, and no other county has a 白石镇
    paths = [str(REPORTS / "baishi-2023.txt"), str(REPORTS / "baishi-2024.txt")]
    result = CliRunner().invoke(cli, ["extract", *paths, "--dry-run"])
    assert result.exit_code == 0, result.output
    blocks = result.stdout.split("\n" + str(REPORTS))
    later = next(block for block in blocks if block.startswith("/baishi-2024.txt"))
    assert "县区 青禾县 由同名乡镇推定" in later
    given = CliRunner().invoke(cli, ["extract", paths[1], "--county", "青禾县", "--dry-run"])
    assert "县区 青禾县 来自命令行或清单" in given.stdout


NAMELESS = "2023年法治政府建设情况报告\n2023年，我们坚持依法行政。\n一、主要举措和成效\n（一）加强组织领导。成立领导小组。\n"


def test_a_report_naming_no_township_is_an_error_unless_an_option_gives_it(tmp_path):
    nameless = tmp_path / "nameless.txt"
    nameless.write_text(NAMELESS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(nameless), str(REPORTS / "baishi-2023.txt"), "--format", "nt"])
    assert result.exit_code == 1
    assert f"kg: error: {nameless}: no township found in the text; give it with --township" in result.stderr
    assert "kg: 1 reports" in result.stderr and "_/_/2023" not in result.stdout
    given = CliRunner().invoke(cli, ["extract", str(nameless), "--township", "白露镇", "--format", "nt"])
    assert given.exit_code == 0, given.stderr
    assert "白露镇" in given.stdout
