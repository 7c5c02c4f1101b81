"""The ontology, its shapes and the Python vocabulary agree, and every term is described for a reader."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH

from kg.ontology import (
    KG,
    NAMESPACE,
    ONTOLOGY_TTL,
    SHAPES_TTL,
    is_functional,
    node_label,
    ontology,
    property_key,
    relation_classes,
    relationship_type,
)

KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
ABSTRACT = {KG.Item, KG.Relation}


def ontology_terms() -> set[str]:
    graph = ontology()
    return {
        str(term)[len(NAMESPACE):]
        for kind in KINDS
        for term in graph.subjects(RDF.type, kind)
        if str(term).startswith(NAMESPACE)
    }


def test_python_vocabulary_and_turtle_agree_term_for_term():
    python_terms = set(KG.__annotations__)
    assert python_terms == ontology_terms()


def test_a_misspelled_term_fails():
    with pytest.raises(AttributeError):
        KG.hasSecton  # noqa: B018


def test_every_class_and_property_has_chinese_and_english_labels():
    graph = ontology()
    for name in ontology_terms():
        term = URIRef(NAMESPACE + name)
        languages = {label.language for label in graph.objects(term, RDFS.label)}
        assert {"zh", "en"} <= languages, name


def test_every_class_says_what_it_is():
    graph = ontology()
    for cls in graph.subjects(RDF.type, OWL.Class):
        assert graph.value(cls, RDFS.comment), cls


def test_every_datatype_property_has_an_xsd_range():
    graph = ontology()
    for prop in graph.subjects(RDF.type, OWL.DatatypeProperty):
        assert str(graph.value(prop, RDFS.range)).startswith("http://www.w3.org/2001/XMLSchema#"), prop


@pytest.mark.parametrize(
    ("prop", "rel_type"),
    [(KG.hasSection, "HAS_SECTION"), (KG.followsUp, "FOLLOWS_UP"), (KG.inCounty, "IN_COUNTY"),
     (KG.addresses, "ADDRESSES"), (KG.aboutTownship, "ABOUT_TOWNSHIP")],
)
def test_relationship_types_are_upper_snake_case_of_the_property(prop, rel_type):
    assert relationship_type(prop) == rel_type


def test_labels_and_keys_are_local_names():
    assert node_label(KG.Shortcoming) == "Shortcoming"
    assert property_key(KG.docNumber) == "docNumber"


def test_repeatable_properties_are_exactly_the_non_functional_ones():
    assert not is_functional(KG.warning) and not is_functional(KG.sharedTerm) and not is_functional(KG.keyword)
    assert is_functional(KG.year) and is_functional(KG.relTarget)


def test_relations_are_mention_link_and_theme_tag():
    assert relation_classes() == {KG.Mention, KG.Link, KG.ThemeTag}


def test_every_concrete_class_has_a_closed_shape_or_is_the_open_theme():
    shapes = Graph().parse(SHAPES_TTL)
    targeted = set(shapes.objects(None, SH.targetClass))
    classes = set(ontology().subjects(RDF.type, OWL.Class))
    assert classes - ABSTRACT <= targeted
    for shape in shapes.subjects(SH.targetClass, None):
        cls = shapes.value(shape, SH.targetClass)
        closed = shapes.value(shape, SH.closed)
        if cls not in (KG.Theme, KG.Measure, KG.Shortcoming, KG.Plan):
            assert closed is not None and closed.toPython() is True, cls


def test_shapes_use_only_ontology_terms():
    shapes = Graph().parse(SHAPES_TTL)
    known = {URIRef(NAMESPACE + name) for name in ontology_terms()}
    used = {t for t in shapes.all_nodes() if isinstance(t, URIRef) and str(t).startswith(NAMESPACE)}
    assert used <= known, used - known


def test_ontology_files_are_turtle_rapper_reads(tmp_path):
    from conftest import need_tool
    import subprocess

    rapper = need_tool("rapper")
    for path in (ONTOLOGY_TTL, SHAPES_TTL):
        result = subprocess.run([rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        count = int(result.stderr.split("returned")[1].split()[0])
        assert count == len(Graph().parse(path))
