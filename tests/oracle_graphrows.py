"""The test oracle: RDF → property-graph rows, read off the ontology alone (ontology/kg.ttl).

kg/mapping/rows.py builds the rows straight from the model; tests/test_rows.py checks them equal
to what this reads off the report's triples, so the two routes of the one mapping cannot drift.

Every typed subject becomes a node labelled `Resource` and its class, keyed by `uri` (the n10s
conventions); datatype properties become properties (lists where not functional); object
properties become relationships; instances of kg:Relation subclasses become one relationship
carrying their properties, keyed by their own IRI, instead of a node.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from rdflib import OWL, RDF, Graph, Literal, URIRef

from kg.errors import OntologyError
from kg.mapping.rows import URI, GraphRows
from kg.ontology import KG, is_functional, node_label, ontology, property_key, relation_classes, relationship_type


def _terms(kind) -> frozenset[URIRef]:
    return frozenset(s for s in ontology().subjects(RDF.type, kind) if isinstance(s, URIRef))


def value_of(literal: Literal):
    """A literal as a value both stores keep: int, float, bool or str."""
    value = literal.toPython()
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal | float):
        return float(value)
    return str(literal)


def _props(graph: Graph, subject, datatype: frozenset[URIRef]) -> dict:
    values: dict[str, list] = defaultdict(list)
    for prop, obj in graph.predicate_objects(subject):
        if prop in datatype:
            if not isinstance(obj, Literal):
                raise OntologyError(f"{subject}: {prop} holds {obj}, not a literal")
            values[property_key(prop)].append(value_of(obj))
    props = {}
    for prop_key, found in values.items():
        if is_functional(KG[prop_key]):
            if len(found) > 1:
                raise OntologyError(f"{subject}: functional property {prop_key} has {len(found)} values")
            props[prop_key] = found[0]
        else:  # RDF values are a set; sorted so that the same graph always gives the same list
            props[prop_key] = sorted(found, key=lambda v: (type(v).__name__, v))
    return props


def graph_rows(graph: Graph) -> GraphRows:
    """The property graph of `graph`; a predicate or class the ontology does not define is an error."""
    relations = relation_classes()
    datatype = _terms(OWL.DatatypeProperty)
    objects = _terms(OWL.ObjectProperty)
    classes = _terms(OWL.Class)
    rows = GraphRows()
    restated: set[tuple] = set()
    typed: dict = {}
    for subject, cls in graph.subject_objects(RDF.type):
        if cls not in classes:
            raise OntologyError(f"{subject}: class {cls} is not in the ontology")
        if subject in typed and typed[subject] != cls:
            raise OntologyError(f"{subject}: two classes, {typed[subject]} and {cls}")
        typed[subject] = cls
    for prop in set(graph.predicates()):
        if prop != RDF.type and prop not in datatype and prop not in objects:
            raise OntologyError(f"{prop}: property is not in the ontology")

    for subject, cls in typed.items():
        props = _props(graph, subject, datatype)
        if cls in relations:
            source = graph.value(subject, KG.relSource)
            target = graph.value(subject, KG.relTarget)
            prop = graph.value(subject, KG.relProperty)
            if source is None or target is None or prop is None:
                raise OntologyError(f"{subject}: a {node_label(cls)} needs relSource, relTarget and relProperty")
            restated.add((source, prop, target))
            rows.relationships[relationship_type(prop)].append({
                "source": str(source), "target": str(target),
                "props": {URI: str(subject), "relClass": node_label(cls), **props},
            })
        else:
            rows.nodes[node_label(cls)].append({URI: str(subject), "props": {URI: str(subject), **props}})

    rel_props = (KG.relSource, KG.relTarget, KG.relProperty)
    for source, prop, target in graph.triples((None, None, None)):
        if prop not in objects or prop in rel_props or (source, prop, target) in restated:
            continue
        rows.relationships[relationship_type(prop)].append({"source": str(source), "target": str(target), "props": {}})
    for by_key in (rows.nodes, rows.relationships):
        for batch in by_key.values():
            batch.sort(key=lambda row: (row.get(URI) or row["source"], row.get("target", ""), row["props"].get(URI, "")))
    return rows
