"""A neutral picture graph: nodes of a class with a label and a tooltip, edges with a relation label."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from kg.viz.style import RESOURCE, NodeStyle, node_styles, relationship_styles


# Names, colours and shapes are ontology/style.tsv's (through kg.viz.style), as in briefings and Neo4j Browser.
CLASSES: dict[str, NodeStyle] = {name: style for name, style in node_styles().items() if name != RESOURCE}
# What an edge says, read the way pictures draw it.
RELATIONS = {name: style.reading for name, style in relationship_styles().items()}
# Relations every node of a view has; labelling each such edge only clutters the picture (tooltips still name them).
UNLABELLED = frozenset({"ABOUT_TOWNSHIP", "IN_COUNTY", "HAS_ITEM", "CITES", "STATES"})


@dataclass(frozen=True)
class Node:
    id: str
    cls: str
    label: str
    text: str = ""  # the full statement, when the label is shortened
    evidence: str = ""  # the sentence it was read from
    source: str = ""  # the file it was read from
    year: int | None = None
    details: tuple[str, ...] = ()  # more tooltip lines, e.g. the rows a table node stands for


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str
    label: str | None = None  # None: the relation's own label, unless it is one of UNLABELLED
    dashed: bool = False
    width: float = 1.0
    note: str = ""  # said in the tooltip only, where a caption on every edge would clutter the picture
    curved: bool = False  # bent, where a straight line would cross the nodes of a column between its ends

    def caption(self) -> str:
        if self.label is not None:
            return self.label
        return "" if self.relation in UNLABELLED else RELATIONS.get(self.relation, "")


@dataclass(frozen=True)
class Heading:
    """A lane's caption, drawn as text above its column."""

    text: str
    x: float
    y: float


@dataclass
class Graph:
    """Nodes by id (the first one added wins) and edges between known nodes.

    With `positions` (canvas pixels by node id, set by kg.viz.lanes) the picture is drawn where it says, physics
    off; without, a force layout places the nodes.
    """

    title: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    notice: str = ""
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    headings: list[Heading] = field(default_factory=list)

    def add_node(self, node: Node) -> None:
        if node.cls not in CLASSES:
            raise ValueError(f"unknown node class {node.cls!r}")
        self.nodes.setdefault(node.id, node)

    def add_edge(self, edge: Edge) -> None:
        self.edges.append(edge)

    def restyle(self, node_id: str, cls: str) -> None:
        node = self.nodes[node_id]
        self.nodes[node_id] = replace(node, cls=cls)

    def degrees(self) -> Counter:
        counts: Counter = Counter({node_id: 0 for node_id in self.nodes})
        for edge in self.live_edges():
            counts[edge.source] += 1
            counts[edge.target] += 1
        return counts

    def live_edges(self) -> list[Edge]:
        """Edges whose two ends are drawn, once each."""
        seen, edges = set(), []
        for edge in self.edges:
            key = (edge.source, edge.target, edge.relation)
            if edge.source in self.nodes and edge.target in self.nodes and key not in seen:
                seen.add(key)
                edges.append(edge)
        return edges

    def limited(self, max_nodes: int) -> Graph:
        """The best-connected `max_nodes` nodes, with a notice saying what was left out."""
        if len(self.nodes) <= max_nodes:
            return self
        keep = {node_id for node_id, _ in self.degrees().most_common(max_nodes)}
        graph = Graph(self.title, headings=self.headings)
        graph.nodes = {k: v for k, v in self.nodes.items() if k in keep}
        graph.positions = {k: v for k, v in self.positions.items() if k in keep}
        graph.edges = [e for e in self.edges if e.source in keep and e.target in keep]
        graph.notice = (
            f"图中节点过多：共 {len(self.nodes)} 个，只显示连接最多的 {max_nodes} 个。"
            "请按乡镇或年份缩小范围后再看全部。"
        )
        return graph

    def classes_used(self) -> list[NodeStyle]:
        used = {node.cls for node in self.nodes.values()}
        return [cls for name, cls in CLASSES.items() if name in used]


def short(text: str, limit: int = 18) -> str:
    """A label that fits under a node: the first clause, cut at `limit` characters."""
    text = " ".join((text or "").split())
    for stop in "：:。；;，,":
        head = text.split(stop, 1)[0]
        if 4 <= len(head) < len(text):
            text = head
            break
    return text if len(text) <= limit else text[: limit - 1] + "…"
