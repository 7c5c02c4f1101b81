"""Pictures: the views' content, the self-contained page, escaping of report text, big graphs."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from viz_sample import HOSTILE, K23, K24, township

from kg.extract.evidence import says_only
from kg.viz.graph import CLASSES, Edge, Graph, Node
from kg.viz.html import MAX_NODES, network_payload, render_page, script_json
from kg.viz.data import NotFoundError
from kg.viz.views import chains_graph, citations_graph, item_id, report_graph


class _Tags(HTMLParser):
    """Every tag with its attributes, and the text of each script element."""

    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def payload_of(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-graph-data">(.*?)</script>', html, re.DOTALL)
    return json.loads(match.group(1))


def ref(key, kind, ordinal):
    return item_id(next(i for i in township().items if i.ref == (key, kind, ordinal)))


def test_report_view_holds_the_years_items_citations_and_metrics():
    graph = report_graph(township().for_year(2023))
    classes = {n.cls for n in graph.nodes.values()}
    assert classes == {"Measure", "Shortcoming", "Plan", "Law", "Metric"}
    assert {n.label for n in graph.nodes.values() if n.cls == "Law"} == {"《宪法》", "《民法典》"}
    assert all(n.year == 2023 for n in graph.nodes.values())
    assert "2023" in graph.title and "柳溪镇" in graph.title
    # the metrics are one table node; its tooltip lists them
    [metric] = [n for n in graph.nodes.values() if n.cls == "Metric"]
    assert metric.label == "数据指标 1 项" and metric.details == ("调解矛盾纠纷：36件",)
    assert metric.source == "examples/liuxi_2023.txt"


def test_report_view_puts_each_shortcoming_on_the_row_of_its_plan_in_lanes():
    graph = report_graph(township().for_year(2023))
    at = graph.positions
    assert set(at) == set(graph.nodes)
    measure, problem, plan = (at[ref(K23, kind, 1)][0] for kind in ("Measure", "Shortcoming", "Plan"))
    law = at["law:宪法"][0]
    assert measure < problem < plan < law  # lanes left to right
    for number in (1, 2):  # a shortcoming beside the plan that addresses it
        assert at[ref(K23, "Shortcoming", number)][1] == at[ref(K23, "Plan", number)][1]
    assert at[ref(K23, "Shortcoming", 3)][1] > at[ref(K23, "Plan", 2)][1]  # unplanned: a row of its own
    assert [h.text for h in graph.headings] == ["工作措施", "存在问题", "下一步计划", "法规·文件·活动·数据"]
    # no two nodes share a place
    assert len(set(at.values())) == len(at)


def test_lanes_are_as_wide_as_their_widest_label():
    from kg.viz.lanes import GAP, text_width

    graph = report_graph(township().for_year(2023))
    xs = sorted({x for x, _ in graph.positions.values()})
    lanes = [[n for n, (x, _) in graph.positions.items() if x == lane] for lane in xs]
    for left, right, gap in zip(lanes, lanes[1:], (b - a for a, b in zip(xs, xs[1:]))):
        widest = max(text_width(graph.nodes[n].label) for n in left) / 2 + max(text_width(graph.nodes[n].label)
                                                                              for n in right) / 2
        assert gap >= widest + GAP
    assert text_width("法治") == 28 and text_width("ab") < 28


def test_chains_view_marks_unplanned_and_unfollowed_shortcomings():
    graph = chains_graph(township())
    cls = {node_id: n.cls for node_id, n in graph.nodes.items()}
    assert cls[ref(K23, "Shortcoming", 1)] == "Shortcoming"  # planned, and followed up next year
    assert cls[ref(K23, "Shortcoming", 2)] == "UnfollowedShortcoming"  # planned, nothing the next year
    assert cls[ref(K23, "Shortcoming", 3)] == "UnplannedShortcoming"
    assert cls[ref(K24, "Shortcoming", 1)] == "Shortcoming"  # planned; no 2025 report to judge by
    edges = {(e.source, e.target, e.relation) for e in graph.live_edges()}
    assert (ref(K23, "Shortcoming", 1), ref(K23, "Plan", 1), "ADDRESSES") in edges
    assert (ref(K23, "Plan", 1), ref(K24, "Measure", 1), "FOLLOWS_UP") in edges
    # the measure reached through the plan is not drawn a second time straight from the shortcoming
    assert (ref(K23, "Shortcoming", 1), ref(K24, "Measure", 1), "FOLLOWS_UP") not in edges
    assert (ref(K23, "Shortcoming", 3), ref(K24, "Shortcoming", 1), "RECURS") in edges
    assert ref(K23, "Measure", 2) not in graph.nodes  # a measure that follows nothing up is not part of a chain


def test_a_recurring_problem_keeps_its_own_year_s_mark():
    # 2024's problem recurs 2023's; with its own plan gone, it is unplanned, though drawn first as a recurrence
    data = township()
    data.links = [link for link in data.links
                  if not (link.relation == "ADDRESSES" and link.target == (K24, "Shortcoming", 1))]
    graph = chains_graph(data)
    assert graph.nodes[ref(K24, "Shortcoming", 1)].cls == "UnplannedShortcoming"
    assert (ref(K23, "Shortcoming", 3), ref(K24, "Shortcoming", 1), "RECURS") in {
        (e.source, e.target, e.relation) for e in graph.live_edges()}


def test_chains_view_lays_years_out_left_to_right():
    graph = chains_graph(township())
    payload = network_payload(graph)
    at = {n["label"]: (n["x"], n["y"]) for n in payload["nodes"]}
    assert at["法治宣传形式单一"][0] < at["创新普法宣传方式"][0] < at["开展“法律明白人”培训"][0] < at["配齐法律顾问"][0]
    # one chain on one row: shortcoming, its plan, the measure that followed it up next year
    assert at["法治宣传形式单一"][1] == at["创新普法宣传方式"][1] == at["开展“法律明白人”培训"][1]
    assert at["2024年 下一步计划"][0] == at["配齐法律顾问"][0]  # the column's caption above it
    assert payload["options"]["physics"] == {"enabled": False}
    # the recurrence skips two columns: bent only when a node of them stands in its way
    recurs = next(e for e in graph.edges if e.relation == "RECURS")
    source, target = graph.positions[recurs.source], graph.positions[recurs.target]
    between = [p for p in graph.positions.values() if source[0] < p[0] < target[0] and abs(p[1] - source[1]) < 40]
    assert recurs.curved == bool(between)


def test_citation_network_joins_townships_citing_the_same_law():
    from kg.viz.data import NetworkRow

    graph = citations_graph([
        NetworkRow("柳溪镇", "示例县", "Law", "宪法", 2), NetworkRow("桃源乡", "示例县", "Law", "宪法", 1),
        NetworkRow("桃源乡", "示例县", "Campaign", "宪法宣传周", 1),
    ])
    degrees = graph.degrees()
    assert degrees["law:宪法"] == 2 and degrees["township:示例县/桃源乡"] == 2
    assert {(e.width, e.note) for e in graph.live_edges()} == {(1.5, "2份报告"), (1.0, "1份报告")}
    assert graph.nodes["law:宪法"].details == ("引用乡镇：2 个；引用报告：3 份",)
    assert graph.notice == ""


def test_citation_network_shows_the_most_cited_and_says_what_it_left_out():
    from kg.viz.data import NetworkRow

    rows = [NetworkRow(f"第{t}镇", "示例县", "Law", f"条例{k}", 1) for t in range(30) for k in range(t % 25 + 1)]
    rows += [NetworkRow(f"第{t}镇", "示例县", "Campaign", "宪法宣传周", 1) for t in range(3)]
    graph = citations_graph(rows, top=10)
    shown = [n for n in graph.nodes.values() if n.cls != "Township"]
    assert [n.text for n in shown] == [f"条例{k}" for k in range(10)]  # cited by most townships first
    assert sum(n.cls == "Township" for n in graph.nodes.values()) == 30  # every township stays
    assert graph.notice.startswith("另有 15 部法律法规、1 项活动未显示") and "前 10 项" in graph.notice
    ys = [graph.positions[f"law:条例{k}"][1] for k in range(10)]
    assert ys == sorted(ys)  # ranked top to bottom
    sides = {graph.positions[n][0] for n, node in graph.nodes.items() if node.cls == "Township"}
    assert len(sides) == 2 and min(sides) < graph.positions["law:条例0"][0] < max(sides)
    assert "--county" not in graph.notice  # thirty townships are read at the fitted zoom


def test_a_citations_picture_of_many_townships_points_to_one_county():
    from kg.viz.data import NetworkRow

    rows = [NetworkRow(f"第{t}镇", f"{'东西'[t % 2]}县", "Law", "宪法", 1) for t in range(50)]
    assert "图中有 50 个乡镇" in citations_graph(rows).notice and "--county" in citations_graph(rows).notice
    assert citations_graph(rows, county="东县").notice == ""  # 25 of them


def test_page_loads_nothing_from_anywhere():
    html = render_page(report_graph(township().for_year(2023)))
    tags = parse(html)
    assert not [t for t, a in tags.tags if t in ("link", "img", "iframe", "object", "embed", "base")]
    assert not [a for _, a in tags.tags if "src" in a or "href" in a]
    for host in ("jsdelivr", "cdnjs", "unpkg", "googleapis", "bootstrap"):
        assert host not in html.lower()
    assert "default-src 'none'" in html  # the browser refuses any request the page might still try
    assert "new vis.Network" in html and len(tags.scripts[0]) > 100_000  # vis-network itself, inlined


def test_page_has_a_legend_entry_per_class_drawn_and_sizes_by_degree():
    graph = report_graph(township().for_year(2023))
    html = render_page(graph)
    for cls in graph.classes_used():
        assert f"{cls.label}</li>" in html
    assert CLASSES["Campaign"].label + "</li>" not in html  # 2023 cites no campaign
    payload = payload_of(html)
    assert all("x" in n and "y" in n for n in payload["nodes"])  # placed in lanes, not left to physics
    captions = [n["label"] for n in payload["nodes"] if n["kgClass"] == "Heading"]
    assert captions == [h.text for h in graph.headings] and all(n["shape"] == "text" for n in payload["nodes"]
                                                               if n["kgClass"] == "Heading")


def test_a_force_layout_sizes_nodes_by_degree():
    graph = Graph("力导向")
    for i in range(4):
        graph.add_node(Node(f"l{i}", "Law", f"法规{i}"))
        graph.add_edge(Edge("t", f"l{i}", "CITES"))
    graph.add_node(Node("t", "Township", "柳溪镇"))
    payload = network_payload(graph)
    value = {n["label"]: n["value"] for n in payload["nodes"]}
    assert value["柳溪镇"] > value["法规0"] and payload["options"]["physics"]["enabled"]


def test_tooltips_carry_evidence_and_source_as_text_lines():
    payload = payload_of(render_page(report_graph(township().for_year(2023))))
    law = next(n for n in payload["nodes"] if n["label"] == "《民法典》")
    assert "title" not in law  # vis-network would render a string title; the page builds text nodes from `tip`
    assert "原文：组织学习《中华人民共和国宪法》《民法典》。" in law["tip"]
    assert "来源：examples/liuxi_2023.txt" in law["tip"]


def test_hostile_report_text_is_escaped_everywhere():
    data = township(hostile=True)
    for graph in (report_graph(data.for_year(2023)), chains_graph(data)):
        graph.title = HOSTILE
        html = render_page(graph)
        assert "<img src=x" not in html and "<script>window.__pwned" not in html
        assert "&lt;img src=x onerror=" in html  # the title, shown as text
        tags = parse(html)
        assert [t for t, _ in tags.tags].count("img") == 0
        assert not any("__pwned" in script for script in tags.scripts[:1])
        shown = json.dumps(payload_of(html), ensure_ascii=False)
        assert "window.__pwned=1" in shown  # the text itself is kept, to be shown


def test_script_json_cannot_close_its_script_element():
    text = script_json({"a": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & -->"}


def test_big_graphs_are_cut_to_the_best_connected_nodes_with_a_notice():
    graph = Graph("大图")
    for i in range(MAX_NODES + 500):
        graph.add_node(Node(f"n{i}", "Township" if i % 10 == 0 else "Law", f"节点{i}"))
        graph.add_edge(Edge(f"n{i - i % 10}", f"n{i}", "CITES"))
    payload = network_payload(graph)
    assert len(payload["nodes"]) == MAX_NODES
    assert "共 3500 个" in payload["notice"]
    assert sum(n["kgClass"] == "Township" for n in payload["nodes"]) == 350  # the hubs are kept
    assert payload["options"]["physics"]["stabilization"]["iterations"] <= 200
    assert payload["options"]["edges"]["smooth"] is False


def test_unknown_node_class_is_refused():
    with pytest.raises(ValueError):
        Graph("x").add_node(Node("a", "Nonsense", "a"))


def test_views_from_the_store_hold_what_the_reports_say(examples_store, tmp_path):
    from kg.viz import write_view

    report = write_view(examples_store, "report", tmp_path / "r.html", township="云岫镇", year=2023)
    classes = {n.cls for n in report.nodes.values()}
    assert {"Measure", "Shortcoming", "Plan", "Law", "Metric"} <= classes
    assert all(n.year == 2023 for n in report.nodes.values())
    assert all(n.evidence and n.source == "yunxiu_2023.txt"  # its path inside the folder loaded
               for n in report.nodes.values() if n.cls in ("Measure", "Law"))
    [metrics] = [n for n in report.nodes.values() if n.cls == "Metric"]
    total = int(metrics.label.split()[1])  # "数据指标 N 项"
    assert total > 0 and metrics.source == "yunxiu_2023.txt"
    # a tooltip lists at most 30 lines, the last then saying how many more there are
    assert len(metrics.details) == min(total, 30)
    if total > 30:
        assert metrics.details[-1].startswith(f"……另有 {total - 29} 项")
    # an item's tooltip quotes what its body says, not its heading again (the files are here to read)
    items = [n for n in report.nodes.values() if n.cls in ("Measure", "Shortcoming", "Plan")]
    repeated = [n.text for n in items if says_only(n.evidence, n.text)]
    assert len(repeated) <= len(items) // 3, repeated
    chains = write_view(examples_store, "chains", tmp_path / "c.html", township="茗坪乡")
    assert {e.relation for e in chains.live_edges()} >= {"ADDRESSES", "FOLLOWS_UP"}
    assert {n.year for n in chains.nodes.values() if n.year} == {2023, 2024}
    network = write_view(examples_store, "citations", tmp_path / "n.html")
    towns = {n.label for n in network.nodes.values() if n.cls == "Township"}
    assert {"云岫镇", "茗坪乡", "澜桥街道", "萤川乡"} <= towns
    assert network.degrees()["law:宪法"] >= 3  # cited by several townships, drawn as one node
    county = next(n.text.removesuffix("云岫镇") for n in network.nodes.values() if n.label == "云岫镇")
    one = write_view(examples_store, "citations", tmp_path / "one.html", county=county)
    assert all(n.text.startswith(county) for n in one.nodes.values() if n.cls == "Township")
    assert "云岫镇" in {n.label for n in one.nodes.values()} and len(one.nodes) < len(network.nodes)
    assert one.title.startswith(county)
    with pytest.raises(NotFoundError, match="无此县: no township of this county"):
        write_view(examples_store, "citations", tmp_path / "none.html", county="无此县")


def test_cli_viz_writes_a_page_and_names_what_is_missing(cli_store_dir, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    root = cli_store_dir
    runner = CliRunner()
    out = tmp_path / "chains.html"
    result = runner.invoke(cli, ["viz", "chains", "--township", "澜桥街道", "-o", str(out), "--store", root])
    assert result.exit_code == 0, result.output
    assert "问题整改跟踪" in out.read_text(encoding="utf-8")
    result = runner.invoke(cli, ["viz", "report", "--township", "澜桥街道", "-o", str(out), "--store", root])
    assert result.exit_code == 1 and "needs --year" in result.output
    result = runner.invoke(cli, ["viz", "chains", "-o", str(out), "--store", root])
    assert result.exit_code == 1 and "needs --township" in result.output


def test_follow_through_edges_show_their_score_and_weak_ones_say_so():
    from dataclasses import replace

    data = township()
    # the follow-up of plan 1 scores under the confirmation score; the other links stay as written
    data.links = [replace(link, score=0.2) if link.relation == "FOLLOWS_UP" and link.target[1] == "Plan" else link
                  for link in data.links]
    edges = {(e.source, e.target): e for e in chains_graph(data).live_edges()}
    weak = edges[(ref(K23, "Plan", 1), ref(K24, "Measure", 1))]
    assert weak.caption() == "次年落实 0.20 待核实" and weak.dashed
    plan = edges[(ref(K23, "Shortcoming", 1), ref(K23, "Plan", 1))]
    assert plan.caption() == "列入计划 0.80" and not plan.dashed


@pytest.mark.parametrize("args, named", [
    (["citations", "--year", "2023"], "--year: the citations view"),
    (["citations", "--township", "澜桥街道"], "--township: the citations view"),
    (["citations", "--county", "示例县", "--township", "澜桥街道", "--year", "2024"], "--township, --year: the citations view"),
    (["chains", "--township", "澜桥街道", "--year", "2023"], "--year: the chains view"),
    (["report", "--township", "澜桥街道", "--year", "2023", "--top", "5"], "--top: the report view"),
])
def test_cli_viz_refuses_an_option_the_view_would_ignore(tmp_path, args, named):
    from click.testing import CliRunner

    from kg.cli import cli

    out = tmp_path / "page.html"
    # no store here: the refusal comes before one is opened
    result = CliRunner().invoke(cli, ["viz", *args, "-o", str(out), "--store", str(tmp_path / "none")])
    assert result.exit_code == 2, result.output
    assert named in result.output and len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def test_an_edge_between_rows_says_its_caption_in_its_tooltip_only():
    from kg.viz.data import LinkRow

    data = township().for_year(2023)
    data.links.append(LinkRow("ADDRESSES", (K23, "Plan", 1), (K23, "Shortcoming", 3), 0.7))  # one plan, two problems
    graph = report_graph(data)
    edges = {e.source: e for e in graph.edges}
    level, slanted = edges[ref(K23, "Shortcoming", 1)], edges[ref(K23, "Shortcoming", 3)]
    assert graph.positions[level.source][1] == graph.positions[level.target][1] and level.caption() == "列入计划"
    assert graph.positions[slanted.source][1] != graph.positions[slanted.target][1]
    assert slanted.caption() == "" and slanted.note == "列入计划"  # drawn across rows it would sit on their labels
    payload = network_payload(graph)
    assert any(e["label"] == "" and e["tip"] == ["列入计划"] for e in payload["edges"])


def test_a_picture_in_lanes_gets_a_canvas_no_taller_than_its_lanes():
    from kg.viz.html import WINDOW, canvas_height

    lanes = network_payload(chains_graph(township()))
    ys = [n["y"] for n in lanes["nodes"]]
    height = canvas_height(lanes)
    assert height == f"min({round(max(ys) - min(ys)) + 140}px, {WINDOW})"
    assert f'style="height: {height}"' in render_page(chains_graph(township()))
    force = Graph("力导向")
    force.add_node(Node("t", "Township", "柳溪镇"))
    assert canvas_height(network_payload(force)) == WINDOW  # physics decides how far it spreads


def test_the_metrics_node_lists_thirty_lines_at_most():
    from dataclasses import replace

    data = township().for_year(2023)
    data.metrics = [replace(data.metrics[0], indicator=f"指标{k}", value=k) for k in range(45)]
    [table] = [n for n in report_graph(data).nodes.values() if n.cls == "Metric"]
    assert table.label == "数据指标 45 项" and len(table.details) == 30
    assert table.details[:2] == ("指标0：0件", "指标1：1件") and table.details[-1].startswith("……另有 16 项")


def test_chains_of_many_years_wrap_into_bands_no_wider_than_a_window():
    from viz_sample import item

    from kg.viz.data import LinkRow, ReportInfo, TownshipData
    from kg.viz.lanes import BAND_WIDTH

    data = TownshipData("柳溪镇", "示例县")
    for year in range(2016, 2024):
        key = f"示例县/柳溪镇/{year}/liuxi_{year}"
        data.reports.append(ReportInfo(key, year, f"柳溪镇{year}年报告", f"examples/liuxi_{year}.txt"))
        data.items += [item(key, year, "Shortcoming", 1, f"{year}年执法队伍专业能力仍然不足"),
                       item(key, year, "Plan", 1, f"{year}年加强执法人员专题培训"),
                       item(key, year, "Measure", 1, f"{year}年组织执法人员专题培训")]
        data.links.append(LinkRow("ADDRESSES", (key, "Plan", 1), (key, "Shortcoming", 1), 0.8))
        if year > 2016:
            data.links.append(LinkRow("FOLLOWS_UP", (key, "Measure", 1), (f"示例县/柳溪镇/{year - 1}/liuxi_{year - 1}",
                                                                           "Plan", 1), 0.7))
    graph = chains_graph(data)
    xs = [x for x, _ in graph.positions.values()]
    assert max(xs) - min(xs) <= BAND_WIDTH  # between the outermost nodes' centres
    problems = {n.year: graph.positions[node_id] for node_id, n in graph.nodes.items() if n.cls.endswith("Shortcoming")}
    assert problems[2023][1] > problems[2016][1]  # later years in a band under the earlier ones
    bands = sorted({y for _, y in problems.values()})
    assert len(bands) >= 2
    # a year's plan and the measure that follows it up the next year stay on one row of one band
    plans = {n.year: graph.positions[i] for i, n in graph.nodes.items() if n.cls == "Plan"}
    measures = {n.year: graph.positions[i] for i, n in graph.nodes.items() if n.cls == "Measure"}
    assert all(plans[year][1] == measures[year + 1][1] for year in range(2016, 2023))
