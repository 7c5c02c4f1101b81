"""Report → RDF under ontology/kg.ttl: the one place triples are made."""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, Graph, Literal, URIRef

from kg.errors import KgError
from kg import ids
from kg.ids import BASE, law_key, short_hash, title_key
from kg.model import Evidence, Report
from kg.ontology import ITEM_CLASS, KG, LINK_PROPERTY, PREFIXES
from kg.text import normalize

# ---------------------------------------------------------------- one report

def new_graph() -> Graph:
    """An empty graph with the project's prefixes, named so that TriG output is the same every run."""
    graph = Graph(bind_namespaces="none", identifier=URIRef(BASE + "graph"))
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _text(graph: Graph, node, prop, value) -> None:
    if value is not None and value != "":
        graph.add((node, prop, Literal(value)))


def _evidence(graph: Graph, node, ev: Evidence) -> None:
    graph.add((node, KG.sourceFile, Literal(ev.source)))
    graph.add((node, KG.start, Literal(ev.start)))
    graph.add((node, KG.end, Literal(ev.end)))
    graph.add((node, KG.sentence, Literal(ev.sentence)))


def _decimal(value: float) -> Literal:
    return Literal(Decimal(repr(float(value))))


def report_graph(report: Report, graph: Graph | None = None) -> Graph:
    """One report's triples: its township and county, sections, items, the shared nodes it cites, its links."""
    graph = new_graph() if graph is None else graph
    header, source = report.header, report.source
    key = report.key
    node = URIRef(ids.report_iri(key))
    graph.add((node, RDF.type, KG.Report))
    graph.add((node, KG.key, Literal(key)))
    graph.add((node, KG.sourceFile, Literal(source.path)))
    graph.add((node, KG.sha256, Literal(source.sha256)))
    graph.add((node, KG.encoding, Literal(source.encoding)))
    graph.add((node, KG.format, Literal(source.fmt)))
    graph.add((node, KG.countyInferred, Literal(bool(header.county_inferred))))
    if header.year is not None:
        graph.add((node, KG.year, Literal(int(header.year))))
    _text(graph, node, KG.title, header.title)
    _text(graph, node, KG.docNumber, header.doc_number)
    _text(graph, node, KG.issuer, header.issuer)
    _text(graph, node, KG.addressee, header.addressee)
    for warning in report.warnings:
        _text(graph, node, KG.warning, warning)
    _place(graph, node, header.township, header.county)
    sections = _sections(graph, node, report)
    _items(graph, report, key, sections)
    _citations(graph, node, report)
    _facts(graph, node, report)
    _themes(graph, report, key)
    for link in report.links:
        add_link(graph, link)
    return graph


def _place(graph: Graph, report_node, township: str | None, county: str | None) -> None:
    if not township:
        return
    town = URIRef(ids.township_iri(township, county))
    graph.add((report_node, KG.aboutTownship, town))
    graph.add((town, RDF.type, KG.Township))
    graph.add((town, KG.name, Literal(township)))
    if county:
        graph.add((town, KG.inCounty, URIRef(ids.county_iri(county))))
        graph.add((URIRef(ids.county_iri(county)), RDF.type, KG.County))
        graph.add((URIRef(ids.county_iri(county)), KG.name, Literal(county)))


def _sections(graph: Graph, report_node, report: Report) -> dict[int, URIRef]:
    nodes = {}
    for section in report.sections:
        node = URIRef(f"{report_node}/section/{section.index}")
        nodes[section.index] = node
        graph.add((report_node, KG.hasSection, node))
        graph.add((node, RDF.type, KG.Section))
        graph.add((node, KG.kind, Literal(section.kind)))
        graph.add((node, KG.heading, Literal(section.heading)))
        graph.add((node, KG.parseStatus, Literal(section.parse)))
        graph.add((node, KG.order, Literal(section.index)))
        graph.add((node, KG.bodyStart, Literal(section.start)))
        graph.add((node, KG.bodyEnd, Literal(section.end)))
        _evidence(graph, node, section.evidence)
    return nodes


def _items(graph: Graph, report: Report, key: str, sections: dict[int, URIRef]) -> None:
    for item in (*report.measures, *report.shortcomings, *report.plans):
        node = URIRef(ids.item_iri(key, item.kind, item.ordinal))
        graph.add((node, RDF.type, ITEM_CLASS[item.kind]))
        graph.add((node, KG.text, Literal(item.text)))
        graph.add((node, KG.ordinal, Literal(item.ordinal)))
        graph.add((node, KG.bodyStart, Literal(item.body_start)))
        graph.add((node, KG.bodyEnd, Literal(item.body_end)))
        _evidence(graph, node, item.evidence)
        if item.section in sections:
            graph.add((sections[item.section], KG.hasItem, node))


