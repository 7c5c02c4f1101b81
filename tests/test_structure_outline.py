"""The structure parser: header facts, top-level sections and their kinds, on real reports and on texts of our own."""

from __future__ import annotations

import pytest

from kg import model
from kg.structure import outline as structure
from kg.errors import KgError, StructureError
from kg.read import make_source


def outline_of(text: str, path: str = "report.txt"):
    return structure.parse(make_source(path, text, "utf-8"))


def corpus_outline(corpus_texts, name: str):
    return structure.parse(make_source(name, corpus_texts[name], "utf-8"))


# --- real reports -----------------------------------------------------------------------------

@pytest.mark.shared
def test_multi_line_header_gives_issuers_doc_number_addressee_and_year_of_work(corpus_texts):
    header = corpus_outline(corpus_texts, "001_e2fabbbe98248fdd.txt").header
    assert header.township == "双龙镇"
    assert header.county == "丰都县"
    assert header.doc_number == "双龙委文〔2024〕9号"
    assert header.year == 2023  # issued in 2024, covers 2023
    assert header.addressee == "县委、县政府："
    assert header.issuer == "中共丰都县双龙镇委员会、丰都县双龙镇人民政府"
    assert header.title == "关于双龙镇2023年法治政府建设情况的报告"


@pytest.mark.shared
def test_county_named_only_in_the_body_by_its_party_committee(corpus_texts):
    header = corpus_outline(corpus_texts, "003_81054de046c7a460.txt").header
    assert (header.township, header.county, header.year) == ("新店坪镇", "芷江县", 2023)


@pytest.mark.shared
def test_unnamed_county_committee_is_not_a_county(corpus_texts):
    header = corpus_outline(corpus_texts, "002_e2d6a5de3bd1e331.txt").header
    assert (header.township, header.county, header.doc_number) == ("平岗镇", None, None)


@pytest.mark.shared
def test_street_office_title_gives_street_and_district(corpus_texts):
    header = corpus_outline(corpus_texts, "wanglan_2023.txt").header
    assert (header.township, header.county, header.year) == ("望澜街道", "鹭浦区", 2023)
    assert header.issuer == "鹭浦区望澜街道办事处"


@pytest.mark.shared
def test_duty_section_is_recognised_wherever_it_stands(corpus_texts):
    sections = corpus_outline(corpus_texts, "004_aacd17f2585f8bc5.txt").sections
    assert [s.kind for s in sections] == ["measures", "shortcomings", "duty", "plans"]
    assert sections[2].heading == "三、2023年度党政主要负责人履行推进法治建设第一责任人职责的情况"


