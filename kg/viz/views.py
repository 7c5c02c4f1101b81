"""The pictures users ask for: one report, follow-through across years, and the corpus citation network."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.errors import UsageError
from kg.link.follow import TO_CHECK, confirmation_scores
from kg.model import Report
from kg.viz.data import ItemRow, NetworkRow, RunQuery, TownshipData, fetch_network, fetch_township, with_quotes
from kg.viz.follow import chains
from kg.viz.graph import RELATIONS, Edge, Graph, Node, short
from kg.viz.data import NotFoundError

VIEWS = ("report", "chains", "citations")
# The inputs each view reads. Any other one given is refused: a picture that silently ignored --year would be
# taken for that year's.
VIEW_OPTIONS = {
    "report": ("township", "county", "year"),
    "chains": ("township", "county"),
    "citations": ("top",),
}


def refuse_ignored(view: str, **given) -> None:
    """Raise a usage error naming each option given (not None) that `view` does not use."""
    unused = [f"--{name}" for name, value in given.items() if value is not None and name not in VIEW_OPTIONS.get(view, ())]
    if unused:
        raise UsageError(f"{', '.join(unused)}: the {view} view does not use {'it' if len(unused) == 1 else 'them'}; "
                         f"leave {'it' if len(unused) == 1 else 'them'} out")


def _place(data: TownshipData) -> str:
    return f"{data.county}{data.township}" if data.county else data.township


def _township_node(graph: Graph, data: TownshipData) -> str:
    node_id = f"township:{data.county}/{data.township}"
    graph.add_node(Node(node_id, "Township", data.township, text=_place(data)))
    return node_id


def item_id(item: ItemRow) -> str:
    return f"item:{item.report}/{item.kind}/{item.ordinal}"


def _item_node(item: ItemRow, cls: str | None = None, with_year: bool = False) -> Node:
    label = short(item.text)
    if with_year and item.year:
        label = f"{item.year} {label}"
    return Node(item_id(item), cls or item.kind, label, item.text, item.sentence, item.source, item.year)


def report_graph(data: TownshipData) -> Graph:
    """A township's report of one year: its measures, shortcomings and plans, the laws, campaigns and metrics."""
    years = "、".join(map(str, data.years))
    graph = Graph(f"{_place(data)} {years}年法治政府建设情况报告")
    town = _township_node(graph, data)
    for item in data.items:
        graph.add_node(_item_node(item))
        graph.add_edge(Edge(town, item_id(item), "HAS_ITEM"))
    for citation in data.citations:
        if citation.kind not in ("Law", "Campaign", "Document"):
            continue
        node_id = f"{citation.kind.lower()}:{citation.name}"
        label = f"《{citation.name}》" if citation.kind == "Law" else short(citation.name, 16)
        graph.add_node(Node(node_id, citation.kind, label, citation.name, citation.sentence, citation.source, citation.year))
        graph.add_edge(Edge(town, node_id, "CITES"))
    for index, metric in enumerate(data.metrics):
        value = f"{metric.value:g}{metric.unit}"
        node_id = f"metric:{metric.report}/{index}"
        text = f"{metric.indicator} {'约' if metric.approximate else ''}{value}"
        graph.add_node(Node(node_id, "Metric", short(f"{metric.indicator} {value}", 20), text, metric.sentence,
                            metric.source, metric.year))
        graph.add_edge(Edge(town, node_id, "STATES"))
    for link in data.links:
        if link.relation == "ADDRESSES":
            # drawn from the shortcoming to the plan so the eye reads problem → plan
            graph.add_edge(Edge(_ref_id(link.target), _ref_id(link.source), "ADDRESSES"))
    return graph


def _ref_id(ref: tuple[str, str, int]) -> str:
    return f"item:{ref[0]}/{ref[1]}/{ref[2]}"


