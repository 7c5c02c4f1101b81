"""The one model → graph mapping: each kind of record, its class, IRI, fields and the relationship that reaches it.

`kg.mapping.rdf` turns it into triples and `kg.mapping.rows` into store rows, both by `walk`;
tests/test_rows.py keeps the two equal through the triples → rows oracle. A new property is one
`Field` here and its declaration in ontology/kg.ttl (`mismatches` compares the two, tests/test_spec.py
runs it). How parts are declared and compiled is kg/mapping/parts.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from operator import attrgetter
from typing import Any

from rdflib import OWL, RDF, URIRef

from kg import ids
from kg.errors import KgError
from kg.mapping.parts import FROM_REPORT, Field, Node, Part, Relation, Scope, Sink, Term, node_class, object_property
from kg.model import Report
from kg.ontology import ITEM_CLASS, KG, LINK_PROPERTY, ontology, relation_classes

SHARED_CACHE = 4096  # shared names recur across reports; bounded, so memory does not grow with the corpus


# ---------------------------------------------------------------- the mapping

EVIDENCE = (
    Field(KG.sourceFile, "evidence.source"),
    Field(KG.start, "evidence.start"),
    Field(KG.end, "evidence.end"),
    Field(KG.sentence, "evidence.sentence"),
)

ITEM_TERM = {kind: node_class(cls) for kind, cls in ITEM_CLASS.items()}
LINK_TERM = {kind: object_property(prop) for kind, prop in LINK_PROPERTY.items()}
CITES = object_property(KG.cites)
MENTION = node_class(KG.Mention)


def _link_property(link) -> Term:
    term = LINK_TERM.get(link.kind)
    if term is None:
        raise KgError(f"{link.source_report}: unknown link kind {link.kind!r}")
    return term


def _mention(kind: str) -> Relation:
    """Report —cites→ a shared node, restated by a kg:Mention carrying the words cited and the evidence."""
    return Relation(MENTION, lambda s, i, record, source, target: f"{s.node}/mention/{kind}/{i}", (
        Field(KG.surface, lambda record, s: s.report.source.text[record.evidence.start : record.evidence.end]),
        *EVIDENCE))


def _cited(kind: str, records: Callable[[Scope], Iterable], iri: Callable[[Scope, int, Any], str], cls: URIRef,
           fields: tuple[Field, ...]) -> Part:
    return Part(kind, records, iri, Node(node_class(cls), fields, shared=True), CITES, FROM_REPORT, _mention(kind))


# Shared names recur in every report: their IRIs and keys are made once per name.
_law_iri, _law_key = lru_cache(SHARED_CACHE)(ids.law_iri), lru_cache(SHARED_CACHE)(ids.law_key)
_document_iri, _title_key = lru_cache(SHARED_CACHE)(ids.document_iri), lru_cache(SHARED_CACHE)(ids.title_key)
_campaign_iri, _campaign_key = lru_cache(SHARED_CACHE)(ids.campaign_iri), lru_cache(SHARED_CACHE)(ids.campaign_key)
_township_iri, _county_iri = lru_cache(SHARED_CACHE)(ids.township_iri), lru_cache(SHARED_CACHE)(ids.county_iri)
_theme_iri, _short_hash = lru_cache(SHARED_CACHE)(ids.theme_iri), lru_cache(SHARED_CACHE)(ids.short_hash)


def _link_iri(scope: Scope, index: int, link, source: str, target: str) -> str:
    # Named by its target, not an ordinal: the same link found again is the same node.
    return f"{source}/link/{link.kind}/{ids.short_hash(target)}"


def _score(score: float) -> float:
    """A link's score as the graph states it: a float rounded to six places."""
    return float(round(score, 6))