@pytest.mark.shared
def test_every_corpus_report_has_itemized_sections_with_exact_heading_spans(shared):
    import json

    for path in sorted((shared / "corpus").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gold = json.loads((shared / "gold" / path.parent.name / f"{path.stem}.json").read_text("utf-8"))
        outline = structure.parse(make_source(path.name, text, "utf-8"))
        kinds = [s.kind for s in outline.sections]
        assert outline.sections, path.name
        if gold["complete"]:  # a page opening cut at 2,000 bytes may stop before its problems and plans
            assert outline.header.township and outline.header.year, path.name
            assert "shortcomings" in kinds and "plans" in kinds, path.name
        for section in outline.sections:
            assert text[section.evidence.start : section.evidence.end] == section.heading
            assert section.parse not in (model.PARSE_FAILED, model.PARSE_EMPTY), (path.name, section.heading)


@pytest.mark.shared
def test_signature_and_date_are_not_part_of_the_last_section(corpus_texts):
    text = corpus_texts["weichuan_2022.txt"]
    last = corpus_outline(corpus_texts, "weichuan_2022.txt").sections[-1]
    assert "特此报告" not in text[last.start : last.end]
    assert text[last.start : last.end].rstrip().endswith("推动示范创建提质扩面。")


@pytest.mark.shared
def test_irregular_numbering_is_kept_and_reported(corpus_texts):
    outline = corpus_outline(corpus_texts, "002_e2d6a5de3bd1e331.txt")
    markers = [node.marker for node in outline.items("measure")]
    assert markers == ["（一）", "（二）", "（3）", "（四）", "（四）", "（五）"]
    assert any("repeated" in warning for warning in outline.warnings)


# --- texts of our own -------------------------------------------------------------------------

PARTS = """青山县白水镇2024年法治政府建设工作总结
第一部分 主要工作
１、健全学法制度。全年集中学法１２次。
２、规范行政执法。执法人员均持证上岗。
第二部分 存在的问题及下一步打算
（一）存在的问题
一是干部法治意识不强；二是执法力量不足。
（二）下一步打算
1.加强学法。每月学法一次。
2.充实执法力量。
白水镇人民政府
2025年1月8日
"""


def test_parts_full_width_numbers_and_a_combined_problems_and_plans_section():
    outline = outline_of(PARTS)
    assert [(s.heading, s.kind) for s in outline.sections] == [
        ("第一部分 主要工作", "measures"),
        ("第二部分 存在的问题及下一步打算", "shortcomings"),
    ]
    assert [n.heading for n in outline.items("measure")] == ["健全学法制度", "规范行政执法"]
    assert [n.heading for n in outline.items("shortcoming")] == ["干部法治意识不强", "执法力量不足"]
    assert [n.heading for n in outline.items("plan")] == ["加强学法", "充实执法力量"]
    assert outline.header.issuer == "白水镇人民政府"
    assert outline.header.year == 2024


def test_empty_plans_section_is_empty_and_a_garbled_body_is_a_failure():
    outline = outline_of("白水镇关于2023年法治政府建设情况的报告\n一、工作开展情况\n（一）开展普法宣传。全年十次。\n"
                         "二、存在的问题\n@@@ ###\n三、下一步计划\n")
    assert [s.parse for s in outline.sections] == [model.PARSE_NUMBERED, model.PARSE_FAILED, model.PARSE_EMPTY]
    assert outline.items("plan") == ()
    assert any("二、存在的问题" in warning for warning in outline.warnings)


def test_unnumbered_headings_from_the_section_vocabulary():
    outline = outline_of("红石乡法治建设工作总结\n工作开展情况\n今年开展法治讲座三场；调解纠纷二十件。\n"
                         "存在问题\n部分村干部学法不够主动。\n下一步打算\n加强村干部培训，提高依法办事能力。\n")
    assert [s.kind for s in outline.sections] == ["measures", "shortcomings", "plans"]
    assert all(s.parse == model.PARSE_PARAGRAPH for s in outline.sections)
    assert [n.heading for n in outline.items("plan")] == ["加强村干部培训，提高依法办事能力"]


def test_text_without_report_structure_raises_a_structure_error_naming_the_file():
    with pytest.raises(StructureError) as caught:
        outline_of("今天天气很好。\n我们去公园散步，看见很多人。\n", path="notes.txt")
    assert isinstance(caught.value, KgError)
    assert str(caught.value).startswith("notes.txt: no report structure")


def test_year_falls_back_to_the_document_number_and_chinese_numeral_years_are_read():
    no_year = outline_of("中共东河镇委员会\n关于东河镇法治政府建设情况的报告\n东委发〔2021〕3号\n"
                         "一、主要举措和成效\n（一）加强领导。成立领导小组。\n")
    assert (no_year.header.year, no_year.header.doc_number) == (2020, "东委发〔2021〕3号")
    numeral = outline_of("东河镇二〇二二年法治建设工作总结\n一、工作开展情况\n1、加强领导。成立领导小组。\n")
    assert numeral.header.year == 2022


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("一、2023年度推进法治政府建设的主要举措和成效", "measures"),
        ("二、组织有保障、工作有实效", "measures"),
        ("三、党政主要负责人履行推进法治建设第一责任人职责情况", "duty"),
        ("二、班子成员履行法治建设职责情况", "duty"),
        ("四、存在的不足和原因", "shortcomings"),
        ("五、存在的短板", "shortcomings"),
        ("六、下步打算", "plans"),
        ("七、2024年推进法治政府建设的工作思路、目标举措", "plans"),
        ("八、其他需要报告的事项", "other"),
    ],
)
def test_section_kind_from_heading_vocabulary(heading, kind):
    assert structure.classify(heading, 2023) == kind


