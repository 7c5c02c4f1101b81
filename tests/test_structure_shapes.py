"""Problems and plans that state their kind by the shape of their words, not by a listed phrase: layouts of our own."""

from __future__ import annotations

import pytest

from test_structure_arrangements import TITLE, WORK, text_report, texts

from kg.structure.shapes import counts_lead, opens_intention_shaped, states_shortfall_shaped
from kg.text import normalize

PLAN_STUB = "三、下步打算\n（一）补齐短板。\n"


def _states(text: str) -> bool:
    norm = normalize(text)
    return states_shortfall_shaped(norm, 0, len(norm))


def test_a_negated_predicate_a_degree_closing_a_clause_or_a_need_states_a_shortfall():
    assert _states("法律顾问驻村时间得不到保证")
    assert _states("村务公开栏内容更新慢，群众看不懂")
    assert _states("村民小组长运用法律处理纠纷的本领还需锤炼")
    # words that open with 不 and negate nothing, and a clause whose last word only ends in a degree character
    assert not _states("不断加强执法队伍建设")
    assert not _states("调解员多为退休教师")
    # figures show a problem; they do not state one
    assert not _states("全镇仅有3名执法人员，难以顾及各村")


def test_problems_worded_as_no_list_holds_them_are_one_item_each():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n村级调解员更替慢，新人接不上。法律顾问驻村时间得不到保证。"
        "执法车辆与站所混用，出勤难。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == [
        "村级调解员更替慢，新人接不上", "法律顾问驻村时间得不到保证", "执法车辆与站所混用，出勤难"]


def test_a_lead_that_counts_what_follows_is_no_problem_and_a_subject_some_is_no_lead():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n对照年度目标，我镇依法行政还有两处要改。村务公开的程序执行松，公开栏更新随意。"
        "重大事项听证没有形成常态。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["村务公开的程序执行松，公开栏更新随意", "重大事项听证没有形成常态"]
    some = text_report(
        TITLE + WORK + "二、存在的问题\n一些村民小组的调解员没有固定联系电话。村规民约多年未修订。"
        "普法宣传在外出务工人员中覆盖难。\n" + PLAN_STUB)
    assert texts(some.shortcomings)[0] == "一些村民小组的调解员没有固定联系电话"
    assert len(some.shortcomings) == 3
    norm = normalize("还有一些地方要改")
    assert counts_lead(norm, 0, len(norm), 2)
    norm = normalize("还有三个方面要改")
    assert counts_lead(norm, 0, len(norm), 3) and not counts_lead(norm, 0, len(norm), 2)


def test_a_figure_after_a_problem_stays_with_it():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n综合执法力量偏弱。全镇仅有3名执法人员，难以顾及各村。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["综合执法力量偏弱"]


def test_plans_opening_with_an_adverb_of_manner_are_one_item_each():
    norm = normalize("切实理顺调解员选聘办法")
    assert opens_intention_shaped(norm, 0, len(norm))
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）调解员选聘随意。\n（二）村级阵地闲置。\n三、下步打算\n"
        "切实理顺调解员选聘办法，年内完成换届。进一步盘活村级法治阵地，交由法律明白人管护。\n")
    assert texts(rep.plans) == ["切实理顺调解员选聘办法，年内完成换届", "进一步盘活村级法治阵地，交由法律明白人管护"]


def test_plans_built_alike_and_as_many_as_the_problems_answer_them():
    plans = "三、下步打算\n理顺调解员选聘办法，年内完成换届。盘活村级法治阵地，交由法律明白人管护。\n"
    two = text_report(TITLE + WORK + "二、存在的问题\n（一）调解员选聘随意。\n（二）村级阵地闲置。\n" + plans)
    assert texts(two.plans) == ["理顺调解员选聘办法，年内完成换届", "盘活村级法治阵地，交由法律明白人管护"]
    # a prior, not a rule: with three problems before them the two sentences are not read as their answer
    three = text_report(TITLE + WORK + "二、存在的问题\n（一）调解员选聘随意。\n（二）村级阵地闲置。\n（三）台账散乱。\n" + plans)
    assert len(three.plans) == 1


