"""The outline follows each document's own numbering: reports of our own in layouts the shared corpus lacks."""

from __future__ import annotations

from pathlib import Path

from kg.extract.report import extract_report
from kg.link import link_report
from kg.read import read_source

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def report(name: str):
    return link_report(extract_report(read_source(LAYOUTS / name)))


def sections(rep):
    return [(s.heading, s.kind) for s in rep.sections]


def test_top_level_numbered_1_with_parenthesised_items_below():
    rep = report("numbered_top.txt")
    assert sections(rep) == [("1.主要工作和成效", "measures"), ("2.存在的问题", "shortcomings"),
                             ("3.下一步工作打算", "plans")]
    assert [m.text for m in rep.measures] == ["健全学法用法制度", "规范行政执法行为", "推进矛盾纠纷化解"]
    assert [s.text for s in rep.shortcomings] == ["执法队伍力量薄弱，专业人员偏少", "村级法治宣传阵地作用发挥不够"]
    assert len(rep.plans) == 2


def test_headings_without_a_kind_word_are_classified_from_their_bodies():
    rep = report("named_parts.txt")
    assert sections(rep) == [("第一篇 回顾篇", "measures"), ("第二篇 短板篇", "shortcomings"),
                             ("第三篇 展望篇", "plans")]
    # 【】 headings are items, the bracket holding the heading
    assert [m.text for m in rep.measures] == ["强化组织保障", "深化普法宣传", "规范依法决策"]
    assert [s.text for s in rep.shortcomings] == ["队伍短板", "意识短板"]
    assert [p.text for p in rep.plans] == ["充实力量", "提升意识"]


def test_bare_heading_lines_over_markdown_numbering_and_full_width_indentation():
    rep = report("markdown_plain.txt")
    assert sections(rep) == [("2023年工作回顾", "measures"), ("需要正视的短板", "shortcomings"),
                             ("2024年工作打算", "plans")]
    assert [m.text for m in rep.measures] == ["加强组织领导", "推进严格规范公正文明执法"]
    assert [s.text for s in rep.shortcomings] == ["法治宣传针对性不强", "执法规范化水平有待提高"]
    assert [p.text for p in rep.plans] == ["创新法治宣传方式", "提升执法规范化水平"]
    text = rep.source.text
    for item in rep.measures + rep.shortcomings + rep.plans:
        assert text[item.evidence.start : item.evidence.end] == item.text


def test_a_problem_answered_in_its_own_item_gives_a_plan_linked_to_it():
    rep = report("combined_remedies.txt")
    assert [s.kind for s in rep.sections] == ["measures", "shortcomings"]
    assert [s.text for s in rep.shortcomings] == [
        "行政执法人员专业能力不足", "基层调解组织作用发挥不充分", "法治宣传覆盖面不够广"]
    assert [p.text for p in rep.plans] == [
        "组织执法人员参加专题培训，每半年开展一次执法能力考核", "规范村级调解台账，开展调解员业务轮训"]
    # the problem's body stops where its remedy begins
    first = rep.shortcomings[0]
    assert "对此" not in first.body(rep.source.text)
    pairs = {(link.source_ordinal, link.target_ordinal) for link in rep.links
             if link.kind == "addresses" and link.method == "same-item"}
    assert pairs == {(0, 0), (1, 1)}


def test_html_tags_left_in_a_text_file_are_not_part_of_headings_or_items():
    rep = report("html_leftovers.txt")
    assert sections(rep) == [("一、主要工作", "measures"), ("二、存在的问题", "shortcomings"), ("三、下一步打算", "plans")]
    assert [s.text for s in rep.shortcomings] == ["学法形式单一", "执法力量不足"]  # 一是 after <p> opens the list
    assert [p.text for p in rep.plans] == ["丰富学法形式", "充实执法力量"]
    assert all(rep.source.text[s.evidence.start : s.evidence.end] == s.heading for s in rep.sections)


# --- layouts of the held-out set's kinds, each in a small text of its own -----------------------------

def text_report(text: str):
    from kg.read import make_source

    return link_report(extract_report(make_source("layout.txt", text, "utf-8")))


