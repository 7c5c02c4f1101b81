"""The scored cut of a problems or plans body: the way of cutting it whose pieces read best as items of the kind."""

from __future__ import annotations

from test_structure_arrangements import TITLE, WORK, text_report, texts

from kg.structure.cuts import best_cut, blank_blocks

PLAN_STUB = "三、下步打算\n（一）补齐短板。\n"
PROBLEM_STUB = "二、存在的问题\n（一）台账不全。\n"


def test_each_problem_followed_by_its_cause_is_one_item():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n调解卷宗归档不及时。究其原因，调解员多为兼职，精力有限。网格员法律知识欠缺。"
        "这主要是由于培训次数少、内容浅。普法活动形式单一。原因是经费不足，只能发放资料。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["调解卷宗归档不及时", "网格员法律知识欠缺", "普法活动形式单一"]


def test_plans_as_clauses_of_one_sentence_opening_alike_after_a_lead_and_before_a_closing():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n明年，我镇将着重抓好调解员轮训，着重抓好执法记录仪配备，"
        "着重抓好村规民约修订，为乡村振兴提供法治保障。\n")
    assert texts(rep.plans) == ["着重抓好调解员轮训", "着重抓好执法记录仪配备", "着重抓好村规民约修订"]


def test_words_that_recur_without_forming_a_run_are_no_list():
    norm = "深化调解工作，做好信访接待，落实值班制度，深化普法宣传，深化执法监督。"
    assert best_cut(norm, 0, len(norm), "plans") is None


def test_heading_sentences_each_over_their_explanation_grouped_by_blank_lines():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n\n法治讲堂覆盖面不广。\n偏远的三个村全年仅举办一次讲堂，群众参与少。\n\n"
        "执法记录设备老化。\n现有记录仪多数购置于五年前，续航时间短。\n\n村规民约修订滞后。\n部分条款与现行法律不一致。\n\n"
        + PLAN_STUB)
    assert texts(rep.shortcomings) == ["法治讲堂覆盖面不广", "执法记录设备老化", "村规民约修订滞后"]


def test_blank_lines_after_every_line_group_nothing():
    norm = "调解员队伍不稳定。\n\n执法记录设备老化。\n\n村规民约修订滞后。\n"
    assert blank_blocks(norm, 0, len(norm)) == []


def test_numbers_alone_on_their_lines_head_the_line_below():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n1.\n组织全体执法人员参加年度轮训。\n2.\n为每个村配齐一名法律顾问。\n")
    assert texts(rep.plans) == ["组织全体执法人员参加年度轮训", "为每个村配齐一名法律顾问"]


def test_a_section_named_for_problems_whose_second_paragraph_plans():
    rep = text_report(
        TITLE + WORK + "二、存在的不足\n经过梳理，我镇仍存在以下不足：调解队伍力量单薄；执法文书不够规范；普法阵地闲置。\n"
        "为补齐短板，我们将：（1）招募退休干部充实调解队伍；（2）开展执法文书专项评查；（3）重新启用普法阵地。\n")
    assert texts(rep.shortcomings) == ["调解队伍力量单薄", "执法文书不够规范", "普法阵地闲置"]
    assert texts(rep.plans) == ["招募退休干部充实调解队伍", "开展执法文书专项评查", "重新启用普法阵地"]


def test_clauses_opening_with_one_word_after_different_characters_are_a_run():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n总体看，我镇既有调解员队伍不稳定的情况，又有执法记录仪配备不足的情况，"
        "还有普法阵地内容陈旧的情况。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["既有调解员队伍不稳定的情况", "又有执法记录仪配备不足的情况", "还有普法阵地内容陈旧的情况"]


def test_a_run_keeps_a_short_clause_between_its_openings_with_the_item_before():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n我镇的差距主要在于：部分村调解室无人值守，形同虚设，部分站所执法文书不规范，"
        "部分干部学法不深。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["部分村调解室无人值守，形同虚设", "部分站所执法文书不规范", "部分干部学法不深"]


def test_plans_quoted_from_a_directive_start_inside_the_quotation():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n市委对我们的期望是“必须让调解走在诉讼前面，必须让执法带着温度，"
        "必须让普法贴近生活”，我镇将对照落实。\n")
    assert [t.rstrip("”") for t in texts(rep.plans)] == ["必须让调解走在诉讼前面", "必须让执法带着温度", "必须让普法贴近生活"]


def test_plans_led_by_the_month_they_are_due_drop_the_month():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n3月底前，完成村规民约审查。6月底前，为各村配备调解记录本。"
        "9月底前，评选一批守法示范户。\n")
    assert texts(rep.plans) == ["完成村规民约审查", "为各村配备调解记录本", "评选一批守法示范户"]


def test_labelled_plans_two_to_a_line_apart_by_spaces():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n抓调解：建立纠纷台账    抓执法：推行执法公示\n抓普法：开展送法上门\n")
    assert texts(rep.plans) == ["抓调解", "抓执法", "抓普法"]


def test_remedy_lines_in_the_future_alternating_with_problems_are_plans():
    rep = text_report(
        TITLE + WORK + "二、问题与对策\n村级调解室设施陈旧。\n拟争取专项资金更新村级调解室设施。\n"
        "执法人员持证率偏低。\n拟组织未持证人员参加资格考试。\n")
    assert texts(rep.shortcomings) == ["村级调解室设施陈旧", "执法人员持证率偏低"]
    assert texts(rep.plans) == ["争取专项资金更新村级调解室设施", "组织未持证人员参加资格考试"]


