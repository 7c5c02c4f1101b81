"""The fixed follow-through drawing: columns by year, no edge through a box, labels inside, SVG escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from viz_sample import HOSTILE, item, township

from kg.viz.data import LinkRow
from kg.viz.graph import CLASSES
from kg.viz.static import BOX_WIDTH, MAX_HEIGHT, PAD, MARK, FONT, follow_panels, text_width, wrap
from kg.viz.style import relationship_styles
from kg.viz.svg import panel_svg
from kg.viz.views import chains_graph

SVG = "{http://www.w3.org/2000/svg}"


def panels_of(data, years=None):
    return follow_panels(chains_graph(data), years or {2023: True, 2024: False})


def crosses(segment, box) -> bool:
    """Whether an axis-parallel segment passes through the inside of a box (touching its edge is fine)."""
    (x1, y1), (x2, y2) = segment
    left, right, top, bottom = box.x + 0.5, box.x + box.width - 0.5, box.y + 0.5, box.y + box.height - 0.5
    if y1 == y2:
        return top < y1 < bottom and min(x1, x2) < right and max(x1, x2) > left
    return left < x1 < right and min(y1, y2) < bottom and max(y1, y2) > top


def test_a_panel_per_year_with_problem_plan_and_next_year_columns():
    graph = chains_graph(township())
    first, second = follow_panels(graph, {2023: True, 2024: False})
    column = {box.node: round(box.x) for box in first.boxes}
    by_text = {graph.nodes[node].text: x for node, x in column.items()}
    # 2023's problems first, their plans second, 2024's measure and the problem stated again third
    assert by_text["法治宣传形式单一"] < by_text["创新普法宣传方式"] < by_text["开展“法律明白人”培训，创新普法形式"]
    assert by_text["合法性审查力量仍然薄弱"] == by_text["开展“法律明白人”培训，创新普法形式"]
    assert {graph.nodes[b.node].text for b in second.boxes} == {"合法性审查力量仍然薄弱", "配齐法律顾问"}
    headers = [t.text for t in first.texts[:3]]
    assert headers == ["2023年 存在的问题", "2023年 下一步计划", "2024年 落实与再次出现"]
    assert second.texts[2].text == "2025年（未收录报告）"


def test_edges_keep_the_interactive_view_s_colours_and_dashes_and_never_cross_a_box():
    graph = chains_graph(township())
    styles = relationship_styles()
    for panel in follow_panels(graph, {2023: True, 2024: False}):
        assert panel.routes
        for route in panel.routes:
            assert route.color in {styles[r].color for r in ("ADDRESSES", "FOLLOWS_UP", "RECURS")}
            ends = {(b.x, b.y) for b in panel.boxes if b.x + b.width == route.points[0][0] or b.x == route.points[-1][0]}
            for segment in zip(route.points, route.points[1:]):
                for box in panel.boxes:
                    if (box.x, box.y) not in ends:
                        assert not crosses(segment, box), (route, box)
    recur = [r for p in follow_panels(graph, {2023: True, 2024: False}) for r in p.routes
             if r.color == styles["RECURS"].color]
    assert recur and all(r.dashed for r in recur)


def test_every_label_fits_its_box_and_the_picture_fits_its_width():
    data = township(hostile=True)
    data.items.append(item(data.reports[0].key, 2023, "Shortcoming", 9, "村级" * 40))
    for panel in panels_of(data):
        for box in panel.boxes:
            assert 1 <= len(box.lines) <= 3
            assert all(text_width(line) <= BOX_WIDTH - 2 * PAD - 2 * MARK - 4 for line in box.lines)
            assert box.x + box.width <= panel.width and box.y + box.height <= panel.height
        assert all(t.x + (text_width(t.text, t.size) if t.anchor == "start" else 0) <= panel.width for t in panel.texts)
    assert wrap("村级" * 40, 100)[-1].endswith("…")


def test_a_long_year_is_cut_into_panels_that_each_fit_a_page():
    data = township()
    key = data.reports[0].key
    for n in range(10, 60):
        data.items.append(item(key, 2023, "Shortcoming", n, f"第{n}个问题较为突出，需要长期整改并持续跟踪落实情况"))
        data.items.append(item(key, 2023, "Plan", n, f"第{n}项整改计划"))
        data.links.append(LinkRow("ADDRESSES", (key, "Plan", n), (key, "Shortcoming", n), 0.7))
    panels = panels_of(data)
    assert len(panels) >= 3 and all(p.height <= MAX_HEIGHT + 120 for p in panels)  # the last one also holds the key
    assert any(t.text.endswith("（续）") for p in panels for t in p.texts)
    drawn = [b.node for p in panels if p.title.startswith("2023") for b in p.boxes]
    assert len(drawn) == len(set(drawn)) == 50 * 2 + 7  # each of the year's problems and plans once


def test_no_problem_draws_no_picture():
    data = township()
    data.items = [i for i in data.items if i.kind == "Measure"]
    data.links = []
    assert panels_of(data, {}) == ()


def test_the_layout_is_the_same_every_time():
    assert panels_of(township()) == panels_of(township())


def test_the_svg_is_well_formed_holds_report_text_as_text_and_runs_nothing():
    panels = panels_of(township(hostile=True))
    for index, panel in enumerate(panels):
        markup = str(panel_svg(panel, f"p{index}"))
        root = ET.fromstring(markup)  # well-formed: every report character was escaped
        assert root.tag == f"{SVG}svg" and root.get("viewBox") == f"0 0 {panel.width:g} {panel.height:g}"
        # drawing elements only: no script, no link, no foreign content
        assert {el.tag.removeprefix(SVG) for el in root.iter()} <= {"svg", "style", "rect", "polyline", "polygon",
                                                                   "circle", "text"}
        assert "<img" not in markup and "<script" not in markup
        drawn = [el.text for el in root.iter(f"{SVG}text")]
        assert all(line in drawn for box in panel.boxes for line in box.lines)  # the text itself, unchanged
    lines = [line for p in panels for box in p.boxes for line in box.lines]
    assert any("<img" in line for line in lines) and HOSTILE.startswith("<img")
    legend = {t.text for t in panels[-1].texts}
    assert {CLASSES["Shortcoming"].label, CLASSES["Plan"].label} <= legend
    assert all(t.size <= FONT for p in panels for t in p.texts)
