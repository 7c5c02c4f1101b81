"""How classes and relationships are drawn: labels from the ontology, the rest from ontology/style.tsv.

Pictures, briefings and cypher/browser.grass (Neo4j Browser's style sheet, written by `grass()`) all
read this one table, so a class looks and is called the same wherever it is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, URIRef

from kg.errors import OntologyError
from kg.ontology import KG, NAMESPACE, ONTOLOGY_DIR, ontology, relation_classes, relationship_type

STYLE_TSV = ONTOLOGY_DIR / "style.tsv"
RESOURCE, URI = "Resource", "uri"  # the label and key every stored node carries besides its class (kg/mapping)
NODE_SHAPES = frozenset({"box", "dot", "diamond", "triangle", "square", "star", "hexagon"})
LINE_SHAPES = frozenset({"solid", "dashed"})
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_COLUMNS = ("kind", "name", "colour", "size", "shape", "caption", "emphasis", "label")


@dataclass(frozen=True)
class NodeStyle:
    name: str  # the class's local name, or a state that pictures single out
    label: str
    color: str
    border: str
    text_color: str  # for a caption drawn inside the node
    size: int
    shape: str
    caption: str  # property key
    emphasis: bool = False
    stored: bool = True  # False: a state of pictures, never a label in a store


@dataclass(frozen=True)
class RelationshipStyle:
    name: str  # relationship type
    label: str  # the ontology's, read from source to target
    reading: str  # what a picture writes on the edge (read from the target where pictures draw it so)
    color: str
    width: int
    dashed: bool
    caption: str  # property key, or "" for none


def _zh_label(term: URIRef) -> str:
    labels = {label.language: str(label) for label in ontology().objects(term, RDFS.label)}
    return labels.get("zh", "")


def stored_classes() -> list[str]:
    """Local names of the classes whose instances are nodes of a store (not the relation classes)."""
    graph = ontology()
    skip = relation_classes() | {KG.Relation}
    return sorted(str(c)[len(NAMESPACE):] for c in graph.subjects(RDF.type, OWL.Class)
                  if str(c).startswith(NAMESPACE) and c not in skip)


def relationship_types() -> dict[str, URIRef]:
    """Relationship type → object property, for the properties a store draws as relationships."""
    structural = {KG.relSource, KG.relTarget, KG.relProperty}
    return {relationship_type(p): p for p in ontology().subjects(RDF.type, OWL.ObjectProperty)
            if str(p).startswith(NAMESPACE) and p not in structural}


def _rows():
    try:
        lines = STYLE_TSV.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise OntologyError(f"{STYLE_TSV}: cannot read the style table: {exc.strerror or exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(_COLUMNS):
            raise OntologyError(f"{STYLE_TSV}:{number}: {len(cells)} columns, expected {len(_COLUMNS)} "
                                f"({', '.join(_COLUMNS)})")
        row = dict(zip(_COLUMNS, (c.strip() for c in cells), strict=True))
        if not _COLOUR.fullmatch(row["colour"]) or not row["size"].isdigit():
            raise OntologyError(f"{STYLE_TSV}:{number}: colour must be #rrggbb and size a whole number")
        yield number, row


def _darker(colour: str, factor: float = 0.75) -> str:
    """A border a shade darker than the fill, so touching nodes of one class stay apart."""
    rgb = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * factor):02x}" for c in rgb)


def ink_of(name: str) -> str:
    """A node style's colour dark enough to write text in on white, e.g. a status in a briefing."""
    return _darker(node_styles()[name].color)


def _text_on(colour: str) -> str:
    """White on dark fills, near-black on light ones (relative luminance of sRGB, roughly)."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return "#2a2c34" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6 else "#ffffff"


@lru_cache(maxsize=1)
def node_styles() -> dict[str, NodeStyle]:
    """Every node style by name, in the table's order."""
    classes = set(stored_classes())
    out = {}
    for number, row in _rows():
        if row["kind"] != "node":
            continue
        name, stored = row["name"], row["name"] in classes
        label = row["label"] or (_zh_label(KG[name]) if stored else "")
        if name == RESOURCE:
            stored, label = True, label or name
        if not label or row["shape"] not in NODE_SHAPES:
            raise OntologyError(f"{STYLE_TSV}:{number}: {name} needs a label (none in the ontology) and a shape "
                                f"of {', '.join(sorted(NODE_SHAPES))}")
        emphasis = row["emphasis"] == "yes"
        out[name] = NodeStyle(name, label, row["colour"].lower(),
                              "#000000" if emphasis else _darker(row["colour"].lower()), _text_on(row["colour"]),
                              int(row["size"]), row["shape"], row["caption"], emphasis, stored)
    return out


@lru_cache(maxsize=1)
def relationship_styles() -> dict[str, RelationshipStyle]:
    """Every relationship style by type, in the table's order."""
    types = relationship_types()
    out = {}
    for number, row in _rows():
        if row["kind"] != "relationship":
            continue
        name = row["name"]
        if name not in types or row["shape"] not in LINE_SHAPES:
            raise OntologyError(f"{STYLE_TSV}:{number}: {name} is not a relationship type of the ontology, "
                                f"or its shape is not solid or dashed")
        label = _zh_label(types[name])
        out[name] = RelationshipStyle(name, label, row["label"] or label, row["colour"].lower(), int(row["size"]),
                                      row["shape"] == "dashed", row["caption"])
    return out


# Neo4j Browser's defaults for what the table does not set; its parser has no comments, so nothing else is written.
_GRASS_DEFAULTS = (
    ("node", (("diameter", "50px"), ("color", "#A5ABB6"), ("border-color", "#9AA1AC"), ("border-width", "2px"),
              ("text-color-internal", "#FFFFFF"), ("font-size", "10px"))),
    ("relationship", (("color", "#A5ABB6"), ("shaft-width", "1px"), ("font-size", "8px"), ("padding", "3px"),
                      ("text-color-external", "#000000"), ("text-color-internal", "#FFFFFF"), ("caption", "'<type>'"))),
)


def grass() -> str:
    """cypher/browser.grass: one rule per stored class and per relationship type, from the table.

    Neo4j Browser takes only single quotes as string delimiters and splits declarations at every `;`
    and `:`, so a caption is written in single quotes and may hold neither.
    """
    lines = []
    for selector, declarations in _GRASS_DEFAULTS:
        lines.append(f"{selector} {{")
        lines += [f"  {key}: {value};" for key, value in declarations]
        lines.append("}")
    for style in node_styles().values():
        if not style.stored:
            continue
        lines.append(f"node.{style.name} {{ color: {style.color}; border-color: {style.border}; "
                     f"text-color-internal: {style.text_color}; diameter: {style.size}px; "
                     f"caption: '{_caption(f'{{{style.caption}}}')}'; }}")
    for style in relationship_styles().values():
        caption = f"{style.label} {{{style.caption}}}" if style.caption else style.label
        lines.append(f"relationship.{style.name} {{ color: {style.color}; shaft-width: {style.width}px; "
                     f"caption: '{_caption(caption)}'; }}")
    return "\n".join(lines) + "\n"


def _caption(text: str) -> str:
    if re.search(r"[;:'{}]", text.replace("{", "", 1).replace("}", "", 1)):
        raise OntologyError(f"caption {text!r} holds a character Neo4j Browser's style parser splits on")
    return text