def test_a_title_with_a_kind_word_is_not_a_section_over_bold_unnumbered_chapters():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作情况报告\n\n青檀镇现将有关情况报告如下。\n"
        "**工作开展情况**\n一是健全制度。制定学法制度。\n二是规范执法。办理案件12件。\n"
        "**存在问题**\n一是培训不足，执法人员少。二是宣传单一，形式老旧。\n"
        "**下步打算**\n一是加强培训。二是创新宣传。\n")
    assert sections(rep) == [("工作开展情况", "measures"), ("存在问题", "shortcomings"), ("下步打算", "plans")]
    assert [m.text for m in rep.measures] == ["健全制度", "规范执法"]
    assert (rep.header.township, rep.header.county) == ("青檀镇", "芦沟县")


def test_section_numbers_that_lost_their_comma_keep_a_space():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n现将有关情况报告如下：\n一 主要工作\n（一）健全制度\n制定学法制度。\n"
        "二 存在问题\n（一）培训不足\n执法人员少。\n三 明年计划\n加强培训。组织轮训。\n创新宣传。开展讲座。\n")
    assert sections(rep) == [("一 主要工作", "measures"), ("二 存在问题", "shortcomings"), ("三 明年计划", "plans")]
    assert [p.text for p in rep.plans] == ["加强培训", "创新宣传"]
    # prose that opens with a numeral and a space is no heading
    assert not text_report("芦沟县青檀镇2022年法治建设工作报告\n一 年来，我镇依法行政。\n").sections


def test_plans_written_as_yi_yao_er_yao():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n"
        "二、存在问题\n（一）培训不足。\n三、下一步打算\n一要加强培训，组织轮训；二要创新宣传，开展讲座；三要统一要求。\n")
    assert [p.text for p in rep.plans] == ["加强培训，组织轮训", "创新宣传，开展讲座", "统一要求"]


def test_bracketed_chapter_titles_over_di_yi_items():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n\n现将有关情况报告如下：\n【主要工作】\n第一，健全制度。制定学法制度。\n"
        "第二，规范执法。办理案件12件。\n【存在问题】\n第一，培训不足。\n【下步打算】\n第一，加强培训。\n第二，创新宣传。\n")
    assert sections(rep) == [("【主要工作】", "measures"), ("【存在问题】", "shortcomings"), ("【下步打算】", "plans")]
    assert [m.text for m in rep.measures] == ["健全制度", "规范执法"]
    assert [p.text for p in rep.plans] == ["加强培训", "创新宣传"]


def test_problems_with_a_causes_sub_part_give_every_problem_and_cause():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n（二）规范执法。办理案件12件。\n"
        "二、存在的不足及原因\n（一）存在的不足\n1）培训不足。\n2）宣传单一。\n（二）原因剖析\n1）经费紧张。\n"
        "三、下一步打算\n（一）加强培训。\n（二）创新宣传。\n")
    assert [s.text for s in rep.shortcomings] == ["培训不足", "宣传单一", "经费紧张"]
    # a measures section keeps its （一） level even when its items name kinds
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、工作开展情况\n（一）主要工作\n1.健全制度。\n（二）工作成效\n1.办理案件12件。\n"
        "二、存在问题\n（一）培训不足。\n")
    assert [m.text for m in rep.measures] == ["主要工作", "工作成效"]


def test_work_done_numbered_straight_under_the_preamble_is_a_section_without_heading():
    rep = text_report(
        "芦沟区青檀街道2022年法治建设工作总结\n青檀街道主要做了以下工作：\n一、健全制度。制定学法制度。\n"
        "二、规范执法。办理案件12件。\n存在问题\n1.培训不足。\n2.宣传单一。\n下步打算\n1.加强培训。\n")
    assert sections(rep) == [("", "measures"), ("存在问题", "shortcomings"), ("下步打算", "plans")]
    assert [m.text for m in rep.measures] == ["健全制度", "规范执法"]
    assert [s.text for s in rep.shortcomings] == ["培训不足", "宣传单一"]
    # the later sections may be numbered in a family of their own
    rep = text_report(
        "芦沟区青檀街道2022年法治建设工作总结\n青檀街道主要做了以下工作：\n（一）健全制度。制定学法制度。\n"
        "（二）规范执法。办理案件12件。\n第一部分 存在问题\n1.培训不足。\n第二部分 下步打算\n1.加强培训。\n")
    assert sections(rep) == [("", "measures"), ("第一部分 存在问题", "shortcomings"), ("第二部分 下步打算", "plans")]
    assert [m.text for m in rep.measures] == ["健全制度", "规范执法"]
    assert [p.text for p in rep.plans] == ["加强培训"]
    # section headings standing alone are no items, even when sub-parts below them name kinds
    rep = text_report(
        "芦沟区青檀街道2022年法治建设工作总结\n一、主要工作\n● 健全制度。制定学法制度。\n二、存在问题和下步打算\n"
        "（一）存在问题\n1.培训不足。\n（二）下步打算\n1.加强培训。\n")
    assert sections(rep) == [("一、主要工作", "measures"), ("二、存在问题和下步打算", "shortcomings")]
    assert [p.text for p in rep.plans] == ["加强培训"]
    # numbered sections with items of their own stay sections
    rep = text_report(
        "芦沟区青檀街道2022年法治建设工作总结\n一、主要工作\n（一）健全制度。制定学法制度。\n（二）规范执法。\n"
        "二、存在问题\n（一）培训不足。\n")
    assert sections(rep) == [("一、主要工作", "measures"), ("二、存在问题", "shortcomings")]


