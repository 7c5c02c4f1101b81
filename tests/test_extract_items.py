"""Measures, shortcomings and plans: item text without its number, exact evidence, and the span of each body."""

from __future__ import annotations

import json
import re

import pytest

from kg.structure import outline as structure
from kg.extract import measures, plans, shortcomings
from kg.read import make_source


def extract_all(name: str, text: str):
    source = make_source(name, text, "utf-8")
    outline = structure.parse(source)
    found = (module.extract(source, outline) for module in (measures, shortcomings, plans))
    return (source, *found)


# --- real reports -----------------------------------------------------------------------------

@pytest.mark.shared
def test_measures_are_the_second_level_not_the_numbered_points_below_it(corpus_texts):
    _, found, _, _ = extract_all("000.txt", corpus_texts["000_9297ac14c1609d27.txt"])
    first = [m.text for m in found if m.section == 0]
    assert first == ["加强组织领导", "健全工作机制", "增强法律意识", "强化法治宣传教育"]
    assert "优化工作机制" not in [m.text for m in found]  # （1） under （二） is not a measure


@pytest.mark.shared
def test_a_section_without_second_level_headings_takes_its_yishi_items(corpus_texts):
    _, found, _, _ = extract_all("000.txt", corpus_texts["000_9297ac14c1609d27.txt"])
    second = [m.text for m in found if m.section == 1]
    assert second[0] == "不断完善镇党委议事决策规则"
    assert second[-1] == "率先在全县建立了信访工作联席会议机制"
    assert len(second) == 5


@pytest.mark.shared
def test_inline_shortcomings_in_one_paragraph_are_cut_at_each_clause_end(corpus_texts, shared):
    _, _, found, _ = extract_all("000.txt", corpus_texts["000_9297ac14c1609d27.txt"])
    # A careful reader's items, verbatim (typos kept), as the shared annotations give them.
    gold = json.loads((shared / "gold" / "seeds" / "000_9297ac14c1609d27.json").read_text(encoding="utf-8"))
    assert [s.text for s in found] == gold["shortcomings"]
    assert len(found) == 4


@pytest.mark.shared
def test_first_clause_keeps_a_leading_reason(corpus_texts):
    _, _, found, _ = extract_all("001.txt", corpus_texts["001_e2fabbbe98248fdd.txt"])
    assert found[0].text == "法治意识有待进一步提高"
    assert found[1].text.startswith("由于部分权力下放至镇，专业人员较少")
    assert found[1].text.endswith("工作人员执法能力水平有待进一步提高")


@pytest.mark.shared
def test_plans_with_yishi_points_inside_are_one_plan_each(corpus_texts):
    _, _, _, found = extract_all("001.txt", corpus_texts["001_e2fabbbe98248fdd.txt"])
    assert [p.text for p in found] == ["加强法治宣传教育", "加强信访维稳工作力度", "加强执法队伍建设，提高依法行政能力"]


@pytest.mark.shared
def test_duty_items_inline_after_a_lead_sentence(corpus_texts):
    _, found, _, _ = extract_all("004.txt", corpus_texts["004_aacd17f2585f8bc5.txt"])
    assert [m.text for m in found if m.section == 2] == ["健全领导小组", "完善工作机制"]


@pytest.mark.shared
def test_arabic_numbered_plans(corpus_texts):
    _, _, _, found = extract_all("lixi_2023.txt", corpus_texts["lixi_2023.txt"])
    assert [p.text for p in found][:2] == ["充实综合执法力量", "加强“法律明白人”队伍管理"]
    assert len(found) == 5


@pytest.mark.shared
def test_every_item_has_exact_evidence_a_body_and_a_running_ordinal(corpus_texts):
    for name, text in corpus_texts.items():
        source, *kinds = extract_all(name, text)
        for items in kinds:
            assert [item.ordinal for item in items] == list(range(len(items))), name
            for item in items:
                assert text[item.evidence.start : item.evidence.end] == item.text
                assert item.text in item.evidence.sentence
                assert item.body_start <= item.evidence.start < item.evidence.end <= item.body_end
                assert not item.text.startswith(("一是", "（", "(", "1."))
            for before, after in zip(items, items[1:]):
                assert before.body_end <= after.body_start, name


# --- texts of our own -------------------------------------------------------------------------

OWN = """东河镇关于2023年法治政府建设情况的报告
一、主要举措和成效
（一）加强组织领导
镇党委成立法治建设领导小组。一是明确分工；二是定期调度。
（二）严格规范执法，提升执法水平。全年办理案件8件。
1、案卷评查。评查案卷10卷。
二、党政主要负责人履行推进法治建设第一责任人职责情况
党委书记带头学法。一是带头讲法治课。二是带头述法。
三、存在的问题
主要表现在：一是学法不够深入，存在以会代学现象；二是执法装备不足。
四、下一步工作计划
2024年，我们将重点做好以下工作：
1、深化学法用法，推动学法常态化；
2、加强执法保障
特此报告。
东河镇人民政府
2024年1月10日
"""


def test_own_report_all_three_kinds():
    source, found_measures, found_shortcomings, found_plans = extract_all("own.txt", OWN)
    assert [(m.section, m.text) for m in found_measures] == [
        (0, "加强组织领导"), (0, "严格规范执法，提升执法水平"), (1, "带头讲法治课"), (1, "带头述法"),
    ]
    assert [s.text for s in found_shortcomings] == ["学法不够深入，存在以会代学现象", "执法装备不足"]
    assert [p.text for p in found_plans] == ["深化学法用法，推动学法常态化", "加强执法保障"]
    assert "特此报告" not in found_plans[-1].body(source.text)
    assert found_measures[1].body(source.text).endswith("评查案卷10卷。")


