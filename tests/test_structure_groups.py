"""Titles of any wording that group a problems section's numbered lines: the lines are the items."""

from __future__ import annotations

from test_structure_arrangements import TITLE, WORK, text_report, texts

PLANS = "三、下步打算\n（一）拓宽参与渠道。\n"


def test_titles_naming_stages_group_the_problems_below_them():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）决策环节\n1.公众参与渠道窄。\n2.合法性审查流于形式。\n（二）执法环节\n"
        "1.执法记录仪配备不足。\n2.案卷归档不及时。\n" + PLANS)
    assert texts(rep.shortcomings) == ["公众参与渠道窄", "合法性审查流于形式", "执法记录仪配备不足", "案卷归档不及时"]


def test_titles_naming_bodies_group_the_problems_below_them():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）镇机关\n1.公众参与渠道窄。\n（二）村（社区）\n1.调解员年龄偏大。\n" + PLANS)
    assert texts(rep.shortcomings) == ["公众参与渠道窄", "调解员年龄偏大"]


def test_a_title_that_states_a_problem_keeps_its_level():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）参与渠道较窄\n1.听证运用少。\n2.意见征集流于座谈。\n（二）队伍老化\n"
        "1.调解员年龄偏大。\n" + PLANS)
    assert texts(rep.shortcomings) == ["参与渠道较窄", "队伍老化"]


def test_plan_titles_that_open_with_a_verb_keep_their_level():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、下步打算\n（一）拓宽参与渠道\n1.开通网上专栏。\n"
        "（二）充实调解队伍\n1.招募年轻调解员。\n")
    assert texts(rep.plans) == ["拓宽参与渠道", "充实调解队伍"]


def test_a_section_named_for_no_kind_reads_as_problems_when_its_sentences_state_shortfalls():
    rep = text_report(
        TITLE + WORK + "二、几点思考\n一是公众参与渠道窄，听证运用少。二是合法性审查流于形式。三是调解员年龄偏大，力量薄弱。\n"
        "三、今后努力方向\n（一）拓宽参与渠道。\n")
    assert [s.kind for s in rep.sections] == ["measures", "shortcomings", "plans"]
    assert texts(rep.shortcomings) == ["公众参与渠道窄，听证运用少", "合法性审查流于形式", "调解员年龄偏大，力量薄弱"]


def test_titles_before_a_colon_group_the_problems_stated_after_it_on_their_line():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）镇直部门：执法文书没有按规定归档；合同签订前审查不严。\n"
        "（二）各村：调解员年龄偏大；村规民约多年未修订。\n" + PLANS)
    assert texts(rep.shortcomings) == ["执法文书没有按规定归档", "合同签订前审查不严", "调解员年龄偏大", "村规民约多年未修订"]


def test_a_title_before_a_colon_that_states_a_problem_keeps_its_level():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）队伍薄弱：执法人员少；培训跟不上。\n（二）制度不全：学法制度缺失；考核不严。\n" + PLANS)
    assert texts(rep.shortcomings) == ["队伍薄弱", "制度不全"]