def test_items_counted_first_next_last_and_headings_before_a_colon():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n1.制度建设：制定学法制度，全年学法6次。\n"
        "2.规范执法：办理案件12件。\n二、存在问题\n首先，培训不足，执法人员少。其次，宣传单一。最后，经费紧张。\n"
        "三、下步打算\n首先，加强培训。然后做好宣传。最后，争取经费。\n")
    assert [m.text for m in rep.measures] == ["制度建设", "规范执法"]
    assert [s.text for s in rep.shortcomings] == ["培训不足，执法人员少", "宣传单一", "经费紧张"]
    # 最后 closes a run that began with 首先; 然后 without a comma is prose
    assert [p.text for p in rep.plans] == ["加强培训", "争取经费"]


def test_a_combined_section_whose_halves_open_with_a_lead_in():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在问题及下步打算\n"
        "存在的主要问题：一是培训不足；二是宣传单一。\n下一步工作打算：\n1.加强培训。\n2.创新宣传。\n")
    assert [s.text for s in rep.shortcomings] == ["培训不足", "宣传单一"]
    assert [p.text for p in rep.plans] == ["加强培训", "创新宣传"]


def test_page_tools_after_a_copied_page_close_the_last_section():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在问题\n（一）培训不足。\n"
        "三、明年打算\n加强培训。组织轮训。\n创新宣传。开展讲座。\n\n【打印本页】【关闭窗口】\n扫一扫在手机打开当前页\n")
    assert [p.text for p in rep.plans] == ["加强培训", "创新宣传"]
    assert "打印" not in rep.source.text[rep.sections[-1].start : rep.sections[-1].end]


def test_bare_chapter_titles_when_a_later_chapter_has_numbered_sub_parts():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n青檀镇现将有关情况报告如下。\n**工作开展情况**\n一是健全制度。制定学法制度。\n"
        "二是规范执法。办理案件12件。\n**存在问题和打算**\n（一）存在的问题\n1.培训不足。\n（二）下步打算\n1.加强培训。\n")
    assert sections(rep) == [("工作开展情况", "measures"), ("存在问题和打算", "shortcomings")]
    assert [m.text for m in rep.measures] == ["健全制度", "规范执法"]
    assert [s.text for s in rep.shortcomings] == ["培训不足"]
    assert [p.text for p in rep.plans] == ["加强培训"]


def test_bulleted_items_and_no_repeated_number_warning_for_unnumbered_families():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n● 健全制度。制定学法制度。\n◆ 规范执法。办理案件12件。\n"
        "二、存在问题\n■ 培训不足，执法人员少。\n■ 宣传单一。\n三、下步打算\n■ 加强培训。\n")
    assert [m.text for m in rep.measures] == ["健全制度", "规范执法"]
    assert [s.text for s in rep.shortcomings] == ["培训不足，执法人员少", "宣传单一"]
    assert [p.text for p in rep.plans] == ["加强培训"]
    assert rep.warnings == ()
    assert report("named_parts.txt").warnings == ()  # 【】 items carry no number to repeat


