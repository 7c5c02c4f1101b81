"""The ontology's terms as a closed namespace, and the one set of rules naming them in a property graph."""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from kg.errors import OntologyError
from kg.resources import data_dir

ONTOLOGY_DIR = data_dir("ontology")
ONTOLOGY_TTL = ONTOLOGY_DIR / "kg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
NAMESPACE = "https://township-kg.org/ontology#"


class KG(DefinedNamespace):
    """Terms of ontology/kg.ttl; tests/test_ontology.py keeps the two equal, term for term."""

    _NS = Namespace(NAMESPACE)
    _fail = True  # a misspelled term is an error, not a new IRI

    # classes
    County: URIRef
    Township: URIRef
    Report: URIRef
    Section: URIRef
    Item: URIRef
    Measure: URIRef
    Shortcoming: URIRef
    Plan: URIRef
    Law: URIRef
    Document: URIRef
    Campaign: URIRef
    Metric: URIRef
    Person: URIRef
    Theme: URIRef
    Relation: URIRef
    Mention: URIRef
    Link: URIRef
    ThemeTag: URIRef

    # object properties
    inCounty: URIRef
    aboutTownship: URIRef
    hasSection: URIRef
    hasItem: URIRef
    cites: URIRef
    states: URIRef
    names: URIRef
    hasTheme: URIRef
    addresses: URIRef
    followsUp: URIRef
    recurs: URIRef
    relSource: URIRef
    relTarget: URIRef
    relProperty: URIRef

    # datatype properties
    name: URIRef
    key: URIRef
    title: URIRef
    year: URIRef
    docNumber: URIRef
    issuer: URIRef
    addressee: URIRef
    sha256: URIRef
    encoding: URIRef
    format: URIRef
    countyInferred: URIRef
    warning: URIRef
    sourceFile: URIRef
    loadedAt: URIRef
    start: URIRef
    end: URIRef
    sentence: URIRef
    bodyStart: URIRef
    bodyEnd: URIRef
    kind: URIRef
    heading: URIRef
    parseStatus: URIRef
    order: URIRef
    text: URIRef
    ordinal: URIRef
    category: URIRef
    indicator: URIRef
    value: URIRef
    unit: URIRef
    approximate: URIRef
    upperValue: URIRef
    role: URIRef
    surface: URIRef
    score: URIRef
    method: URIRef
    sharedTheme: URIRef
    sharedTerm: URIRef
    keyword: URIRef


ITEM_CLASS = {"measure": KG.Measure, "shortcoming": KG.Shortcoming, "plan": KG.Plan}
LINK_PROPERTY = {"addresses": KG.addresses, "follows_up": KG.followsUp, "recurs": KG.recurs}

PREFIXES = {
    "kg": NAMESPACE,
    "owl": str(OWL),
    "rdfs": str(RDFS),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def local_name(term: URIRef | str) -> str:
    term = str(term)
    if not term.startswith(NAMESPACE):
        raise OntologyError(f"{term}: not a term of {NAMESPACE}")
    return term[len(NAMESPACE):]


def node_label(cls: URIRef | str) -> str:
    """Property-graph label of a class: its local name (kg:Report → Report)."""
    return local_name(cls)


def property_key(prop: URIRef | str) -> str:
    """Property-graph key of a datatype property: its local name (kg:docNumber → docNumber)."""
    return local_name(prop)


def relationship_type(prop: URIRef | str) -> str:
    """Property-graph relationship type of an object property: hasSection → HAS_SECTION."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", local_name(prop)).upper()


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """ontology/kg.ttl, parsed once."""
    try:
        return Graph().parse(ONTOLOGY_TTL, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise OntologyError(f"{ONTOLOGY_TTL}: cannot read the ontology: {exc}") from exc


def is_functional(prop: URIRef | str) -> bool:
    """A property that holds at most one value; any other becomes a list in a property graph."""
    return (URIRef(str(prop)), RDF.type, OWL.FunctionalProperty) in ontology()


def relation_classes() -> frozenset[URIRef]:
    """Classes whose instances are relationships, not nodes, in a property graph."""
    graph = ontology()
    return frozenset(s for s in graph.transitive_subjects(RDFS.subClassOf, KG.Relation) if s != KG.Relation)
