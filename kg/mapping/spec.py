"""The one model → graph mapping: each kind of record, its class, IRI, fields and the relationship that reaches it.

`kg.mapping.rdf` turns it into triples and `kg.mapping.rows` into store rows, both by `walk`;
tests/test_rows.py keeps the two equal through the triples → rows oracle. A new property is one
`Field` here and its declaration in ontology/kg.ttl (`mismatches` compares the two).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any, Protocol

from rdflib import OWL, RDF, URIRef

from kg import ids
from kg.errors import KgError, OntologyError
from kg.model import Report
from kg.ontology import (ITEM_CLASS, KG, LINK_PROPERTY, local_name, node_label, ontology, relation_classes,
                         relationship_type)

SHARED_CACHE = 4096  # shared names recur across reports; bounded, so memory does not grow with the corpus


@dataclass(frozen=True)
class Term:
    """An ontology term and its name in a property graph: a class's label or an object property's type."""

    uri: URIRef
    name: str


def node_class(cls: URIRef) -> Term:
    return Term(cls, node_label(cls))


def object_property(prop: URIRef) -> Term:
    return Term(prop, relationship_type(prop))


@dataclass(frozen=True)
class Field:
    """A datatype property and where its value is read: an attribute path of the record (its value passed
    through `convert` when given), or `read(record, scope)` for a value that needs the whole report.
    A `many` field's values are stated as they are (`convert` is for one value).

    `optional`: None and "" are not stated (of each value, when `many`). `many`: several values,
    stated as RDF's set (a sorted, distinct list in a store). A float is stated as the xsd:decimal of
    its repr, the ontology's range for every float the mapping holds.
    """

    prop: URIRef
    source: str | Callable[[Any, Scope], Any]
    convert: Callable[[Any], Any] | None = None
    optional: bool = False
    many: bool = False
    key: str = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "key", local_name(self.prop))


@dataclass(frozen=True)
class Node:
    """The node a record becomes: its class (or the record's class by a function) and its fields.

    A `shared` node is one other reports name too (a township, a law…): the values it is given
    replace those given before, as rdflib's `Graph.set` does.
    """

    cls: Term | Callable[[Any], Term]
    fields: tuple[Field, ...]
    shared: bool = False
    values: Callable[[Any, Scope], dict] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "values", _reader(self.fields))


@dataclass(frozen=True)
class Relation:
    """The kg:Relation node that restates a relationship and carries its fields (a mention, a link…).

    `iri(scope, index, record, source, target)`.
    """

    cls: Term
    iri: Callable[[Scope, int, Any, str, str], str]
    fields: tuple[Field, ...]
    values: Callable[[Any, Scope], dict] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "values", _reader(self.fields))


FROM_REPORT = "the report"  # a relationship's source: the report being mapped


@dataclass(frozen=True)
class Part:
    """One kind of record in a report: where they are, the IRI of each, its node, and the relationship to it.

    `iri(scope, index, record)` names the node, or the relationship's target when there is no node;
    `source(scope, index, record)` is the relationship's other end, None for no relationship;
    FROM_REPORT, the report itself. A `relation` restates the relationship as a kg:Relation node.
    """

    name: str
    records: Callable[[Scope], Iterable]
    iri: Callable[[Scope, int, Any], str]
    node: Node | None = None
    prop: Term | Callable[[Any], Term] | None = None
    source: Callable[[Scope, int, Any], str | None] | str | None = None
    relation: Relation | None = None


class Scope:
    """The report being mapped: its record, its IRI, where its file is, and the IRIs its records share."""

    __slots__ = ("report", "key", "node", "location", "sections", "_reports")

    def __init__(self, report: Report, location: str | None = None):
        self.report, self.key, self.location = report, report.key, location
        self.node = ids.report_iri(self.key)
        self.sections = frozenset(section.index for section in report.sections)
        self._reports = {self.key: self.node}

    def item(self, report_key: str, kind: str, ordinal: int) -> str:
        """`ids.item_iri`, each report's IRI made once (links name a few other reports many times)."""
        node = self._reports.get(report_key)
        if node is None:
            node = self._reports[report_key] = ids.report_iri(report_key)
        return f"{node}/{kind}/{ordinal}"


_PATH = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")


def _reader(fields: tuple[Field, ...]) -> Callable[[Any, Scope], dict]:
    """`values(record, scope)`: the fields' values by property key, compiled once into one function.

    Row building runs this for every record of every report: a generated function with one dict
    display costs a third of reading the same fields in a loop (measured), as little as the
    hand-written builder it replaces. Only the spec's own attribute paths go into the code.
    """
    names: dict[str, Any] = {"distinct": distinct}
    display, after = [], []
    for n, f in enumerate(fields):
        if isinstance(f.source, str):
            if not _PATH.match(f.source):
                raise OntologyError(f"{f.key}: {f.source!r} is not an attribute path")
            value = f"record.{f.source}"
        else:
            names[f"read{n}"] = f.source
            value = f"read{n}(record, scope)"
        names[f"convert{n}"] = f.convert
        if f.many:
            kept = "[v for v in value if v is not None and v != '']" if f.optional else "value"
            after += [f"    value = {value}", "    if value:", f"        value = distinct({kept})",
                      f"        if value: found[{f.key!r}] = value"]
        elif f.optional:  # a value left out is not converted
            stated = "value" if f.convert is None else f"convert{n}(value)"
            after += [f"    value = {value}", f"    if value is not None and value != '': found[{f.key!r}] = {stated}"]
        else:
            display.append(f"{f.key!r}: {value if f.convert is None else f'convert{n}({value})'}")
    lines = ["def values(record, scope):", f"    found = {{{', '.join(display)}}}", *after, "    return found"]
    code = "\n".join(lines)
    exec(compile(code, "<kg.mapping.spec fields>", "exec"), names)  # noqa: S102 - code made from the spec alone
    return names["values"]


def distinct(values: list | tuple) -> list:
    """RDF's set of values as a sorted list: 1 and True are different literals, so the type is part of the key."""
    if len(values) == 1:
        return list(values)
    found = {(type(v).__name__, v): v for v in values}
    return [found[k] for k in sorted(found)]


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
    return float(round(score, 6))  # six places: the last digits of a float sum say nothing and differ by platform


PARTS: tuple[Part, ...] = (
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
        Field(KG.sourceLocation, "location", optional=True),  # where `kg load` found the file; not in RDF files
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


# ---------------------------------------------------------------- walking a report

class Sink(Protocol):
    """What `walk` states; `values` maps property keys to values, a list for a many-valued property."""

    def node(self, iri: str, cls: Term, values: dict, shared: bool) -> None: ...

    def link(self, source: str, prop: Term, target: str) -> None: ...

    def relation(self, iri: str, cls: Term, source: str, prop: Term, target: str, values: dict) -> None:
        """The relationship source —prop→ target, and the node `iri` that restates it with `values`."""


def walk(report: Report, sink: Sink, location: str | None = None) -> None:
    """State every node, relationship and relation node of one report to `sink`, part by part."""
    scope = Scope(report, location)
    node_to, link_to, relation_to = sink.node, sink.link, sink.relation
    for part in PARTS:
        node, relation, prop, source_of, iri_of = part.node, part.relation, part.prop, part.source, part.iri
        if node is not None:
            values_of, shared = node.values, node.shared
            cls, cls_of = (node.cls, None) if isinstance(node.cls, Term) else (None, node.cls)
        term, term_of = (prop, None) if isinstance(prop, Term) else (None, prop)
        for index, record in enumerate(part.records(scope)):
            iri = iri_of(scope, index, record)
            if node is not None:
                node_to(iri, cls or cls_of(record), values_of(record, scope), shared)
            if source_of is None:
                continue
            source = scope.node if source_of is FROM_REPORT else source_of(scope, index, record)
            if source is None:
                continue
            if relation is None:
                link_to(source, term or term_of(record), iri)
            else:
                relation_to(relation.iri(scope, index, record, source, iri), relation.cls, source,
                            term or term_of(record), iri, relation.values(record, scope))


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
    """Node classes, relation classes and object properties the parts use (for a function, all it may give)."""
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