def test_short_phrases_after_a_colon_each_stating_a_problem():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n归纳起来有：调解人员偏少，办案经费不足，台账管理缺乏规范。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["调解人员偏少", "办案经费不足", "台账管理缺乏规范"]


def test_a_closing_sentence_about_the_list_is_no_item():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n法律顾问考核办法尚未出台；村级调解台账不够规范；普法资料更新不及时。以上问题，"
        "我们将高度重视。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["法律顾问考核办法尚未出台", "村级调解台账不够规范", "普法资料更新不及时"]


def test_each_problem_followed_by_a_sentence_of_its_figures():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n调解员队伍不够稳定。今年新换调解员7名。执法案卷质量参差不齐。抽查的20卷中有5卷需整改。"
        "普法覆盖面不广。参与活动的青年仅200人次。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["调解员队伍不够稳定", "执法案卷质量参差不齐", "普法覆盖面不广"]


def test_plans_as_sentences_each_opening_with_its_aim_before_a_comma():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n瞄准调解提质，每季度开展一次调解员轮训。立足执法规范，推行执法文书模板。"
        "着眼普法实效，每年评估一次普法效果。\n")
    assert texts(rep.plans) == ["瞄准调解提质，每季度开展一次调解员轮训", "立足执法规范，推行执法文书模板",
                                "着眼普法实效，每年评估一次普法效果"]


def test_plans_in_one_sentence_after_the_turn_to_the_future_in_a_combined_section():
    rep = text_report(
        TITLE + WORK + "二、问题和打算\n一是调解台账不够规范；二是普法阵地利用率不高。下一步，我镇将逐步规范调解台账，"
        "充分利用普法阵地，持续开展法治培训。\n")
    assert texts(rep.shortcomings) == ["调解台账不够规范", "普法阵地利用率不高"]
    assert texts(rep.plans) == ["逐步规范调解台账", "充分利用普法阵地", "持续开展法治培训"]


def test_a_splitters_cut_gives_way_to_one_that_reads_better():
    # 部分… opens two of the three problems; the third states one too, with figures after each
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n部分村调解室利用率不高。全年平均接待仅4次。执法人员持证比例偏低。持证人员仅占55%。"
        "部分村法治宣传栏内容陈旧。半数以上宣传栏三年未更新。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["部分村调解室利用率不高", "执法人员持证比例偏低", "部分村法治宣传栏内容陈旧"]


def test_blocks_of_labelled_lines_under_a_problems_list_heading():
    rep = text_report(
        TITLE + WORK + "二、问题清单\n\n问题描述：村规民约备案不全\n整改措施：逐村补齐备案材料\n\n"
        "问题描述：调解卷宗归档滞后\n整改措施：每月集中归档一次\n")
    assert texts(rep.shortcomings) == ["村规民约备案不全", "调解卷宗归档滞后"]
    assert texts(rep.plans) == ["逐村补齐备案材料", "每月集中归档一次"]


def test_comma_phrases_after_a_lead_sentence_ending_in_a_full_stop():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n对照要求，我镇仍有差距。调解人员偏少，台账管理粗放不规范，办案经费不足。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["调解人员偏少", "台账管理粗放不规范", "办案经费不足"]


def test_plans_counted_inside_one_sentence_after_a_time_clause():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n明年，第一，修订调解工作制度；第二，组织调解员集中轮训；"
        "第三，在各村公示调解员名单。\n")
    assert texts(rep.plans) == ["修订调解工作制度", "组织调解员集中轮训", "在各村公示调解员名单"]


def test_plans_as_one_hand_and_the_other_in_one_sentence():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n今后，镇政府一方面要完善调解员补贴办法，稳定调解队伍；"
        "另一方面要建立调解案件回访制度。\n")
    assert texts(rep.plans) == ["完善调解员补贴办法，稳定调解队伍", "建立调解案件回访制度"]


def test_comma_clauses_framed_by_one_word_after_the_same_character():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n总结起来，全镇在调解工作上力量不足，在执法工作上程序不严，在普法工作上形式单一。\n"
        + PLAN_STUB)
    assert texts(rep.shortcomings)[1:] == ["在执法工作上程序不严", "在普法工作上形式单一"]
    assert texts(rep.shortcomings)[0].endswith("在调解工作上力量不足")


def test_problems_on_one_line_apart_by_bars():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n调解经费不足｜执法车辆老化｜普法资料陈旧\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["调解经费不足", "执法车辆老化", "普法资料陈旧"]


def test_problems_listed_with_commas_of_enumeration_closed_by_and():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n经查摆，问题集中在调解台账记录不全、执法文书格式不统一及普法资料更新滞后。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["调解台账记录不全", "执法文书格式不统一", "普法资料更新滞后"]


def test_plan_titles_over_bulleted_steps_are_the_plans():
    rep = text_report(
        TITLE + WORK + PROBLEM_STUB + "三、下步打算\n完善调解工作制度\n● 修订调解员考核办法\n● 每季度通报调解情况\n"
        "加强执法队伍建设\n● 组织执法人员轮训\n")
    assert texts(rep.plans) == ["完善调解工作制度", "加强执法队伍建设"]
