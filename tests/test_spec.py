"""The one declarative mapping: it and the ontology agree term for term, and a slip in either is named."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import OWL, RDF, URIRef

from kg.errors import OntologyError
from kg.mapping.parts import Field, Node, Part, node_class, object_property
from kg.mapping.spec import PARTS, all_fields, mismatches, used_terms
from kg.ontology import KG, NAMESPACE, local_name, ontology


def test_every_datatype_property_of_the_ontology_is_mapped_and_nothing_else():
    declared = {local_name(p) for p in ontology().subjects(RDF.type, OWL.DatatypeProperty)}
    # The load time belongs to the store, not to the report: the loader sets it, extraction never does.
    assert {f.key for f in all_fields()} == declared - {"loadedAt"}
    assert mismatches() == []


def test_every_object_property_but_the_structural_ones_is_mapped():
    structural = {KG.relSource, KG.relTarget, KG.relProperty}
    declared = set(ontology().subjects(RDF.type, OWL.ObjectProperty)) - structural
    classes, relations, props = used_terms()
    assert {term.uri for term in props} == declared
    assert {term.uri for term in relations} == {KG.Mention, KG.ThemeTag, KG.Link}
    assert {term.name for term in classes} == {"Report", "Township", "County", "Section", "Measure", "Shortcoming",
                                               "Plan", "Law", "Document", "Campaign", "Metric", "Person", "Theme"}


def test_a_property_added_to_the_mapping_but_not_the_ontology_is_named():
    colour = Field(URIRef(NAMESPACE + "colour"), "colour")
    extra = Part("badge", lambda scope: (), lambda scope, index, record: "", Node(node_class(KG.Theme), (colour,)))
    assert mismatches((*PARTS, extra)) == ["colour is not a datatype property of the ontology"]


def test_a_many_valued_property_mapped_as_one_value_is_named():
    theme = next(part for part in PARTS if part.name == "theme")
    one_keyword = replace(theme, relation=replace(theme.relation, fields=(Field(KG.keyword, "keywords"),)))
    assert mismatches((one_keyword,)) == ["keyword is one value here, not functional in the ontology"]


def test_a_relation_class_used_as_a_node_is_named():
    wrong = Part("wrong", lambda scope: (), lambda scope, index, record: "", Node(node_class(KG.Mention), ()),
                 object_property(KG.cites), lambda scope, index, record: scope.node)
    assert mismatches((wrong,)) == ["Mention is not a node class of the ontology"]


@pytest.mark.parametrize("path", ["unit)+__import__('os').getcwd(", "evidence..start", "1st", "单位"])
def test_only_attribute_paths_become_code(path):
    with pytest.raises(OntologyError, match="not an attribute path"):
        Part("metric", lambda scope: (), lambda scope, index, record: "",
             Node(node_class(KG.Metric), (Field(KG.unit, path),)))