def test_a_section_number_alone_on_its_line_takes_the_heading_below_it():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n现将有关情况报告如下：\n一、\n主要工作\n（一）健全制度。制定学法制度。\n"
        "二、\n存在问题\n（一）培训不足。\n三、\n明年计划\n（一）加强培训。\n")
    assert sections(rep) == [("一、\n主要工作", "measures"), ("二、\n存在问题", "shortcomings"), ("三、\n明年计划", "plans")]
    assert [p.text for p in rep.plans] == ["加强培训"]


def test_items_labelled_with_a_word_and_a_numeral():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在的问题\n"
        "问题一：培训不足，执法人员少。\n问题二：宣传单一。\n三、整改措施\n措施一：加强培训。\n措施二：创新宣传。\n")
    assert [s.text for s in rep.shortcomings] == ["培训不足，执法人员少", "宣传单一"]
    assert [p.text for p in rep.plans] == ["加强培训", "创新宣传"]


def test_bulleted_section_lines_over_numbered_items():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n青檀镇现将有关情况报告如下。\n◆ 主要工作\n1. 健全制度。制定学法制度。\n"
        "2. 规范执法。办理案件12件。\n◆ 存在问题\n1. 培训不足。\n◆ 下步打算\n1. 加强培训。\n")
    assert sections(rep) == [("◆ 主要工作", "measures"), ("◆ 存在问题", "shortcomings"), ("◆ 下步打算", "plans")]
    assert [m.text for m in rep.measures] == ["健全制度", "规范执法"]
    assert [p.text for p in rep.plans] == ["加强培训"]


def test_problems_as_sentences_enumerated_by_another_and_besides_after_a_lead_sentence():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在的问题\n"
        "我镇法治建设虽有进展，但仍存在一些不足。调解员年龄偏大。调解能力不强。此外，普法阵地闲置。同时，台账不全，"
        "资料缺失。\n三、下步打算\n加强培训。另外，盘活阵地。\n")
    # the lead sentence is no problem; a sentence without a connective stays with the problem before it
    assert [s.text for s in rep.shortcomings] == ["调解员年龄偏大", "普法阵地闲置", "台账不全，资料缺失"]
    assert [p.text for p in rep.plans] == ["加强培训", "盘活阵地"]
    one = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在的问题\n"
        "调解员年龄偏大，同时调解能力不强。\n")
    assert [s.text for s in one.shortcomings] == ["调解员年龄偏大，同时调解能力不强"]


def test_a_problems_and_remedies_table_read_as_tab_separated_rows():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在问题及整改措施\n"
        "问题\t整改措施\n调解员年龄偏大，能力不强\t选聘年轻调解员，开展轮训\n普法阵地闲置\t盘活阵地，每月开放\n"
        "三、明年安排\n（一）完善制度。\n")
    assert [s.text for s in rep.shortcomings] == ["调解员年龄偏大，能力不强", "普法阵地闲置"]
    assert [p.text for p in rep.plans] == ["选聘年轻调解员，开展轮训", "盘活阵地，每月开放", "完善制度"]
    # each row's remedy answers the problem in the same row
    assert [p.answers for p in rep.plans[:2]] == [0, 1]
    text = rep.source.text
    assert all(text[i.evidence.start : i.evidence.end] == i.text for i in rep.shortcomings + rep.plans)


def test_an_appendix_of_figures_after_the_signature_closes_the_last_section():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在的问题\n"
        "（一）培训不足。\n三、下步打算\n（一）加强培训。\n（二）创新宣传。\n\n青檀镇人民政府\n2023年1月5日\n\n"
        "附件：2022年主要指标\n指标\t完成情况\n行政复议案件\t0件\n法律顾问覆盖率\t100%\n")
    assert [p.text for p in rep.plans] == ["加强培训", "创新宣传"]
    last = rep.sections[-1]
    assert rep.source.text[last.start : last.end].endswith("（二）创新宣传。")
    # the appendix's figures are facts of the report, no longer hidden in the plans
    assert {(m.indicator, m.value, m.unit) for m in rep.metrics} >= {("行政复议案件", 0, "件"), ("法律顾问覆盖率", 100, "%")}


def test_a_remedy_labelled_after_its_problem_in_the_same_item():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在的问题\n"
        "（一）调解台账不全。个别村缺少记录。改进措施：统一台账格式，每季度检查。\n（二）阵地闲置。\n")
    assert [s.text for s in rep.shortcomings] == ["调解台账不全", "阵地闲置"]
    assert [(p.text, p.answers) for p in rep.plans] == [("统一台账格式，每季度检查", 0)]


