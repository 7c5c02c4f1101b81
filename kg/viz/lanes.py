"""Fixed positions in lanes: each lane a captioned column of rows, so a picture reads left to right and no two
labels meet.

A force layout puts ninety labels of one report on top of each other; columns wide enough for their widest
label and rows tall enough for a node with its label under it cannot. Widths are estimated here from the
characters (a CJK character is one em wide at the page's font size), so the page needs no measuring pass.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field, replace

from kg.viz.graph import CLASSES, Graph, Heading

FONT = 14  # the page's node label size (kg/viz/html.py)
HEADING_FONT = 16
NODE_SIZE = 10  # radius of a dot, diamond or star drawn at a fixed position
ROW = 56  # a node, its label under it, and a gap
GAP = 44  # between the widest labels of neighbouring lanes
BOX_PADDING = 16  # a box holds its label with a margin and a border on each side


def text_width(text: str, font: int = FONT) -> float:
    """Width of a one-line label in canvas pixels: wide (CJK, full-width) characters one em, others about 0.6."""
    return sum(font if unicodedata.east_asian_width(ch) in "WF" else 0.6 * font for ch in text)


@dataclass
class Lane:
    """A column: node ids by row (rows may be fractions, for a lane spread beside a longer one)."""

    heading: str = ""
    rows: dict[str, float] = field(default_factory=dict)

    def put(self, node_id: str, row: float = 0) -> float:
        """Place `node_id` at the first free row from `row` (kept where it is when already placed)."""
        if node_id in self.rows:
            return self.rows[node_id]
        taken = set(self.rows.values())
        while row in taken:
            row += 1
        self.rows[node_id] = row
        return row

    def next_row(self) -> float:
        return math.floor(max(self.rows.values())) + 1 if self.rows else 0

    def stack(self, node_ids) -> None:
        """Place each of `node_ids` under the lane's last row."""
        for node_id in node_ids:
            self.put(node_id, self.next_row())


def wrapped(heading: str, node_ids: list[str], per_column: int) -> list[Lane]:
    """`node_ids` in columns of at most `per_column` rows; only the first column carries the heading."""
    lanes = []
    for start in range(0, len(node_ids), max(per_column, 1)):
        lane = Lane(heading if not lanes else "")
        lane.stack(node_ids[start:start + per_column])
        lanes.append(lane)
    return lanes


def node_width(graph: Graph, node_id: str) -> float:
    node = graph.nodes[node_id]
    label = text_width(node.label)
    if CLASSES[node.cls].shape == "box":
        return label + BOX_PADDING
    return max(label, 2 * NODE_SIZE)


def half_width(graph: Graph, lane: Lane) -> float:
    """Half the width of a lane: of its widest label or its heading."""
    placed = [node_id for node_id in lane.rows if node_id in graph.nodes]
    if not placed:
        return 0.0
    return max([node_width(graph, n) for n in placed] + [text_width(lane.heading, HEADING_FONT)]) / 2


def place(graph: Graph, lanes: list[Lane], gap: float = GAP, row_height: float = ROW, top: float = 0) -> None:
    """Set `graph.positions` and `graph.headings`: lanes left to right, each as wide as its widest label, their
    row 0 at row `top` (a band under another), the headings a row above. Call `tooltip_captions` once all is placed."""
    x, previous = 0.0, None
    for lane in lanes:
        half = half_width(graph, lane)
        if not half:
            continue
        x = 0.0 if previous is None else x + previous + gap + half
        previous = half
        if lane.heading:
            graph.headings.append(Heading(lane.heading, x, (top - 1) * row_height))
        for node_id in lane.rows:
            if node_id in graph.nodes:
                graph.positions[node_id] = (x, round((lane.rows[node_id] + top) * row_height, 1))


def tooltip_captions(graph: Graph) -> None:
    """An edge that is bent or runs between rows says its caption in its tooltip only: drawn at its middle, the
    caption would sit on the labels of the rows it crosses. A level straight edge keeps it, between two lanes."""
    at = graph.positions
    kept = []
    for edge in graph.edges:
        level = edge.source in at and edge.target in at and at[edge.source][1] == at[edge.target][1]
        caption = edge.caption()
        if caption and (edge.curved or not level):
            edge = replace(edge, label="", note="；".join(part for part in (caption, edge.note) if part))
        kept.append(edge)
    graph.edges = kept


# A follow-through picture's columns within a year: what answers last year's plans, what is wrong, what is planned.
TIMELINE_ROLES = {"Measure": (0, "落实举措"), "Plan": (2, "下一步计划")}
PROBLEM_ROLE = (1, "存在问题")


