"""What opens a problem or plan before its text (a topic label, labelled fields, a token on every line), and the
item read past it."""

from __future__ import annotations

from test_structure_arrangements import TITLE, WORK, text_report, texts

from kg.structure.labels import field_heading, leading_token

PLAN_STUB = "三、下步打算\n（一）补齐短板。\n"
PROBLEM_STUB = "二、存在的问题\n（一）台账不全。\n"


def test_a_topic_label_in_brackets_gives_way_to_the_problem_it_labels():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n〔人员〕司法所仅有工作人员1名，力量薄弱。\n〔设施〕村级调解室设施陈旧。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["司法所仅有工作人员1名，力量薄弱", "村级调解室设施陈旧"]


def test_plan_lines_of_labelled_fields_give_the_task():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n完成时限：5月；具体事项：修订全部村规民约；牵头单位：司法所。\n"
        "完成时限：9月；具体事项：开展执法案卷集中评查；牵头单位：综合执法办。\n")
    assert texts(rep.plans) == ["修订全部村规民约", "开展执法案卷集中评查"]


def test_a_heading_that_states_the_item_is_kept_whatever_follows():
    norm = "强化学法：每月组织一次集中学法。"
    assert field_heading(norm, (0, 4), len(norm), "plans") is None


def test_plan_lines_that_each_open_with_a_one_character_label_in_brackets():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n【学】每月组织一次集中学法。\n【调】建立纠纷排查台账。\n"
        "【宣】开展送法上门服务。\n")
    assert texts(rep.plans) == ["每月组织一次集中学法", "建立纠纷排查台账", "开展送法上门服务"]


def test_plan_lines_numbered_by_a_digit_and_a_gap_of_spaces():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n1　修订调解工作制度\n2　组织调解员集中轮训\n")
    assert texts(rep.plans) == ["修订调解工作制度", "组织调解员集中轮训"]


def test_a_line_that_opens_with_its_text_has_no_token():
    norm = "修订调解工作制度"
    assert leading_token(norm, 0, len(norm)) is None


def test_a_label_that_only_counts_what_it_heads_gives_way_to_the_plan_after_it():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n（二）车辆老旧。\n三、明年打算\n"
        "一条主线：把依法行政贯穿镇村工作全过程。\n两个抓手：修订台账管理办法，更新执法车辆。\n")
    assert texts(rep.plans) == ["把依法行政贯穿镇村工作全过程", "修订台账管理办法，更新执法车辆"]
