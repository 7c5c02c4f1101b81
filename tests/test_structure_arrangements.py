"""Problems and plans arranged in ways the numbering rules alone do not reach: reports of our own, each a small layout."""

from __future__ import annotations

from kg.extract.report import extract_report
from kg.link import link_report
from kg.read import make_source

TITLE = "芦沟县青檀镇2022年法治建设工作报告\n"
WORK = "一、主要工作\n（一）健全制度。制定学法制度，全年学法6次。\n（二）规范执法。办理案件12件。\n"


def text_report(text: str):
    return link_report(extract_report(make_source("layout.txt", text, "utf-8")))


def texts(items):
    return [item.text for item in items]


def test_the_first_yishi_may_follow_a_lead_sentence_and_the_run_go_on_in_the_next_paragraph():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n工作中仍有一些短板。一是培训次数偏少，覆盖不全。二是宣传阵地闲置。\n"
        "三是调解台账不全。\n三、下步打算\n（一）增加培训。\n")
    assert texts(rep.shortcomings) == ["培训次数偏少，覆盖不全", "宣传阵地闲置", "调解台账不全"]


def test_last_and_next_enumerate_sentences_of_a_problems_paragraph_without_a_first():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n我镇工作还存在一些不足。台账管理粗放。其次，执法车辆老旧。最后，村级阵地利用率低。\n")
    assert texts(rep.shortcomings) == ["台账管理粗放", "执法车辆老旧", "村级阵地利用率低"]
    # 最后 inside a clause (……，最后形成合力) is prose
    one = text_report(TITLE + WORK + "二、存在的问题\n部门协作不畅，最后形成合力的机制缺失。\n")
    assert texts(one.shortcomings) == ["部门协作不畅，最后形成合力的机制缺失"]


def test_short_phrases_on_lines_of_their_own_are_items_alike():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、明年打算\n我镇将围绕短板补齐弱项。\n"
        "完善台账管理办法\n更新执法车辆装备\n盘活村级法治阵地\n")
    assert texts(rep.plans) == ["完善台账管理办法", "更新执法车辆装备", "盘活村级法治阵地"]
    # phrases with a sentence after them head what follows, as before
    headed = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、明年打算\n完善台账管理办法\n年内修订台账制度。\n"
        "更新执法车辆装备\n申请专项资金。\n")
    assert texts(headed.plans) == ["完善台账管理办法", "更新执法车辆装备"]


def test_a_year_before_a_colon_labels_an_item_it_does_not_name_it():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、今后工作目标\n2023年：修订台账制度，实现村级全覆盖。\n"
        "2024年度：更新执法车辆装备。\n")
    assert texts(rep.plans) == ["修订台账制度，实现村级全覆盖", "更新执法车辆装备"]
    text = rep.source.text
    assert all(text[p.evidence.start : p.evidence.end] == p.text for p in rep.plans)


def test_causes_and_countermeasures_as_sub_parts_of_a_problems_section():
    rep = text_report(
        TITLE + WORK + "二、存在的问题及对策\n（一）主要问题\n1.台账不全。\n（二）原因剖析\n1.人员流动频繁。\n"
        "（三）对策建议\n1.修订台账制度。\n2.稳定人员队伍。\n")
    assert [s.kind for s in rep.sections] == ["measures", "shortcomings"]
    assert texts(rep.shortcomings) == ["台账不全", "人员流动频繁"]
    assert texts(rep.plans) == ["修订台账制度", "稳定人员队伍"]


def test_problems_before_the_work_done_are_read_from_what_the_body_says():
    rep = text_report(
        TITLE + "一、自查发现的情况\n自查中发现：（1）合同审查不规范；（2）积案化解缓慢；（3）阵地建设滞后。\n"
        "二、针对问题开展的工作\n（一）规范合同审查。审查合同20份。\n（二）化解积案。化解积案4件。\n三、明年打算\n1.健全审查机制。\n")
    assert [s.kind for s in rep.sections] == ["shortcomings", "measures", "plans"]
    assert texts(rep.shortcomings) == ["合同审查不规范", "积案化解缓慢", "阵地建设滞后"]


