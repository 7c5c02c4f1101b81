"""A section's kind weighed from its heading, what its body states and where it stands: layouts of our own wording."""

from __future__ import annotations

from kg.extract.report import extract_report
from kg.read import make_source
from kg.structure.content import read_body
from kg.structure.sectionkind import classify, hinted
from kg.text import normalize

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
    # A run of results after the plans is work done still.
    assert classify("五、附言", 2024, "全年办理案件25件。调解纠纷40件。\n", after_plans=True) == "measures"


def test_parts_of_a_problems_section_titled_for_no_kind_are_read_from_their_lines():
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n"
        "二、差距与方向\n（一）症在何处\n1.村级调解记录不规范。\n2.执法人员缺乏办案经验。\n"
        "（二）药往哪下\n1.推行统一的调解文书格式。\n2.建立新老执法人员结对制度。\n")
    assert kinds(rep) == ["measures", "shortcomings"]
    assert [s.text for s in rep.shortcomings] == ["村级调解记录不规范", "执法人员缺乏办案经验"]
    assert [p.text for p in rep.plans] == ["推行统一的调解文书格式", "建立新老执法人员结对制度"]


def test_volumes_numbered_upper_middle_lower_are_the_sections():
    rep = report(
        "柳河县石门镇2024年法治政府建设情况报告\n现将有关情况报告如下。\n上篇 做了什么\n1.修订议事规则。全年议事20次。\n"
        "2.规范执法。办理案件15件。\n中篇 缺了什么\n1.调解员力量薄弱。\n2.村规民约修订滞后。\n"
        "下篇 补些什么\n1.招募年轻调解员。\n2.组织修订村规民约。\n")
    assert [(s.heading, s.kind) for s in rep.sections] == [
        ("上篇 做了什么", "measures"), ("中篇 缺了什么", "shortcomings"), ("下篇 补些什么", "plans")]
    assert [m.text for m in rep.measures] == ["修订议事规则", "规范执法"]


def test_a_plans_word_over_results_opening_the_report_is_work_done():
    body = "（一）学法安排全部落实。全年学法10次。\n（二）执法安排完成。办理案件32件，全部公示。\n（三）宣传安排超额完成。开展宣传15场。\n"
    assert classify("一、年初工作安排落实情况", 2024, body) == "measures"
    # After the work done, the same heading over the same body is a plans heading read as written.
    assert classify("一、年初工作安排落实情况", 2024, body, after_work=True) == "plans"


def test_a_silent_section_between_the_work_done_and_the_plans_that_states_a_shortfall_is_problems():
    rep = report(
        TITLE + "一、这一年\n（一）规范执法。办理案件25件。\n（二）深化调解。化解纠纷60件。\n"
        "二、心里的账\n（一）村级调解室有的常年锁门。\n（二）普法讲座听众多为老人，年轻人参与少。\n（三）执法记录仪配备不足。\n"
        "三、下一步打算\n（一）落实调解室值班。\n（二）开展线上普法。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]
    assert len(rep.shortcomings) == 3
    # With no plans after it, nothing places it between: it stays work done.
    alone = report(TITLE + "一、这一年\n（一）规范执法。办理案件25件。\n"
                   "二、心里的账\n（一）村级调解室有的常年锁门。\n（二）普法讲座听众多为老人。\n（三）执法记录仪配备不足。\n")
    assert kinds(alone) == ["measures", "measures"]


def test_a_body_that_opens_by_naming_its_kind_decides_a_silent_heading():
    duty = "乡长甲认真履行推进法治建设第一责任人职责，亲自部署法治工作。\n（一）带头学法。全年领学4次。\n"
    assert classify("二、乡长亲自抓", 2024, duty) == "duty"
    plans = "下一步，我乡将抓好两件事：\n1.充实调解力量。\n2.规范执法程序。\n"
    assert classify("三、往前走", 2024, plans) == "plans"
    # An item opening the body speaks for itself, not for the section.
    item = normalize("（一）履行第一责任人职责。乡党委书记带头述法。\n（二）规范执法。办理案件12件。\n")
    assert classify("一、抓落实", 2024, item) == "measures"


def test_a_note_after_the_plans_with_a_date_is_other():
    note = "本报告数据统计截至11月30日，全年数据以县统计局公布为准。\n"
    assert classify("五、有关说明", 2024, note, after_problems=True, after_plans=True) == "other"


def test_a_word_of_results_setting_off_a_shortfall_does_not_lead():
    body = "取得成绩的同时，问题也不少。\n（一）调解员年龄偏大。\n（二）执法车辆有2辆已超年限。\n（三）宣传阵地管理没人负责。\n"
    assert classify("二、成效之下的短处", 2024, body) == "shortcomings"


def test_clauses_stating_low_rates_and_acute_conflicts_are_problems_each():
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n"
        "二、存在的问题\n村级法律服务室利用率低；征地拆迁矛盾突出，信访量居高不下；部分干部学法积极性不够。\n"
        "三、下一步打算\n（一）推行预约服务。\n")
    assert [s.text for s in rep.shortcomings] == [
        "村级法律服务室利用率低", "征地拆迁矛盾突出，信访量居高不下", "部分干部学法积极性不够"]


