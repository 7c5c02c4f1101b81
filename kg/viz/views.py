"""The pictures users ask for: one report, follow-through across years, and the corpus citation network."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from kg.errors import UsageError
from kg.link.follow import TO_CHECK, confirmation_scores
from kg.model import Report
from kg.viz.data import (ItemRow, NetworkRow, NotFoundError, RunQuery, TownshipData, fetch_network, fetch_township,
                         with_quotes)
from kg.viz.follow import chains
from kg.viz.graph import RELATIONS, Edge, Graph, Node, short
from kg.viz.lanes import Lane, citation_lanes, place, timeline, tooltip_captions, wrapped

VIEWS = ("report", "chains", "citations")
# The inputs each view reads. Any other one given is refused: a picture that silently ignored --year would be
# taken for that year's.
VIEW_OPTIONS = {
    "report": ("township", "county", "year"),
    "chains": ("township", "county"),
    "citations": ("county", "top"),
}


def refuse_ignored(view: str, **given) -> None:
    """Raise a usage error naming each option given (not None) that `view` does not use."""
    unused = [f"--{name}" for name, value in given.items() if value is not None and name not in VIEW_OPTIONS.get(view, ())]
    if unused:
        raise UsageError(f"{', '.join(unused)}: the {view} view does not use {'it' if len(unused) == 1 else 'them'}; "
                         f"leave {'it' if len(unused) == 1 else 'them'} out")


def _place(data: TownshipData) -> str:
    return f"{data.county}{data.township}" if data.county else data.township


def item_id(item: ItemRow) -> str:
    return f"item:{item.report}/{item.kind}/{item.ordinal}"


def _item_node(item: ItemRow, cls: str | None = None, label_limit: int = 18) -> Node:
    label = short(item.text, label_limit)
    return Node(item_id(item), cls or item.kind, label, item.text, item.sentence, item.source, item.year)


# Rows a lane holds before it continues in a column beside it: what a laptop shows at the page's own zoom.
ROWS_PER_COLUMN = 12
ITEM_LABEL = 14  # characters of an item's label in lanes; the tooltip has the whole statement
CITED_KINDS = ("Law", "Document", "Campaign")  # the report view's last lane, in this order, then the metrics
METRICS_LISTED = 30  # lines of the metrics node's tooltip: 30 lines of 20 px fit a laptop's window


def report_graph(data: TownshipData) -> Graph:
    """A township's report of one year in lanes: measures; shortcomings each beside the plans that address them;
    the laws, documents and campaigns it cites; its metrics as one table node whose tooltip lists them."""
    years = "、".join(map(str, data.years))
    graph = Graph(f"{_place(data)} {years}年法治政府建设情况报告")
    for item in data.items:
        graph.add_node(_item_node(item, label_limit=ITEM_LABEL))
    cited: dict[str, list[str]] = {kind: [] for kind in CITED_KINDS}  # node ids by kind, in the lane's order
    for citation in data.citations:
        if citation.kind not in cited:
            continue
        node_id = f"{citation.kind.lower()}:{citation.name}"
        if node_id not in graph.nodes:
            cited[citation.kind].append(node_id)
        label = f"《{short(citation.name, 14)}》" if citation.kind == "Law" else short(citation.name, ITEM_LABEL)
        graph.add_node(Node(node_id, citation.kind, label, citation.name, citation.sentence, citation.source, citation.year))
    sources = [node_id for kind in CITED_KINDS for node_id in cited[kind]]
    if data.metrics:
        table = _metric_table(data)
        graph.add_node(table)
        sources.append(table.id)
    addressed_by: dict[tuple, list[tuple]] = {}
    for link in data.links:
        if link.relation == "ADDRESSES":
            # drawn from the shortcoming to the plan so the eye reads problem → plan
            graph.add_edge(Edge(_ref_id(link.target), _ref_id(link.source), "ADDRESSES"))
            addressed_by.setdefault(link.target, []).append(link.source)
    problems, plans = _problem_rows(data, addressed_by)
    rows = max(ROWS_PER_COLUMN, problems.next_row(), plans.next_row())
    place(graph, [*wrapped("工作措施", [item_id(i) for i in data.of_kind("Measure")], rows), problems, plans,
                  *wrapped("法规·文件·活动·数据", sources, rows)])
    tooltip_captions(graph)
    return graph


def _problem_rows(data: TownshipData, addressed_by: dict[tuple, list[tuple]]) -> tuple[Lane, Lane]:
    """Shortcomings and plans in two lanes, each shortcoming on the row of the first plan addressing it."""
    problems, plans = Lane("存在问题"), Lane("下一步计划")
    row = 0
    for shortcoming in data.of_kind("Shortcoming"):
        at = problems.put(item_id(shortcoming), row)
        for plan in sorted(addressed_by.get(shortcoming.ref, []), key=lambda ref: ref[2]):
            plans.put(_ref_id(plan), at)
        row = max(problems.next_row(), plans.next_row())
    for plan in data.of_kind("Plan"):
        if item_id(plan) not in plans.rows:
            plans.put(item_id(plan), row)
            row += 1
    return problems, plans


def _metric_table(data: TownshipData) -> Node:
    """The report's metrics as one node: thirty numbers drawn one by one would bury the measures they count."""
    lines = [f"{m.indicator}：{m.number}{m.unit}" for m in data.metrics]
    if len(lines) > METRICS_LISTED:  # a tooltip taller than the window cannot be read to its end
        more = len(lines) - METRICS_LISTED + 1
        lines[METRICS_LISTED - 1:] = [f"……另有 {more} 项（kg query township-metrics 列出全部）"]
    sources = sorted({m.source for m in data.metrics if m.source})
    return Node(f"metrics:{'/'.join(sorted({m.report for m in data.metrics}))}", "Metric",
                f"数据指标 {len(data.metrics)} 项", f"报告给出的数据指标共 {len(data.metrics)} 项（逐项见下）", "",
                "、".join(sources), data.metrics[0].year, tuple(lines))