def test_kinds_and_ordinals_of_each_extractor():
    _, found_measures, found_shortcomings, found_plans = extract_all("own.txt", OWN)
    assert {m.kind for m in found_measures} == {"measure"}
    assert {s.kind for s in found_shortcomings} == {"shortcoming"}
    assert [p.ordinal for p in found_plans] == [0, 1]
    assert found_plans[0].section == 3


def test_a_plans_section_with_no_body_gives_no_plans_and_says_so():
    source = make_source("own.txt", "东河镇2023年法治建设工作总结\n一、工作情况\n1.开展普法。\n二、下步打算\n", "utf-8")
    outline = structure.parse(source)
    assert plans.extract(source, outline) == ()
    assert outline.sections[1].parse == "empty"


# --- item text carries no numbering or markup ---------------------------------------------------

_BARE_HEADINGS = """溪桥镇2023年法治政府建设情况报告
一、主要工作
{open}规范执法程序{close}
全年办理行政处罚案件14件，全部经法制审核。
{open}推进法律顾问全覆盖{close}
为12个村聘请法律顾问，提供咨询300余次。
二、存在的问题
{open}执法力量不足{close}
执法队仅有执法人员4名。
{open}普法形式单一{close}
仍以发放资料为主。
三、下一步计划
{open}充实执法力量{close}
争取增加执法编制。
{open}创新普法形式{close}
利用短视频开展普法。
"""


@pytest.mark.parametrize("open_, close", [("**", "**"), ("### ", ""), ("<b>", "</b>")])
def test_a_bare_heading_line_loses_its_markdown_or_html_around_the_text(open_, close):
    _, found, problems, plans_ = extract_all("x.txt", _BARE_HEADINGS.format(open=open_, close=close))
    assert [m.text for m in found] == ["规范执法程序", "推进法律顾问全覆盖"]
    assert [p.text for p in problems] == ["执法力量不足", "普法形式单一"]
    assert [p.text for p in plans_] == ["充实执法力量", "创新普法形式"]


@pytest.mark.parametrize("mark", ["（Ⅰ）", "Ⅰ、", "(a) ", "A. ", "1.1 ", "⑴", "㈠", "——"])
def test_a_mark_the_outline_numbered_another_way_is_no_part_of_the_item(mark):
    second = {"（Ⅰ）": "（Ⅱ）", "Ⅰ、": "Ⅱ、", "(a) ": "(b) ", "A. ": "B. ", "1.1 ": "1.2 ", "⑴": "⑵", "㈠": "㈡",
              "——": "——"}[mark]
    text = (f"云台乡2022年法治政府建设工作报告\n一、主要做法\n{mark}健全依法决策机制。重大事项均经集体讨论。\n"
            f"{second}深化法治宣传教育。开展宣讲20场。\n二、存在问题\n村级法律顾问作用发挥不充分。\n"
            "三、工作打算\n完善法律顾问考核办法。\n")
    source, found, _, _ = extract_all("z.txt", text)
    assert [m.text for m in found] == ["健全依法决策机制", "深化法治宣传教育"]
    first = found[0].evidence
    assert source.text[first.start:first.end] == "健全依法决策机制"


def test_a_bullet_before_a_number_is_one_marker():
    text = ("云台乡2022年法治政府建设工作报告\n一、主要做法\n● 1. 健全依法决策机制。重大事项均经集体讨论。\n"
            "● 2. 深化法治宣传教育。开展宣讲20场。\n二、存在问题\n● 1. 村级法律顾问作用发挥不充分。\n"
            "三、工作打算\n● 1. 完善法律顾问考核办法。\n")
    _, found, problems, plans_ = extract_all("y.txt", text)
    assert [m.text for m in found] == ["健全依法决策机制", "深化法治宣传教育"]
    assert [p.text for p in problems] == ["村级法律顾问作用发挥不充分"]
    assert [p.text for p in plans_] == ["完善法律顾问考核办法"]


def _reports(root) -> list:
    return sorted(root.glob("fixtures/unseen/*.txt")) + sorted(root.glob("fixtures/layouts/**/*.txt"))


def test_no_item_of_any_fixture_report_starts_with_a_marker_or_markup():
    """Scoring lets one text contain the other, so a number or `**` left at an item's start scores as a
    match; this holds every report we wrote to item texts a reader would copy."""
    from pathlib import Path
    from kg.extract.report import extract_path
    from kg.structure.markers import decor_end, line_marker
    left = []
    for path in _reports(Path(__file__).parent):
        report = extract_path(path).report
        for item in (*report.measures, *report.shortcomings, *report.plans):
            text = item.text.strip()
            if (line_marker(text) or decor_end(text, 0) or text[:1] in "*#<[【(（—ⅠⅡⅢⅣⅤ⑴⑵㈠㈡①②"
                    or re.match(r"[A-Za-z](?=[.．、)）\s])|\d{1,2}(?:[.．、)）]|\s)|第[一二三四五六七八九十]{1,2}[，,、]", text)):
                left.append(f"{path.name}: {text[:20]}")
    assert len(_reports(Path(__file__).parent)) > 60
    assert left == []