def chains_graph(data: TownshipData) -> Graph:
    """Shortcoming → plan → next year's measure, year by year; unplanned and un-followed shortcomings stand out."""
    years = data.years
    span = f"{years[0]}–{years[-1]}年" if len(years) > 1 else (f"{years[0]}年" if years else "")
    graph = Graph(f"{_place(data)} {span} 问题整改跟踪", layout="timeline")
    town = _township_node(graph, data)
    for chain in chains(data):
        s = chain.shortcoming
        cls = "Shortcoming"
        if not chain.planned:
            cls = "UnplannedShortcoming"
        elif chain.checkable and not chain.followed:
            cls = "UnfollowedShortcoming"
        graph.add_node(_item_node(s, cls, with_year=True))
        graph.add_edge(Edge(town, item_id(s), "HAS_ITEM", label=str(s.year or "")))
        for plan in chain.plans:
            graph.add_node(_item_node(plan, with_year=True))
            graph.add_edge(_scored(item_id(s), item_id(plan), "ADDRESSES", chain.score(plan)))
        for later in chain.recurs_as:
            graph.add_node(_item_node(later, "Shortcoming", with_year=True))
            graph.add_edge(_scored(item_id(s), item_id(later), "RECURS", chain.score(later)))
    for link in data.links:
        if link.relation != "FOLLOWS_UP":
            continue
        source, target = _ref_id(link.source), _ref_id(link.target)
        if target in graph.nodes:
            measure = next(i for i in data.items if i.ref == link.source)
            graph.add_node(_item_node(measure, with_year=True))
            graph.add_edge(_scored(target, source, "FOLLOWS_UP", link.score))
    _drop_shortcut_edges(graph)
    return graph


def _scored(source: str, target: str, relation: str, score: float | None) -> Edge:
    """A follow-through edge captioned with its score; one under the confirmation score is dashed and says 待核实."""
    weak = score is None or score < confirmation_scores()[relation]
    shown = "—" if score is None else f"{score:.2f}"
    label = f"{RELATIONS[relation]} {shown}" + (f" {TO_CHECK}" if weak else "")
    return Edge(source, target, relation, label=label, dashed=weak or relation == "RECURS")


def _drop_shortcut_edges(graph: Graph) -> None:
    """A measure that follows up a plan and also its shortcoming is drawn once, through the plan."""
    via_plan = {(e.source, e.target) for e in graph.edges if e.relation == "ADDRESSES"}
    reached = {}
    for e in graph.edges:
        if e.relation == "FOLLOWS_UP":
            reached.setdefault(e.target, set()).add(e.source)
    graph.edges = [
        e for e in graph.edges
        if not (e.relation == "FOLLOWS_UP" and any((e.source, p) in via_plan for p in reached.get(e.target, ())))
    ]


def citations_graph(rows: list[NetworkRow]) -> Graph:
    """Townships and the laws and campaigns they cite; a law cited by many townships grows large."""
    graph = Graph("各乡镇引用的法律法规与活动")
    for row in rows:
        town = f"township:{row.county}/{row.township}"
        graph.add_node(Node(town, "Township", row.township, text=f"{row.county or ''}{row.township}"))
        target = f"{row.kind.lower()}:{row.name}"
        label = f"《{row.name}》" if row.kind == "Law" else short(row.name, 16)
        graph.add_node(Node(target, row.kind, label, row.name))
        graph.add_edge(Edge(town, target, "CITES", label="" if row.reports == 1 else f"{row.reports}份报告",
                            width=min(1 + row.reports, 6)))
    return graph


def build_view(run: RunQuery, view: str, township: str | None = None, county: str | None = None,
               year: int | None = None, reports_for: Callable[[str, str | None], Iterable[Report]] | None = None) -> Graph:
    """One named view from the store behind `run`; `reports_for(township, county)` gives reports read again for quotes."""
    if view not in VIEWS:
        raise NotFoundError(f"{view}: unknown view (choose from {', '.join(VIEWS)})")
    refuse_ignored(view, township=township, county=county, year=year)
    if view == "citations":
        return citations_graph(fetch_network(run))
    if not township:
        raise NotFoundError(f"{view}: this view needs --township")
    if view == "report":
        if year is None:
            raise NotFoundError("report: this view needs --year")
        data = fetch_township(run, township, county, year)
    else:
        data = fetch_township(run, township, county)
    if reports_for is not None:
        data = with_quotes(data, reports_for(township, data.county))
    return report_graph(data) if view == "report" else chains_graph(data)
