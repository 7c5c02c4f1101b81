"""Report → RDF under ontology/kg.ttl: the mapping of kg/mapping/spec.py stated as triples."""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, Graph, Literal, URIRef

from kg.ids import BASE
from kg.mapping.parts import Term
from kg.mapping.spec import PROPERTY, walk
from kg.model import Report
from kg.ontology import KG, PREFIXES


def new_graph() -> Graph:
    """An empty graph with the project's prefixes, named so that TriG output is the same every run."""
    graph = Graph(bind_namespaces="none", identifier=URIRef(BASE + "graph"))
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _literal(value) -> Literal:
    # A float is the xsd:decimal of its repr, which reads back as the same float.
    return Literal(Decimal(repr(value))) if type(value) is float else Literal(value)


class _Triples:
    """The sink `walk` states to: each statement added to one rdflib graph."""

    def __init__(self, graph: Graph):
        self.graph = graph

    def node(self, iri: str, cls: Term, values: dict, shared: bool) -> None:
        graph, node = self.graph, URIRef(iri)
        graph.add((node, RDF.type, cls.uri))
        for key, value in values.items():
            prop = PROPERTY[key]
            if type(value) is list:
                for one in value:
                    graph.add((node, prop, _literal(one)))
            elif shared:  # the latest report's value replaces the earlier one
                graph.set((node, prop, _literal(value)))
            else:
                graph.add((node, prop, _literal(value)))

    def link(self, source: str, prop: Term, target: str) -> None:
        self.graph.add((URIRef(source), prop.uri, URIRef(target)))

    def relation(self, iri: str, cls: Term, source: str, prop: Term, target: str, values: dict) -> None:
        self.link(source, prop, target)
        self.node(iri, cls, values, False)
        node = URIRef(iri)
        self.graph.add((node, KG.relSource, URIRef(source)))
        self.graph.add((node, KG.relProperty, prop.uri))
        self.graph.add((node, KG.relTarget, URIRef(target)))


def report_graph(report: Report, graph: Graph | None = None) -> Graph:
    """One report's triples: its township and county, sections, items, the shared nodes it cites, its links."""
    graph = new_graph() if graph is None else graph
    walk(report, _Triples(graph))
    return graph