def test_a_heading_naming_next_year_is_a_plan():
    assert structure.classify("五、2025年重点工作", 2024) == "plans"
    assert structure.classify("一、2024年重点工作", 2024) == "measures"


def test_the_sub_parts_of_a_combined_section_split_their_paragraphs_as_sections_do():
    # Problems joined by 另外 after a lead sentence and plans written 要…。要…。, each in one paragraph under its sub-part.
    outline = outline_of("青岚镇2023年法治政府建设情况报告\n一、工作开展情况\n（一）开展普法宣传。全年十次。\n（二）规范执法。评查案卷8卷。\n"
                         "二、存在的问题及下一步打算\n（一）存在的问题\n"
                         "我镇仍存在一些不足。村干部依法办事意识不强。另外，执法人员数量不足，难以满足需要。\n"
                         "（二）下一步打算\n要加强村干部法治培训。要争取执法编制，充实执法力量。\n"
                         "青岚镇人民政府\n2024年1月10日\n")
    assert [s.kind for s in outline.sections] == ["measures", "shortcomings"]
    assert [n.heading for n in outline.items("shortcoming")] == ["村干部依法办事意识不强", "执法人员数量不足，难以满足需要"]
    assert [n.heading for n in outline.items("plan")] == ["加强村干部法治培训", "争取执法编制，充实执法力量"]


def test_one_family_restarting_once_right_under_the_first_heading_nests_the_items_under_it():
    # 一、 numbers the sections and the first section's items; only the first section has items.
    outline = outline_of("石门街道2024年法治政府建设情况报告\n2024年，街道法治建设取得新进展。\n一、工作开展情况\n"
                         "一、压实法治责任。全年召开专题会议4次。\n二、推进综合执法。办理案件30件。\n"
                         "二、存在的问题\n部分社区干部法律素养不高。\n三、下一步打算\n开展社区干部法律培训。\n"
                         "石门街道办事处\n2025年1月6日\n")
    assert [(s.heading, s.kind) for s in outline.sections] == [
        ("一、工作开展情况", "measures"), ("二、存在的问题", "shortcomings"), ("三、下一步打算", "plans")]
    assert [n.heading for n in outline.items("measure")] == ["压实法治责任", "推进综合执法"]


def test_a_lone_restart_further_down_leaves_the_family_as_the_sections():
    outline = outline_of("石门街道2024年法治政府建设情况报告\n2024年，街道法治建设取得新进展。\n一、工作开展情况\n"
                         "全年召开专题会议4次。\n二、存在的问题\n部分社区干部法律素养不高。\n三、下一步打算\n"
                         "一、开展社区干部法律培训。\n二、完善执法案卷评查。\n石门街道办事处\n2025年1月6日\n")
    assert [s.heading for s in outline.sections] == ["一、工作开展情况", "二、存在的问题", "三、下一步打算"]


def test_a_body_that_opens_with_a_bare_named_heading_keeps_it_as_the_first_section():
    # No opening prose: the title, then 2023年工作情况 over its items, then a combined section with sub-parts.
    outline = outline_of("云岭乡2023年度法治政府建设工作报告\n\n2023年工作情况\n第一条 抓好干部学法。全年学法4次。\n"
                         "第二条 规范执法。评查案卷8卷。\n存在的问题和下一步打算\n（一）存在的问题\n1.宣传形式单一。\n"
                         "2.执法人员偏少。\n（二）下一步打算\n1.创新宣传方式。\n2.充实执法力量。\n\n云岭乡人民政府\n2024年1月5日\n")
    assert [(s.heading, s.kind) for s in outline.sections] == [
        ("2023年工作情况", "measures"), ("存在的问题和下一步打算", "shortcomings")]
    assert [n.heading for n in outline.items("shortcoming")] == ["宣传形式单一", "执法人员偏少"]
    assert [n.heading for n in outline.items("plan")] == ["创新宣传方式", "充实执法力量"]


