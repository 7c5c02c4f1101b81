"""Picture graph → one self-contained HTML page: vis-network inlined, no remote asset, every text escaped.

pyvis assembles nodes, edges and options; the page is our own template, because pyvis's
template links Bootstrap from a CDN even with inlined resources, and briefings are opened on
machines with no internet.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from kg.atomic import replacing
from kg.errors import KgError
from kg.viz.graph import CLASSES, RELATIONS, Graph
from kg.viz.lanes import FONT, HEADING_FONT, NODE_SIZE
import pyvis
from pyvis.network import Network
from jinja2 import Environment, FileSystemLoader, select_autoescape

FONT_FACE = "Noto Sans CJK SC, Microsoft YaHei, SimHei, sans-serif"
MAX_NODES = 3000  # beyond this a browser on an office laptop stops being usable; the page says what it left out
LARGE = 800  # from here on, cheaper physics and straight edges so the layout settles in seconds


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """The vis-network script and stylesheet that pyvis ships, read once."""
    lib = Path(pyvis.__file__).parent / "templates" / "lib"
    candidates = sorted(lib.glob("vis-*/vis-network.min.js"))
    if not candidates:
        raise KgError(f"{lib}: pyvis is installed without its vis-network library")
    script = candidates[-1]
    return script.read_text(encoding="utf-8"), script.with_name("vis-network.css").read_text(encoding="utf-8")


def script_json(value) -> str:
    """JSON that can sit inside a <script> element: no `<`, `>` or `&` that could end it or open a tag."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _tooltip(node) -> list[str]:
    """Lines of a node's tooltip; the page turns them into text nodes, never markup."""
    lines = [f"{CLASSES[node.cls].label}：{node.text or node.label}"]
    if node.year:
        lines.append(f"年度：{node.year}")
    if node.evidence and node.evidence != node.text:
        lines.append(f"原文：{node.evidence}")
    if node.source:
        lines.append(f"来源：{node.source}")
    return lines + list(node.details)


# From this many edges on, a fixed picture draws them faint and without arrowheads, so that labels stay legible;
# hovering or choosing a node draws its own edges dark.
FAINT_EDGES = 100


def _options(graph: Graph, count: int, edge_count: int = 0) -> dict:
    if graph.positions:
        return _fixed_options(edge_count >= FAINT_EDGES)
    large = count >= LARGE
    physics = {
        "enabled": True,
        "stabilization": {"enabled": True, "iterations": 40 if large else 400, "updateInterval": 25, "fit": True},
    }
    layout: dict = {"improvedLayout": not large, "randomSeed": 7}
    physics["solver"] = "barnesHut" if large else "forceAtlas2Based"
    physics["barnesHut"] = {"gravitationalConstant": -3000, "springLength": 120, "avoidOverlap": 0}
    physics["forceAtlas2Based"] = {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.4}
    return {
        "autoResize": True,
        "layout": layout,
        "physics": physics,
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "hideEdgesOnDrag": large},
        "nodes": {
            "font": {"size": FONT, "face": FONT_FACE},
            "scaling": {"min": 10, "max": 40, "label": {"enabled": True, "min": 12, "max": 22}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False if large else {"enabled": True, "type": "continuous"},
            "font": {"size": 11, "align": "middle", "color": "#555"},
            "color": {"color": "#9aa5b1", "highlight": "#34495e"},
        },
    }