def test_problems_numbered_1_2_3_inside_one_paragraph_after_a_lead_in():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在的问题\n"
        "主要表现在：1.调解员年龄偏大，能力不强；2.阵地闲置；(3)台账不全。\n三、下步打算\n"
        "打算如下：①加强培训；②盘活阵地。\n")
    assert [s.text for s in rep.shortcomings] == ["调解员年龄偏大，能力不强", "阵地闲置", "台账不全"]
    assert [p.text for p in rep.plans] == ["加强培训", "盘活阵地"]
    # a number inside a clause, or a lone 1., enumerates nothing
    one = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在的问题\n"
        "经费只有2.5万元，人员仅1.3名兼职。\n")
    assert [s.text for s in one.shortcomings] == ["经费只有2.5万元，人员仅1.3名兼职"]


def test_problems_under_aspect_titles_and_sections_named_by_duty_and_outlook():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n"
        "二、主要负责人履职情况\n一是带头学法；二是带头决策。\n三、存在的问题\n（一）外部因素\n1.经费不足。\n2.人员分散。\n"
        "（二）自身原因\n1.认识不到位。\n四、工作展望\n1.争取经费。\n2.加强教育。\n")
    assert sections(rep) == [("一、主要工作", "measures"), ("二、主要负责人履职情况", "duty"),
                             ("三、存在的问题", "shortcomings"), ("四、工作展望", "plans")]
    # the aspect titles are no problems; the numbered lines under them are
    assert [s.text for s in rep.shortcomings] == ["经费不足", "人员分散", "认识不到位"]
    assert [p.text for p in rep.plans] == ["争取经费", "加强教育"]


def test_unnumbered_heading_lines_each_over_the_paragraph_they_head():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在的问题\n"
        "调解队伍力量薄弱\n司法所仅有1名工作人员，调解员多为兼职。\n普法阵地利用不足\n部分阵地常年闲置。\n"
        "三、下步打算\n加强调解队伍建设。\n盘活普法阵地。\n")
    assert [s.text for s in rep.shortcomings] == ["调解队伍力量薄弱", "普法阵地利用不足"]
    assert [p.text for p in rep.plans] == ["加强调解队伍建设", "盘活普法阵地"]


def test_a_table_of_contents_before_the_body_is_not_its_sections():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n目录\n一、主要工作……………1\n二、存在的问题……………3\n三、下步打算……………4\n"
        "一、主要工作\n（一）健全制度。制定学法制度。\n（二）规范执法。办理案件12件。\n二、存在的问题\n（一）培训不足。\n"
        "三、下步打算\n（一）加强培训。\n")
    assert sections(rep) == [("一、主要工作", "measures"), ("二、存在的问题", "shortcomings"), ("三、下步打算", "plans")]
    assert [m.text for m in rep.measures] == ["健全制度", "规范执法"]
    assert [p.text for p in rep.plans] == ["加强培训"]


def test_a_contents_line_closed_by_dot_leaders_and_a_page_number_heads_no_section_when_the_body_stops_before_it():
    # An opening of a longer file: the body breaks off in the problems, so the contents' plans line is repeated nowhere.
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n目  录\n一、工作开展情况·········2\n二、短板和不足·········3\n"
        "三、二〇二三年工作思路·········6\n一、工作开展情况\n（一）健全制度。制定学法制度。\n（二）规范执法。办理案件12件。\n"
        "二、短板和不足\n（一）培训不足。\n")
    assert sections(rep) == [("一、工作开展情况", "measures"), ("二、短板和不足", "shortcomings")]
    # Unnumbered headings from the vocabulary, listed with leaders and pages before them, likewise.
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n存在的问题……………3\n下步打算……………4\n存在的问题\n培训不足，执法人员仅有2名。\n")
    assert [heading for heading, _ in sections(rep)] == ["存在的问题"]


def test_plans_listed_after_a_lead_in_and_separated_by_semicolons():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在的问题\n（一）培训不足。\n"
        "三、下步打算\n下一步，我镇将重点做好以下工作：加强执法培训，提升能力；盘活普法阵地；完善调解台账。\n")
    assert [p.text for p in rep.plans] == ["加强执法培训，提升能力", "盘活普法阵地", "完善调解台账"]
    # a short heading before a colon is the item's heading, not a lead-in to a list
    one = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在的问题\n（一）培训不足。\n"
        "三、下步打算\n提升群众法治意识：开展送法活动；建好普法阵地。\n")
    assert [p.text for p in one.plans] == ["提升群众法治意识"]


