"""Report → RDF: shapes hold, identities are shared where they should be, output is stable and readable by rapper."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from conftest import need_tool
from kg.structure import outline as structure
from kg.intake.counties import infer_county, township_counties
from kg.extract import measures, plans, shortcomings
from kg.model import Campaign, Header, Law, Link, Metric, Person, Report, ThemeTag
from kg.export.rdf import FORMATS, Summary, reports_graph, serialize, validate
from kg.ids import law_iri, report_iri, township_iri
from kg.mapping.rdf import report_graph
from kg.read import read_source
from kg.model import evidence
from kg.ontology import KG

REPORTS = Path(__file__).parent / "fixtures" / "reports"
BAISHI_2023 = REPORTS / "baishi-2023.txt"
BAISHI_2024 = REPORTS / "baishi-2024.txt"
LIUXI_2023 = REPORTS / "qinghe-2023.txt"


def report_of(path: Path, laws=(), campaigns=(), metrics=(), persons=()) -> Report:
    """A report from the real structure parser, with entities placed by hand at their first occurrence."""
    source = read_source(path)
    outline = structure.parse(source)

    def at(surface: str):
        start = source.text.index(surface)
        return evidence(source.path, source.text, start, start + len(surface))

    return Report(
        source=source,
        header=outline.header,
        sections=outline.sections,
        measures=measures.extract(source, outline),
        shortcomings=shortcomings.extract(source, outline),
        plans=plans.extract(source, outline),
        laws=tuple(Law(name, at(surface)) for name, surface in laws),
        campaigns=tuple(Campaign(name, surface, at(surface), category) for name, surface, category in campaigns),
        metrics=tuple(Metric(ind, value, unit, approx, at(surface)) for ind, value, unit, approx, surface in metrics),
        persons=tuple(Person(name, role, at(name)) for name, role in persons),
    )


def baishi_2023() -> Report:
    report = report_of(
        BAISHI_2023,
        laws=[("中华人民共和国宪法", "《中华人民共和国宪法》"), ("民法典", "《民法典》")],
        campaigns=[("国家宪法日", "国家宪法日", "day")],
        metrics=[("发放宣传资料", 3000, "份", True, "3000余份"), ("行政复议纠错率", 0, "%", False, "纠错率为0")],
        persons=[("王建华", "法治建设领导小组组长")],
    )
    key = report.key
    return replace(
        report,
        themes=(ThemeTag("plan", 0, "enforcement", ("执法",)), ThemeTag("shortcoming", 0, "enforcement", ("执法",))),
        links=(Link("addresses", key, "plan", 0, key, "shortcoming", 0, 0.75, "theme+terms", ("enforcement",), ("执法",)),),
    )


def baishi_2024(county_known: bool = True) -> Report:
    report = report_of(
        BAISHI_2024,
        laws=[("民法典", "《民法典》"), ("行政处罚法", "《中华人民共和国行政处罚法》")],
        campaigns=[("枫桥经验", "“枫桥经验”", "model")],
        metrics=[("新增持证执法人员", 6, "名", False, "6名")],
    )
    if county_known:
        report = replace(report, header=infer_county(report.header, township_counties([baishi_2023().header])))
    return report


def conforms(graph: Graph) -> None:
    ok, text = validate(graph)
    assert ok, text


def test_hand_built_reports_conform_to_the_shapes():
    graph = report_graph(baishi_2023())
    report_graph(baishi_2024(), graph)
    conforms(graph)


def test_the_shapes_reject_a_report_without_its_digest_and_a_node_with_two_types():
    report = baishi_2023()
    graph = report_graph(report)
    graph.remove((URIRef(report_iri(report.key)), KG.sha256, None))
    assert not validate(graph)[0]
    graph = report_graph(report)
    theme = next(graph.subjects(RDF.type, KG.Theme))
    graph.add((theme, RDF.type, KG.Law))  # both shapes pass; only the one-type rule catches it
    ok, text = validate(graph)
    assert not ok and "one kg: type" in text


def test_a_measure_cannot_address_anything():
    report = baishi_2023()
    graph = report_graph(report)
    measure = URIRef(f"{report_iri(report.key)}/measure/0")
    graph.add((measure, KG.addresses, URIRef(f"{report_iri(report.key)}/shortcoming/0")))
    assert not validate(graph)[0]


def test_the_same_law_in_two_reports_is_one_node_with_a_mention_from_each():
    graph = report_graph(baishi_2023())
    report_graph(baishi_2024(), graph)
    code = URIRef(law_iri("民法典"))
    assert list(graph.subjects(RDF.type, KG.Law)).count(code) == 1
    assert set(graph.subjects(KG.cites, code)) == {URIRef(report_iri(baishi_2023().key)), URIRef(report_iri(baishi_2024().key))}
    mentions = set(graph.subjects(KG.relTarget, code))
    assert len(mentions) == 2
    # 《中华人民共和国宪法》 and 宪法 are one law under its short name
    assert graph.value(URIRef(law_iri("《中华人民共和国宪法》")), KG.name) == Literal("宪法")


def test_the_same_township_across_years_is_one_node_once_its_county_is_inferred():
    later = baishi_2024()
    assert later.header.county == "青禾县" and later.header.county_inferred
    graph = report_graph(baishi_2023())
    report_graph(later, graph)
    towns = list(graph.subjects(RDF.type, KG.Township))
    assert towns == [URIRef(township_iri("白石镇", "青禾县"))]
    assert len(set(graph.subjects(KG.aboutTownship, towns[0]))) == 2
    assert graph.value(URIRef(report_iri(later.key)), KG.countyInferred) == Literal(True)
    assert graph.value(URIRef(report_iri(baishi_2023().key)), KG.countyInferred) == Literal(False)


def test_county_is_inferred_only_when_exactly_one_county_has_the_township():
    named = [Header(township="白石镇", county="青禾县"), Header(township="柳溪乡", county="青禾县"),
             Header(township="柳溪乡", county="东川县")]
    counties = township_counties(named)
    assert infer_county(Header(township="白石镇"), counties) == Header(township="白石镇", county="青禾县", county_inferred=True)
    assert infer_county(Header(township="柳溪乡"), counties) == Header(township="柳溪乡")  # two candidates
    assert infer_county(Header(township="黄岭镇"), counties) == Header(township="黄岭镇")
    assert infer_county(Header(township="白石镇", county="西山区"), counties).county == "西山区"


def test_evidence_offsets_slice_the_original_text_to_the_quoted_span():
    report = baishi_2023()
    text = report.source.text
    graph = report_graph(report)
    checked = 0
    for node in graph.subjects(KG.start, None):
        start = graph.value(node, KG.start).toPython()
        end = graph.value(node, KG.end).toPython()
        sentence = str(graph.value(node, KG.sentence))
        assert text[start:end] in sentence and sentence in text
        surface = graph.value(node, KG.surface)
        if surface is not None:
            assert text[start:end] == str(surface)
        item_text = graph.value(node, KG.text)
        if item_text is not None:
            assert text[start:end] == str(item_text)
        checked += 1
    assert checked >= 15


def test_items_sit_in_their_sections_and_links_carry_score_and_reasons():
    report = baishi_2023()
    graph = report_graph(report)
    plan = URIRef(f"{report_iri(report.key)}/plan/0")
    shortcoming = URIRef(f"{report_iri(report.key)}/shortcoming/0")
    assert (plan, KG.addresses, shortcoming) in graph
    (link,) = graph.subjects(RDF.type, KG.Link)
    assert graph.value(link, KG.relSource) == plan and graph.value(link, KG.relTarget) == shortcoming
    assert graph.value(link, KG.score).toPython() == pytest.approx(0.75)
    assert str(graph.value(link, KG.sharedTheme)) == "enforcement"
    section = graph.value(predicate=KG.hasItem, object=plan)
    assert str(graph.value(section, KG.kind)) == "plans"


def test_metric_values_are_decimals_and_flags_booleans():
    graph = report_graph(baishi_2023())
    values = {str(graph.value(m, KG.indicator)): graph.value(m, KG.value) for m in graph.subjects(RDF.type, KG.Metric)}
    assert values["发放宣传资料"].datatype == URIRef("http://www.w3.org/2001/XMLSchema#decimal")
    assert values["发放宣传资料"].toPython() == 3000


def test_a_range_keeps_its_upper_bound_and_passes_the_shapes(tmp_path):
    from kg.extract.report import extract_report

    path = tmp_path / "range.txt"
    path.write_text("青禾县白石镇2023年法治政府建设情况报告\n一、主要工作\n（一）普法宣传。每季度开展送法下乡3至5次，"
                    "投入普法经费2～3万元，发放资料800份。\n", encoding="utf-8")
    graph = report_graph(extract_report(read_source(path)))
    bounds = {str(graph.value(m, KG.indicator)): graph.value(m, KG.upperValue) for m in graph.subjects(RDF.type, KG.Metric)}
    assert {k: v.toPython() if v is not None else None for k, v in bounds.items()} == {
        "每季度开展送法下乡": 5, "投入普法经费": 30000, "发放资料": None}
    assert bounds["投入普法经费"].datatype == URIRef("http://www.w3.org/2001/XMLSchema#decimal")
    assert validate(graph)[0]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_same_input_gives_the_same_text_in_every_process(fmt, tmp_path):
    """Serializations match across processes, whose string hashing differs."""
    script = (
        "import sys; sys.path.insert(0, %r)\n"
        "from test_rdf import baishi_2023, baishi_2024\n"
        "from kg.mapping.rdf import report_graph\nfrom kg.export.rdf import serialize\n"
        "g = report_graph(baishi_2023()); report_graph(baishi_2024(), g)\n"
        "sys.stdout.write(serialize(g, %r))\n"
    ) % (str(Path(__file__).parent), fmt)
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1


@pytest.mark.rapper
@pytest.mark.parametrize(("fmt", "parser"), [("turtle", "turtle"), ("nt", "ntriples"), ("trig", "trig")])
def test_rapper_reads_every_triple(fmt, parser, tmp_path):
    rapper = need_tool("rapper")
    graph = report_graph(baishi_2023())
    report_graph(baishi_2024(), graph)
    path = tmp_path / f"graph.{fmt}"
    path.write_text(serialize(graph, fmt), encoding="utf-8")
    result = subprocess.run([rapper, "-i", parser, "-c", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"returned {len(graph)} triples" in result.stderr


@pytest.mark.shared
def test_every_corpus_report_gives_a_graph_that_conforms(shared):
    summary = Summary()
    graph = reports_graph([shared / "corpus"], summary)
    assert summary.errors == []
    conforms(graph)
    paths = sorted((shared / "corpus").rglob("*.txt"))
    assert len(set(graph.subjects(RDF.type, KG.Report))) == summary.reports == len(paths)
    # laws are shared: fewer law nodes than places citing them
    assert 0 < len(set(graph.subjects(RDF.type, KG.Law))) < len(set(graph.subjects(KG.relProperty, KG.cites)))


def test_a_section_without_heading_and_a_heading_on_two_lines_conform_to_the_shapes():
    from kg.extract.report import extract_report
    from kg.link import link_report

    unseen = Path(__file__).parent / "fixtures" / "unseen"
    graph = Graph()
    for name in ("luzhou_2023.txt", "baiyun_2024.txt"):
        report = link_report(extract_report(read_source(unseen / name)))
        report_graph(report, graph)
    assert {str(h) for h in graph.objects(None, KG.heading)} >= {"", "一、\n主要工作开展情况"}
    conforms(graph)