def test_ordinal_heading_lines_number_the_sections():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n青檀镇现将有关情况报告如下。\n第一项 主要工作\n（一）健全制度。制定学法制度。\n"
        "（二）规范执法。办理案件12件。\n第二项 存在问题\n1.台账不全。下一步将修订台账制度。\n2.阵地闲置。\n")
    assert [(s.heading, s.kind) for s in rep.sections] == [("第一项 主要工作", "measures"), ("第二项 存在问题", "shortcomings")]
    assert texts(rep.measures) == ["健全制度", "规范执法"]
    assert texts(rep.shortcomings) == ["台账不全", "阵地闲置"]
    assert texts(rep.plans) == ["修订台账制度"]
    # 第一，第二， opening paragraphs of prose stay items
    prose = text_report(
        TITLE + "一、主要工作\n第一，健全制度。制定学法制度。\n第二，规范执法。办理案件12件。\n二、存在问题\n（一）台账不全。\n")
    assert [s.heading for s in prose.sections] == ["一、主要工作", "二、存在问题"]
    assert texts(prose.measures) == ["健全制度", "规范执法"]


def test_a_list_after_a_lead_sentence_or_a_lead_that_counts_its_items():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n成绩之外也有差距。具体表现为：台账管理粗放；执法车辆老旧；阵地利用率低。\n"
        "三、明年打算\n明年重点做好四项工作：修订台账；更新车辆；盘活阵地；培训队伍。\n")
    assert texts(rep.shortcomings) == ["台账管理粗放", "执法车辆老旧", "阵地利用率低"]
    assert texts(rep.plans) == ["修订台账", "更新车辆", "盘活阵地", "培训队伍"]
    # a short heading before a colon is one item with its body, not a list
    one = text_report(TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、明年打算\n加强队伍建设：选派人员参加培训；配齐执法装备。\n")
    assert texts(one.plans) == ["加强队伍建设"]


def test_sentences_that_open_alike_are_items_by_word_or_by_topic_frame():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n在调解工作中，台账记录不全。在执法工作中，文书说理不足，程序意识弱。\n"
        "三、明年打算\n坚持培训先行，组织全员轮训。每季度一次。坚持装备保障，更新执法车辆。\n")
    assert texts(rep.shortcomings) == ["在调解工作中，台账记录不全", "在执法工作中，文书说理不足，程序意识弱"]
    assert texts(rep.plans) == ["坚持培训先行，组织全员轮训", "坚持装备保障，更新执法车辆"]
    # sentences that open differently are one item's body
    one = text_report(TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、明年打算\n加强培训。组织轮训。\n")
    assert texts(one.plans) == ["加强培训"]


def test_aspects_named_by_a_frame_of_place_hold_the_problems():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）在调解工作中\n1.台账不全。\n2.调解员偏少。\n（二）执法领域\n1.车辆老旧。\n"
        "三、明年打算\n（一）完善台账。\n")
    assert texts(rep.shortcomings) == ["台账不全", "调解员偏少", "车辆老旧"]


def test_labels_of_time_and_of_order_number_their_items():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n问题之一：台账不全。\n问题之二：车辆老旧。\n三、明年打算\n上半年：修订台账制度。\n"
        "第三季度：更新执法车辆。\n10月底前：完成阵地改造。\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "更新执法车辆", "完成阵地改造"]


def test_a_markdown_table_of_tasks_gives_a_plan_a_row():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、明年打算\n| 序号 | 任务 | 责任单位 |\n|:---|:---:|---|\n"
        "| 1 | 修订台账制度 | 司法所 |\n| 2 | 更新执法车辆 | 执法队 |\n")
    assert texts(rep.plans) == ["修订台账制度", "更新执法车辆"]


def test_circled_numbers_and_numbered_clauses_run_inside_a_paragraph():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n工作中还有以下短板①台账不全；②车辆老旧；③阵地闲置。\n"
        "三、明年打算\n明年我镇将：一、修订台账制度；二、更新执法车辆。\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧", "阵地闲置"]
    assert texts(rep.plans) == ["修订台账制度", "更新执法车辆"]


def test_clauses_after_a_sentence_announcing_problems_and_sentences_opening_with_one_word():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n与先进乡镇相比仍有差距。台账管理粗放；执法车辆老旧；阵地闲置。\n"
        "三、明年打算\n拟修订台账制度。拟更新执法车辆。拟盘活法治阵地。\n")
    assert texts(rep.shortcomings) == ["台账管理粗放", "执法车辆老旧", "阵地闲置"]
    assert texts(rep.plans) == ["拟修订台账制度", "拟更新执法车辆", "拟盘活法治阵地"]