def test_work_done_that_mentions_a_shortfall_or_leans_by_a_word_stays_work_done():
    # Descriptive work headings around a report's own problems section: a shortfall named on the way is no problem
    # section, wherever the section stands.
    rep = report(
        TITLE + "一、健全学法制度\n（一）落实会前学法。班子成员轮流领学。\n"
        "二、推进执法规范\n（一）统一执法文书。过去文书格式不统一，今年由司法所统一制发范本。\n（二）推行说理式执法。\n"
        "三、存在问题\n（一）执法力量薄弱。\n四、下步打算\n（一）充实执法力量。\n")
    assert kinds(rep) == ["measures", "measures", "shortcomings", "plans"]
    # A word leaning to plans over work done that opens on what was strengthened and counts its results.
    body = "（一）加强学法。全年学法8次。\n（二）推进执法公示。公示案件20件。\n（三）完善调解网络。\n"
    assert classify("一、围绕年度目标抓落实", 2024, normalize(body)) == "measures"
    # Work done that opens on what was strengthened and names a shortfall after it is no problems section.
    body = "（一）加强学法培训。组织镇村干部分批培训。\n（二）完善调解网络。以往调解力量薄弱，今年聘请专职调解员。\n"
    assert classify("一、固基础", 2024, normalize(body)) == "measures"


def test_a_past_year_over_what_it_lacked_is_problems():
    body = "1.村级调解员流失较多，队伍不稳。\n2.执法文书制作不规范。\n3.群众来访多集中在集镇。\n"
    assert classify("二、2024年的不足", 2024, body) == "shortcomings"
    # A past year alone still places work done.
    assert classify("二、2024年", 2024, "1.修订议事规则。\n2.办理案件15件。\n") == "measures"


def test_a_heading_leaning_to_the_leader_over_a_body_opening_on_the_leader_is_the_duty_section():
    body = "乡党委书记甲把法治工作列入党委会议程，年底带头述法，全年协调解决信访积案4件。\n"
    assert classify("五、书记抓法治", 2024, body, after_problems=True, after_plans=True) == "duty"
    # The same heading over work done by others stays work done.
    assert classify("一、书记挂帅 全员参与", 2024, "1.修订学法制度。全年学法8次。\n2.办理案件15件。\n") == "measures"


def test_lessons_drawn_are_other_and_their_items_no_measures():
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n"
        "二、几点体会\n（一）制度落实是根本。制度定了，关键在执行。\n（二）群众参与是法治乡村的动力。村民议事让群众成了主角。\n"
        "三、存在的问题\n（一）调解力量薄弱。\n四、下步打算\n（一）充实调解力量。\n")
    assert kinds(rep) == ["measures", "other", "shortcomings", "plans"]
    assert [m.text for m in rep.measures] == ["规范执法"]


def test_a_report_without_headings_reads_its_paragraphs_as_one_section_without_a_heading():
    rep = report(
        "柳河县石门镇2024年法治政府建设情况报告\n全年工作情况报告如下：\n"
        "健全议事规则。镇党委修订议事规则，全年议事20次。\n规范行政执法。执法队办理案件15件。\n"
        "工作中还存在一些不足：一是调解员年龄偏大；二是执法装备不足。\n"
        "下一步，我镇将重点做好以下工作：一是招募年轻调解员；二是配齐执法装备。\n石门镇人民政府\n2025年1月8日\n")
    assert [(s.kind, s.heading) for s in rep.sections] == [("measures", "")]
    assert [m.text for m in rep.measures] == ["健全议事规则", "规范行政执法"]
    assert [s.text for s in rep.shortcomings] == ["调解员年龄偏大", "执法装备不足"]
    assert [p.text for p in rep.plans] == ["招募年轻调解员", "配齐执法装备"]
    # Without a line handing over to the body, a text with no headings stays without sections.
    assert not report("柳河县石门镇2024年法治政府建设情况报告\n石门镇依法行政。\n").sections


