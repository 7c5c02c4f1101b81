"""A fixed drawing of the follow-through graph for print and Word: boxes in columns, edges routed between them.

The interactive view settles its layout in the browser, which a printer or a Word file cannot do. Here
the layout is computed once, in Python, and the same geometry is written as SVG (kg.viz.svg) and PNG
(kg.viz.png), so the page and the Word file show one picture.

Each year's shortcomings get a panel of three columns — the problem, its plans, and next year's answer
(measures that follow it up, problems that state it again) — with one band of rows per problem. Edges
leave a box on its right, run down the gap between columns and, when they skip a column, along the gap
between rows, so no edge crosses a box and no label sits on one.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from kg.viz.graph import CLASSES, RELATIONS, Graph, Node, short
from kg.viz.style import relationship_styles

# Layout units are CSS pixels before scaling: three columns make about 744, a little wider than the
# 182 mm (688 px) an A4 page leaves inside the briefing's margins, so the text prints at about 8.5 pt.
BOX_WIDTH, COLUMN_GAP, MARGIN = 200.0, 68.0, 8.0
ROW_GAP, HEADER = 12.0, 24.0
FONT, SMALL, LINE = 12.5, 10.0, 16.0  # label size, edge and legend size, label line height
PAD, MARK = 6.0, 6.0  # inner padding of a box; radius of the class marker in its corner
MAX_LINES = 3
MAX_HEIGHT = 900.0  # a panel taller than this is cut into panels, so each fits on one A4 page or Word page
SHORTCOMINGS = frozenset({"Shortcoming", "UnplannedShortcoming", "UnfollowedShortcoming"})
FOLLOW_RELATIONS = ("ADDRESSES", "FOLLOWS_UP", "RECURS")
TEXT, MUTED = "#17202a", "#566573"


@dataclass(frozen=True)
class Box:
    """One item: its box, its wrapped label and how its class is drawn."""

    node: str
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    color: str
    border: str
    border_width: float
    shape: str  # the class's marker, as in the legend

    @property
    def text_x(self) -> float:
        return self.x + PAD + 2 * MARK + 4

    def baselines(self) -> tuple[float, ...]:
        """Where each line of the label sits: one line height each, the text centred in it."""
        return tuple(self.y + PAD + LINE * index + LINE - 3.5 for index in range(len(self.lines)))

    @property
    def marker(self) -> Marker:
        return Marker(self.shape, self.x + PAD + MARK, self.y + PAD + LINE / 2, MARK, self.color, self.border)


@dataclass(frozen=True)
class Marker:
    """The class's shape in its colour: in a box's corner and in the legend."""

    shape: str
    cx: float
    cy: float
    r: float
    fill: str
    stroke: str

    def points(self) -> tuple[tuple[float, float], ...]:
        """The outline as a polygon; empty for a dot, which is drawn as a circle."""
        cx, cy, r = self.cx, self.cy, self.r
        if self.shape == "star":
            return tuple((cx + (r if i % 2 == 0 else r * 0.45) * math.sin(i * math.pi / 5),
                          cy - (r if i % 2 == 0 else r * 0.45) * math.cos(i * math.pi / 5)) for i in range(10))
        if self.shape == "diamond":
            return ((cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy))
        if self.shape == "triangle":
            return ((cx, cy - r), (cx + r, cy + r * 0.8), (cx - r, cy + r * 0.8))
        if self.shape in ("box", "square", "hexagon"):
            return ((cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r))
        return ()


@dataclass(frozen=True)
class Route:
    """An edge as a polyline ending in an arrowhead, with its score written just before the arrow."""

    points: tuple[tuple[float, float], ...]
    color: str
    width: float
    dashed: bool
    label: str
    label_at: tuple[float, float]  # the label's right end, on its baseline

    def arrow(self) -> tuple[tuple[float, float], ...]:
        (x, y) = self.points[-1]
        return ((x, y), (x - 7, y - 3.5), (x - 7, y + 3.5))


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float = FONT
    anchor: str = "start"  # start | middle | end
    color: str = TEXT
    bold: bool = False


@dataclass(frozen=True)
class Panel:
    """One picture: a year's problems (or part of them) and what answered them."""

    title: str
    width: float
    height: float
    boxes: tuple[Box, ...]
    routes: tuple[Route, ...]
    texts: tuple[Text, ...]
    markers: tuple[Marker, ...] = ()  # the legend's
    keys: tuple[Route, ...] = ()  # the legend's line samples


