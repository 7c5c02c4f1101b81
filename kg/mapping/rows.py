"""Report → store rows straight from the model, without building an rdflib graph first.

The rows are exactly those `kg.mapping.graphrows.graph_rows(kg.mapping.rdf.report_graph(report))` gives (tested in
tests/test_rows.py on every corpus and sample report); labels, types and keys still come from the
ontology. RDF set semantics are kept: a repeated value or relationship counts once, a relationship
restated by a kg:Relation node is written only as that node's keyed relationship.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import OWL, RDF

from kg.errors import KgError, OntologyError
from kg.mapping.graphrows import URI, GraphRows
from kg.ids import campaign_iri, county_iri, document_iri, law_iri, law_key, report_iri, short_hash, theme_iri, title_key, township_iri
from kg.model import Report
from kg.text import normalize
from kg.ontology import ITEM_CLASS, KG, LINK_PROPERTY, local_name, node_label, ontology, relationship_type

# Looked up once: resolving KG terms and naming them was most of the time of a report's rows.
REPORT, TOWNSHIP, COUNTY, SECTION, LAW, DOCUMENT, CAMPAIGN, METRIC, PERSON, THEME, MENTION, THEME_TAG, LINK = (
    node_label(c) for c in (KG.Report, KG.Township, KG.County, KG.Section, KG.Law, KG.Document, KG.Campaign,
                            KG.Metric, KG.Person, KG.Theme, KG.Mention, KG.ThemeTag, KG.Link))
ABOUT_TOWNSHIP, IN_COUNTY, HAS_SECTION, HAS_ITEM, CITES, STATES, NAMES, HAS_THEME = (
    relationship_type(p) for p in (KG.aboutTownship, KG.inCounty, KG.hasSection, KG.hasItem, KG.cites, KG.states,
                                   KG.names, KG.hasTheme))
ITEM_LABEL = {kind: node_label(cls) for kind, cls in ITEM_CLASS.items()}
LINK_TYPE = {kind: relationship_type(prop) for kind, prop in LINK_PROPERTY.items()}
# The keys this module gives as lists; `_many_valued` checks them against the ontology's non-functional ones.
LISTED = frozenset({"warning", "keyword", "sharedTheme", "sharedTerm"})
SHARED_CACHE = 4096  # shared names recur across reports; bounded, so memory does not grow with the corpus


@lru_cache(maxsize=1)
def _many_valued() -> frozenset[str]:
    """The ontology's non-functional datatype properties, which must be the keys this module gives as lists."""
    graph = ontology()
    found = frozenset(local_name(p) for p in graph.subjects(RDF.type, OWL.DatatypeProperty)
                      if (p, RDF.type, OWL.FunctionalProperty) not in graph)
    if found != LISTED:
        raise OntologyError(f"kg/mapping/rows.py gives lists for {sorted(LISTED)}; the ontology's many-valued properties "
                            f"are {sorted(found)}")
    return found


def _distinct(values) -> list:
    """RDF's set of values as a sorted list: 1 and True are different literals, so the type is part of the key."""
    if len(values) == 1:
        return list(values)
    found = {(type(v).__name__, v): v for v in values}
    return [found[k] for k in sorted(found)]


def _ident(value) -> tuple:
    return type(value).__name__, value