def test_an_ordinal_with_the_thing_it_counts_opens_each_plan():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）调解员选聘随意。\n三、下步打算\n明年着力办好两桩事：第一桩，"
        "理顺调解员选聘办法，年内完成换届；第二桩，盘活村级法治阵地，交由法律明白人管护。\n")
    assert texts(rep.plans) == ["理顺调解员选聘办法，年内完成换届", "盘活村级法治阵地，交由法律明白人管护"]


def test_problems_before_a_turn_to_the_remedies_in_one_paragraph_are_cut_as_the_remedies_are():
    rep = text_report(
        TITLE + WORK + "二、问题及改进方向\n村级调解室利用率小；执法文书由临时人员代写，质量难以保证；行政复议答复常常超期。"
        "对此，将把调解室纳入村级阵地统一管理；选派两名在编人员专职制作文书；建立复议答复提醒台账。\n")
    assert texts(rep.shortcomings) == ["村级调解室利用率小", "执法文书由临时人员代写，质量难以保证", "行政复议答复常常超期"]
    assert len(rep.plans) == 3


def test_a_heading_sentence_over_sentences_explaining_it_stays_one_problem():
    # both sentences read as shortfalls by their shape; the short first one heads what the longer one explains
    for body, heading in (
            ("基层法治力量薄弱。司法所只有一名工作人员，难以兼顾各村的法律服务。", "基层法治力量薄弱"),
            ("村规民约修订跟不上形势。不少村的村规民约还是十年前制定的，没有体现新的法律规定。", "村规民约修订跟不上形势")):
        rep = text_report(TITLE + WORK + "二、存在的问题\n" + body + "\n" + PLAN_STUB)
        assert texts(rep.shortcomings) == [heading]


def test_a_lead_naming_the_count_of_problems_in_quotes_is_no_problem_when_the_problems_state_in_listed_words():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n我镇依法行政还存在“三个不到位”。合法性审查不到位，部分合同未经审查就签订。"
        "执法监督不到位，案卷评查一年只搞一次。普法宣传不到位，外出务工人员覆盖不了。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["合法性审查不到位，部分合同未经审查就签订", "执法监督不到位，案卷评查一年只搞一次",
                                       "普法宣传不到位，外出务工人员覆盖不了"]


def test_a_paragraph_turning_to_next_year_after_a_paragraph_of_problems_holds_the_plans():
    rep = text_report(
        TITLE + WORK + "二、存在问题和下步打算\n村里的法治宣传栏多年没换内容；执法记录仪电池老是不够用；调解卷宗装订不统一。\n"
        "明年，我镇打算每半年更新一次宣传栏；为执法记录仪配备备用电池；统一印发调解卷宗封面和目录。\n")
    assert texts(rep.shortcomings) == ["村里的法治宣传栏多年没换内容", "执法记录仪电池老是不够用", "调解卷宗装订不统一"]
    assert texts(rep.plans) == ["每半年更新一次宣传栏", "为执法记录仪配备备用电池", "统一印发调解卷宗封面和目录"]


def test_a_run_of_clauses_whose_first_opening_stands_two_clauses_before_and_whose_last_reaches_as_far():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）台账不全。\n三、下步打算\n今后，我镇既要补上调解员缺口，从退休教师中选聘，"
        "也要管好执法案卷，落实一案一档，还要办好法治夜校，每月开课。\n")
    assert texts(rep.plans) == ["既要补上调解员缺口，从退休教师中选聘", "也要管好执法案卷，落实一案一档", "还要办好法治夜校，每月开课"]


def test_quoted_labels_each_a_sentence_over_the_sentence_that_explains_them():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n“上热下冷”。镇里部署得多，村里落实的少。“前紧后松”。年初抓得紧，下半年就松了。"
        "“重讲轻用”。讲座场次多，群众用法的本领没跟上。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["“上热下冷”", "“前紧后松”", "“重讲轻用”"]


def test_problems_stated_by_their_figures_when_every_one_holds_a_figure():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n全镇11个村中，有4个村没有独立的调解室。持证的执法人员仅有3名，难以同时出勤。"
        "2022年收到的群众投诉中，有7件反映执法态度问题。\n" + PLAN_STUB)
    assert len(rep.shortcomings) == 3
    assert texts(rep.shortcomings)[1] == "持证的执法人员仅有3名，难以同时出勤"


