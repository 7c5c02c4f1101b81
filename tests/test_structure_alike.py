"""A problems or plans paragraph that nothing enumerates, cut where its pieces each state the kind and look alike."""

from __future__ import annotations

from test_structure_arrangements import TITLE, WORK, text_report, texts


def test_sentences_each_stating_a_shortfall_after_a_lead_that_counts_them():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n对照群众期待，我镇还存在三个方面的问题。村级调解员补贴标准偏低，队伍不够稳定。"
        "执法车辆配备不足，夜间巡查开展少。普法阵地内容陈旧，更新不及时。\n三、下步打算\n（一）补齐短板。\n")
    assert texts(rep.shortcomings) == [
        "村级调解员补贴标准偏低，队伍不够稳定", "执法车辆配备不足，夜间巡查开展少", "普法阵地内容陈旧，更新不及时"]


def test_plans_as_clauses_after_a_lead_ending_in_a_colon_that_names_no_list():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、下步打算\n我镇将：提高调解员补贴标准；增配执法车辆，保障夜间巡查；"
        "更新村级普法阵地内容。\n")
    assert texts(rep.plans) == ["提高调解员补贴标准", "增配执法车辆，保障夜间巡查", "更新村级普法阵地内容"]


def test_plans_as_clauses_of_one_sentence_with_no_lead():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、下步打算\n推行执法全过程记录，配齐记录设备；建立村级调解员轮训制度；"
        "争取专项经费更新普法阵地。\n")
    assert texts(rep.plans) == ["推行执法全过程记录，配齐记录设备", "建立村级调解员轮训制度", "争取专项经费更新普法阵地"]


def test_a_statement_and_its_explanation_stay_one_item():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n执法力量薄弱。全镇仅有3名执法人员，面对12个村的执法任务。\n"
        "三、下步打算\n建立法律顾问制度，每月到村服务一次。通过该制度，实现村村有顾问。\n")
    assert texts(rep.shortcomings) == ["执法力量薄弱"]
    assert texts(rep.plans) == ["建立法律顾问制度，每月到村服务一次"]


def test_a_plans_paragraph_that_reports_results_is_not_cut():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、下步打算\n完善调解制度，已建成调解室5个；推行巡查制度，"
        "累计巡查30次。\n")
    assert len(rep.plans) == 1