def test_numbered_sub_parts_under_a_bare_heading_after_headless_items_are_not_sections():
    # Two levels: work done as （一）（二） under the opening, then one bare heading whose sub-parts are （一）（二） again.
    outline = outline_of("鹭洲街道2023年法治政府建设工作总结\n2023年，鹭洲街道持续推进法治建设，主要做了以下工作：\n"
                         "（一）加强组织领导。全年专题研究法治工作4次。\n（二）强化法律服务。接待法律咨询320人次。\n"
                         "存在的问题和下一步打算\n（一）存在的问题\n1.社区干部法治意识淡薄。\n2.纠纷化解压力较大。\n"
                         "（二）下一步打算\n1.加强社区干部培训。\n2.建立纠纷多元化解机制。\n\n鹭洲街道办事处\n2024年1月12日\n")
    assert [(s.heading, s.kind) for s in outline.sections] == [("", "measures"), ("存在的问题和下一步打算", "shortcomings")]
    assert [n.heading for n in outline.items("measure")] == ["加强组织领导", "强化法律服务"]
    assert [n.heading for n in outline.items("plan")] == ["加强社区干部培训", "建立纠纷多元化解机制"]


def test_item_numbers_are_no_results_when_a_section_is_classified_from_its_body():
    # 下阶段重点 names no kind; its items (1)(2) plan without stating a figure, so the section is plans.
    outline = outline_of("水岸镇2023年法治政府建设情况报告\n2023年，水岸镇依法履职。\n1.主要工作\n（1）开展学法4次。\n"
                         "2.存在的困难和不足\n（1）执法力量不足，有待加强。\n（2）宣传不够深入，有待改进。\n3.下阶段重点\n"
                         "（1）进一步健全合法性审查机制，推动审查全覆盖。\n（2）进一步加强执法队伍建设，提升执法能力。\n"
                         "水岸镇人民政府\n2024年1月6日\n")
    assert [s.kind for s in outline.sections] == ["measures", "shortcomings", "plans"]


def test_a_table_of_contents_in_plain_text_before_bold_body_headings_is_no_section():
    outline = outline_of("溪山乡2023年法治政府建设工作报告\n目  录\n一、基本情况\n二、主要工作\n三、存在的问题\n\n"
                         "**一、基本情况**\n溪山乡总面积80平方公里，辖9个行政村，总人口2.1万人。\n**二、主要工作**\n"
                         "（一）落实学法制度。专题学法4次。\n**三、存在的问题**\n（一）村干部法治意识淡薄。\n"
                         "溪山乡人民政府\n2024年1月8日\n")
    assert [(s.heading, s.kind) for s in outline.sections] == [
        ("一、基本情况", "other"), ("二、主要工作", "measures"), ("三、存在的问题", "shortcomings")]


def test_plans_written_as_indented_sentences_each_opening_with_yao():
    outline = outline_of("云栖乡2023年法治政府建设情况报告\n　　2023年，云栖乡依法履职。\n一、主要工作\n　　（一）开展学法。全年4次。\n"
                         "二、下一步打算\n　　要创新普法宣传方式。要完善法律顾问考核办法。要充实执法力量。\n")
    assert [n.heading for n in outline.items("plan")] == ["创新普法宣传方式", "完善法律顾问考核办法", "充实执法力量"]


