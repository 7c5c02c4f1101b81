"""The quote under an item: the sentence carrying its content, never its heading again, on layouts we write."""

from __future__ import annotations

import pytest

from kg.extract import measures, plans, shortcomings
from kg.extract.evidence import content_sentence, says_only
from kg.read import make_source
from kg.structure import outline as structure

REPORT = """石桥镇2023年法治政府建设情况报告

一、主要工作
（一）健全依法决策机制
（1）明确审查范围。
凡以镇政府名义出台的决策事项均先经法律顾问审查，全年审查合同31份。
（二）深化普法宣传
一是开展宪法宣传周活动，在集镇设点发放资料800余份。
二、存在的问题
（一）执法人员专业能力不足。
镇综合执法队持证人员仅2名，难以承接下放的执法事项。
（二）法律顾问服务不够深入
三、下一步工作计划
一是配齐持证执法人员，年内新增持证人员3名。
"""


@pytest.fixture(scope="module")
def report():
    source = make_source("shiqiao_2023.txt", REPORT, "utf-8")
    outline = structure.parse(source)
    found = {module.__name__.rsplit(".", 1)[1]: module.extract(source, outline)
             for module in (measures, shortcomings, plans)}
    return source.text, found


def quotes(report, kind):
    text, found = report
    return {item.text: content_sentence(text, item) for item in found[kind]}


def test_a_heading_alone_is_quoted_by_the_first_sentence_that_reports_something(report):
    got = quotes(report, "measures")
    # the numbered sub-heading （1）明确审查范围。 names a topic and is passed over
    assert got["健全依法决策机制"] == "凡以镇政府名义出台的决策事项均先经法律顾问审查，全年审查合同31份。"
    assert quotes(report, "shortcomings")["执法人员专业能力不足"] == "镇综合执法队持证人员仅2名，难以承接下放的执法事项。"


def test_a_sentence_that_says_more_than_its_heading_is_its_own_quote(report):
    assert not says_only("一是加强组织领导，成立了以党委书记为组长的领导小组。", "加强组织领导")
    assert says_only("（二）加强组织领导。", "加强组织领导") and says_only("一是加强组织领导", "加强组织领导")
    # an item stated in one sentence, with no body beyond it, is quoted by that sentence as written
    (plan, quote), = quotes(report, "plans").items()
    assert quote == "一是配齐持证执法人员，年内新增持证人员3名。"
    # under a heading alone, a numbered sentence that reports something is content, not a sub-heading
    assert quotes(report, "measures")["深化普法宣传"] == "一是开展宪法宣传周活动，在集镇设点发放资料800余份。"


def test_a_heading_with_no_body_keeps_the_heading_and_nothing_from_the_next_section(report):
    quote = quotes(report, "shortcomings")["法律顾问服务不够深入"]
    assert says_only(quote, "法律顾问服务不够深入") and "下一步" not in quote


@pytest.mark.shared
def test_on_the_shared_reports_few_quotes_repeat_their_heading(shared):
    from kg.extract.stream import iter_outcomes

    before = after = total = 0
    for outcome in iter_outcomes([shared / "corpus"]):
        if outcome.report is None:
            continue
        text = outcome.report.source.text
        for item in (*outcome.report.measures, *outcome.report.shortcomings, *outcome.report.plans):
            total += 1
            before += says_only(item.evidence.sentence, item.text)
            after += says_only(content_sentence(text, item), item.text)
    # Measured when written: 285 of 290 evidence sentences are the heading; 23 quotes remain so, all items
    # whose whole body is the one sentence their text was taken from.
    assert total > 200 and before > 0.9 * total and after < 0.1 * total