class _Builder:
    """Subjects with their class and values, and relationships, collected with RDF's set semantics."""

    def __init__(self):
        self.classes: dict[str, str] = {}
        self.props: dict[str, dict] = {}  # uri → properties; a many-valued key holds a list
        self.plain: dict[tuple[str, str, str], None] = {}  # (source, type, target)
        self.keyed: dict[str, tuple[str, str, str]] = {}  # relation node → (source, type, target)
        self.clashes: dict[tuple[str, str], dict] = {}  # (uri, functional key) → its distinct values, when several

    def node(self, uri: str, label: str, props: dict) -> None:
        """A subject with its values; `props` is kept as given when the subject is new, so it must be fresh."""
        if self.classes.setdefault(uri, label) != label:
            raise OntologyError(f"{uri}: two classes, {self.classes[uri]} and {label}")
        held = self.props.get(uri)
        if held is None:
            self.props[uri] = props
            return
        for key, value in props.items():
            if key in LISTED:
                held[key] = _distinct(held.get(key, []) + value)
            elif key not in held:
                held[key] = value
            elif _ident(held[key]) != _ident(value):
                self.clashes.setdefault((uri, key), {_ident(held[key]): None})[_ident(value)] = None

    def shared(self, uri: str, label: str, props: dict) -> None:
        """A node other reports name too, whose values replace its earlier ones (rdflib's `Graph.set`)."""
        held = self.props.get(uri)
        if held is None:
            self.node(uri, label, props)
            return
        if self.classes[uri] != label:
            raise OntologyError(f"{uri}: two classes, {self.classes[uri]} and {label}")
        held.update(props)
        if self.clashes:
            for key in props:
                self.clashes.pop((uri, key), None)

    def link(self, source: str, rel_type: str, target: str) -> None:
        self.plain[(source, rel_type, target)] = None

    def relation(self, uri: str, label: str, source: str, rel_type: str, target: str, props: dict) -> None:
        self.node(uri, label, {URI: uri, "relClass": label, **props})
        self.keyed[uri] = (source, rel_type, target)

    def rows(self) -> GraphRows:
        _many_valued()  # the values given as lists must be those the ontology makes lists
        for (uri, key), values in self.clashes.items():
            raise OntologyError(f"{uri}: functional property {key} has {len(values)} values")
        rows = GraphRows()
        nodes, rels, classes, props = rows.nodes, rows.relationships, self.classes, self.props
        # Rows in the order graph_rows gives them: nodes by IRI, relationships by source, target and own IRI.
        for uri in sorted(classes.keys() - self.keyed.keys()):
            nodes[classes[uri]].append({URI: uri, "props": props[uri]})
        restated = set(self.keyed.values())
        found = [(s, t, uri, rel_type) for uri, (s, rel_type, t) in self.keyed.items()]
        found += [(s, t, "", rel_type) for (s, rel_type, t) in self.plain if (s, rel_type, t) not in restated]
        found.sort()
        for source, target, uri, rel_type in found:
            rels[rel_type].append({"source": source, "target": target, "props": props[uri] if uri else {}})
        return rows


def report_rows(report: Report, location: str | None = None) -> GraphRows:
    """One report's node and relationship rows; `location` is stored as the report's sourceLocation."""
    b = _Builder()
    header, source, key = report.header, report.source, report.key
    node = str(report_iri(key))
    props = {URI: node, "key": key, "sourceFile": source.path, "sha256": source.sha256, "encoding": source.encoding,
             "format": source.fmt, "countyInferred": bool(header.county_inferred)}
    if header.year is not None:
        props["year"] = int(header.year)
    for name, value in (("title", header.title), ("docNumber", header.doc_number), ("issuer", header.issuer),
                        ("addressee", header.addressee)):
        if value is not None and value != "":
            props[name] = value
    warnings = [w for w in report.warnings if w is not None and w != ""]
    if warnings:
        props["warning"] = _distinct(warnings)
    if location:
        props["sourceLocation"] = location
    b.node(node, REPORT, props)
    _place(b, node, header.township, header.county)
    sections = _sections(b, node, report)
    _items(b, report, node, sections)
    _citations(b, node, report)
    _facts(b, node, report)
    _themes(b, report, node)
    reports = {key: node}
    for link in report.links:
        _link(b, link, reports)
    return b.rows()


def _evidence(props: dict, ev) -> dict:
    props["sourceFile"] = ev.source
    props["start"] = ev.start
    props["end"] = ev.end
    props["sentence"] = ev.sentence
    return props


@lru_cache(maxsize=SHARED_CACHE)
def _township(township: str, county: str | None) -> str:
    return str(township_iri(township, county))


@lru_cache(maxsize=SHARED_CACHE)
def _county(county: str) -> str:
    return str(county_iri(county))


def _place(b: _Builder, report_node: str, township: str | None, county: str | None) -> None:
    if not township:
        return
    town = _township(township, county)
    b.link(report_node, ABOUT_TOWNSHIP, town)
    b.node(town, TOWNSHIP, {URI: town, "name": township})
    if county:
        place = _county(county)
        b.link(town, IN_COUNTY, place)
        b.node(place, COUNTY, {URI: place, "name": county})


def _sections(b: _Builder, report_node: str, report: Report) -> dict[int, str]:
    nodes = {}
    for section in report.sections:
        node = f"{report_node}/section/{section.index}"
        nodes[section.index] = node
        b.link(report_node, HAS_SECTION, node)
        b.node(node, SECTION, _evidence(
            {URI: node, "kind": section.kind, "heading": section.heading, "parseStatus": section.parse,
             "order": section.index, "bodyStart": section.start, "bodyEnd": section.end}, section.evidence))
    return nodes