def text_width(text: str, size: float = FONT) -> float:
    """Width of a label: a Chinese character is one em, Latin letters and digits about 0.6 of one."""
    # ambiguous-width characters (“”、…) are full width in the Chinese fonts the drawing asks for
    return size * sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.6 for ch in text)


def wrap(text: str, width: float, size: float = FONT, max_lines: int = MAX_LINES) -> tuple[str, ...]:
    """Lines of at most `width`; the last line ends in … when the text is longer than `max_lines` lines."""
    lines, line = [], ""
    for ch in " ".join(text.split()):
        if line and text_width(line + ch, size) > width:
            lines.append(line)
            line = ch.lstrip()
        else:
            line += ch
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + "…", size) > width:
            last = last[:-1]
        lines = lines[: max_lines - 1] + [last + "…"]
    return tuple(lines) or ("",)


def _box(node: Node, x: float, y: float) -> Box:
    style = CLASSES[node.cls]
    inner = BOX_WIDTH - 2 * PAD - 2 * MARK - 4
    lines = wrap(short(node.text or node.label, 40), inner)
    height = 2 * PAD + LINE * len(lines)
    return Box(node.id, x, y, BOX_WIDTH, height, lines, style.color, style.border if style.emphasis else style.color,
               2.5 if style.emphasis else 1.2, style.shape)


def _column_x(column: int) -> float:
    return MARGIN + column * (BOX_WIDTH + COLUMN_GAP)


def _bands(graph: Graph, year: int) -> list[tuple[str, list[str], list[str]]]:
    """Per problem of `year`: the problem, its plans, and next year's items that answer it or it or its plans."""
    out = {}
    edges = graph.live_edges()
    for node in graph.nodes.values():
        if node.cls in SHORTCOMINGS and node.year == year:
            out[node.id] = ([], [])
    placed: set[str] = set(out)
    for head, (plans, answers) in out.items():
        for e in edges:
            if e.source == head and e.relation == "ADDRESSES" and e.target not in placed:
                plans.append(e.target)
                placed.add(e.target)
        sources = {head, *plans}
        for e in edges:
            if e.source in sources and e.relation in ("FOLLOWS_UP", "RECURS") and e.target not in placed:
                answers.append(e.target)
                placed.add(e.target)
    return [(head, plans, answers) for head, (plans, answers) in out.items()]


def _routes(graph: Graph, boxes: dict[str, Box]) -> list[Route]:
    styles = relationship_styles()
    edges = [e for e in graph.live_edges() if e.relation in FOLLOW_RELATIONS and e.source in boxes and e.target in boxes]
    incoming: dict[str, list] = {}
    for e in edges:
        incoming.setdefault(e.target, []).append(e)
    lanes: dict[float, int] = {}
    routes = []
    for e in edges:
        a, b = boxes[e.source], boxes[e.target]
        if b.x <= a.x:  # the columns make every follow-through edge run rightwards; anything else is not drawn
            continue
        siblings = incoming[e.target]
        x1, y1 = a.x + a.width, a.y + a.height / 2
        x2, y2 = b.x, b.y + b.height * (siblings.index(e) + 1) / (len(siblings) + 1)
        bend = x1 + COLUMN_GAP / 2
        if b.x - (a.x + a.width) <= COLUMN_GAP + 1:  # the next column: across the gap
            points = ((x1, y1), (bend, y1), (bend, y2), (x2, y2))
        else:  # over a column: down the gap, along the gap under the row, up the last gap
            bottom = a.y + a.height
            lane = bottom + 5 + 4 * lanes.get(bottom, 0)
            lanes[bottom] = lanes.get(bottom, 0) + 1
            last = x2 - COLUMN_GAP / 2 + 6
            points = ((x1, y1), (bend, y1), (bend, lane), (last, lane), (last, y2), (x2, y2))
        style = styles[e.relation]
        label = (e.caption() or "").removeprefix(RELATIONS[e.relation]).strip()
        routes.append(Route(points, style.color, 1.6, e.dashed, label, (x2 - 9, y2 - 3)))
    return routes


