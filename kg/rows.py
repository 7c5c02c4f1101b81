"""Report → store rows straight from the model, without building an rdflib graph first.

The rows are exactly those `kg.graphrows.graph_rows(kg.rdf.report_graph(report))` gives (tested in
tests/test_rows.py on every corpus and sample report); labels, types and keys still come from the
ontology. RDF set semantics are kept: a repeated value or relationship counts once, a relationship
restated by a kg:Relation node is written only as that node's keyed relationship.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from kg.errors import KgError, OntologyError
from kg.graphrows import URI, GraphRows
from kg.identity import short_hash
from kg.model import Evidence, Report
from kg.rdf import (campaign_iri, county_iri, document_iri, item_iri, law_iri, law_key, report_iri, title_key,
                    township_iri)
from kg.text import normalize
from kg.vocab import ITEM_CLASS, KG, LINK_PROPERTY, is_functional, node_label, relationship_type


@lru_cache(maxsize=None)
def _functional(key: str) -> bool:
    return is_functional(KG[key])


@lru_cache(maxsize=None)
def _type(prop) -> str:
    return relationship_type(prop)


def _decimal(value: float) -> float:
    # The same value an xsd:decimal literal of repr(value) reads back as.
    return float(Decimal(repr(float(value))))


class _Builder:
    """Subjects with their class and values, and relationships, collected with RDF's set semantics."""

    def __init__(self):
        self.classes: dict[str, str] = {}
        self.values: dict[str, dict[str, dict]] = defaultdict(lambda: defaultdict(dict))
        self.plain: dict[str, dict[tuple[str, str], None]] = defaultdict(dict)
        self.keyed: dict[str, tuple[str, str, str]] = {}  # relation node → (source, type, target)

    def node(self, uri: str, cls) -> None:
        label = node_label(cls)
        if self.classes.setdefault(uri, label) != label:
            raise OntologyError(f"{uri}: two classes, {self.classes[uri]} and {label}")

    def add(self, uri: str, key: str, value) -> None:
        # Keyed by type too: in RDF 1 and True are different literals.
        self.values[uri][key][(type(value).__name__, value)] = value

    def set(self, uri: str, key: str, value) -> None:
        self.values[uri][key] = {(type(value).__name__, value): value}

    def text(self, uri: str, key: str, value) -> None:
        if value is not None and value != "":
            self.add(uri, key, value)

    def evidence(self, uri: str, ev: Evidence) -> None:
        self.add(uri, "sourceFile", ev.source)
        self.add(uri, "start", ev.start)
        self.add(uri, "end", ev.end)
        self.add(uri, "sentence", ev.sentence)

    def link(self, source: str, prop, target: str) -> None:
        self.plain[_type(prop)][(source, target)] = None

    def relation(self, uri: str, cls, source: str, prop, target: str) -> None:
        self.node(uri, cls)
        self.keyed[uri] = (source, _type(prop), target)

    def rows(self) -> GraphRows:
        rows = GraphRows()
        restated = set()
        for uri, label in self.classes.items():
            props = self._props(uri)
            if uri in self.keyed:
                source, rel_type, target = self.keyed[uri]
                restated.add((source, rel_type, target))
                rows.relationships[rel_type].append(
                    {"source": source, "target": target, "props": {URI: uri, "relClass": label, **props}})
            else:
                rows.nodes[label].append({URI: uri, "props": {URI: uri, **props}})
        for rel_type, pairs in self.plain.items():
            for source, target in pairs:
                if (source, rel_type, target) not in restated:
                    rows.relationships[rel_type].append({"source": source, "target": target, "props": {}})
        for by_key in (rows.nodes, rows.relationships):
            for batch in by_key.values():
                batch.sort(key=lambda row: (row.get(URI) or row["source"], row.get("target", ""),
                                            row["props"].get(URI, "")))
        return rows

    def _props(self, uri: str) -> dict:
        props = {}
        for key, found in self.values.get(uri, {}).items():
            values = list(found.values())
            if _functional(key):
                if len(values) > 1:
                    raise OntologyError(f"{uri}: functional property {key} has {len(values)} values")
                props[key] = values[0]
            else:
                props[key] = sorted(values, key=lambda v: (type(v).__name__, v))
        return props


def report_rows(report: Report, location: str | None = None) -> GraphRows:
    """One report's node and relationship rows; `location` is stored as the report's sourceLocation."""
    b = _Builder()
    header, source, key = report.header, report.source, report.key
    node = str(report_iri(key))
    b.node(node, KG.Report)
    b.add(node, "key", key)
    b.add(node, "sourceFile", source.path)
    b.add(node, "sha256", source.sha256)
    b.add(node, "encoding", source.encoding)
    b.add(node, "format", source.fmt)
    b.add(node, "countyInferred", bool(header.county_inferred))
    if header.year is not None:
        b.add(node, "year", int(header.year))
    b.text(node, "title", header.title)
    b.text(node, "docNumber", header.doc_number)
    b.text(node, "issuer", header.issuer)
    b.text(node, "addressee", header.addressee)
    for warning in report.warnings:
        b.text(node, "warning", warning)
    if location:
        b.add(node, "sourceLocation", location)
    _place(b, node, header.township, header.county)
    sections = _sections(b, node, report)
    _items(b, report, key, sections)
    _citations(b, node, report)
    _facts(b, node, report)
    _themes(b, report, key)
    for link in report.links:
        _link(b, link)
    return b.rows()