def test_a_sub_part_holding_a_problems_and_remedies_table_gives_both_kinds_paired_by_row():
    outline = outline_of("白岩乡2023年法治政府建设情况报告\n2023年，白岩乡依法履职。\n一、主要工作\n（一）开展学法。全年4次。\n"
                         "二、存在的问题和下一步打算\n（一）存在的问题\n问题\t整改措施\n执法人员偏少\t争取执法编制，充实执法力量\n"
                         "宣传形式单一\t开展以案释法进村活动\n（二）下一步打算\n1.完善法律顾问考核办法。\n"
                         "白岩乡人民政府\n2024年1月6日\n")
    assert [n.heading for n in outline.items("shortcoming")] == ["执法人员偏少", "宣传形式单一"]
    assert [n.heading for n in outline.items("plan")] == ["争取执法编制，充实执法力量", "开展以案释法进村活动", "完善法律顾问考核办法"]
    starts = {n.heading: n.start for n in outline.items("shortcoming") + outline.items("plan")}
    assert set(outline.pairs) == {(starts["执法人员偏少"], starts["争取执法编制，充实执法力量"]),
                                  (starts["宣传形式单一"], starts["开展以案释法进村活动"])}


def test_a_profile_that_gives_altitude_and_residents_is_no_work_done():
    outline = outline_of("岭上乡2023年法治政府建设情况报告\n2023年，岭上乡依法履职。\n一、基本情况\n"
                         "全乡平均海拔2100米，常住人口约8000人，耕地面积1.2万亩。\n二、主要工作\n（一）开展学法。全年4次。\n")
    assert [(s.heading, s.kind) for s in outline.sections] == [("一、基本情况", "other"), ("二、主要工作", "measures")]


def test_a_lone_item_numbered_with_a_closing_bracket_only_is_an_item():
    # 一) as 1) is: the only item before a page's cut, over paragraphs that open with a lead sentence
    text = """峪北乡2025年法治政府建设情况报告

2025年,峪北乡围绕依法行政推进各项工作。现将情况报告如下:

一、主要工作和成效

一)把合法性审查做在前头

建立审查台账。乡司法所对重大事项逐件登记,全年审查合同19份。

请顾问列席会议。法律顾问列席乡党委会议8次,提出意见13条。
"""
    outline = outline_of(text)
    assert [(n.marker, n.heading) for n in outline.items("measure")] == [("一)", "把合法性审查做在前头")]


def test_a_lettered_heading_over_prose_before_lettered_headings_over_items_heads_a_section():
    # Only B. and C. open numbered runs; A. heads a paragraph of its own and is found by its letter.
    outline = outline_of("松坳乡2023年法治政府建设情况报告\n\n2023年，松坳乡依法推进各项工作。现报告如下。\n\n"
                         "A. 乡里概况\n松坳乡地处山区，总面积90平方公里，辖8个行政村。\n\n"
                         "B. 做了什么\n(1) 规范行政执法。全年办理案件12件。\n(2) 开展普法宣传。举办讲座6场。\n\n"
                         "C. 还差什么\n(1) 调解员人手偏少。\n(2) 宣传方式单一。\n\n松坳乡人民政府\n2024年1月9日\n")
    assert [s.heading for s in outline.sections] == ["A. 乡里概况", "B. 做了什么", "C. 还差什么"]
    assert [n.heading for n in outline.items("measure")] == ["规范行政执法", "开展普法宣传"]


def test_a_report_in_question_and_answer_form_is_headed_by_its_whole_questions():
    outline = outline_of("柳塘镇2024年法治政府建设情况报告\n\n2024年，柳塘镇推进法治政府建设，现以问答形式报告。\n\n"
                         "问1：这一年办成了哪些实事？\n答：办成了以下几件。\n1.建起镇村两级调解室。共调解纠纷40件。\n"
                         "2.开展送法进校园。覆盖学生900人。\n"
                         "问2：工作中还有哪些短处？\n答：有两点。\n1.调解室设施简陋。\n2.法律顾问到村次数偏少。\n\n"
                         "柳塘镇人民政府\n2025年1月6日\n")
    assert [(s.heading, s.kind) for s in outline.sections] == [
        ("问1：这一年办成了哪些实事？", "measures"), ("问2：工作中还有哪些短处？", "shortcomings")]
    assert [n.heading for n in outline.items("shortcoming")] == ["调解室设施简陋", "法律顾问到村次数偏少"]