def test_plans_answer_as_many_problems_in_the_sub_part_before_them_of_a_combined_section():
    rep = text_report(
        TITLE + WORK + "二、存在的问题和下一步打算\n（一）存在的问题\n1.调解员选聘随意。\n2.村级阵地闲置。\n（二）下一步打算\n"
        "理顺调解员选聘办法，年内完成换届。盘活村级法治阵地，交由法律明白人管护。\n")
    assert texts(rep.plans) == ["理顺调解员选聘办法，年内完成换届", "盘活村级法治阵地，交由法律明白人管护"]


def test_a_remedy_labelled_after_a_comma_in_its_problems_sentence_is_a_plan():
    rep = text_report(
        TITLE + WORK + "二、问题与对策\n村级调解台账填写随意，整改措施是统一印发台账样本。执法文书用语各写各的，"
        "解决办法是编写常用文书范本。法治讲座时间与农忙冲突，解决办法是改在冬闲时节集中举办。\n")
    assert texts(rep.shortcomings) == ["村级调解台账填写随意", "执法文书用语各写各的", "法治讲座时间与农忙冲突"]
    assert texts(rep.plans) == ["统一印发台账样本", "编写常用文书范本", "改在冬闲时节集中举办"]


def test_a_colon_inside_an_aside_in_brackets_leads_into_nothing():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n村里的调解室平时锁着门，找不到人（依据：暗访记录）。执法车辆出车登记不全（依据：年度审计）。"
        "公示栏里的执法信息半年没有换过（依据：群众反映）。\n" + PLAN_STUB)
    assert len(rep.shortcomings) == 3
    assert texts(rep.shortcomings)[0].startswith("村里的调解室平时锁着门")


def test_below_what_it_is_compared_with_by_a_figure_is_a_shortfall_when_every_problem_holds_a_figure():
    norm = normalize("群众满意率为82%，比上年低5个百分点")
    assert states_shortfall_shaped(norm, 0, len(norm), figures=True)
    assert not states_shortfall_shaped(norm, 0, len(norm))  # a figure alone is left to the listed words
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n全乡调解员持证的只有4人。群众满意率为82%，比上年低5个百分点。"
        "全乡21个村中，仍有3个村未建法治书屋。\n" + PLAN_STUB)
    assert len(rep.shortcomings) == 3
    assert texts(rep.shortcomings)[1] == "群众满意率为82%，比上年低5个百分点"


def test_a_paragraph_answering_problems_by_their_numbers_holds_the_plans():
    rep = text_report(
        TITLE + WORK + "二、存在的问题及改进办法\n问题有两个：一是调解卷宗归档随意；二是普法讲座内容与村民需求脱节。\n"
        "针对第一个问题，由司法所统一制定卷宗归档目录。针对第二个问题，讲座前先到村里征集群众关心的话题。\n")
    assert texts(rep.shortcomings) == ["调解卷宗归档随意", "普法讲座内容与村民需求脱节"]
    assert [text.split("，", 1)[-1] for text in texts(rep.plans)] == [
        "由司法所统一制定卷宗归档目录", "讲座前先到村里征集群众关心的话题"]


def test_an_indented_paragraph_answering_problems_by_their_numbers_holds_the_plans_too():
    rep = text_report(
        TITLE + WORK + "二、存在的问题及改进办法\n　　问题有两个：一是法律顾问到村坐班次数偏少；二是行政执法案卷评查走过场。\n"
        "　　针对第一个问题，把坐班安排写进顾问合同。针对第二个问题，评查结果与年度考核挂钩。\n")
    assert texts(rep.shortcomings) == ["法律顾问到村坐班次数偏少", "行政执法案卷评查走过场"]
    assert [text.split("，", 1)[-1] for text in texts(rep.plans)] == ["把坐班安排写进顾问合同", "评查结果与年度考核挂钩"]


def test_problems_named_as_such_and_said_to_exist_are_one_item_each():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n村干部凭经验办事的情况较为常见。执法文书涂改后照常使用的现象时有出现。"
        "调解协议履行后无人过问的问题比较普遍。\n" + PLAN_STUB)
    assert len(rep.shortcomings) == 3


def test_the_stems_count_plans_inside_a_paragraph_as_numerals_do():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）卷宗归档随意。\n三、下步打算\n甲、编制卷宗归档目录；乙、推行调解协议回访；"
        "丙、把执法文书纳入月度抽查。\n")
    assert texts(rep.plans) == ["编制卷宗归档目录", "推行调解协议回访", "把执法文书纳入月度抽查"]


