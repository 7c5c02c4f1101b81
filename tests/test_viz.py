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
    assert classes == {"Township", "Measure", "Shortcoming", "Plan", "Law", "Metric"}
    assert {n.label for n in graph.nodes.values() if n.cls == "Law"} == {"《宪法》", "《民法典》"}
    assert all(n.year == 2023 for n in graph.nodes.values() if n.cls != "Township")
    assert "2023" in graph.title and "柳溪镇" in graph.title
    metric = next(n for n in graph.nodes.values() if n.cls == "Metric")
    assert metric.evidence == "全年调解矛盾纠纷36件。" and metric.source == "examples/liuxi_2023.txt"


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


def test_chains_view_lays_years_out_left_to_right():
    payload = network_payload(chains_graph(township()))
    level = {n["label"]: n["level"] for n in payload["nodes"]}
    assert level["柳溪镇"] < level["2023 法治宣传形式单一"] < level["2023 创新普法宣传方式"]
    assert level["2023 创新普法宣传方式"] < level["2024 开展“法律明白人”培训"] < level["2024 配齐法律顾问"]
    assert payload["options"]["layout"]["hierarchical"]["direction"] == "LR"


def test_citation_network_joins_townships_citing_the_same_law():
    from kg.viz.data import NetworkRow

    graph = citations_graph([
        NetworkRow("柳溪镇", "示例县", "Law", "宪法", 2), NetworkRow("桃源乡", "示例县", "Law", "宪法", 1),
        NetworkRow("桃源乡", "示例县", "Campaign", "宪法宣传周", 1),
    ])
    degrees = graph.degrees()
    assert degrees["law:宪法"] == 2 and degrees["township:示例县/桃源乡"] == 2
    assert {e.label for e in graph.live_edges()} == {"2份报告", ""}


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
    town = next(n for n in payload["nodes"] if n["kgClass"] == "Township")
    leaf = next(n for n in payload["nodes"] if n["kgClass"] == "Metric")
    assert town["value"] > leaf["value"]


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
    assert {"Township", "Measure", "Shortcoming", "Plan", "Law", "Metric"} <= classes
    assert all(n.year == 2023 for n in report.nodes.values() if n.cls != "Township")
    assert all(n.evidence and n.source == "yunxiu_2023.txt"  # its path inside the folder loaded
               for n in report.nodes.values() if n.cls in ("Measure", "Law", "Metric"))
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
    (["citations", "--county", "示例县", "--year", "2024"], "--county, --year: the citations view"),
    (["chains", "--township", "澜桥街道", "--year", "2023"], "--year: the chains view"),
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
