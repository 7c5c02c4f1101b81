"""The style table: every class and relationship styled, labels from the ontology, and browser.grass generated from it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDFS

import kg.viz.style as style_module
from kg.errors import OntologyError
from kg.ontology import KG, ontology
from kg.viz.graph import CLASSES, RELATIONS
from kg.viz.style import RESOURCE, grass, node_styles, relationship_styles, relationship_types, stored_classes

ROOT = Path(__file__).resolve().parent.parent
GRASS = ROOT / "cypher" / "browser.grass"


def parse_grass(text: str) -> list[tuple[str, tuple[str, ...], dict[str, str]]]:
    """Rules as Neo4j Browser reads a style sheet: (tag, classes, declarations), in the order first seen.

    Its reader is a character scanner: `{` and `}` outside single quotes open and close a rule, single
    quotes only toggle quoting and are dropped (double quotes are kept as text), whitespace is dropped
    from selectors, and a rule's body is split at every `;` and then at `:`, keeping the first two parts.
    A selector seen twice keeps its first place and its last body.
    """
    quoted, inside, selector, body = False, False, "", ""
    bodies: dict[str, str] = {}
    for char in text:
        if char == "'":
            quoted = not quoted
            continue
        if char == "{" and not quoted:
            inside = True
            continue
        if char == "}" and not quoted:
            inside = False
            bodies[selector] = body
            selector, body = "", ""
            continue
        if inside:
            body += char
        elif not char.isspace():
            selector += char
    rules = []
    for key, text_ in bodies.items():
        declarations = {}
        for part in text_.split(";"):
            pieces = part.split(":")
            if len(pieces) >= 2 and pieces[0].strip() and pieces[1].strip():
                declarations[pieces[0].strip()] = pieces[1].strip()
        tag, *classes = key.split(".")
        rules.append((tag, tuple(classes), declarations))
    return rules


def browser_style(rules, tag: str, classes: list[str]) -> dict[str, str]:
    """The style Neo4j Browser gives an element: every rule whose classes it has, later rules winning."""
    out: dict[str, str] = {}
    for rule_tag, rule_classes, declarations in rules:
        if rule_tag == tag and set(rule_classes) <= set(classes):
            out.update(declarations)
    return out


def test_the_committed_grass_is_the_generated_one():
    assert GRASS.read_text(encoding="utf-8") == grass(), "run scripts/make_grass.py"
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_grass.py"), "--check"],
                           capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)})
    assert check.returncode == 0, check.stdout + check.stderr


def test_neo4j_browser_styles_every_stored_node_by_its_class():
    rules = parse_grass(GRASS.read_text(encoding="utf-8"))
    assert len(rules) == len({(tag, classes) for tag, classes, _ in rules})  # no rule written twice
    styles = node_styles()
    for name in stored_classes():
        # A stored node carries Resource besides its class; an item also carries Item.
        labels = [RESOURCE, name] + (["Item"] if name in ("Measure", "Shortcoming", "Plan") else [])
        seen = browser_style(rules, "node", labels)
        assert seen["color"] == styles[name].color, name
        assert seen["caption"] == "{" + styles[name].caption + "}", name  # quotes gone, as the browser shows it
        assert seen["diameter"] == f"{styles[name].size}px", name
    assert browser_style(rules, "node", [RESOURCE])["caption"] == "{uri}"


def test_neo4j_browser_captions_each_relationship_with_its_ontology_label():
    rules = parse_grass(GRASS.read_text(encoding="utf-8"))
    types = relationship_types()
    assert set(types) == set(relationship_styles())
    for name, prop in types.items():
        zh = next(str(x) for x in ontology().objects(prop, RDFS.label) if x.language == "zh")
        caption = browser_style(rules, "relationship", [name])["caption"]
        assert caption.split(" ")[0] == zh, name
    assert browser_style(rules, "relationship", ["ADDRESSES"])["caption"] == "针对 {score}"
    assert browser_style(rules, "relationship", ["UNKNOWN"])["caption"] == "<type>"


def test_every_class_of_the_ontology_has_a_style_and_its_label():
    styles = node_styles()
    assert set(stored_classes()) <= set(styles)
    for name in stored_classes():
        zh = {str(x) for x in ontology().objects(KG[name], RDFS.label) if x.language == "zh"}
        assert {styles[name].label} == zh, name
    # Pictures show the same names, plus the states they single out, which are not classes.
    for name, cls in CLASSES.items():
        assert cls.label == styles[name].label
    assert not styles["UnplannedShortcoming"].stored and styles["UnplannedShortcoming"].label == "未列入计划的问题"
    assert RELATIONS["ADDRESSES"] == "列入计划" and RELATIONS["HAS_SECTION"] == "包含章节"


def test_captions_are_properties_the_stored_nodes_have(examples_store):
    checked = []
    for name, style in node_styles().items():
        if not style.stored:
            continue
        label = "" if name == RESOURCE else f":{name}"  # every node is a Resource
        rows = examples_store.run_read(f"MATCH (n{label}) RETURN count(n) AS all, count(n.{style.caption}) AS captioned")
        if rows[0]["all"]:
            assert rows[0]["captioned"] == rows[0]["all"], name
            checked.append(name)
    assert len(checked) >= 10, checked


def test_a_broken_table_is_an_error_naming_the_line(tmp_path, monkeypatch):
    table = tmp_path / "style.tsv"
    table.write_text("# kind\tname\nnode\tLaw\tred\t50\tdot\tname\t\t\n", encoding="utf-8")
    monkeypatch.setattr(style_module, "STYLE_TSV", table)
    node_styles.cache_clear()
    try:
        with pytest.raises(OntologyError, match=r"style.tsv:2: colour must be #rrggbb"):
            node_styles()
    finally:
        node_styles.cache_clear()