def _fixed_options(faint: bool = False) -> dict:
    """Nodes stay where kg.viz.lanes put them: no physics, straight edges, one node size, labels at one size."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "nodes": {"size": NODE_SIZE, "font": {"size": FONT, "face": FONT_FACE}},
        "edges": {
            # many arrowheads meeting at one node hide its label; the lanes already say which way edges read
            "arrows": {"to": {"enabled": not faint, "scaleFactor": 0.5}},
            "smooth": False,
            "font": {"size": 11, "align": "middle", "color": "#555"},
            "color": {"color": "#9aa5b1", "highlight": "#34495e", "hover": "#34495e", "opacity": 0.45 if faint else 1.0},
        },
    }


def _size(graph: Graph, cls, degree: int) -> dict:
    """Size by degree in a force layout; in lanes one size, a star larger and its border thinner, so that its
    colour shows when the picture is fitted small (at 10 px and a 4 px border it reads black)."""
    if not graph.positions:
        return {"value": degree + 1}
    return {"size": round(NODE_SIZE * 1.5), "borderWidth": 2.5} if cls.emphasis else {}


def _headings(graph: Graph, first_id: int) -> list[dict]:
    """Lane captions as text nodes of the canvas, so that they move and zoom with their columns."""
    return [
        {"id": first_id + k, "label": h.text, "shape": "text", "x": h.x, "y": h.y, "kgClass": "Heading", "tip": [h.text],
         "font": {"size": HEADING_FONT, "color": "#566573", "face": FONT_FACE}}
        for k, h in enumerate(graph.headings)
    ]


def network_payload(graph: Graph, max_nodes: int = MAX_NODES) -> dict:
    """Nodes, edges and options for the page, built with pyvis; in a force layout node size follows degree."""
    graph = graph.limited(max_nodes)
    degrees = graph.degrees()
    net = Network(directed=True, cdn_resources="in_line")
    index = {node_id: i for i, node_id in enumerate(graph.nodes)}  # short ids keep big pages small
    for node_id, node in graph.nodes.items():
        cls = CLASSES[node.cls]
        color = {"background": cls.color, "border": cls.border}
        # a label inside a dark box is drawn in white; other shapes carry it beneath, in the page's text colour
        font = {"color": "#ffffff"} if cls.shape == "box" else {"color": "#1c2833"}
        where = dict(zip("xy", graph.positions[node_id])) if node_id in graph.positions else {}
        net.add_node(
            index[node_id], label=node.label, shape=cls.shape, color=color, font=font, tip=_tooltip(node),
            kgClass=node.cls, **{"borderWidth": 4 if cls.emphasis else 1, **_size(graph, cls, degrees[node_id])}, **where,
        )
    for edge in graph.live_edges():
        name = RELATIONS.get(edge.relation, edge.relation)
        said = "；".join(part for part in (edge.label, edge.note) if part)
        net.edges.append({
            "from": index[edge.source], "to": index[edge.target], "label": edge.caption(), "dashes": edge.dashed,
            "width": edge.width, "tip": [said if said.startswith(name) else f"{name}：{said}" if said else name],
            **({"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.25}} if edge.curved else {}),
        })
    nodes, edges, *_ = net.get_network_data()
    nodes += _headings(graph, len(index))
    if len(nodes) >= LARGE and not graph.positions:
        _seed_positions(nodes, edges)
    return {"nodes": nodes, "edges": edges, "options": _options(graph, len(nodes), len(edges)), "notice": graph.notice}


def _seed_positions(nodes: list[dict], edges: list[dict]) -> None:
    """A starting layout for big graphs: hubs on a sunflower spiral, each other node in rings round its biggest neighbour.

    A browser needs ~50 ms per physics step on a few thousand nodes; starting near a good layout
    lets a few dozen steps settle it instead of hundreds.
    """
    degree = {n["id"]: 0 for n in nodes}
    neighbours: dict = {n["id"]: [] for n in nodes}
    for edge in edges:
        degree[edge["from"]] += 1
        degree[edge["to"]] += 1
        neighbours[edge["from"]].append(edge["to"])
        neighbours[edge["to"]].append(edge["from"])
    anchor = {}
    for node_id, near in neighbours.items():
        best = max(near, key=lambda other: (degree[other], str(other)), default=None)
        if best is not None and degree[best] > degree[node_id]:
            anchor[node_id] = best
    hubs = sorted((n for n in degree if n not in anchor), key=lambda n: (-degree[n], str(n)))
    children: dict = {hub: [] for hub in hubs}
    for node_id, hub in anchor.items():
        while hub in anchor:  # a neighbour's neighbour may be the hub
            hub = anchor[hub]
        children[hub].append(node_id)
    position = {}
    golden = math.pi * (3 - math.sqrt(5))
    for index, hub in enumerate(hubs):
        radius = 60 * math.sqrt(len(children[hub]) + 1)
        spread = 260 * math.sqrt(index)
        hx, hy = spread * math.cos(index * golden), spread * math.sin(index * golden)
        position[hub] = (hx, hy)
        for k, child in enumerate(children[hub]):
            ring = radius * (0.5 + 0.5 * math.sqrt((k + 1) / (len(children[hub]) + 1)))
            position[child] = (hx + ring * math.cos(k * golden), hy + ring * math.sin(k * golden))
    for node in nodes:
        node["x"], node["y"] = (round(v, 1) for v in position[node["id"]])


@lru_cache(maxsize=1)
def years_text(years) -> str:
    """Years as a briefing writes them: a run of three or more as 2016—2024, others with 、 (2019、2021—2023)."""
    years = sorted(set(years))
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return "、".join(f"{run[0]}—{run[-1]}" if len(run) > 2 else "、".join(map(str, run)) for run in runs)


def _environment():
    folder = files("kg.viz") / "templates"
    environment = Environment(loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(default=True))
    environment.filters["years"] = years_text
    return environment


def template(name: str):
    return _environment().get_template(name)


def legend(graph: Graph) -> list[dict]:
    return [{"label": c.label, "color": c.color, "shape": c.shape, "emphasis": c.emphasis} for c in graph.classes_used()]


WINDOW = "calc(100vh - 150px)"  # the canvas below the title and legend


def canvas_height(payload: dict) -> str:
    """A canvas as tall as the window, or as its lanes when they are lower: a picture in lanes is never drawn
    larger than life (vis-network fits at most at zoom 1), so a taller canvas would only add white."""
    if payload["options"]["physics"]["enabled"] or not payload["nodes"]:
        return WINDOW
    ys = [node["y"] for node in payload["nodes"]]
    return f"min({round(max(ys) - min(ys)) + 140}px, {WINDOW})"  # a label under the lowest row, and a margin


def render_page(graph: Graph, max_nodes: int = MAX_NODES) -> str:
    """The whole page for one picture graph."""
    script, style = vis_assets()
    payload = network_payload(graph, max_nodes)
    return template("graph.html.j2").render(
        title=graph.title, vis_script=script, vis_style=style, payload=script_json(payload),
        legend=legend(graph), notice=payload["notice"], count=len(payload["nodes"]), edge_count=len(payload["edges"]),
        height=canvas_height(payload),
    )


def write_page(graph: Graph, path: str | Path, max_nodes: int = MAX_NODES) -> Path:
    path = Path(path)
    try:
        page = render_page(graph, max_nodes)
        with replacing(path) as handle:  # a failed write keeps the earlier page whole
            handle.write(page)
    except OSError as exc:
        raise KgError(f"{path}: cannot write the page: {exc.strerror or exc}") from exc
    return path