def _mention(graph: Graph, report_node, kind: str, index: int, target, ev: Evidence, text: str) -> None:
    """Report —cites→ target, and the place of citing as a kg:Mention carrying the evidence."""
    graph.add((report_node, KG.cites, target))
    node = URIRef(f"{report_node}/mention/{kind}/{index}")
    graph.add((node, RDF.type, KG.Mention))
    graph.add((node, KG.relSource, report_node))
    graph.add((node, KG.relProperty, KG.cites))
    graph.add((node, KG.relTarget, target))
    graph.add((node, KG.surface, Literal(text[ev.start : ev.end])))
    _evidence(graph, node, ev)


def _citations(graph: Graph, report_node, report: Report) -> None:
    text = report.source.text
    for index, law in enumerate(report.laws):
        target = URIRef(ids.law_iri(law.name))
        graph.add((target, RDF.type, KG.Law))
        graph.set((target, KG.name, Literal(law_key(law.name))))
        _mention(graph, report_node, "law", index, target, law.evidence, text)
    for index, document in enumerate(report.documents):
        target = URIRef(ids.document_iri(document.title))
        graph.add((target, RDF.type, KG.Document))
        graph.set((target, KG.title, Literal(title_key(document.title))))
        _mention(graph, report_node, "document", index, target, document.evidence, text)
    for index, campaign in enumerate(report.campaigns):
        target = URIRef(ids.campaign_iri(campaign.name))
        graph.add((target, RDF.type, KG.Campaign))
        graph.set((target, KG.name, Literal(normalize(campaign.name).strip())))
        graph.set((target, KG.category, Literal(campaign.category)))
        _mention(graph, report_node, "campaign", index, target, campaign.evidence, text)


def _facts(graph: Graph, report_node, report: Report) -> None:
    for index, metric in enumerate(report.metrics):
        node = URIRef(f"{report_node}/metric/{index}")
        graph.add((report_node, KG.states, node))
        graph.add((node, RDF.type, KG.Metric))
        graph.add((node, KG.indicator, Literal(metric.indicator)))
        graph.add((node, KG.value, _decimal(metric.value)))
        graph.add((node, KG.unit, Literal(metric.unit)))
        graph.add((node, KG.approximate, Literal(bool(metric.approx))))
        _evidence(graph, node, metric.evidence)
    for index, person in enumerate(report.persons):
        node = URIRef(f"{report_node}/person/{index}")
        graph.add((report_node, KG.names, node))
        graph.add((node, RDF.type, KG.Person))
        graph.add((node, KG.name, Literal(person.name)))
        _text(graph, node, KG.role, person.role)
        _evidence(graph, node, person.evidence)


def _themes(graph: Graph, report: Report, key: str) -> None:
    for tag in report.themes:
        item = URIRef(ids.item_iri(key, tag.item_kind, tag.item_ordinal))
        theme = URIRef(ids.theme_iri(tag.theme))
        graph.add((theme, RDF.type, KG.Theme))
        graph.set((theme, KG.name, Literal(tag.theme)))
        graph.add((item, KG.hasTheme, theme))
        node = URIRef(f"{item}/theme/{short_hash(tag.theme)}")
        graph.add((node, RDF.type, KG.ThemeTag))
        graph.add((node, KG.relSource, item))
        graph.add((node, KG.relProperty, KG.hasTheme))
        graph.add((node, KG.relTarget, theme))
        for keyword in tag.keywords:
            graph.add((node, KG.keyword, Literal(keyword)))


def add_link(graph: Graph, link) -> URIRef:
    """The direct item→item triple and the kg:Link node that carries its score and reasons."""
    prop = LINK_PROPERTY.get(link.kind)
    if prop is None:
        raise KgError(f"{link.source_report}: unknown link kind {link.kind!r}")
    source = URIRef(ids.item_iri(link.source_report, link.source_kind, link.source_ordinal))
    target = URIRef(ids.item_iri(link.target_report, link.target_kind, link.target_ordinal))
    graph.add((source, prop, target))
    node = URIRef(f"{source}/link/{link.kind}/{short_hash(str(target))}")
    graph.add((node, RDF.type, KG.Link))
    graph.add((node, KG.relSource, source))
    graph.add((node, KG.relProperty, prop))
    graph.add((node, KG.relTarget, target))
    graph.add((node, KG.score, _decimal(round(link.score, 6))))
    graph.add((node, KG.method, Literal(link.method)))
    for theme in link.themes:
        graph.add((node, KG.sharedTheme, Literal(theme)))
    for term in link.terms:
        graph.add((node, KG.sharedTerm, Literal(term)))
    return node