def test_bare_labels_closed_by_a_colon_over_every_run_head_the_sections():
    outline = outline_of("竹溪乡2022年法治政府建设情况报告\n\n2022年，竹溪乡扎实推进依法行政，现报告如下。\n\n"
                         "回看：\n1.规范合同管理。审查合同31份。\n2.推进村务公开。公开事项210条。\n"
                         "自查：\n1.合同履约跟踪不够。\n2.村务公开内容偏简单。\n"
                         "打算：\n1.建立合同履约台账。\n2.细化村务公开目录。\n\n竹溪乡人民政府\n2023年1月4日\n")
    assert [(s.heading, s.kind) for s in outline.sections] == [
        ("回看：", "measures"), ("自查：", "shortcomings"), ("打算：", "plans")]
    assert [n.heading for n in outline.items("measure")] == ["规范合同管理", "推进村务公开"]


def test_a_saying_quoted_after_a_headings_colon_stays_in_the_heading():
    outline = outline_of("桂岭镇2024年法治政府建设情况报告\n\n2024年，桂岭镇推进法治政府建设。现报告如下。\n\n"
                         "一、企业说：“审批快了”\n1、压缩审批时限，平均办结时间缩短到3天。\n2、为企业提供法律体检42次。\n"
                         "二、企业说：“检查还是多”\n1、部分部门检查事项重复，企业迎检负担重。\n2、执法检查计划公开不够。\n"
                         "三、我们说：“再减一减”\n1、推行综合查一次。\n2、公布年度检查计划。\n\n桂岭镇人民政府\n2025年1月8日\n")
    assert [(s.heading, s.kind) for s in outline.sections] == [
        ("一、企业说：“审批快了”", "measures"), ("二、企业说：“检查还是多”", "shortcomings"),
        ("三、我们说：“再减一减”", "plans")]


def test_parts_named_as_blocks_or_units_are_the_sections():
    outline = outline_of("梨花镇2024年法治政府建设情况报告\n\n2024年，梨花镇推进法治政府建设，现报告如下。\n\n"
                         "第一单元：亮成绩\n（一）规范执法。办结案件20件。\n（二）深化普法。宣讲15场。\n"
                         "第二单元：找毛病\n（一）执法记录仪配备不足。\n（二）普法内容偏旧。\n\n梨花镇人民政府\n2025年1月3日\n")
    assert [s.heading for s in outline.sections] == ["第一单元：亮成绩", "第二单元：找毛病"]
    assert [n.heading for n in outline.items("measure")] == ["规范执法", "深化普法"]


def test_a_preface_and_a_closing_named_as_such_frame_the_numbered_sections():
    outline = outline_of("青枫乡2023年法治政府建设情况报告\n\n前言\n法治是乡村善治的基础。现将一年来的工作报告如下。\n\n"
                         "一、主要工作\n（一）修订村规民约8部。\n（二）调处纠纷41件。\n"
                         "二、存在问题\n（一）调解员培训偏少。\n"
                         "三、下一步打算\n（一）每季度培训调解员一次。\n"
                         "结束语\n我们将持之以恒推进法治乡村建设。\n\n青枫乡人民政府\n2024年1月6日\n")
    assert [(s.heading, s.kind) for s in outline.sections] == [
        ("前言", "other"), ("一、主要工作", "measures"), ("二、存在问题", "shortcomings"), ("三、下一步打算", "plans"),
        ("结束语", "other")]
    assert [n.heading for n in outline.items("plan")] == ["每季度培训调解员一次"]