def timeline(graph: Graph, roots: list[str]) -> None:
    """Year by year in columns; each root (a shortcoming) on a row with what answers it beside it, edge after edge.

    A node reached from one already placed takes its row, or the first free one under it, in its own column;
    each year's next root starts under that year's last chain.
    """
    lanes: dict[tuple[int, int], Lane] = {}
    children: dict[str, list[str]] = {}
    for edge in graph.live_edges():
        children.setdefault(edge.source, []).append(edge.target)

    def column(node_id: str) -> tuple[int, int]:
        node = graph.nodes[node_id]
        order, name = TIMELINE_ROLES.get(node.cls, PROBLEM_ROLE)
        key = (node.year or 0, order)
        lanes.setdefault(key, Lane(f"{node.year}年 {name}" if node.year else name))
        return key

    def spread(node_id: str, row: float) -> None:
        for child in children.get(node_id, ()):
            lane = lanes[column(child)]
            if child not in lane.rows:
                spread(child, lane.put(child, row))

    for root in roots:
        key = column(root)
        year = key[0]
        lane = lanes[key]
        start = max((lanes[k].next_row() for k in lanes if k[0] == year and k[1] >= 1 and lanes[k] is not lane),
                    default=0)
        row = lane.rows[root] if root in lane.rows else lane.put(root, max(start, lane.next_row()))
        spread(root, row)
    for node_id in graph.nodes:
        lane = lanes[column(node_id)]
        if node_id not in lane.rows:
            lane.stack([node_id])
    # A year's problems and plans, then the next year's measures that answer them, stay together in one band.
    unit = {key: (key[0] - 1, 3) if key[1] == 0 else key for key in lanes}
    units: dict[int, list[Lane]] = {}
    for key in sorted(lanes, key=unit.get):
        units.setdefault(unit[key][0], []).append(lanes[key])
    top = 0
    for band in _bands(graph, list(units.values())):
        place(graph, band, top=top)
        top += max(lane.next_row() for lane in band) + 2  # its last row, a gap row, and the next band's headings
    graph.edges = [replace(e, curved=True) if _crosses(graph, e.source, e.target) else e for e in graph.edges]
    tooltip_captions(graph)


# How wide a band of years may grow before the next years go under it: a laptop's window at the page's zoom.
BAND_WIDTH = 1200


def _bands(graph: Graph, units: list[list[Lane]]) -> list[list[Lane]]:
    """Whole years' lanes in bands no wider than BAND_WIDTH (a year wider still has a band of its own)."""
    bands: list[list[Lane]] = []
    width = 0.0
    for lanes in units:
        grow = sum(2 * half_width(graph, lane) + GAP for lane in lanes)
        if bands and width + grow <= BAND_WIDTH + GAP:
            bands[-1] += lanes
            width += grow
        else:
            bands.append(list(lanes))
            width = grow
    return bands


def _crosses(graph: Graph, source: str, target: str) -> bool:
    """True when the straight line between two nodes passes near a node standing between them."""
    at = graph.positions
    if source not in at or target not in at:
        return False
    (x1, y1), (x2, y2) = sorted((at[source], at[target]))
    for node_id, (x, y) in at.items():
        if x1 < x < x2 and node_id not in (source, target):
            if abs(y - (y1 + (y2 - y1) * (x - x1) / (x2 - x1))) < 0.8 * ROW:
                return True
    return False


# Rows of the citations picture: a law with its one-line label under it clear of the next law's shape, and a
# township box (36 px high in Chromium at the page's font) with a gap, in those rows.
CITATION_ROW = 50
TOWN_ROW = 0.8
# Townships stand well apart from the laws, so that their edges come in flat and pass under few labels.
CITATION_GAP = 4 * GAP


def citation_lanes(graph: Graph, ranked: list[str], towns: list[str]) -> None:
    """Cited laws in rank order in a middle column; townships on both sides, each near the laws it cites.

    Each township sits at the mean rank of what it cites (short edges, few crossings), pushed down as far as the
    township above it needs; townships are dealt alternately left and right, so each side holds half of them.
    """
    rank = {node_id: k for k, node_id in enumerate(ranked)}
    cites: dict[str, list[int]] = {town: [] for town in towns}
    for edge in graph.live_edges():
        if edge.source in cites and edge.target in rank:
            cites[edge.source].append(rank[edge.target])
    mean = {t: sum(cites[t]) / len(cites[t]) if cites[t] else float(len(ranked)) for t in towns}
    order = sorted(towns, key=lambda t: (mean[t], t))
    middle = Lane("法律法规与活动（按引用乡镇数排序）")
    middle.stack(ranked)
    left, right = Lane("乡镇（街道）"), Lane("乡镇（街道）")
    for lane, side in ((left, order[0::2]), (right, order[1::2])):
        row = -TOWN_ROW
        for town in side:
            row = max(mean[town], row + TOWN_ROW)
            lane.rows[town] = round(row, 3)
    place(graph, [left, middle, right], CITATION_GAP, CITATION_ROW)