def test_sentences_that_each_state_a_problem_are_a_problem_each():
    rep = text_report(TITLE + WORK + "二、存在的问题\n台账管理仍不规范。执法车辆老旧，保障不足。调解员队伍薄弱。\n")
    assert texts(rep.shortcomings) == ["台账管理仍不规范", "执法车辆老旧，保障不足", "调解员队伍薄弱"]
    # one problem explained over a second sentence stays one
    one = text_report(TITLE + WORK + "二、存在的问题\n执法力量薄弱。全镇仅有3名执法人员，难以满足需要。\n")
    assert texts(one.shortcomings) == ["执法力量薄弱"]


def test_problem_and_countermeasure_lines_in_a_section_named_for_both():
    rep = text_report(
        TITLE + WORK + "二、问题和对策\n问题：台账不全。\n对策：修订台账制度。\n问题：车辆老旧。\n对策：申请更新车辆。\n")
    assert [s.kind for s in rep.sections] == ["measures", "shortcomings"]
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]


def test_a_wide_table_gives_the_columns_its_header_names():
    rep = text_report(
        TITLE + WORK + "二、存在问题及整改措施\n| 序号 | 问题 | 整改措施 | 责任单位 |\n| --- | --- | --- | --- |\n"
        "| 1 | 台账不全 | 修订台账制度 | 司法所 |\n| 2 | 车辆老旧 | 申请更新车辆 | 执法队 |\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]
    assert [p.answers for p in rep.plans] == [0, 1]


def test_sentences_are_read_from_an_indented_paragraph_too():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、明年打算\n\u3000\u3000拟修订台账制度。拟更新执法车辆。拟盘活法治阵地。\n")
    assert texts(rep.plans) == ["拟修订台账制度", "拟更新执法车辆", "拟盘活法治阵地"]


def test_an_issuer_or_date_line_under_the_title_after_an_addressee_heads_no_section():
    for under_title in ("芦沟县青檀镇人民政府（2022年12月20日）", "芦沟县青檀镇人民政府\n（2022年12月20日）"):
        rep = text_report(
            "青檀镇2022年法治建设工作报告\n县委、县政府：\n\n" + under_title + "\n\n" + WORK + "二、存在的问题\n（一）台账不全。\n")
        assert [s.heading for s in rep.sections] == ["一、主要工作", "二、存在的问题"]
        assert texts(rep.measures) == ["健全制度", "规范执法"]


def test_any_symbol_of_the_font_bullets_items_and_sections():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n◎ 主要工作\n1.健全制度。制定学法制度。\n2.规范执法。办理案件12件。\n"
        "◎ 存在问题\n（1）台账不全。\n（2）车辆老旧。\n◎ 下步打算\n✔ 修订台账制度\n✔ 更新执法车辆\n")
    assert [s.heading for s in rep.sections] == ["◎ 主要工作", "◎ 存在问题", "◎ 下步打算"]
    assert texts(rep.measures) == ["健全制度", "规范执法"]
    assert texts(rep.plans) == ["修订台账制度", "更新执法车辆"]


def test_titles_grouping_problems_by_aspect_or_plans_by_time_are_no_items():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）队伍建设方面存在的不足\n1.调解员偏少。\n（二）制度执行方面的问题\n1.台账不全。\n"
        "三、明年打算\n（一）短期任务\n1.修订台账制度。\n（二）长期任务\n1.充实调解队伍。\n")
    assert texts(rep.shortcomings) == ["调解员偏少", "台账不全"]
    assert texts(rep.plans) == ["修订台账制度", "充实调解队伍"]