def test_a_turn_to_the_remedies_that_opens_a_count_of_its_own_makes_each_counted_item_a_plan():
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n"
        "二、看短处\n我们也看到一些不足。一是调解台账不全。二是执法车辆老旧，难以满足需要。\n"
        "为此，我们将在明年，一是统一调解台账格式；二是申请更新执法车辆。\n")
    assert [s.text for s in rep.shortcomings] == ["调解台账不全", "执法车辆老旧，难以满足需要"]
    assert [p.text for p in rep.plans] == ["统一调解台账格式", "申请更新执法车辆"]


def test_a_body_opening_on_the_time_to_come_is_plans_and_places_the_problems_before_it():
    rep = report(
        TITLE + "一、这一年\n（一）规范执法。办理案件25件。\n（二）深化调解。化解纠纷60件。\n"
        "二、过坎\n眼下还有几道坎：一是调解员青黄不接；二是执法车辆老化；三是群众来访多在集镇。\n"
        "三、上山\n来年，我们将重点做好两件事：一是招募年轻调解员；二是更新执法车辆。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]
    assert [p.text for p in rep.plans] == ["招募年轻调解员", "更新执法车辆"]
    # 将 without a time before it opens work done as often (镇党委将…纳入…).
    assert classify("一、抓统筹", 2024, "镇党委将法治建设纳入年度考核，全年考核村级班子13个。\n") == "measures"


def test_a_heading_framed_as_the_later_headings_heads_the_first_section():
    rep = report(
        "柳河县石门镇2024年法治政府建设情况报告\n现将有关情况报告如下。\n【这一年】\n1.规范执法。办理案件25件。\n"
        "2.深化调解。化解纠纷60件。\n【存在不足】\n1.调解员年龄偏大。\n【下步打算】\n1.招募年轻调解员。\n")
    assert [(s.kind, s.heading) for s in rep.sections] == [
        ("measures", "【这一年】"), ("shortcomings", "【存在不足】"), ("plans", "【下步打算】")]
    assert [m.text for m in rep.measures] == ["规范执法", "深化调解"]


def test_tasks_with_due_dates_after_the_problems_are_plans_under_a_silent_heading():
    rep = report(
        TITLE + "一、回眸\n（一）规范执法。办理案件25件。\n（二）深化调解。化解纠纷60件。\n"
        "二、自照\n（一）议事规则多年未修订，部分条款已不适用。\n（二）执法案卷归档不及时。\n"
        "三、启程\n（一）修订镇村两级议事规则，6月底前完成。\n（二）组织执法案卷交叉评查，年内实现全覆盖。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]
    assert [p.text for p in rep.plans] == ["修订镇村两级议事规则，6月底前完成", "组织执法案卷交叉评查，年内实现全覆盖"]
    # Work done says when it was done, not by when it must be: a month with 完成 stays a result.
    assert read_body("（一）修订议事规则，6月完成。\n（二）办理案件25件。\n").results == 1.0


def test_a_silent_last_section_on_what_the_leaders_did_is_the_duty_section():
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n二、存在的问题\n（一）调解力量薄弱。\n"
        "三、下步打算\n（一）充实调解力量。\n"
        "四、领跑在前\n镇党委书记甲带头学法，全年主持法治专题会议4次。镇长乙带头出庭应诉2次。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans", "duty"]
    # A work section that names the village secretaries it trained, not the township's leaders, stays work done.
    rep = report(
        TITLE + "一、领跑在前\n组织村支部书记参加法治培训，全年培训56人次。镇司法所办理法律援助12件。\n"
        "二、存在的问题\n（一）调解力量薄弱。\n三、下步打算\n（一）充实调解力量。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]


def test_a_section_nothing_settles_is_placed_by_the_sections_around_it():
    from kg.structure.content import Reading
    from kg.structure.sectionkind import most_likely_sequence

    vague = Reading(sentences=4, opens_intention=0.5, results=0.25)
    # The same body reads as plans after the problems and as work done at the report's opening.
    assert most_likely_sequence(["measures", "shortcomings", "measures"], [True, True, False],
                                [Reading(), Reading(), vague]) == ["measures", "shortcomings", "plans"]
    assert most_likely_sequence(["measures", "shortcomings", "plans"], [False, True, True],
                                [vague, Reading(), Reading()]) == ["measures", "shortcomings", "plans"]


def test_a_report_without_headings_or_a_line_handing_over_reads_its_paragraphs_after_the_preamble():
    rep = report(
        "柳河县石门镇2024年法治政府建设情况报告\n2024年，石门镇在县委领导下推进依法行政。\n"
        "议事更加规范。镇党委修订议事规则，全年议事20次。\n执法更加严格。执法队办理案件15件。\n"
        "调解更加有力。全年化解纠纷88件。\n石门镇人民政府\n2025年1月8日\n")
    assert [(s.kind, s.heading) for s in rep.sections] == [("measures", "")]
    assert [m.text for m in rep.measures] == ["议事更加规范", "执法更加严格", "调解更加有力"]


def test_work_done_that_turns_to_problems_mid_paragraph_and_to_plans_by_its_opening_words():
    rep = report(
        "柳河县石门镇2024年法治政府建设情况报告\n2024年，石门镇在县委领导下推进依法行政。\n"
        "议事更加规范。镇党委修订议事规则，全年议事20次。\n执法更加严格。执法队办理案件15件。\n"
        "调解更加有力。全年化解纠纷88件。但也要看到，工作中仍有短板：调解员业务培训偏少；执法记录仪配备不足。\n"
        "明年，我们将重建村级调解台账。选派执法人员到县局跟班学习。\n石门镇人民政府\n2025年1月8日\n")
    assert [m.text for m in rep.measures] == ["议事更加规范", "执法更加严格", "调解更加有力"]
    assert [s.text for s in rep.shortcomings] == ["调解员业务培训偏少", "执法记录仪配备不足"]
    assert [p.text for p in rep.plans] == ["重建村级调解台账", "选派执法人员到县局跟班学习"]


def test_a_last_part_of_the_work_done_titled_for_no_kind_is_problems_when_its_lines_state_shortfalls():
    rep = report(
        TITLE + "一、全年工作\n（一）规范执法。办理案件25件。\n（二）深化调解。化解纠纷60件。\n（三）照镜子\n"
        "1.调解卷宗归档不及时。\n2.执法人员年龄老化。\n"
        "二、下一步打算\n（一）按月归档调解卷宗。\n（二）招录年轻执法人员。\n")
    assert kinds(rep) == ["measures", "plans"]
    assert [m.text for m in rep.measures] == ["规范执法", "深化调解"]
    assert [s.text for s in rep.shortcomings] == ["调解卷宗归档不及时", "执法人员年龄老化"]
    # A titled part whose lines count what was done stays work done.
    rep = report(
        TITLE + "一、全年工作\n（一）规范执法。办理案件25件。\n（二）抓队伍\n1.招录执法人员3名。\n2.培训调解员40人次。\n")
    assert [m.text for m in rep.measures] == ["规范执法", "抓队伍"]
    assert not rep.shortcomings


def test_parts_titled_for_no_kind_whose_first_states_shortfalls_make_a_section_of_problems_and_plans():
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n"
        "二、照与治\n（一）“短处”\n1.调解卷宗归档不及时。\n2.执法人员年龄老化。\n"
        "（二）“良方”\n1.按月整理调解卷宗。\n2.从退役军人中招录执法人员。\n")
    assert kinds(rep) == ["measures", "shortcomings"]
    assert [s.text for s in rep.shortcomings] == ["调解卷宗归档不及时", "执法人员年龄老化"]
    assert [p.text for p in rep.plans] == ["按月整理调解卷宗", "从退役军人中招录执法人员"]


def test_a_silent_first_section_on_what_the_leaders_did_with_figures_is_the_duty_section():
    rep = report(
        TITLE + "一、火车头\n镇党委书记甲把法治建设写入党委工作要点，全年主持专题会议5次。镇长乙带头审定规范性文件4件。\n"
        "二、主要工作\n（一）规范执法。办理案件25件。\n三、存在的问题\n（一）调解力量薄弱。\n四、下步打算\n（一）充实调解力量。\n")
    assert kinds(rep) == ["duty", "measures", "shortcomings", "plans"]


def test_what_residents_complain_of_is_problems_whatever_words_they_use():
    rep = report(
        TITLE + "一、回看\n（一）规范执法。办理案件25件。\n二、听民声\n（一）有村民反映调解协议履行难。\n"
        "（二）一些商户抱怨执法检查次数多。\n三、回民声\n（一）推动调解协议司法确认。\n（二）推行综合查一次。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]
    # Their complaints named as what the work took up, praise they report and a campaign's name state none.
    assert read_body("针对群众反映的停车难问题，新建停车位120个。\n群众普遍反映良好。\n村民说事活动每月开展。\n").problems == 0.0


def test_the_order_keeps_work_written_as_things_strengthened_before_the_problems_as_work_done():
    rep = report(
        TITLE + "一、春\n（一）规范执法。办理案件25件。\n二、夏\n（一）深化调解。加强调解队伍建设，完善调解制度。\n"
        "三、存在的问题\n（一）调解力量薄弱。\n四、下步打算\n（一）充实调解力量。\n")
    assert kinds(rep) == ["measures", "measures", "shortcomings", "plans"]
    # Work done after the problems it remedies is no plans.
    rep = report(
        TITLE + "一、查摆的问题\n（一）台账不全，归档滞后。\n（二）调解员不足。\n二、边查边改\n（一）补建台账。补建调解台账13本。\n"
        "（二）充实调解员。新聘调解员6名。\n三、2025年打算\n（一）按月检查台账。\n")
    assert kinds(rep) == ["shortcomings", "measures", "plans"]


def test_shortfalls_told_by_their_grammar_read_a_silent_section_as_problems():
    rep = report(
        TITLE + "一、回看\n（一）规范执法。办理案件25件。\n二、自省\n（一）部分村没有建立调解台账。\n（二）执法人员业务能力弱。\n"
        "（三）信访事项办理周期长。\n三、下步打算\n（一）建立调解台账。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]
    # A good record, a fall in disputes and a post are no shortfalls.
    assert read_body("全年未发生一起群体性事件。\n矛盾纠纷明显减少。\n由镇长任副组长。\n").problems == 0.0


def test_a_sentence_or_two_of_resolve_after_the_plans_closes_the_report_and_holds_no_plans():
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n二、存在的问题\n（一）调解力量薄弱。\n三、下步打算\n（一）充实调解力量。\n"
        "四、尾声\n依法行政没有终点。我们将一如既往，把各项工作做得更好。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans", "other"]
    assert [p.text for p in rep.plans] == ["充实调解力量"]
    # Tasks told one by one after the plans are plans still.
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n二、存在的问题\n（一）调解力量薄弱。\n三、下步打算\n（一）充实调解力量。\n"
        "四、保障\n（一）将法治建设经费列入年度预算。\n（二）将法治建设纳入年度考核。\n")
    assert kinds(rep)[3] == "plans"


def test_one_character_headings_after_a_bullet_head_their_numbered_runs():
    rep = report(
        TITLE + "◇ 做\n1.规范执法。办理案件25件。\n2.深化调解。化解纠纷60件。\n◇ 省\n1.调解员年龄偏大。\n2.执法车辆老化。\n"
        "◇ 谋\n1.招募年轻调解员。\n2.更新执法车辆。\n石门镇人民政府\n2025年1月8日\n")
    assert [(s.kind, s.heading) for s in rep.sections] == [
        ("measures", "◇ 做"), ("shortcomings", "◇ 省"), ("plans", "◇ 谋")]
    assert [m.text for m in rep.measures] == ["规范执法", "深化调解"]


def test_a_bullet_heading_over_bracketed_items_is_a_sibling_of_those_over_numbered_runs():
    # The work is set apart in 【】, the problems and plans are numbered: the first ◇ heads a section all the same.
    rep = report(
        TITLE + "◇ 做\n【规范执法】全年办理案件25件。\n【深化调解】化解纠纷60件。\n◇ 省\n1.调解员年龄偏大。\n"
        "2.执法车辆老化。\n◇ 谋\n1.招募年轻调解员。\n2.更新执法车辆。\n石门镇人民政府\n2025年1月8日\n")
    assert [(s.kind, s.heading) for s in rep.sections] == [
        ("measures", "◇ 做"), ("shortcomings", "◇ 省"), ("plans", "◇ 谋")]
    assert [m.text for m in rep.measures] == ["规范执法", "深化调解"]
    assert [s.text for s in rep.shortcomings] == ["调解员年龄偏大", "执法车辆老化"]


def test_the_leaders_named_after_the_plans_without_a_figure_are_the_duty_section():
    rep = report(
        TITLE + "一、主要工作\n（一）规范执法。办理案件25件。\n二、存在的问题\n（一）调解力量薄弱。\n三、下步打算\n（一）充实调解力量。\n"
        "四、掌舵人\n镇党委书记甲亲自部署法治建设。镇长乙坚持集体决策，带头学法。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans", "duty"]


def test_a_silent_part_of_shortfalls_with_a_figure_among_them_is_still_problems():
    rep = report(
        TITLE + "一、全年工作\n（一）规范执法。办理案件25件。\n（二）深化调解。化解纠纷60件。\n（三）不如意处\n"
        "1.调解员只有2名，人手不够。\n2.群众不了解调解程序。\n3.执法记录仪配备不足。\n二、下一步打算\n（一）充实调解员。\n")
    assert [s.text for s in rep.shortcomings] == ["调解员只有2名，人手不够", "群众不了解调解程序", "执法记录仪配备不足"]
    # 了 inside 了解 marks no past.
    assert read_body("群众不了解调解程序。\n").results == 0.0


def test_a_problems_heading_holds_over_sentences_that_state_shortfalls_only_by_their_grammar():
    # No listed word of shortfall and one past tense (来了两回): the heading names the kind and the grammar bears it out.
    rep = report(
        TITLE + "一、主要做法\n（一）规范合同管理。审查合同31份。\n（二）化解矛盾纠纷。调处纠纷52起。\n"
        "二、存在的问题\n村里聘的法律顾问一年到头来了两回，合同审查这方面亟须加强。镇司法所的调解卷宗写得像记账，"
        "有的案子连当事人签名都没有留，这方面得下力气纠正。行政执法与信访办理各管各的，这方面要尽快打通。\n"
        "三、下一步打算\n（一）请法律顾问每月到镇坐班一天。\n（二）统一调解卷宗格式。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]
    assert rep.shortcomings
    # A body under the same heading that only counts what was done, in no shape of a shortfall, is still work done.
    body = "全镇建成法治文化广场3个。组织法律进村活动40场。调解纠纷130件。"
    assert classify("二、存在的问题", 2024, body, after_work=True) == "measures"


def test_task_lines_that_end_a_report_after_the_work_done_are_its_plans():
    work = TITLE + "一、全年工作\n（一）规范执法。办理案件25件。\n（二）深化调解。化解纠纷60件。\n"
    # No word of intention, no result, no subject: lines that set tasks, where a report puts its plans.
    rep = report(work + "二、几件实事\n（一）按季度抽查执法案卷。\n（二）给各村调解室添置录音设备。\n（三）请县律师事务所派员驻镇。\n")
    assert kinds(rep) == ["measures", "plans"]
    assert [p.text for p in rep.plans] == ["按季度抽查执法案卷", "给各村调解室添置录音设备", "请县律师事务所派员驻镇"]
    # The same place, with lines that tell what the township does (我镇…, 镇政府…): still the work done.
    rep = report(work + "二、几件实事\n（一）我镇按季度抽查执法案卷。\n（二）镇政府给各村调解室添置录音设备。\n")
    assert kinds(rep) == ["measures", "measures"]
    # Task lines before a section of plans are not the plans: the end of the report is what places them.
    rep = report(work + "二、几件实事\n（一）按季度抽查执法案卷。\n（二）给各村调解室添置录音设备。\n"
                 "三、下一步打算\n（一）建好村级调解台账。\n（二）办好法治夜校。\n")
    assert kinds(rep) == ["measures", "measures", "plans"]


def test_a_profile_that_counts_what_the_township_has_under_it_is_no_work_done():
    rep = report(
        TITLE + "一、镇情概览\n石门镇地处柳河县东北部，辖14个行政村、2个社区，耕地面积6.1万亩。镇机关干部共68名。\n"
        "二、主要做法\n（一）规范执法。办理案件25件。\n（二）深化调解。化解纠纷60件。\n"
        "三、存在的问题\n（一）调解员年龄偏大。\n四、下一步打算\n（一）招募年轻调解员。\n")
    assert kinds(rep) == ["other", "measures", "shortcomings", "plans"]
    assert [m.text for m in rep.measures] == ["规范执法", "深化调解"]
    # A count of villages as the reach of the work (覆盖14个行政村, 下辖 counted once) is no profile.
    assert read_body("在14个行政村建成法律服务室。培训调解员40人次。").profile == 0
    assert read_body("下辖9个社区的调解室全部挂牌。").profile == 1


def test_views_residents_brought_up_are_problems_and_views_handled_are_not():
    raised = read_body(normalize("（一）有商户提到，证照办理要跑多个窗口。\n（二）有居民提出：夜里噪音扰民无人管。\n"
                                 "（三）有村民提到，看不懂办事指南。\n"))
    assert raised.problems == 1.0
    handled = read_body(normalize("（一）群众提出的诉求全部办结。\n（二）居民提到的路灯问题已经修好。\n"))
    assert handled.problems == 0.0


def test_a_figure_that_tells_how_few_is_no_result_so_a_silent_section_of_such_lines_is_problems():
    rep = report(
        TITLE + "一、做实\n（一）建成镇公共法律服务中心。接待咨询320人次。\n（二）开展执法案卷评查。评查案卷45卷。\n"
        "二、看清\n（一）全镇专职调解员只有3名，人手紧张。\n（二）取得律师资格的法律顾问仅有1人，专业力量偏弱。\n"
        "（三）村级调解组织运转不顺。\n"
        "三、干好\n（一）增配专职调解员。\n（二）引进持证律师担任法律顾问。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]
    assert [s.text for s in rep.shortcomings][:2] == ["全镇专职调解员只有3名，人手紧张", "取得律师资格的法律顾问仅有1人，专业力量偏弱"]


def test_a_deadline_that_comes_round_each_month_sets_a_task_not_a_result():
    body = normalize("（一）每月10日前完成网格矛盾纠纷台账更新。\n（二）每季度15日前报送执法统计报表。\n")
    assert read_body(body).results == 0.0
    assert read_body(normalize("（一）3月10日完成网格矛盾纠纷台账更新。\n")).results == 1.0


def test_a_routine_and_the_span_of_a_plan_are_no_results():
    # 每季度召开 sets how often; 编制全年… is the span of what is planned. 全年办理 is work done over the year.
    plans = read_body(normalize("（一）每季度召开一次法治工作例会。\n（二）编制全年执法检查计划。\n"))
    assert plans.results == 0.0
    assert read_body(normalize("（一）全年办理行政许可事项。\n")).results == 1.0


def test_trouble_that_keeps_coming_back_is_a_shortfall():
    body = normalize("1、占道经营问题反复出现。\n2、违规搭建整治后容易反弹。\n")
    assert read_body(body).problems == 1.0


def test_a_paragraph_of_the_leaders_deeds_run_as_one_is_two_is_is_the_duty_wherever_it_stands():
    # The head of the township opens the run; 二是…, 三是… go on with her as subject, so the section is hers.
    rep = report(
        TITLE + "一、夯基础\n（一）完善决策程序。重大决策全部经过合法性审查。\n（二）规范执法。办结案件33件。\n"
        "二、马兰同志\n镇长马兰同志坚持以上率下：一是带头学习宪法，讲授法治课3次；二是带头依法决策，主持审定重大事项9项；"
        "三是带头接访，接待群众来访52人次。\n"
        "三、补短板\n（一）执法人员偏少。\n（二）普法形式单一。\n"
        "四、再提升\n（一）充实执法力量。\n（二）创新普法形式。\n")
    assert kinds(rep) == ["measures", "duty", "shortcomings", "plans"]


def test_a_quota_for_each_village_is_a_target_and_lacking_successors_a_shortfall():
    assert read_body(normalize("（一）每个村配备2名法律明白人。\n（二）每村建成1个调解室。\n")).results == 0.0
    assert read_body(normalize("（一）护林员年龄偏大，后继乏人。\n")).problems == 1.0


def test_task_lines_after_a_profile_or_a_duty_alone_are_the_work_done_and_after_work_and_duty_the_plans():
    tasks = "（一）按季度抽查执法案卷。\n（二）给各村调解室添置录音设备。\n（三）请县律师事务所派员驻镇。\n"
    profile = "一、镇里概况\n石门镇地处河谷，总面积96平方公里，辖9个行政村，户籍人口2.4万人。\n"
    duty = "镇党委书记周岚主持专题学法5次。镇长何川审定重大事项6项。\n"
    # Nothing told before them was work done: a report tells its work before its plans, so these are the work.
    assert kinds(report(TITLE + profile + "二、几件实事\n" + tasks)) == ["other", "measures"]
    assert kinds(report(TITLE + "一、领头人\n" + duty + "二、几件实事\n" + tasks)) == ["duty", "measures"]
    # After the work done and the leaders' duty, the report ends on them: its plans.
    work = "一、全年工作\n（一）规范执法。办理案件25件。\n（二）深化调解。化解纠纷60件。\n"
    assert kinds(report(TITLE + work + "二、领头人\n" + duty + "三、几件实事\n" + tasks)) == ["measures", "duty", "plans"]
    assert kinds(report(TITLE + profile + work.replace("一、", "二、")
                        + "三、几件实事\n" + tasks)) == ["other", "measures", "plans"]


def test_a_result_aimed_at_is_no_result():
    assert read_body(normalize("（一）力争全面完成村规民约修订。\n（二）确保调解室年底建成投用。\n")).results == 0.0
    assert read_body(normalize("（一）争取到县级资金完成调解室改造。\n")).results == 1.0  # got, and done


def test_a_concession_closing_a_paragraph_of_work_is_a_problem_told_aside_not_the_sections_kind():
    rep = report(
        TITLE + "一、推进村务公开\n各村按季度公开村级财务，全年公开事项312条。美中不足的是，个别村公开栏更新迟缓，群众查阅不便。\n"
        "二、化解矛盾纠纷\n镇调委会全年调处纠纷58件，调处成功56件。遗憾的是，专职调解员仅有2名，难以应对纠纷高峰。\n"
        "三、明年打算\n1.推行村务公开二维码查询。\n2.增配专职调解员3名。\n")
    assert kinds(rep) == ["measures", "measures", "plans"]
    assert [m.text for m in rep.measures] == ["各村按季度公开村级财务，全年公开事项312条", "镇调委会全年调处纠纷58件，调处成功56件"]
    assert [s.text for s in rep.shortcomings] == ["个别村公开栏更新迟缓，群众查阅不便", "专职调解员仅有2名，难以应对纠纷高峰"]


def test_a_paragraph_that_opens_on_a_concession_is_no_aside_of_work():
    # The concession opens the body: the section is about what fell short, as its lines say.
    rep = report(
        TITLE + "一、主要做法\n全年办理行政许可事项86件。\n"
        "二、回头看\n遗憾的是，执法记录仪配备不足，部分现场执法未全程记录。执法人员培训不够，文书制作不规范。\n"
        "三、下一步打算\n1.配齐执法记录仪。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]


def test_problems_a_heading_says_were_exposed_told_as_dated_incidents():
    # The heading names no section word; its head noun is the problems found, and the body tells what went wrong.
    rep = report(
        TITLE + "一、做了什么\n（一）规范执法。全年办理行政处罚案件31件。\n（二）深化普法。开展送法进村14场次。\n"
        "二、几次检查暴露出的问题\n5月，市里随机抽查执法案卷，我镇1件案卷因送达程序错误被通报。9月，一起宅基地纠纷的"
        "当事人两次越级访至市里。11月，镇政府作出的1项行政许可被复议机关撤销。\n"
        "三、明年打算\n1.逐卷自查执法文书。\n2.建立纠纷限时办结制度。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]
    # Each incident opens on its month: one problem each.
    assert [s.text for s in rep.shortcomings] == [
        "5月，市里随机抽查执法案卷，我镇1件案卷因送达程序错误被通报", "9月，一起宅基地纠纷的当事人两次越级访至市里",
        "11月，镇政府作出的1项行政许可被复议机关撤销"]


def test_work_done_on_the_problems_found_stays_work_done():
    # A remedy verb makes the problems found the object of the work done.
    rep = report(
        TITLE + "一、整改巡察发现的问题\n对照巡察反馈，全年完成整改事项12项，建立制度5项。\n"
        "二、存在的问题\n1.执法人员不足。\n三、下一步打算\n1.充实执法力量。\n")
    assert kinds(rep) == ["measures", "shortcomings", "plans"]


def test_a_text_cut_short_in_its_last_section_is_not_plans_by_its_verbs_alone():
    # A saved opening stops inside a sentence of work done written without figures or a past mark.
    rep = report(
        TITLE + "一、压实责任\n（一）领导带头\n镇法治办组织召开专题会3次，听取各站所汇报。\n"
        "二、依法办事\n（一）执法规范化\n围绕市场监管、环境整治等领域，梳理执法事项清单，规范执法文书格式，"
        "统一裁量基准，推进执法记录仪全程使用，保障")
    assert kinds(rep) == ["measures", "measures"]


def test_a_last_section_of_task_lines_that_ends_whole_is_still_plans():
    rep = report(
        TITLE + "一、主要工作\n全年办理行政处罚案件19件，化解纠纷47件。\n"
        "二、努力方向\n梳理执法事项清单。规范执法文书格式。推进执法记录仪全程使用。\n")
    assert kinds(rep)[-1] == "plans"


def test_heading_lines_of_one_symbol_over_items_of_another_are_siblings():
    # ◇ heads each section; the middle one names its kind in no vocabulary word, and ▸ marks the items below.
    rep = report(
        TITLE + "◇ 本年度主要工作\n▸ 规范行政执法：全年办理行政处罚案件27件，组织执法人员培训4次。\n"
        "▸ 推进村居法律顾问：为12个村配齐法律顾问，提供法律咨询230人次。\n\n"
        "◇ 当前的薄弱之处\n▸ 部分村法治文化阵地利用率不高。\n▸ 执法人员年龄结构偏大。\n\n"
        "◇ 下一步打算\n▸ 盘活村级法治文化阵地。\n▸ 招录年轻执法人员。\n")
    assert [s.heading for s in rep.sections] == ["◇ 本年度主要工作", "◇ 当前的薄弱之处", "◇ 下一步打算"]
    assert kinds(rep) == ["measures", "shortcomings", "plans"]
    assert [m.text for m in rep.measures] == ["规范行政执法", "推进村居法律顾问"]


def test_a_symbol_that_also_opens_sentences_marks_items_not_sections():
    rep = report(
        TITLE + "◇ 主要工作\n◇ 全年办理行政处罚案件27件，组织执法人员培训4次。\n◇ 为12个村配齐法律顾问。\n\n"
        "◇ 下一步打算\n1.招录年轻执法人员。\n")
    assert [s.heading for s in rep.sections][-1] == "◇ 下一步打算"
    assert "◇ 为12个村配齐法律顾问" not in [s.heading for s in rep.sections]