def _ref_id(ref: tuple[str, str, int]) -> str:
    return f"item:{ref[0]}/{ref[1]}/{ref[2]}"


def chains_graph(data: TownshipData) -> Graph:
    """Shortcoming → plan → next year's measure, in columns year by year; unplanned and un-followed shortcomings stand out."""
    years = data.years
    span = f"{years[0]}–{years[-1]}年" if len(years) > 1 else (f"{years[0]}年" if years else "")
    graph = Graph(f"{_place(data)} {span} 问题整改跟踪")
    roots = []
    for chain in chains(data):
        s = chain.shortcoming
        cls = "Shortcoming"
        if not chain.planned:
            cls = "UnplannedShortcoming"
        elif chain.checkable and not chain.followed:
            cls = "UnfollowedShortcoming"
        if item_id(s) in graph.nodes:
            graph.restyle(item_id(s), cls)  # drawn already as the recurrence of an earlier year's: its own class wins
        else:
            graph.add_node(_item_node(s, cls, label_limit=ITEM_LABEL))
        roots.append(item_id(s))
        for plan in chain.plans:
            graph.add_node(_item_node(plan, label_limit=ITEM_LABEL))
            graph.add_edge(_scored(item_id(s), item_id(plan), "ADDRESSES", chain.score(plan)))
        for later in chain.recurs_as:
            graph.add_node(_item_node(later, "Shortcoming", label_limit=ITEM_LABEL))
            graph.add_edge(_scored(item_id(s), item_id(later), "RECURS", chain.score(later)))
    for link in data.links:
        if link.relation != "FOLLOWS_UP":
            continue
        source, target = _ref_id(link.source), _ref_id(link.target)
        if target in graph.nodes:
            measure = next(i for i in data.items if i.ref == link.source)
            graph.add_node(_item_node(measure, label_limit=ITEM_LABEL))
            graph.add_edge(_scored(target, source, "FOLLOWS_UP", link.score))
    _drop_shortcut_edges(graph)
    timeline(graph, roots)  # the columns name the years, so labels need not
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