def test_problems_labelled_with_arabic_numbers_and_remedies_under_a_rectification_heading():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、问题清单\n"
        "问题1：培训不足，执法人员少。\n问题2：宣传单一。\n三、整改方向\n1. 加强培训。\n2. 创新宣传。\n")
    assert sections(rep) == [("一、主要工作", "measures"), ("二、问题清单", "shortcomings"), ("三、整改方向", "plans")]
    assert [s.text for s in rep.shortcomings] == ["培训不足，执法人员少", "宣传单一"]
    assert [p.text for p in rep.plans] == ["加强培训", "创新宣传"]


def test_plans_as_sentences_each_opening_with_must():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在问题\n（一）培训不足。\n"
        "三、明年打算\n要加强执法培训，提升能力。要盘活普法阵地。要求各村建立台账。\n")
    # 要求 opens no plan: it is a demand inside the plan before it
    assert [p.text for p in rep.plans] == ["加强执法培训，提升能力", "盘活普法阵地"]


def test_one_family_numbering_sections_and_their_items_told_apart_by_nesting():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n现将有关情况报告如下。\n一、主要工作\n一、健全制度。制定学法制度。\n"
        "二、规范执法。办理案件12件。\n二、存在问题\n经自查，存在以下问题：\n一、培训不足。\n二、宣传单一。\n"
        "三、下步打算\n一、加强培训。\n二、创新宣传。\n四、其他事项\n本年度未发生行政机关负责人不出庭应诉的情况。\n")
    assert sections(rep) == [("一、主要工作", "measures"), ("二、存在问题", "shortcomings"), ("三、下步打算", "plans"),
                             ("四、其他事项", "other")]
    assert [m.text for m in rep.measures] == ["健全制度", "规范执法"]
    assert [s.text for s in rep.shortcomings] == ["培训不足", "宣传单一"]
    assert [p.text for p in rep.plans] == ["加强培训", "创新宣传"]


def test_items_as_articles_labels_apart_by_spaces_and_wingdings_bullets():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n第一条  健全制度。制定学法制度。\n第二条规范执法。办理案件12件。\n"
        "二、存在问题\n问题1  培训不足，执法人员少。\n问题2  宣传单一。\n三、下步打算\nØ 加强培训。\n➢ 创新宣传。\n")
    # the marker is no part of an item's text, whichever way the lines are numbered
    assert [m.text for m in rep.measures] == ["健全制度", "规范执法"]
    assert [s.text for s in rep.shortcomings] == ["培训不足，执法人员少", "宣传单一"]
    assert [p.text for p in rep.plans] == ["加强培训", "创新宣传"]


def test_a_section_under_a_slogan_opening_on_next_year_holds_plans():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、固本培元\n（一）健全制度。制定学法制度。\n二、查漏补缺\n"
        "（一）培训不足。\n三、行稳致远\n2023年，我镇将做好以下工作：\n（一）分批培训执法人员。\n（二）利用新媒体宣传。\n")
    assert sections(rep)[2] == ("三、行稳致远", "plans")
    assert [p.text for p in rep.plans] == ["分批培训执法人员", "利用新媒体宣传"]
    assert [m.text for m in rep.measures] == ["健全制度"]


def test_problems_and_plans_closing_each_topic_of_the_work_done():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、依法决策\n（一）健全制度。制定学法制度。\n（二）聘请顾问。顾问审查合同8件。\n"
        "存在问题：村级决策程序不全。\n下步打算：将村级事项纳入审查。\n二、普法宣传\n（一）送法上门。开展宣传5场。\n"
        "存在问题：宣传形式单一。\n下步打算：运用新媒体普法。\n")
    assert [s.kind for s in rep.sections] == ["measures", "measures"]
    assert [m.text for m in rep.measures] == ["健全制度", "聘请顾问", "送法上门"]
    assert [s.text for s in rep.shortcomings] == ["村级决策程序不全", "宣传形式单一"]
    assert [p.text for p in rep.plans] == ["将村级事项纳入审查", "运用新媒体普法"]