def _items(b: _Builder, report: Report, report_node: str, sections: dict[int, str]) -> None:
    for item in (*report.measures, *report.shortcomings, *report.plans):
        node = f"{report_node}/{item.kind}/{item.ordinal}"  # kg.mapping.rdf.item_iri, the report's IRI made once
        b.node(node, ITEM_LABEL[item.kind], _evidence(
            {URI: node, "text": item.text, "ordinal": item.ordinal, "bodyStart": item.body_start,
             "bodyEnd": item.body_end}, item.evidence))
        if item.section in sections:
            b.link(sections[item.section], HAS_ITEM, node)


def _mention(b: _Builder, report_node: str, kind: str, index: int, target: str, ev, text: str) -> None:
    b.link(report_node, CITES, target)
    node = f"{report_node}/mention/{kind}/{index}"
    b.relation(node, MENTION, report_node, CITES, target, _evidence({"surface": text[ev.start : ev.end]}, ev))


@lru_cache(maxsize=SHARED_CACHE)
def _law(name: str) -> tuple[str, str]:
    return str(law_iri(name)), law_key(name)


@lru_cache(maxsize=SHARED_CACHE)
def _document(title: str) -> tuple[str, str]:
    return str(document_iri(title)), title_key(title)


@lru_cache(maxsize=SHARED_CACHE)
def _campaign(name: str) -> tuple[str, str]:
    return str(campaign_iri(name)), normalize(name).strip()


def _citations(b: _Builder, report_node: str, report: Report) -> None:
    text = report.source.text
    for index, law in enumerate(report.laws):
        target, name = _law(law.name)
        b.shared(target, LAW, {URI: target, "name": name})
        _mention(b, report_node, "law", index, target, law.evidence, text)
    for index, document in enumerate(report.documents):
        target, title = _document(document.title)
        b.shared(target, DOCUMENT, {URI: target, "title": title})
        _mention(b, report_node, "document", index, target, document.evidence, text)
    for index, campaign in enumerate(report.campaigns):
        target, name = _campaign(campaign.name)
        b.shared(target, CAMPAIGN, {URI: target, "name": name, "category": campaign.category})
        _mention(b, report_node, "campaign", index, target, campaign.evidence, text)


def _facts(b: _Builder, report_node: str, report: Report) -> None:
    for index, metric in enumerate(report.metrics):
        node = f"{report_node}/metric/{index}"
        b.link(report_node, STATES, node)
        # float() is what the RDF route's xsd:decimal of repr(value) reads back as: repr round-trips exactly.
        b.node(node, METRIC, _evidence({URI: node, "indicator": metric.indicator, "value": float(metric.value),
                                        "unit": metric.unit, "approximate": bool(metric.approx)}, metric.evidence))
    for index, person in enumerate(report.persons):
        node = f"{report_node}/person/{index}"
        b.link(report_node, NAMES, node)
        props = {URI: node, "name": person.name}
        if person.role is not None and person.role != "":
            props["role"] = person.role
        b.node(node, PERSON, _evidence(props, person.evidence))


@lru_cache(maxsize=SHARED_CACHE)
def _theme(theme: str) -> tuple[str, str]:
    return str(theme_iri(theme)), short_hash(theme)


def _themes(b: _Builder, report: Report, report_node: str) -> None:
    for tag in report.themes:
        item = f"{report_node}/{tag.item_kind}/{tag.item_ordinal}"
        theme, hashed = _theme(tag.theme)
        b.shared(theme, THEME, {URI: theme, "name": tag.theme})
        b.link(item, HAS_THEME, theme)
        props = {"keyword": _distinct(tag.keywords)} if tag.keywords else {}
        b.relation(f"{item}/theme/{hashed}", THEME_TAG, item, HAS_THEME, theme, props)


def _link(b: _Builder, link, reports: dict[str, str]) -> None:
    rel_type = LINK_TYPE.get(link.kind)
    if rel_type is None:
        raise KgError(f"{link.source_report}: unknown link kind {link.kind!r}")
    for key in (link.source_report, link.target_report):
        if key not in reports:
            reports[key] = str(report_iri(key))
    source = f"{reports[link.source_report]}/{link.source_kind}/{link.source_ordinal}"
    target = f"{reports[link.target_report]}/{link.target_kind}/{link.target_ordinal}"
    b.link(source, rel_type, target)
    props = {"score": float(round(link.score, 6)), "method": link.method}
    if link.themes:
        props["sharedTheme"] = _distinct(link.themes)
    if link.terms:
        props["sharedTerm"] = _distinct(link.terms)
    b.relation(f"{source}/link/{link.kind}/{short_hash(target)}", LINK, source, rel_type, target, props)
