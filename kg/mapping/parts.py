"""How a model → graph mapping is declared and run: fields, nodes, relations, parts, and a sink to state them to.

kg/mapping/spec.py declares the one mapping with these; each `Part` is compiled once into one
plain function, so that walking a report costs what hand-written code would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from rdflib import URIRef

from kg import ids
from kg.errors import OntologyError
from kg.model import Report
from kg.ontology import local_name, node_label, relationship_type


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
    """A datatype property and where its value is read from a record.

    `source`: an attribute path of the record ("evidence.start"), or `read(record, scope)` for a
    value that needs the whole report. `convert` is applied to one value (not to a `many` field's).
    `optional`: None and "" are not stated (of each value, when `many`). `many`: several values,
    stated as RDF's set (a sorted, distinct list in a store). A float is stated as the xsd:decimal
    of its repr, the ontology's range for every float the mapping holds.
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


@dataclass(frozen=True)
class Relation:
    """The kg:Relation node that restates a relationship and carries its fields (a mention, a link…).

    `iri(scope, index, record, source, target)`.
    """

    cls: Term
    iri: Callable[[Scope, int, Any, str, str], str]
    fields: tuple[Field, ...]


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
    state: Callable[[Scope, Sink], None] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "state", _compile(self))


class Scope:
    """The report being mapped: its record, its IRI, and the IRIs its records share."""

    __slots__ = ("report", "key", "node", "sections", "_reports")

    def __init__(self, report: Report):
        self.report, self.key = report, report.key
        self.node = ids.report_iri(self.key)
        self.sections = frozenset(section.index for section in report.sections)
        self._reports = {self.key: self.node}

    def item(self, report_key: str, kind: str, ordinal: int) -> str:
        """`ids.item_iri`, each report's IRI made once (links name a few other reports many times)."""
        node = self._reports.get(report_key)
        if node is None:
            node = self._reports[report_key] = ids.report_iri(report_key)
        return f"{node}/{kind}/{ordinal}"


_PATH = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$", re.ASCII)  # all that may go into generated code


def _compile(part: Part) -> Callable[[Scope, Sink], None]:
    """`state(scope, sink)`: every record of the part stated to the sink, compiled once into one function.

    Row building runs this for every record of every report. A generic loop over parts and fields
    cost about 5% more per report than the hand-written builder this replaced; generated code, with
    the fields in one dict display and no per-record choices, costs the same (measured on the
    examples and chains). Only checked attribute paths and property keys go into the code; every
    function the spec gives is passed in by name.
    """
    names: dict[str, Any] = {"distinct": distinct, "records": part.records, "iri_of": part.iri}
    lines = ["def state(scope, sink):",
             "    node_to, link_to, relation_to, report = sink.node, sink.link, sink.relation, scope.node",
             "    for index, record in enumerate(records(scope)):",
             "        iri = iri_of(scope, index, record)"]
    pad = " " * 8
    if part.node is not None:
        names["cls"] = part.node.cls
        cls = "cls" if isinstance(part.node.cls, Term) else "cls(record)"
        lines += _values("values", "node", part.node.fields, names, pad)
        lines.append(f"{pad}node_to(iri, {cls}, values, {part.node.shared!r})")
    if part.source is not None:
        names["source_of"], names["prop"] = part.source, part.prop
        term = "prop" if isinstance(part.prop, Term) else "prop(record)"
        if part.source is FROM_REPORT:
            lines.append(f"{pad}source = report")
        else:
            lines += [f"{pad}source = source_of(scope, index, record)", f"{pad}if source is not None:"]
            pad += "    "
        if part.relation is None:
            lines.append(f"{pad}link_to(source, {term}, iri)")
        else:
            names["relation_iri"], names["relation_cls"] = part.relation.iri, part.relation.cls
            lines += _values("restated", "relation", part.relation.fields, names, pad)
            lines.append(f"{pad}relation_to(relation_iri(scope, index, record, source, iri), relation_cls, source, "
                         f"{term}, iri, restated)")
    code = "\n".join(lines)
    exec(compile(code, f"<kg.mapping.spec part {part.name}>", "exec"), names)  # noqa: S102 - made from the spec alone
    return names["state"]


def _values(target: str, prefix: str, fields: tuple[Field, ...], names: dict, pad: str) -> list[str]:
    """Lines that set `target` to the fields' values by property key; functions go into `names`."""
    display, after = [], []
    for n, f in enumerate(fields):
        if isinstance(f.source, str):
            if not _PATH.match(f.source):
                raise OntologyError(f"{f.key}: {f.source!r} is not an attribute path")
            value = f"record.{f.source}"
        else:
            names[f"{prefix}_read{n}"] = f.source
            value = f"{prefix}_read{n}(record, scope)"
        convert = f"{prefix}_convert{n}"
        names[convert] = f.convert
        if f.many:
            kept = "[v for v in value if v is not None and v != '']" if f.optional else "value"
            after += [f"value = {value}", "if value:", f"    value = distinct({kept})",
                      f"    if value: {target}[{f.key!r}] = value"]
        elif f.optional:  # a value left out is not converted
            stated = "value" if f.convert is None else f"{convert}(value)"
            after += [f"value = {value}", f"if value is not None and value != '': {target}[{f.key!r}] = {stated}"]
        else:
            display.append(f"{f.key!r}: {value if f.convert is None else f'{convert}({value})'}")
    return [f"{pad}{target} = {{{', '.join(display)}}}", *(pad + line for line in after)]


def distinct(values: list | tuple) -> list:
    """RDF's set of values as a sorted list: 1 and True are different literals, so the type is part of the key."""
    if len(values) == 1:
        return list(values)
    found = {(type(v).__name__, v): v for v in values}
    return [found[k] for k in sorted(found)]


class Sink(Protocol):
    """What `walk` states; `values` maps property keys to values, a list for a many-valued property."""

    def node(self, iri: str, cls: Term, values: dict, shared: bool) -> None: ...

    def link(self, source: str, prop: Term, target: str) -> None: ...

    def relation(self, iri: str, cls: Term, source: str, prop: Term, target: str, values: dict) -> None:
        """The relationship source —prop→ target, and the node `iri` that restates it with `values`."""