def _headers(year: int, next_in: bool, more: bool) -> list[Text]:
    tail = "（续）" if more else ""
    later = f"{year + 1}年 落实与再次出现" if next_in else f"{year + 1}年（未收录报告）"
    return [Text(_column_x(i) + BOX_WIDTH / 2, HEADER - 10, title, FONT, "middle", TEXT if i < 2 or next_in else MUTED,
                 True) for i, title in enumerate((f"{year}年 存在的问题{tail}", f"{year}年 下一步计划", later))]


def _panel(graph: Graph, year: int, next_in: bool, bands, more: bool) -> Panel:
    boxes: dict[str, Box] = {}
    y = HEADER
    for head, plans, answers in bands:
        tops = [y, y, y]
        for column, ids in enumerate(([head], plans, answers)):
            for node_id in ids:
                box = _box(graph.nodes[node_id], _column_x(column), tops[column])
                boxes[node_id] = box
                tops[column] = box.y + box.height + ROW_GAP
        y = max(tops)
    width = _column_x(3) - COLUMN_GAP + MARGIN
    return Panel(f"{year}年问题的整改跟踪", width, y - ROW_GAP + MARGIN + 8, tuple(boxes.values()),
                 tuple(_routes(graph, boxes)), tuple(_headers(year, next_in, more)))


def _band_height(graph: Graph, band) -> float:
    head, plans, answers = band
    return max(sum(_box(graph.nodes[n], 0, 0).height + ROW_GAP for n in ids) for ids in ([head], plans, answers))


def _with_legend(panel: Panel, graph: Graph) -> Panel:
    """The key under the last panel: the classes drawn, the relations drawn, what a dashed line means."""
    x, y = MARGIN, panel.height + 6
    markers, texts, keys = [], [], []
    classes = [c for c in graph.classes_used() if c.name != "Township"]
    for style in classes:
        label_width = text_width(style.label, SMALL)
        if x + 16 + label_width > panel.width:
            x, y = MARGIN, y + 18
        markers.append(Marker(style.shape, x + MARK, y + MARK, MARK, style.color,
                              style.border if style.emphasis else style.color))
        texts.append(Text(x + 2 * MARK + 5, y + 9, style.label, SMALL))
        x += 2 * MARK + 5 + label_width + 16
    x, y = MARGIN, y + 20
    used = {e.relation for e in graph.live_edges()}
    for relation in FOLLOW_RELATIONS:
        if relation not in used:
            continue
        style = relationship_styles()[relation]
        keys.append(Route(((x, y + 5), (x + 28, y + 5)), style.color, 1.6, style.dashed, "", (x, y)))
        texts.append(Text(x + 33, y + 9, RELATIONS[relation], SMALL))
        x += 33 + text_width(RELATIONS[relation], SMALL) + 16
    note = "虚线：关联分低于确认线（待核实）或再次出现；数字为关联分"
    if x + text_width(note, SMALL) > panel.width:
        x, y = MARGIN, y + 18
    texts.append(Text(x, y + 9, note, SMALL, color=MUTED))
    return Panel(panel.title, panel.width, y + 20, panel.boxes, panel.routes, panel.texts + tuple(texts),
                 tuple(markers), tuple(keys))


def follow_panels(graph: Graph, years: Mapping[int, bool]) -> tuple[Panel, ...]:
    """The follow-through drawing of `graph`, one panel per year of `years` (year → next year's report is in),
    cut where a panel would outgrow a page; the last panel carries the legend. No problem, no panel."""
    panels = []
    for year in sorted(years):
        bands = _bands(graph, year)
        chunk: list = []
        height = HEADER
        for band in bands:
            grow = _band_height(graph, band)
            if chunk and height + grow > MAX_HEIGHT:
                panels.append(_panel(graph, year, years[year], chunk, more=_same(panels, year)))
                chunk, height = [], HEADER
            chunk.append(band)
            height += grow
        if chunk:
            panels.append(_panel(graph, year, years[year], chunk, more=_same(panels, year)))
    if panels:
        panels[-1] = _with_legend(panels[-1], graph)
    return tuple(panels)


def _same(panels: list[Panel], year: int) -> bool:
    """Whether an earlier panel already holds this year's problems, so this one continues it."""
    return any(p.title == f"{year}年问题的整改跟踪" for p in panels)
