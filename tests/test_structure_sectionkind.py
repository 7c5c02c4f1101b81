"""A section's kind weighed from its heading, what its body states and where it stands: layouts of our own wording."""

from __future__ import annotations

from kg.extract.report import extract_report
from kg.read import make_source
from kg.structure.content import read_body
from kg.structure.sectionkind import classify, hinted

TITLE = "柳河县石门镇2024年法治政府建设情况报告\n现将有关情况报告如下。\n"


def report(text: str):
    return extract_report(make_source("kinds.txt", text, "utf-8"))


def kinds(rep):
    return [section.kind for section in rep.sections]


def test_work_done_under_a_heading_that_names_the_weak_spots_it_mended():
    rep = report(
        TITLE + "一、聚焦薄弱环节，依法行政迈上新台阶\n（一）执法队伍补强。全年招录执法人员6名，培训42人次。\n"
        "（二）调解网络补全。新建村调解室9个，化解纠纷130件。\n"
        "二、存在的问题\n（一）调解员年龄偏大，力量薄弱。\n（二）执法装备不足。\n"
        "三、下一步打算\n（一）招募年轻调解员。\n（二）配齐执法装备。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]
    assert [m.text for m in rep.measures] == ["执法队伍补强", "调解网络补全"]
    assert [s.text for s in rep.shortcomings] == ["调解员年龄偏大，力量薄弱", "执法装备不足"]


def test_plans_after_the_problems_under_a_heading_that_names_the_problems():
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n"
        "二、存在的问题\n1.执法文书不规范。\n2.普法覆盖不够广。\n"
        "三、存在问题的改进路径\n1.推行执法文书范本，按月抽查。\n2.组建村级普法小分队，进组入户宣讲。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]
    assert [p.text for p in rep.plans] == ["推行执法文书范本，按月抽查", "组建村级普法小分队，进组入户宣讲"]
    assert not rep.shortcomings[2:]


def test_a_heading_naming_problems_keeps_them_when_the_body_states_them():
    # A body that states its shortfalls keeps the heading's word, whatever figures it quotes.
    assert classify("二、存在的问题", 2024, "1.持证率偏低，仅为70%。\n2.村级调解员只有12名，力量薄弱。\n") == "shortcomings"
    # Figures that limit (仅, 只有, 尚未) state shortfalls in words no list holds: the heading is not overruled.
    limited = "1.台账管理粗放，全年仅归档12卷。\n2.执法车辆只有2辆，已使用9年。\n3.村级调解室尚未挂牌的有3个。\n"
    assert classify("二、存在的问题", 2024, limited) == "shortcomings"
    # A heading naming problems over plans before any problems were told stays a problems section.
    assert classify("二、存在问题整改", 2024, "1.推行执法文书范本。\n2.建立回访制度。\n") == "shortcomings"


def test_a_silent_heading_leans_as_its_words_do_where_the_body_bears_it_out():
    body = "1.村务决策程序执行打折扣。\n2.法律顾问每月到村时间有限。\n3.群众学法主动性不强。\n"
    assert read_body(body).problems < 0.4  # the body alone does not decide
    assert classify("三、短处在哪里", 2024, body) == "shortcomings"
    # The same body under a heading that leans nowhere is work done, the reader's default.
    assert classify("三、一年来", 2024, body) == "measures"
    assert hinted("二、看差距 再出发") == ["shortcomings", "plans"]


def test_requests_to_those_above_are_neither_problems_nor_plans():
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n二、存在的问题\n1.执法力量不足。\n"
        "三、下一步打算\n1.充实执法力量。\n"
        "四、几点请求\n（一）恳请县里加大对乡镇执法编制的支持，解决人员不足的问题。\n（二）建议县司法局每年组织乡镇执法人员轮训。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans", "other"]
    assert [s.text for s in rep.shortcomings] == ["执法力量不足"]
    assert [p.text for p in rep.plans] == ["充实执法力量"]


def test_a_slogan_after_the_problems_whose_figures_are_targets_is_plans():
    body = "1.争取年内新增专职调解员3名。\n2.组织执法人员轮训，确保持证率不低于95%。\n3.修订村规民约。\n"
    assert read_body(body).results == 0  # figures aimed at are no results
    assert classify("三、“实”字托底", 2024, body, after_problems=True) == "plans"
    # Before any problems were told, the same body stays work done: plans stand after the problems.
    assert classify("三、“实”字托底", 2024, body) == "measures"


def test_a_silent_section_after_the_plans_that_states_no_result_is_other():
    body = "本报告所列工作由党政办汇总，各站所分别核对。如有出入，以站所台账为准。\n"
    assert classify("五、附言", 2024, body, after_problems=True, after_plans=True) == "other"
    assert classify("五、附言", 2024, "全年办理案件25件，调解纠纷40件。\n", after_plans=True) == "measures"


def test_parts_of_a_problems_section_titled_for_no_kind_are_read_from_their_lines():
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n"
        "二、回头看\n（一）症在何处\n1.村级调解记录不规范。\n2.执法人员缺乏办案经验。\n"
        "（二）药往哪下\n1.推行统一的调解文书格式。\n2.建立新老执法人员结对制度。\n")
    assert kinds(rep) == ["measures", "shortcomings"]
    assert [s.text for s in rep.shortcomings] == ["村级调解记录不规范", "执法人员缺乏办案经验"]
    assert [p.text for p in rep.plans] == ["推行统一的调解文书格式", "建立新老执法人员结对制度"]
