"""Report → store rows: the mapping of kg/mapping/spec.py as node and relationship rows, no rdflib graph between.

Every node is labelled `Resource` and its class, keyed by `uri` (the n10s conventions); a
kg:Relation node (a mention, a theme tag, a link) becomes one relationship keyed by its own IRI and
carrying its values. RDF set semantics are kept: a repeated value or relationship counts once, and a
relationship restated by a kg:Relation node is written only as that keyed relationship. The rows
equal those the triples → rows oracle reads off `kg.mapping.rdf.report_graph` (tests/test_mapping_rows.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import OWL, RDF, URIRef

from kg.errors import OntologyError
from kg.mapping.parts import Term, distinct
from kg.mapping.spec import mismatches, walk
from kg.model import Report
from kg.ontology import KG, node_label, ontology, property_key, relation_classes, relationship_type

RESOURCE = "Resource"
URI = "uri"


@dataclass
class GraphRows:
    """Nodes by label and relationships by type, each a list of plain dicts ready for `UNWIND $rows`."""

    nodes: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    relationships: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))

    def node_count(self) -> int:
        return sum(len(rows) for rows in self.nodes.values())

    def relationship_count(self) -> int:
        return sum(len(rows) for rows in self.relationships.values())


@lru_cache(maxsize=1)
def _checked() -> None:
    """The mapping agrees with the ontology (checked once a process, before the first rows leave)."""
    problems = mismatches()
    if problems:
        raise OntologyError("kg/mapping/spec.py disagrees with the ontology: " + "; ".join(problems))


def _ident(value) -> tuple:
    return type(value).__name__, value


class _Builder:
    """The sink `walk` states to: subjects with their class and values, and relationships, as sets."""

    def __init__(self):
        self.classes: dict[str, str] = {}
        self.props: dict[str, dict] = {}  # uri → properties; a many-valued key holds a list
        self.plain: dict[tuple[str, str, str], None] = {}  # (source, type, target)
        self.keyed: dict[str, tuple[str, str, str]] = {}  # relation node → (source, type, target)
        self.clashes: dict[tuple[str, str], dict] = {}  # (uri, functional key) → its distinct values, when several

    def node(self, uri: str, cls: Term, values: dict, shared: bool) -> None:
        """A subject with its values; `values` is kept as given when the subject is new, so it must be fresh."""
        label = cls.name
        if self.classes.setdefault(uri, label) != label:
            raise OntologyError(f"{uri}: two classes, {self.classes[uri]} and {label}")
        held = self.props.get(uri)
        if held is None:
            values[URI] = uri
            self.props[uri] = values
        elif shared:  # rdflib's `Graph.set`: the values given last replace those given before
            held.update(values)
            if self.clashes:
                for key in values:
                    self.clashes.pop((uri, key), None)
        else:
            for key, value in values.items():
                if type(value) is list:
                    held[key] = distinct(held.get(key, []) + value)
                elif key not in held:
                    held[key] = value
                elif _ident(held[key]) != _ident(value):
                    self.clashes.setdefault((uri, key), {_ident(held[key]): None})[_ident(value)] = None

    def link(self, source: str, prop: Term, target: str) -> None:
        self.plain[(source, prop.name, target)] = None

    def relation(self, uri: str, cls: Term, source: str, prop: Term, target: str, values: dict) -> None:
        values["relClass"] = cls.name
        if uri in self.props:  # stated twice (a link found again): its values merge as the triples' would
            self.node(uri, cls, values, False)
        else:
            values[URI] = uri
            self.classes[uri] = cls.name
            self.props[uri] = values
        self.keyed[uri] = (source, prop.name, target)

    def rows(self) -> GraphRows:
        for (uri, key), values in self.clashes.items():
            raise OntologyError(f"{uri}: functional property {key} has {len(values)} values")
        rows = GraphRows()
        nodes, rels, classes, props = rows.nodes, rows.relationships, self.classes, self.props
        # Rows in the order the oracle gives them: nodes by IRI, relationships by source, target and own IRI.
        for uri in sorted(classes.keys() - self.keyed.keys()):
            nodes[classes[uri]].append({URI: uri, "props": props[uri]})
        restated = set(self.keyed.values())
        found = [(s, t, uri, rel_type) for uri, (s, rel_type, t) in self.keyed.items()]
        found += [(s, t, "", rel_type) for (s, rel_type, t) in self.plain if (s, rel_type, t) not in restated]
        found.sort()
        for source, target, uri, rel_type in found:
            rels[rel_type].append({"source": source, "target": target, "props": props[uri] if uri else {}})
        return rows


def report_rows(report: Report) -> GraphRows:
    """One report's node and relationship rows."""
    _checked()
    builder = _Builder()
    walk(report, builder)
    return builder.rows()


def property_graph_schema() -> dict[str, list[str]]:
    """Labels, relationship types and property keys the ontology allows in a store (for linting queries)."""
    graph = ontology()

    def terms(kind) -> frozenset[URIRef]:
        return frozenset(s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef))

    classes = sorted(terms(OWL.Class) - relation_classes() - {KG.Relation})
    structural = {KG.relSource, KG.relTarget, KG.relProperty}
    return {
        "labels": [RESOURCE, *(node_label(c) for c in classes)],
        "relationshipTypes": sorted(relationship_type(p) for p in terms(OWL.ObjectProperty) - structural),
        "propertyKeys": sorted({URI, "relClass", *(property_key(p) for p in terms(OWL.DatatypeProperty))}),
    }