def test_counted_problem_and_countermeasure_labels_in_a_section_named_for_both():
    rep = text_report(
        TITLE + WORK + "二、问题和对策\n问题1：台账不全。\n对策1：修订台账制度。\n问题2：车辆老旧。\n对策2：申请更新车辆。\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]


def test_after_the_problems_a_section_that_states_no_result_is_plans():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、努力的路径\n（一）修订台账管理办法。\n（二）开展调解员轮训。\n")
    assert [s.kind for s in rep.sections] == ["measures", "shortcomings", "plans"]
    # a section after the problems that counts what was done stays work done
    done = text_report(
        TITLE + "一、存在的问题\n（一）台账不全。\n二、针对问题开展的工作\n（一）修订台账。修订制度3项。\n（二）开展轮训。培训调解员40人次。\n")
    assert [s.kind for s in done.sections] == ["shortcomings", "measures"]


def test_a_combined_section_told_in_two_unlabelled_paragraphs():
    rep = text_report(
        TITLE + WORK + "二、存在问题及努力方向\n工作中仍有不足。一是台账不全；二是车辆老旧。\n"
        "今后，我镇将着力抓好以下几项工作：一是修订台账制度；二是申请更新车辆。\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]


def test_problems_closing_the_work_done_behind_a_sentence_that_says_they_exist():
    rep = text_report(
        TITLE + WORK + "同时也应看到，我镇工作中还面临一些困难：一是台账不全；二是车辆老旧。\n二、明年打算\n（一）修订台账制度。\n")
    assert [s.kind for s in rep.sections] == ["measures", "plans"]
    assert texts(rep.measures) == ["健全制度", "规范执法"]
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    # a lead that only refers to problems opens work done
    done = text_report(
        TITLE + WORK + "为解决群众反映的有关问题：一是增设窗口；二是延长服务时间。\n二、明年打算\n（一）修订台账制度。\n")
    assert texts(done.shortcomings) == []


def test_remedy_labels_inside_inline_problems_stay_their_remedies():
    rep = text_report(
        TITLE + WORK + "二、存在问题及整改措施\n一是台账不全。整改措施：修订台账制度；二是车辆老旧。整改措施：申请更新车辆。\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]
    assert [p.answers for p in rep.plans] == [0, 1]


def test_kind_labels_inside_numbered_items_are_markers_and_countermeasures_are_remedies():
    rep = text_report(
        TITLE + WORK + "二、存在问题和对策\n1.问题：台账不全，资料缺失。对策：修订台账制度。\n2.问题：车辆老旧。对策：申请更新车辆。\n")
    assert texts(rep.shortcomings) == ["台账不全，资料缺失", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]
    assert [p.answers for p in rep.plans] == [0, 1]


def test_a_list_announced_inside_the_sentence_that_opens_it():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n成绩虽有，但仍存在一些问题，比如，台账管理粗放；执法车辆老旧；阵地闲置。\n")
    assert texts(rep.shortcomings) == ["台账管理粗放", "执法车辆老旧", "阵地闲置"]


def test_problems_listed_with_enumeration_commas_inside_one_sentence():
    rep = text_report(TITLE + WORK + "二、存在的问题\n我镇仍存在台账管理比较粗放、执法车辆严重老旧、法治阵地长期闲置等问题。\n")
    assert texts(rep.shortcomings) == ["台账管理比较粗放", "执法车辆严重老旧", "法治阵地长期闲置"]
    text = rep.source.text
    assert all(text[s.evidence.start : s.evidence.end] == s.text for s in rep.shortcomings)
    # fields listed as nouns are one problem
    one = text_report(TITLE + WORK + "二、存在的问题\n我镇在执法、宣传、调解等方面还有不足。\n")
    assert len(one.shortcomings) == 1


def test_item_numbers_are_no_figures_of_work_done():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、努力的路径\n（1）修订台账管理办法\n（2）开展调解员轮训\n")
    assert [s.kind for s in rep.sections] == ["measures", "shortcomings", "plans"]


def test_a_remedy_after_a_bracketed_problem_heading():
    rep = text_report(
        TITLE + WORK + "二、存在问题及改进措施\n【台账不全】下一步将修订台账制度。\n【车辆老旧】下一步将申请更新车辆。\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]


def test_items_running_on_after_the_heading_colon_on_its_line():
    rep = text_report(
        TITLE + WORK + "二、存在问题：一是台账不全；二是车辆老旧。\n三、明年打算：一是修订台账制度；二是申请更新车辆。\n")
    assert [(s.heading, s.kind) for s in rep.sections][1:] == [("二、存在问题", "shortcomings"), ("三、明年打算", "plans")]
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]


def test_a_cause_column_belongs_to_its_problem_and_the_remedy_column_is_the_plan():
    rep = text_report(
        TITLE + WORK + "二、存在问题及整改措施\n问题\t原因\t整改措施\n台账不全\t人员流动\t修订台账制度\n"
        "车辆老旧\t经费不足\t申请更新车辆\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]


def test_problems_and_plans_told_as_the_last_parts_of_the_work_done():
    rep = text_report(
        TITLE + "一、主要工作\n（一）健全制度。制定学法制度。\n（二）规范执法。办理案件12件。\n（三）存在问题\n1.台账不全。\n"
        "2.车辆老旧。\n（四）明年打算\n1.修订台账制度。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇长带头学法。\n")
    assert texts(rep.measures) == ["健全制度", "规范执法", "镇长带头学法"]
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度"]
    # a part reporting what was done about problems is a measure
    done = text_report(
        TITLE + "一、主要工作\n（一）健全制度。制定学法制度。\n（二）存在问题整改情况\n1.整改台账问题3个。\n")
    assert texts(done.measures) == ["健全制度", "存在问题整改情况"]
    assert done.shortcomings == ()


def test_a_connective_after_a_counted_run_adds_its_last_item():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n首先，台账不全。其次，车辆老旧。此外，经费紧张。\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧", "经费紧张"]


def test_clauses_of_one_sentence_that_open_alike():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、明年打算\n"
        "在台账管理上，将修订台账制度；在车辆保障上，将申请更新车辆；在阵地建设上，将盘活法治阵地。\n")
    assert texts(rep.plans) == ["在台账管理上，将修订台账制度", "在车辆保障上，将申请更新车辆", "在阵地建设上，将盘活法治阵地"]


def test_table_rows_whose_first_cell_names_their_kind():
    rep = text_report(
        TITLE + WORK + "二、问题与整改\n项目\t说明\n问题\t台账不全\n措施\t修订台账制度\n问题\t车辆老旧\n措施\t申请更新车辆\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]


def test_a_run_opening_straight_after_its_announcing_words_or_bulleted_inside_a_paragraph():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n短板主要有1.台账不全；2.车辆老旧。\n三、明年打算\n重点工作：• 修订台账制度；• 申请更新车辆。\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]
    # a decimal or a lone 1. in prose starts no run
    one = text_report(TITLE + WORK + "二、存在的问题\n执法车辆使用已超1.5倍年限，第1.2批更新未到位。\n")
    assert len(one.shortcomings) == 1


def test_counted_ordinals_and_label_frames_inside_a_paragraph():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n问题有两个。第一个问题是台账不全。第二个短板是车辆老旧。\n"
        "三、明年打算\n上半年：修订台账制度。下半年：申请更新车辆。\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]


def test_a_question_heading_about_gaps_and_causes_beside_problems():
    rep = text_report(
        TITLE + WORK + "二、工作中还有哪些不足\n（一）存在的问题\n1.台账不全。\n（二）深层原因\n1.人员流动频繁。\n"
        "三、明年打算\n（一）修订台账制度。\n")
    assert [s.kind for s in rep.sections] == ["measures", "shortcomings", "plans"]
    assert texts(rep.shortcomings) == ["台账不全", "人员流动频繁"]


def test_topics_holding_their_problem_and_plan_labels_inline():
    rep = text_report(
        TITLE + WORK + "二、存在问题及下步打算\n（一）台账管理。问题是台账不全；打算是修订台账制度。\n"
        "（二）执法保障。问题是车辆老旧；打算是申请更新车辆。\n")
    assert texts(rep.shortcomings) == ["台账不全", "车辆老旧"]
    assert texts(rep.plans) == ["修订台账制度", "申请更新车辆"]
    assert [p.answers for p in rep.plans] == [0, 1]


def test_a_lone_heading_over_one_paragraph_heads_an_item_when_the_document_heads_its_paragraphs_so():
    rep = text_report(
        TITLE + "一、主要工作\n规范执法\n全年办理案件12件，均按程序办结。\n深化普法\n开展送法下乡活动8场。\n"
        "二、存在的问题\n参与渠道偏窄\n公众参与重大决策的渠道不多，听证运用少。\n三、下步打算\n拓宽渠道\n开通网上征集专栏。\n")
    assert texts(rep.shortcomings) == ["参与渠道偏窄"]
    assert texts(rep.plans) == ["拓宽渠道"]
    # where no section heads paragraphs with bare lines, a lone short line stays a lead-in
    lead = text_report(
        TITLE + "一、主要工作\n全年办理案件12件，开展送法下乡8场。\n二、存在的问题\n对照要求\n"
        "公众参与重大决策的渠道不多，听证运用少。\n")
    assert texts(lead.shortcomings) == ["公众参与重大决策的渠道不多，听证运用少"]


def test_rows_of_a_problem_and_its_remedy_joined_by_an_arrow_under_a_heading_naming_problems_only():
    rep = text_report(
        TITLE + WORK + "二、存在问题及改进\n台账管理粗放 ⇒ 修订台账管理办法\n执法车辆老旧，保障不足 ⇒ 申请专项资金更新车辆\n")
    assert texts(rep.shortcomings) == ["台账管理粗放", "执法车辆老旧，保障不足"]
    assert texts(rep.plans) == ["修订台账管理办法", "申请专项资金更新车辆"]
    # rows whose right cells open no plan are problems with their causes, not remedies
    causes = text_report(TITLE + WORK + "二、存在的问题\n台账管理粗放 → 人员流动频繁\n执法车辆老旧 → 经费来源单一\n")
    assert texts(causes.plans) == []


def test_plans_each_after_a_label_naming_who_acts():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、下步打算\n党政办：修订台账管理办法。农业服务中心：开展执法车辆排查。"
        "各村(居)：更新普法宣传栏。\n")
    assert texts(rep.plans) == ["修订台账管理办法", "开展执法车辆排查", "更新普法宣传栏"]


def test_plans_as_clauses_opening_alike_with_any_word_after_a_long_lead():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、下步打算\n新的一年，我们将围绕“四个再”持续用力：再细化台账管理办法；"
        "再充实执法车辆保障；再盘活村级法治阵地。\n")
    assert texts(rep.plans) == ["再细化台账管理办法", "再充实执法车辆保障", "再盘活村级法治阵地"]


def test_problems_numbered_with_the_numerals_of_amounts():
    rep = text_report(TITLE + WORK + "二、存在的问题\n壹、台账管理粗放。\n贰、执法车辆老旧。\n叁、阵地闲置。\n")
    assert texts(rep.shortcomings) == ["台账管理粗放", "执法车辆老旧", "阵地闲置"]


def test_markdown_task_and_dash_lines_are_items():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n- [x] 台账管理粗放\n- [ ] 执法车辆老旧\n三、下步打算\n- 修订台账管理办法\n- 更新执法车辆\n")
    assert texts(rep.shortcomings) == ["台账管理粗放", "执法车辆老旧"]
    assert texts(rep.plans) == ["修订台账管理办法", "更新执法车辆"]


def test_a_paragraph_answering_the_problem_before_it_is_its_plan():
    rep = text_report(
        TITLE + WORK + "二、问题及整改\n台账管理粗放，底数不清。\n对此，我乡将修订台账管理办法。\n执法车辆老旧，保障不足。\n"
        "为此，我乡将申请专项资金更新车辆。\n")
    assert texts(rep.shortcomings) == ["台账管理粗放，底数不清", "执法车辆老旧，保障不足"]
    assert texts(rep.plans) == ["修订台账管理办法", "申请专项资金更新车辆"]


def test_a_two_column_table_aligned_with_runs_of_spaces():
    rep = text_report(
        TITLE + WORK + "二、问题及对策\n问题                    对策\n台账管理粗放            修订台账管理办法\n"
        "执法车辆老旧            申请专项资金更新车辆\n")
    assert texts(rep.shortcomings) == ["台账管理粗放", "执法车辆老旧"]
    assert texts(rep.plans) == ["修订台账管理办法", "申请专项资金更新车辆"]


def test_bracketed_numbers_running_in_one_line_with_nothing_between_items():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n表现在：（1）台账管理粗放，底数不清（2）执法车辆老旧（3）村级阵地闲置。\n"
        "三、下步打算\n我乡将(1)修订台账管理办法(2)更新执法车辆。\n")
    assert texts(rep.shortcomings) == ["台账管理粗放，底数不清", "执法车辆老旧", "村级阵地闲置"]
    assert texts(rep.plans) == ["修订台账管理办法", "更新执法车辆"]