def _place(b: _Builder, report_node: str, township: str | None, county: str | None) -> None:
    if not township:
        return
    town = str(township_iri(township, county))
    b.link(report_node, KG.aboutTownship, town)
    b.node(town, KG.Township)
    b.add(town, "name", township)
    if county:
        place = str(county_iri(county))
        b.link(town, KG.inCounty, place)
        b.node(place, KG.County)
        b.add(place, "name", county)


def _sections(b: _Builder, report_node: str, report: Report) -> dict[int, str]:
    nodes = {}
    for section in report.sections:
        node = f"{report_node}/section/{section.index}"
        nodes[section.index] = node
        b.link(report_node, KG.hasSection, node)
        b.node(node, KG.Section)
        b.add(node, "kind", section.kind)
        b.add(node, "heading", section.heading)
        b.add(node, "parseStatus", section.parse)
        b.add(node, "order", section.index)
        b.add(node, "bodyStart", section.start)
        b.add(node, "bodyEnd", section.end)
        b.evidence(node, section.evidence)
    return nodes


def _items(b: _Builder, report: Report, key: str, sections: dict[int, str]) -> None:
    for item in (*report.measures, *report.shortcomings, *report.plans):
        node = str(item_iri(key, item.kind, item.ordinal))
        b.node(node, ITEM_CLASS[item.kind])
        b.add(node, "text", item.text)
        b.add(node, "ordinal", item.ordinal)
        b.add(node, "bodyStart", item.body_start)
        b.add(node, "bodyEnd", item.body_end)
        b.evidence(node, item.evidence)
        if item.section in sections:
            b.link(sections[item.section], KG.hasItem, node)


def _mention(b: _Builder, report_node: str, kind: str, index: int, target: str, ev: Evidence, text: str) -> None:
    b.link(report_node, KG.cites, target)
    node = f"{report_node}/mention/{kind}/{index}"
    b.relation(node, KG.Mention, report_node, KG.cites, target)
    b.add(node, "surface", text[ev.start : ev.end])
    b.evidence(node, ev)


def _citations(b: _Builder, report_node: str, report: Report) -> None:
    text = report.source.text
    for index, law in enumerate(report.laws):
        target = str(law_iri(law.name))
        b.node(target, KG.Law)
        b.set(target, "name", law_key(law.name))
        _mention(b, report_node, "law", index, target, law.evidence, text)
    for index, document in enumerate(report.documents):
        target = str(document_iri(document.title))
        b.node(target, KG.Document)
        b.set(target, "title", title_key(document.title))
        _mention(b, report_node, "document", index, target, document.evidence, text)
    for index, campaign in enumerate(report.campaigns):
        target = str(campaign_iri(campaign.name))
        b.node(target, KG.Campaign)
        b.set(target, "name", normalize(campaign.name).strip())
        b.set(target, "category", campaign.category)
        _mention(b, report_node, "campaign", index, target, campaign.evidence, text)


def _facts(b: _Builder, report_node: str, report: Report) -> None:
    for index, metric in enumerate(report.metrics):
        node = f"{report_node}/metric/{index}"
        b.link(report_node, KG.states, node)
        b.node(node, KG.Metric)
        b.add(node, "indicator", metric.indicator)
        b.add(node, "value", _decimal(metric.value))
        b.add(node, "unit", metric.unit)
        b.add(node, "approximate", bool(metric.approx))
        b.evidence(node, metric.evidence)
    for index, person in enumerate(report.persons):
        node = f"{report_node}/person/{index}"
        b.link(report_node, KG.names, node)
        b.node(node, KG.Person)
        b.add(node, "name", person.name)
        b.text(node, "role", person.role)
        b.evidence(node, person.evidence)


def _themes(b: _Builder, report: Report, key: str) -> None:
    from kg.rdf import theme_iri

    for tag in report.themes:
        item = str(item_iri(key, tag.item_kind, tag.item_ordinal))
        theme = str(theme_iri(tag.theme))
        b.node(theme, KG.Theme)
        b.set(theme, "name", tag.theme)
        b.link(item, KG.hasTheme, theme)
        node = f"{item}/theme/{short_hash(tag.theme)}"
        b.relation(node, KG.ThemeTag, item, KG.hasTheme, theme)
        for keyword in tag.keywords:
            b.add(node, "keyword", keyword)


def _link(b: _Builder, link) -> None:
    prop = LINK_PROPERTY.get(link.kind)
    if prop is None:
        raise KgError(f"{link.source_report}: unknown link kind {link.kind!r}")
    source = str(item_iri(link.source_report, link.source_kind, link.source_ordinal))
    target = str(item_iri(link.target_report, link.target_kind, link.target_ordinal))
    b.link(source, prop, target)
    node = f"{source}/link/{link.kind}/{short_hash(target)}"
    b.relation(node, KG.Link, source, prop, target)
    b.add(node, "score", _decimal(round(link.score, 6)))
    b.add(node, "method", link.method)
    for theme in link.themes:
        b.add(node, "sharedTheme", theme)
    for term in link.terms:
        b.add(node, "sharedTerm", term)