def test_problems_listed_at_the_end_of_the_last_measure():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n1.健全制度。制定学法制度。\n"
        "2.化解纠纷。调解纠纷20件。工作中也存在一些不足：一是培训偏少；二是宣传单一。\n二、2023年目标\n1.培训覆盖率达到100%。\n")
    assert [m.text for m in rep.measures] == ["健全制度", "化解纠纷"]
    assert [s.text for s in rep.shortcomings] == ["培训偏少", "宣传单一"]
    assert [p.text for p in rep.plans] == ["培训覆盖率达到100%"]


def test_problems_and_plans_closing_the_work_done_behind_long_lead_sentences():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要做法\n1.抓学法。学法10次。\n2.抓调解。调解纠纷20件。\n"
        "在肯定成绩的同时，我们也认识到工作中存在的不足：一是培训偏少；二是宣传单一。"
        "下一步，我镇将重点做好以下工作：一是分批培训干部；二是运用新媒体宣传。\n")
    assert [m.text for m in rep.measures] == ["抓学法", "抓调解"]
    assert [s.text for s in rep.shortcomings] == ["培训偏少", "宣传单一"]
    assert [p.text for p in rep.plans] == ["分批培训干部", "运用新媒体宣传"]


def test_a_lead_sentence_naming_problems_it_answers_opens_no_problems():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要做法\n1.抓执法。针对执法中存在的问题，我镇采取以下措施：一是集中培训；"
        "二是案卷评查。\n2.抓调解。调解纠纷20件。\n二、存在问题\n1.培训偏少。\n")
    assert [m.text for m in rep.measures] == ["抓执法", "抓调解"]
    assert [s.text for s in rep.shortcomings] == ["培训偏少"]


def test_a_combined_section_told_topic_by_topic_with_problem_and_plan_labels():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。制定学法制度。\n二、存在问题及下步打算\n"
        "（一）行政执法方面\n问题：执法文书不规范。\n打算：开展文书评查。\n（二）普法宣传方面\n问题：宣传形式单一。\n"
        "打算：运用新媒体普法。\n")
    assert [s.text for s in rep.shortcomings] == ["执法文书不规范", "宣传形式单一"]
    assert [p.text for p in rep.plans] == ["开展文书评查", "运用新媒体普法"]


def test_work_done_as_a_table_of_tasks_gives_a_measure_per_row():
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、重点任务完成情况\n序号\t工作任务\t完成情况\n1\t落实学法制度\t学法8次\n"
        "2\t推进执法公示\t公示信息43条\n二、存在的不足\n一是宣传阵地利用率不高。\n")
    assert [m.text for m in rep.measures] == ["落实学法制度", "推进执法公示"]
    assert [s.text for s in rep.shortcomings] == ["宣传阵地利用率不高"]


def test_a_topics_own_problem_is_answered_by_the_plan_told_right_after_it():
    # words shared by neither pair: only the order of the text ties each plan to its problem
    rep = text_report(
        "芦沟县青檀镇2022年法治建设工作报告\n一、依法决策\n（一）健全制度。制定学法制度。\n"
        "存在问题：村级决策程序不全。\n下步打算：由顾问逐项把关。\n二、普法宣传\n（一）送法上门。开展宣传5场。\n"
        "存在问题：年轻人参与少。\n下步打算：拍摄短视频。\n三、存在问题及下步打算\n（一）执法方面\n问题：文书不规范。\n"
        "打算：开展案卷评查。\n")
    pairs = {(link.target_ordinal, link.source_ordinal) for link in rep.links
             if link.kind == "addresses" and link.source_kind == "plan"}
    assert {(0, 0), (1, 1), (2, 2)} <= pairs


def test_sections_numbered_with_a_bar_between_numeral_and_heading():
    # ｜ (full width), | and 丨 stand where 、 would: the same family, one level.
    rep = report("bar_numbered.txt")
    assert sections(rep) == [("一｜主要成效", "measures"), ("二 | 存在不足", "shortcomings"), ("三丨下步打算", "plans")]
    assert [m.text for m in rep.measures] == ["履行推进法治建设第一责任人职责", "规范行政执法程序", "推进纠纷多元化解"]
    assert [s.text for s in rep.shortcomings] == ["村级法律顾问作用发挥不充分", "执法人员专业力量不足"]
    assert len(rep.plans) == 2