def test_plans_listed_with_commas_of_enumeration_inside_one_sentence():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、下步打算\n明年我乡将抓好修订台账管理办法、更新执法车辆装备、"
        "盘活村级法治阵地等重点任务。\n")
    assert texts(rep.plans) == ["修订台账管理办法", "更新执法车辆装备", "盘活村级法治阵地"]


def test_rows_split_by_a_bar_whose_left_cell_opens_like_a_verb_by_chance():
    rep = text_report(
        TITLE + WORK + "二、问题和打算\n申报材料审核把关不严｜建立申报材料二次审核制度\n台账管理粗放｜修订台账管理办法\n"
        "执法车辆老旧｜争取专项资金更新车辆\n")
    assert texts(rep.shortcomings) == ["申报材料审核把关不严", "台账管理粗放", "执法车辆老旧"]
    assert texts(rep.plans) == ["建立申报材料二次审核制度", "修订台账管理办法", "争取专项资金更新车辆"]


def test_labels_in_brackets_naming_the_kind_lead_their_lines_in():
    rep = text_report(
        TITLE + WORK + "二、问题及改进\n【不足】台账管理粗放。\n【对策】修订台账管理办法。\n【不足】执法车辆老旧。\n"
        "【对策】申请专项资金更新车辆。\n")
    assert texts(rep.shortcomings) == ["台账管理粗放", "执法车辆老旧"]
    assert texts(rep.plans) == ["修订台账管理办法", "申请专项资金更新车辆"]