TOP = 20  # laws and campaigns a citations picture shows by default: a county's twenty most cited stay legible
KIND_COUNTS = {"Law": "部法律法规", "Campaign": "项活动"}  # the kinds citation-network.cypher returns
MANY_TOWNSHIPS = 40  # beyond two columns of twenty, the fitted picture's labels are too small to read


def citations_graph(rows: list[NetworkRow], top: int = TOP, county: str | None = None) -> Graph:
    """Townships (of `county`, when given) and the `top` laws and campaigns cited by most of them: the laws ranked
    in a middle column, the townships on both sides, one edge per township and law as wide as the reports citing."""
    if county is not None:
        rows = [row for row in rows if row.county == county]
    towns: dict[str, NetworkRow] = {}
    citing: dict[tuple[str, str], dict[str, int]] = {}  # (kind, name) → township id → reports
    for row in rows:
        town = f"township:{row.county}/{row.township}"
        towns.setdefault(town, row)
        citing.setdefault((row.kind, row.name), {})[town] = row.reports
    ranked = sorted(citing, key=lambda k: (-len(citing[k]), -sum(citing[k].values()), k[0], k[1]))
    shown = ranked[:top]
    graph = Graph(f"{county or ''}各乡镇引用的法律法规与活动")
    for kind, name in shown:
        label = f"《{short(name, 14)}》" if kind == "Law" else short(name, ITEM_LABEL)
        count = f"引用乡镇：{len(citing[kind, name])} 个；引用报告：{sum(citing[kind, name].values())} 份"
        graph.add_node(Node(f"{kind.lower()}:{name}", kind, label, name, details=(count,)))
    for town, row in towns.items():
        graph.add_node(Node(town, "Township", short(row.township, 12), text=f"{row.county or ''}{row.township}"))
    for kind, name in shown:
        for town, reports in citing[kind, name].items():
            # thin: a county's townships draw hundreds of these across the labels in the middle
            graph.add_edge(Edge(town, f"{kind.lower()}:{name}", "CITES", width=min(0.5 + 0.5 * reports, 3),
                                note=f"{reports}份报告"))
    notes = []
    left_out = Counter(kind for kind, _ in ranked[top:])
    if left_out:
        counted = "、".join(f"{left_out[kind]} {word}" for kind, word in KIND_COUNTS.items() if left_out[kind])
        notes.append(f"另有 {counted}未显示：图中只有被最多乡镇引用的前 {top} 项"
                     f"（共 {len(ranked)} 项，kg viz citations --top 可调整）。")
    if county is None and len(towns) > MANY_TOWNSHIPS:
        notes.append(f"图中有 {len(towns)} 个乡镇，字会很小：可用 --county 只看一个县。")
    graph.notice = "".join(notes)
    citation_lanes(graph, [f"{kind.lower()}:{name}" for kind, name in shown], list(towns))
    return graph


def build_view(run: RunQuery, view: str, township: str | None = None, county: str | None = None,
               year: int | None = None, reports_for: Callable[[str, str | None], Iterable[Report]] | None = None,
               top: int | None = None) -> Graph:
    """One named view from the store behind `run`; `reports_for(township, county)` gives reports read again for quotes."""
    if view not in VIEWS:
        raise NotFoundError(f"{view}: unknown view (choose from {', '.join(VIEWS)})")
    refuse_ignored(view, township=township, county=county, year=year, top=top)
    if view == "citations":
        if top is not None and top < 1:
            raise UsageError(f"--top {top}: show at least one law or campaign")
        rows = fetch_network(run)
        if county is not None and not any(row.county == county for row in rows):
            raise NotFoundError(f"{county}: no township of this county cites a law or campaign in the store")
        return citations_graph(rows, TOP if top is None else top, county)
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
