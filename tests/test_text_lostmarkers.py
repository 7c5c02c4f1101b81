"""An item whose number a page lost with its opening bracket (）健全…) is read as the item it is, evidence in the file."""

from __future__ import annotations

from kg.extract.report import extract_report
from kg.read import make_source
from kg.text import compact
from kg.text.lostmarkers import restore_markers

# Our own fictional opening: the second item of the first section and the first of the second lost their number.
OPENING = """柘湾镇2024年法治政府建设情况报告
2024年，柘湾镇在岚山县委、县政府的领导下，推进依法行政。现将有关情况报告如下：
一、主要举措和成效
（一）理顺议事规则
镇党委修订议事规则，党委会专题研究法治工作5次。
）规范合同管理
镇政府审查各类合同31份，聘请法律顾问2名。
二、存在的不足
）执法人员偏少
全镇持证执法人员仅有4名，难以覆盖各村。
（二）普法方式单一
"""


def test_items_whose_number_was_lost_are_read():
    report = extract_report(make_source("zhewan_2024.txt", OPENING, "utf-8"))
    assert [compact(m.text) for m in report.measures] == ["理顺议事规则", "规范合同管理"]
    assert [compact(s.text)[:6] for s in report.shortcomings] == ["执法人员偏少", "普法方式单一"]


def test_evidence_indexes_the_file_as_it_is():
    report = extract_report(make_source("zhewan_2024.txt", OPENING, "utf-8"))
    assert report.source.text == OPENING
    lost = report.measures[1]
    assert OPENING[lost.evidence.start:lost.evidence.end].lstrip("）").startswith("规范合同管理")
    for metric in report.metrics:
        assert OPENING[metric.evidence.start:metric.evidence.end].endswith(metric.unit)


def test_the_number_follows_the_items_around_it():
    assert restore_markers("一、成效\n（三）甲项\n）乙项\n").text == "一、成效\n（三）甲项\n（四）乙项\n"
    assert restore_markers("一、成效\n(9)甲项\n)乙项\n").text == "一、成效\n(9)甲项\n(10)乙项\n"
    assert restore_markers("一、成效\n九）甲项\n）乙项\n").text == "一、成效\n九）甲项\n十）乙项\n"
    marked = restore_markers("一、成效\n（一）甲项\n）乙项\n）丙项\n")
    assert marked.text == "一、成效\n（一）甲项\n（二）乙项\n（三）丙项\n"
    assert len(marked.origin) == len(marked.text) + 1 and marked.origin[-1] == len("一、成效\n（一）甲项\n）乙项\n）丙项\n")


def test_a_closing_bracket_that_is_no_lost_number_stays():
    # A hard wrap inside brackets (a page's footer and running head between its halves or not), a line before any
    # section or item, and a section numbering items in two bracketed families (which one was lost is not told):
    # none is changed.
    for text in ("一、成效\n（一）各村（社区\n）干部参加培训\n", "前言\n）甲项\n", "一、成效\n（一）甲项\n(1)乙项\n）丙项\n",
                 "一、成效\n（一）甲项，说明（附\n）件\n", "一、成效\n（一）各村（社区\n\n— 2 —\n\n报告\n）干部参加培训\n"):
        assert restore_markers(text) is None