def test_problems_as_semicolon_clauses_most_stating_a_shortfall_and_plans_after_a_lead_of_intent():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n其一是台账管理粗放；其次是执法车辆老旧，保障不足；再次是村级阵地建设有待加强。\n"
        "三、下步打算\n围绕上述问题，我乡将：立足台账管理，修订管理办法；着眼车辆保障，申请专项资金；放眼阵地建设，盘活闲置场所。\n")
    assert len(rep.shortcomings) == 3
    assert texts(rep.plans) == ["立足台账管理，修订管理办法", "着眼车辆保障，申请专项资金", "放眼阵地建设，盘活闲置场所"]


def test_lines_opening_with_a_span_of_months_are_plans_by_that_label():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、明年安排\n2月至4月  修订台账管理办法\n5—8月  更新执法车辆装备\n")
    assert texts(rep.plans) == ["修订台账管理办法", "更新执法车辆装备"]


def test_items_numbered_in_square_brackets_padded_digits_and_stems():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n01 台账管理粗放。\n02 执法车辆老旧。\n三、下步打算\n[1] 修订台账管理办法。\n"
        "[2] 更新执法车辆。\n")
    assert texts(rep.shortcomings) == ["台账管理粗放", "执法车辆老旧"]
    assert texts(rep.plans) == ["修订台账管理办法", "更新执法车辆"]
    stems = text_report(TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、下步打算\n（甲）落实经费。\n（乙）压实责任。\n")
    assert texts(stems.plans) == ["落实经费", "压实责任"]


def test_a_short_title_before_a_dash_heads_its_item():
    rep = text_report(TITLE + WORK + "二、存在的问题\n台账管理粗放——底数不清，更新滞后。\n执法车辆老旧——保障不足。\n")
    assert texts(rep.shortcomings) == ["台账管理粗放", "执法车辆老旧"]


def test_a_task_table_typed_with_full_width_spaces_gives_a_plan_a_row_even_where_a_gap_is_one_space():
    gap, wide = "\u3000\u3000", "\u3000" * 6
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n（二）车辆老旧。\n三、明年打算\n"
        f"任务{wide}{wide}牵头单位{gap}完成时间\n修订执法台账管理办法{gap}司法所{gap}{gap}3月底\n"
        f"申请专项资金更新执法车辆\u3000综合执法队{gap}6月底\n")
    assert texts(rep.plans) == ["修订执法台账管理办法", "申请专项资金更新执法车辆"]


def test_a_line_opening_with_an_arrow_under_a_numbered_problem_is_its_remedy():
    rep = text_report(
        TITLE + WORK + "二、问题与改进\n1.执法台账记录零散\n⇒ 按月汇总执法台账并交司法所审核\n2.村级阵地长期闲置\n"
        "⇒ 把阵地交给村老年协会管理使用\n")
    assert texts(rep.shortcomings) == ["执法台账记录零散", "村级阵地长期闲置"]
    assert texts(rep.plans) == ["按月汇总执法台账并交司法所审核", "把阵地交给村老年协会管理使用"]
    # each remedy answers the problem above it
    assert [item.answers for item in rep.plans] == [0, 1]


def test_sentences_before_the_first_connective_are_plans_of_their_own():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n（二）车辆老旧。\n三、明年打算\n"
        "进一步修订执法台账管理办法，按月汇总。进一步更新执法车辆，保障出勤。进一步盘活村级阵地。此外，争取县里经费支持。\n")
    assert texts(rep.plans) == ["进一步修订执法台账管理办法，按月汇总", "进一步更新执法车辆，保障出勤", "进一步盘活村级阵地",
                                "争取县里经费支持"]