PARTS: tuple[Part, ...] = (
    # The report's own node; its record is the Scope: the report and its IRI. Where its file is on the loading
    # machine stays out of the graph (kg.load.files): only its path inside the folder loaded and its hash.
    Part("report", lambda s: (s,), lambda s, i, record: s.node, Node(node_class(KG.Report), (
        Field(KG.key, "key"),
        Field(KG.sourceFile, "report.source.path"),
        Field(KG.sha256, "report.source.sha256"),
        Field(KG.encoding, "report.source.encoding"),
        Field(KG.format, "report.source.fmt"),
        Field(KG.countyInferred, "report.header.county_inferred", bool),
        Field(KG.year, "report.header.year", int, optional=True),
        Field(KG.title, "report.header.title", optional=True),
        Field(KG.docNumber, "report.header.doc_number", optional=True),
        Field(KG.issuer, "report.header.issuer", optional=True),
        Field(KG.addressee, "report.header.addressee", optional=True),
        Field(KG.warning, "report.warnings", optional=True, many=True),
    ))),
    Part("township", lambda s: (s.report.header,) if s.report.header.township else (),
         lambda s, i, header: _township_iri(header.township, header.county),
         Node(node_class(KG.Township), (Field(KG.name, "township"),), shared=True),
         object_property(KG.aboutTownship), FROM_REPORT),
    Part("county", lambda s: (s.report.header,) if s.report.header.township and s.report.header.county else (),
         lambda s, i, header: _county_iri(header.county),
         Node(node_class(KG.County), (Field(KG.name, "county"),), shared=True),
         object_property(KG.inCounty), lambda s, i, header: _township_iri(header.township, header.county)),
    Part("section", attrgetter("report.sections"), lambda s, i, section: f"{s.node}/section/{section.index}",
         Node(node_class(KG.Section), (
             Field(KG.kind, "kind"),
             Field(KG.heading, "heading"),
             Field(KG.parseStatus, "parse"),
             Field(KG.order, "index"),
             Field(KG.bodyStart, "start"),
             Field(KG.bodyEnd, "end"),
             *EVIDENCE)),
         object_property(KG.hasSection), FROM_REPORT),
    Part("item", lambda s: (*s.report.measures, *s.report.shortcomings, *s.report.plans),
         lambda s, i, item: f"{s.node}/{item.kind}/{item.ordinal}",
         Node(lambda item: ITEM_TERM[item.kind], (
             Field(KG.text, "text"),
             Field(KG.ordinal, "ordinal"),
             Field(KG.bodyStart, "body_start"),
             Field(KG.bodyEnd, "body_end"),
             *EVIDENCE)),
         object_property(KG.hasItem),
         # An item outside every section (a list before the first heading) hangs from no section.
         lambda s, i, item: f"{s.node}/section/{item.section}" if item.section in s.sections else None),
    _cited("law", attrgetter("report.laws"), lambda s, i, law: _law_iri(law.name), KG.Law,
           (Field(KG.name, "name", _law_key),)),
    _cited("document", attrgetter("report.documents"), lambda s, i, document: _document_iri(document.title),
           KG.Document, (Field(KG.title, "title", _title_key),)),
    _cited("campaign", attrgetter("report.campaigns"), lambda s, i, campaign: _campaign_iri(campaign.name),
           KG.Campaign, (Field(KG.name, "name", _campaign_key), Field(KG.category, "category"))),
    Part("metric", attrgetter("report.metrics"), lambda s, i, metric: f"{s.node}/metric/{i}",
         Node(node_class(KG.Metric), (
             Field(KG.indicator, "indicator"),
             Field(KG.value, "value", float),
             Field(KG.unit, "unit"),
             Field(KG.approximate, "approx", bool),
             Field(KG.upperValue, "upper", float, optional=True),
             *EVIDENCE)),
         object_property(KG.states), FROM_REPORT),
    Part("person", attrgetter("report.persons"), lambda s, i, person: f"{s.node}/person/{i}",
         Node(node_class(KG.Person), (Field(KG.name, "name"), Field(KG.role, "role", optional=True), *EVIDENCE)),
         object_property(KG.names), FROM_REPORT),
    Part("theme", attrgetter("report.themes"), lambda s, i, tag: _theme_iri(tag.theme),
         Node(node_class(KG.Theme), (Field(KG.name, "theme"),), shared=True),
         object_property(KG.hasTheme), lambda s, i, tag: f"{s.node}/{tag.item_kind}/{tag.item_ordinal}",
         Relation(node_class(KG.ThemeTag), lambda s, i, tag, item, theme: f"{item}/theme/{_short_hash(tag.theme)}",
                  (Field(KG.keyword, "keywords", many=True),))),
    # A link joins two items, maybe of another year's report: no node of its own, only the relationship.
    Part("link", attrgetter("report.links"),
         lambda s, i, link: s.item(link.target_report, link.target_kind, link.target_ordinal),
         None, _link_property, lambda s, i, link: s.item(link.source_report, link.source_kind, link.source_ordinal),
         Relation(node_class(KG.Link), _link_iri, (
             Field(KG.score, "score", _score),
             Field(KG.method, "method"),
             Field(KG.sharedTheme, "themes", many=True),
             Field(KG.sharedTerm, "terms", many=True)))),
)


def walk(report: Report, sink: Sink) -> None:
    """State every node, relationship and relation node of one report to `sink`, part by part."""
    scope = Scope(report)
    for part in PARTS:
        part.state(scope, sink)


# ---------------------------------------------------------------- agreement with the ontology

def all_fields(parts: tuple[Part, ...] = PARTS) -> list[Field]:
    found = []
    for part in parts:
        for holder in (part.node, part.relation):
            if holder is not None:
                found += holder.fields
    return found


PROPERTY = {f.key: f.prop for f in all_fields()}  # property key → ontology term, for the RDF writer


def used_terms(parts: tuple[Part, ...] = PARTS) -> tuple[list[Term], list[Term], list[Term]]:
    """Node classes, relation classes and object properties the parts use.

    A class or property given by a function of the record is one of ITEM_TERM or LINK_TERM, all of
    which count as used.
    """
    classes, relations, props = [], [], []
    for part in parts:
        if part.node is not None:
            classes += [part.node.cls] if isinstance(part.node.cls, Term) else ITEM_TERM.values()
        if part.relation is not None:
            relations.append(part.relation.cls)
        if part.prop is not None:
            props += [part.prop] if isinstance(part.prop, Term) else LINK_TERM.values()
    return classes, relations, props


def mismatches(parts: tuple[Part, ...] = PARTS) -> list[str]:
    """Where a mapping and ontology/kg.ttl disagree: a term it lacks, or `many` unlike the property's functionality."""
    graph = ontology()
    problems = []
    for f in all_fields(parts):
        if (f.prop, RDF.type, OWL.DatatypeProperty) not in graph:
            problems.append(f"{f.key} is not a datatype property of the ontology")
        elif f.many == ((f.prop, RDF.type, OWL.FunctionalProperty) in graph):
            problems.append(f"{f.key} is {'many-valued' if f.many else 'one value'} here, "
                            f"{'functional' if f.many else 'not functional'} in the ontology")
    classes, relations, props = used_terms(parts)
    relation_kinds = relation_classes()
    for term in classes:
        if (term.uri, RDF.type, OWL.Class) not in graph or term.uri in relation_kinds:
            problems.append(f"{term.name} is not a node class of the ontology")
    for term in relations:
        if term.uri not in relation_kinds:
            problems.append(f"{term.name} is not a subclass of kg:Relation in the ontology")
    for term in props:
        if (term.uri, RDF.type, OWL.ObjectProperty) not in graph:
            problems.append(f"{term.name} is not an object property of the ontology")
    return problems