def test_a_duty_told_in_one_paragraph_that_runs_its_numbered_items_on_is_split_into_them():
    outline = outline_of("石坝镇2023年法治政府建设情况报告\n\n2023年，石坝镇推进法治政府建设，现报告如下。\n\n"
                         "一、主要工作\n（一）规范执法。办结案件19件。\n（二）深化普法。宣讲22场。\n"
                         "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记罗成、镇长韦芳认真履职。"
                         "（一）带头尊法学法。主持学法6次。（二）带头依法决策。审定重大事项8项。（三）带头督促整改。督办问题4个。\n"
                         "三、存在的问题\n（一）执法力量不足。\n\n石坝镇人民政府\n2024年1月5日\n")
    assert [n.heading for n in outline.items("measure")] == [
        "规范执法", "深化普法", "带头尊法学法", "带头依法决策", "带头督促整改"]


def test_labels_counted_by_a_number_with_a_short_title_over_every_run_head_the_sections():
    outline = outline_of("柏溪镇2023年法治政府建设情况报告\n\n2023年，柏溪镇推进法治政府建设，现报告如下。\n\n"
                         "主题一：守正\n1.修订镇政府工作规则。全年召开常务会议24次。\n2.规范合同审查。审查合同37份。\n"
                         "主题二：自省\n1.合同履行跟踪偏弱。\n2.会议学法内容单一。\n"
                         "主题三：前行\n1.建立合同履行台账。\n2.制定会前学法清单。\n\n柏溪镇人民政府\n2024年1月9日\n")
    assert [(s.heading, s.kind) for s in outline.sections] == [
        ("主题一：守正", "measures"), ("主题二：自省", "shortcomings"), ("主题三：前行", "plans")]


def test_short_lines_set_between_rules_head_the_sections():
    outline = outline_of("石泉乡2024年法治政府建设情况报告\n\n2024年，石泉乡推进法治政府建设。现报告如下。\n\n"
                         "———\n一年的收获\n———\n调处土地纠纷18件，全部化解。\n为9个村配齐法律顾问。\n"
                         "———\n一年的欠缺\n———\n调解员年龄偏大。\n法治阵地使用率不高。\n\n石泉乡人民政府\n2025年1月7日\n")
    assert [(s.heading, s.kind) for s in outline.sections] == [("一年的收获", "measures"), ("一年的欠缺", "shortcomings")]
    assert [n.heading for n in outline.items("shortcoming")] == ["调解员年龄偏大", "法治阵地使用率不高"]


def test_an_attachment_label_over_a_reports_cover_heads_no_section():
    outline = outline_of("青枫乡人民政府文件\n附件3\n现将青枫乡2023年法治政府建设情况报告如下：\n\n"
                         "一、主要工作\n（一）修订村规民约8部。\n（二）调处纠纷41件。\n"
                         "二、存在问题\n（一）调解员培训偏少。\n\n青枫乡人民政府\n2024年1月6日\n")
    assert [s.heading for s in outline.sections] == ["一、主要工作", "二、存在问题"]
def test_a_paragraph_of_counted_causes_after_the_last_numbered_problem_adds_a_problem_each():
    from test_structure_arrangements import TITLE, WORK, text_report, texts
    rep = text_report(
        TITLE + WORK + "二、存在问题及原因\n1.执法台账记录零散\n2.村级阵地长期闲置\n"
        "分析原因，一是镇村两级对阵地管护重视不够；二是执法队伍人手少，台账无人专管。\n三、下步打算\n（一）补齐短板。\n")
    assert texts(rep.shortcomings) == [
        "执法台账记录零散", "村级阵地长期闲置", "镇村两级对阵地管护重视不够", "执法队伍人手少，台账无人专管"]


def test_a_single_cause_line_under_the_last_problem_stays_with_it():
    from test_structure_arrangements import TITLE, WORK, text_report, texts
    rep = text_report(
        TITLE + WORK + "二、存在问题\n1.执法台账记录零散\n2.村级阵地长期闲置\n原因是管护责任没有落到人。\n"
        "三、下步打算\n（一）补齐短板。\n")
    assert texts(rep.shortcomings) == ["执法台账记录零散", "村级阵地长期闲置"]
