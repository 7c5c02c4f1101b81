"""A neutral picture graph: nodes of a class with a label and a tooltip, edges with a relation label."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NodeClass:
    """One colour, one legend entry; `emphasis` draws a thick border for what must stand out."""

    name: str
    label: str
    color: str
    shape: str = "dot"
    emphasis: bool = False


# One colour per class, chosen to stay apart when printed in grey and for the common colour blindnesses.
CLASSES = {
    c.name: c
    for c in (
        NodeClass("County", "县（市、区）", "#6b6b6b", "box"),
        NodeClass("Township", "乡镇", "#1f4e79", "box"),
        NodeClass("Report", "年度报告", "#8c8c8c", "box"),
        NodeClass("Measure", "工作措施", "#2e86c1"),
        NodeClass("Law", "法律法规", "#7d3c98", "diamond"),
        NodeClass("Document", "文件", "#a569bd", "diamond"),
        NodeClass("Campaign", "活动与品牌", "#d68910", "triangle"),
        NodeClass("Metric", "数据指标", "#17a589", "square"),
        NodeClass("Person", "人员", "#909497", "dot"),
        NodeClass("Shortcoming", "存在的问题", "#c0392b"),
        NodeClass("Plan", "下一步计划", "#27ae60"),
        NodeClass("UnplannedShortcoming", "未列入计划的问题", "#ff0000", "star", emphasis=True),
        NodeClass("UnfollowedShortcoming", "次年未见落实的问题", "#f39c12", "star", emphasis=True),
    )
}

RELATIONS = {
    "ABOUT_TOWNSHIP": "报告",
    "IN_COUNTY": "所属",
    "HAS_ITEM": "包含",
    "CITES": "引用",
    "STATES": "数据",
    "ADDRESSES": "列入计划",
    "FOLLOWS_UP": "次年落实",
    "RECURS": "再次出现",
}
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


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str
    label: str | None = None  # None: the relation's own label, unless it is one of UNLABELLED
    dashed: bool = False
    width: float = 1.0

    def caption(self) -> str:
        if self.label is not None:
            return self.label
        return "" if self.relation in UNLABELLED else RELATIONS.get(self.relation, "")


@dataclass
class Graph:
    """Nodes by id (the first one added wins) and edges between known nodes."""

    title: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    notice: str = ""
    layout: str = "force"  # force | timeline

    def add_node(self, node: Node) -> None:
        if node.cls not in CLASSES:
            raise ValueError(f"unknown node class {node.cls!r}")
        self.nodes.setdefault(node.id, node)

    def add_edge(self, edge: Edge) -> None:
        self.edges.append(edge)

    def restyle(self, node_id: str, cls: str) -> None:
        node = self.nodes[node_id]
        self.nodes[node_id] = Node(node.id, cls, node.label, node.text, node.evidence, node.source, node.year)

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
        graph = Graph(self.title, layout=self.layout)
        graph.nodes = {k: v for k, v in self.nodes.items() if k in keep}
        graph.edges = [e for e in self.edges if e.source in keep and e.target in keep]
        graph.notice = (
            f"图中节点过多：共 {len(self.nodes)} 个，只显示连接最多的 {max_nodes} 个。"
            "请按乡镇或年份缩小范围后再看全部。"
        )
        return graph

    def classes_used(self) -> list[NodeClass]:
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