def test_only_so_much_done_by_a_verb_before_its_figure_states_a_shortfall_but_only_so_little_time_taken_does_not():
    norm = normalize("年初排定的9次普法夜校只办了4次")
    assert states_shortfall_shaped(norm, 0, len(norm), figures=True)
    norm = normalize("新建的调解室仅用5天就投入使用")
    assert not states_shortfall_shaped(norm, 0, len(norm), figures=True)
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n年初排定的9次普法夜校只办了4次。镇执法中队的8名队员中有3名还未参加岗位培训。"
        "今年受理的信访件里，有6件因回复拖延被县里通报。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == ["年初排定的9次普法夜校只办了4次", "镇执法中队的8名队员中有3名还未参加岗位培训",
                                       "今年受理的信访件里，有6件因回复拖延被县里通报"]


@pytest.mark.parametrize(("opening", "closing"), [("（", "）"), ("【", "】")])
def test_lines_each_closed_by_an_aside_in_brackets_are_an_item_each(opening, closing):
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n（一）卷宗归档随意。\n三、下步打算\n"
        f"编制村级法律顾问服务清单{opening}牵头：司法所{closing}\n推行调解协议回访{opening}牵头：综治中心{closing}\n"
        f"把执法文书纳入月度抽查{opening}牵头：综合执法队{closing}\n")
    # The colon inside the brackets labels the aside: the item's heading runs to the end of its line.
    assert texts(rep.plans) == [f"编制村级法律顾问服务清单{opening}牵头：司法所{closing}",
                                f"推行调解协议回访{opening}牵头：综治中心{closing}",
                                f"把执法文书纳入月度抽查{opening}牵头：综合执法队{closing}"]


def test_a_lead_that_states_nothing_before_problems_stated_by_their_shape_is_no_problem():
    # the opening sentence speaks of what follows (the reports gathered), the three after it each state a shortfall
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n走访中，大家谈了许多看法。驻村律师说，村里签合同前不找人把关。"
        "网格员说，纠纷排查表填得多，跟进处理的少。老党员说，村规民约上墙了，执行起来却松。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == [
        "驻村律师说，村里签合同前不找人把关", "网格员说，纠纷排查表填得多，跟进处理的少", "老党员说，村规民约上墙了，执行起来却松"]


def test_a_first_sentence_as_long_as_the_others_stays_a_problem_even_when_it_states_nothing_by_shape():
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n镇里的行政执法案卷一直由各站所自行保管归档。法律顾问驻村时间得不到保证。"
        "执法车辆与站所混用，出勤难。\n" + PLAN_STUB)
    assert texts(rep.shortcomings)[1:] == ["法律顾问驻村时间得不到保证", "执法车辆与站所混用，出勤难"]
    assert len(rep.shortcomings) == 3


def test_a_sentence_reading_the_fact_before_it_joins_that_fact_as_one_problem():
    # each fact is followed by what it shows (这说明…, 这反映出…); a degree closing a clause (偏软) states it
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n上半年的执法案卷抽查中，多份案卷缺少送达回证。这说明文书送达环节管得不细。"
        "村规民约修订后，很多村民说不清改了哪些条款。这反映出宣讲还停留在张贴公告上。"
        "个别村的调解员一年只到岗几次。这表明对调解员的考核约束偏软。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == [
        "上半年的执法案卷抽查中，多份案卷缺少送达回证", "村规民约修订后，很多村民说不清改了哪些条款", "个别村的调解员一年只到岗几次"]
    assert states_shortfall_shaped("考核约束偏软", 0, 6)


def test_problems_that_each_open_with_an_adverb_of_frequency_are_siblings():
    # only the middle one states its shortfall by a word of shape; the others tell what happens now and then
    rep = text_report(
        TITLE + WORK + "二、存在的问题\n经常是会议开完了，任务就压到了村里。偶尔还会出现超期办结的信访件，群众意见不小。"
        "往往一份执法文书要返工两三次才能归档。\n" + PLAN_STUB)
    assert texts(rep.shortcomings) == [
        "经常是会议开完了，任务就压到了村里", "偶尔还会出现超期办结的信访件，群众意见不小", "往往一份执法文书要返工两三次才能归档"]
