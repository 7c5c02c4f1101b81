"""The theme scheme parses, labels every concept in two languages, and tags items by keywords they contain."""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from kg.link.themes import THEMES_TTL, load_themes, tag_report, tag_text
from kg.read import read_source
from kg.structure import outline as structure
from kg.extract import measures, plans, shortcomings
from kg.model import Report
from kg.text import normalize

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures" / "link"


def test_scheme_parses_and_every_concept_has_chinese_and_english_labels():
    graph = Graph().parse(THEMES_TTL, format="turtle")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) >= 20
    scheme = next(graph.subjects(RDF.type, SKOS.ConceptScheme))
    for concept in concepts:
        languages = {label.language for label in graph.objects(concept, SKOS.prefLabel)}
        assert {"zh", "en"} <= languages, concept
        assert (concept, SKOS.inScheme, scheme) in graph
        assert (scheme, SKOS.hasTopConcept, concept) in graph, concept
        assert list(graph.objects(concept, SKOS.hiddenLabel)), f"{concept} has no keywords"


def test_the_scheme_covers_the_fields_of_township_work():
    ids = {theme.id for theme in load_themes()}
    for wanted in ("publicity", "enforcement", "decision", "cadre-study", "disputes", "legal-services",
                   "culture-sites", "model-creation", "transparency", "normative-documents", "leadership",
                   "funding", "grassroots-capacity", "service-centre", "mediation", "litigation", "business",
                   "digital", "supervision"):
        assert wanted in ids


def test_a_sentence_is_tagged_with_the_themes_its_keywords_name():
    found = tag_text("镇综合执法队执法装备不足，人民调解员年龄偏大")
    assert "enforcement" in found and "mediation" in found
    assert "执法装备" in found["enforcement"]
    assert "publicity" not in found


def test_the_publics_legal_notions_are_a_matter_of_publicity():
    # 法治观念淡薄 is the same shortfall as 法律意识不强, which publicity takes up
    assert "publicity" in tag_text("群众法治观念淡薄，遇事习惯上访")
    # a cadre's awareness is a matter of cadres' study as well
    assert {"publicity", "cadre-study"} <= set(tag_text("部分村干部法治意识仍然不强"))


def test_full_width_text_matches_half_width_keywords():
    assert "legal-services" in tag_text("“一村（社区）一法律顾问”服务效能不高")


def _report(name: str) -> Report:
    source = read_source(FIXTURES / name)
    outline = structure.parse(source)
    return Report(source, outline.header, outline.sections, measures.extract(source, outline),
                  shortcomings.extract(source, outline), plans.extract(source, outline))


def test_every_item_is_tagged_and_each_keyword_occurs_in_the_item():
    report = _report("songling-2022.txt")
    tags = tag_report(report)
    tagged = {(tag.item_kind, tag.item_ordinal) for tag in tags}
    for kind in ("measure", "shortcoming", "plan"):
        for item in report.items(kind):
            assert (kind, item.ordinal) in tagged, item.text
    for tag in tags:
        item = report.items(tag.item_kind)[tag.item_ordinal]
        text = normalize(item.text + item.body(report.source.text))
        assert tag.keywords and all(word in text for word in tag.keywords)
    enforcement = [t for t in tags if t.item_kind == "shortcoming" and t.item_ordinal == 0]
    assert "enforcement" in {t.theme for t in enforcement}
