"""Header facts chosen from scored clues: township, county and year wherever a report states them.

Every township and county here is fictional unless a test is about the national table; the
real names there (英德市, 清远市, 广州市) are general knowledge, not taken from any report.
"""

from __future__ import annotations

import pytest

from kg.read import make_source
from kg.structure import outline as structure
from kg.structure.clues import choose, totals
from kg.structure.barenames import slogan_townships
from kg.structure.placenames import county_names, township_names

BODY = "（一）加强组织领导。成立领导小组，定期研究法治工作。\n（二）推进依法行政。规范执法行为。\n"


def header_of(text: str, path: str = "report.txt", metadata=()):
    return structure.parse(make_source(path, text, "utf-8", metadata=metadata)).header


def test_title_gives_township_county_and_year_with_their_evidence():
    header = header_of("青禾县白露乡2023年法治政府建设情况报告\n2023年，我乡坚持依法行政。现将有关情况报告如下：\n"
                       "一、主要举措和成效\n" + BODY)
    assert (header.township, header.county, header.year) == ("白露乡", "青禾县", 2023)
    chosen = [clue for clue in header.clues if clue.field == "township" and clue.value == "白露乡"]
    assert {clue.cue for clue in chosen} >= {"标题"}
    title_clue = next(clue for clue in chosen if clue.cue == "标题")
    assert title_clue.evidence.sentence.startswith("青禾县白露乡2023年")
    assert title_clue.evidence.start == len("青禾县") and title_clue.evidence.end == len("青禾县白露乡")


def test_without_a_title_the_township_is_the_preamble_subject_not_prose_before_a_suffix():
    text = ("2022年，在县委、县政府的坚强领导下，云岫街道深入学习贯彻习近平法治思想，不断规范街道办事处行政行为，"
            "充分发挥街道综治中心作用。现将云岫街道2022年度法治政府建设情况报告如下：\n"
            "一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert (header.township, header.county, header.year) == ("云岫街道", None, 2022)
    ranked = dict(totals(header.clues, "township"))
    assert ranked["云岫街道"] > max((w for name, w in ranked.items() if name != "云岫街道"), default=0)


def test_a_street_office_issuer_line_and_county_from_the_addressee():
    text = ("望溪街道办事处\n关于2024年度法治政府建设情况的报告\n柘阳县人民政府：\n"
            "2024年，街道坚持依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert (header.township, header.county, header.year) == ("望溪街道", "柘阳县", 2024)
    assert any(c.field == "county" and c.cue == "主送" for c in header.clues)


@pytest.mark.parametrize(("sentence", "county"), [
    ("在兰亭区委全面依法治区委员会的指导下，", "兰亭区"),
    ("认真落实《青禾县2021年法治政府建设工作要点》，", "青禾县"),
    ("按照《2021年青禾县普法依法治理工作要点》要求，", "青禾县"),
    ("在云州市兰亭区委的领导下，", "兰亭区"),
    ("在中共柘阳县委的领导下，", "柘阳县"),
    # a preposition before the name, and the full name of the county's rule-of-law committee after it
    ("按照柘阳县全面依法治县委员会办公室的要求，", "柘阳县"),
    ("根据兰亭区全面依法治区委员会的部署，", "兰亭区"),
    # where the township lies, in the profile sentence of a 基本情况 part
    ("白露镇位于柘阳县东北部，", "柘阳县"),
])


def test_county_from_agency_names_cited_documents_and_city_district_pairs(sentence, county):
    text = f"2021年，{sentence}白露镇扎实推进法治政府建设。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    assert header_of(text).county == county


@pytest.mark.parametrize(("sentence", "county"), [
    # a bureau whose name runs long (市场监督管理局, 6 characters before 局)
    ("配合柘阳县市场监督管理局开展联合检查，", "柘阳县"),
    # a county whose name is an ordinary word (秀水), named only as the superior worked under
    ("在秀水县委、县政府的统一领导下，", "秀水县"),
    # the deployment carried out, in a clause whose verb runs into the name
    ("认真贯彻落实柘阳县关于法治乡村建设的部署，", "柘阳县"),
    ("深入贯彻柘阳县第十四次党代会部署，", "柘阳县"),
    ("经中共柘阳县委依法治县办同意，", "柘阳县"),
])
def test_the_county_the_report_works_under_or_whose_bureau_it_works_with(sentence, county):
    text = f"白露镇2021年法治政府建设情况报告\n2021年，{sentence}白露镇推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    assert header_of(text).county == county


def test_of_two_superiors_named_in_one_clause_the_nearer_is_the_county():
    # 在X市委、Y市委的领导下: the prefecture is named first, the county-level city that leads the township last;
    # the table knows neither.
    text = ("白露镇2021年法治政府建设情况报告\n2021年，在澜州市委、市政府和桐江市委、市政府的坚强领导下，白露镇推进依法行政。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert header.county == "桐江市"
    assert {clue.cue for clue in header.clues if clue.value == "桐江市"} == {"在其领导下或按其部署"}


def test_a_neighbours_support_is_no_superiors_lead():
    text = ("白露镇2021年法治政府建设情况报告\n2021年，在兄弟县兰亭县的大力支持下，白露镇推进依法行政。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).county is None
    assert header_of(text.replace("兄弟县兰亭县", "柘阳县委、县政府")).county == "柘阳县"


def test_a_neighbours_bureau_is_no_county_and_leaves_the_one_named_in_passing():
    text = ("白露镇2021年法治政府建设情况报告\n2021年，白露镇全力服务柘阳县发展大局，并与邻县兰亭县司法局开展联合调解。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert header.county == "柘阳县"
    assert {clue.cue for clue in header.clues if clue.field == "county"} == {"正文唯一县名"}


@pytest.mark.parametrize("partner", ["鸥汀市潮湾区沙埠街道", "邻近的潮湾区沙埠街道", "兰亭县石鼓乡"])
def test_a_county_run_into_another_township_is_that_townships_not_the_reports(partner):
    # A partner township named with its county (与X市Y区Z街道结对) weighs nothing for the report's county, which it
    # names once, through a bureau, after the partner.
    text = ("白露镇2024年法治政府建设情况报告\n2024年，白露镇在市委、市政府的领导下推进依法行政。现将有关情况报告如下：\n"
            f"一、主要举措和成效\n（一）结对共建。与{partner}签订法治共建协议。\n（二）规范执法。配合桐川市司法局开展案卷评查。\n")
    assert header_of(text).county == "桐川市"


def test_a_county_run_into_the_reports_own_township_still_names_its_county():
    text = ("白露镇2024年法治政府建设情况报告\n2024年，白露镇推进依法行政。现将有关情况报告如下：\n"
            "一、主要举措和成效\n（一）规范执法。桐川市白露镇综合行政执法队全年办案12件。\n")
    assert header_of(text).county == "桐川市"


def test_in_a_close_call_the_county_is_nearer_than_a_city_the_table_does_not_hold_as_one():
    # A prefecture's portal on the first line and a county's bureau in the body weigh the same: no county-level city
    # holds a county, so the city is the prefecture above.
    text = ("澜州市人民政府门户网站\n白露镇2021年法治政府建设情况报告\n2021年，白露镇推进依法行政。现将有关情况报告如下：\n"
            "一、主要举措和成效\n（一）联合执法。配合柘阳县司法局开展普法。\n")
    assert header_of(text).county == "柘阳县"
    # A county-level city the table knows (英德市) keeps its weight.
    assert header_of(text.replace("澜州市", "英德市")).county == "英德市"


def test_headlines_under_a_list_label_after_the_report_name_no_county():
    text = ("白露镇2021年法治政府建设情况报告\n2021年，白露镇推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
            + "往期推荐\n兰亭县召开法治政府建设推进会\n")
    assert header_of(text).county is None


def test_a_county_visited_to_learn_from_is_not_the_townships():
    # The township's own county and the county it visited are both named with an organ; the visit says which is
    # another place, whichever is named first.
    text = ("白露镇2021年法治政府建设情况报告\n2021年，白露镇组织干部到兰亭县司法局交流学习，并在柘阳县委的指导下推进依法行政。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).county == "柘阳县"
    visited_only = text.replace("并在柘阳县委的指导下", "并")
    assert header_of(visited_only).county is None
    # A bureau named in passing, with no visit, still counts (格局 closes no bureau's name).
    assert header_of(text.replace("到兰亭县司法局交流学习", "研究兰亭县发展格局")).county == "柘阳县"


@pytest.mark.parametrize(("sentence", "county"), [
    # the one county-level unit the report names, in passing: its own county
    ("全力服务柘阳县发展大局，", "柘阳县"),
    # a district or city in passing is as often a part of a town (新城区建设) or a title (文明城市)
    ("加快新城区建设，参与全国文明城市创建，", None),
    # unless the unnamed superiors it works under are of another rank (县委 over a 区 named in passing)
    ("在县委的领导下，宣传兰亭区新版产业政策，", None),
    # a place spoken of as another: a neighbour, one bordered, one learnt from, one visited
    ("与相邻的兰亭县签订边界联调协议，", None),
    ("在与兰亭县交界的三个村设立联调点，", None),
    ("借鉴兰亭县网格化管理经验，", None),
    # two units named in passing: nothing says which is the township's
    ("参加柘阳县和兰亭县联合举办的培训，", None),
])
def test_a_county_named_once_in_passing_counts_only_when_nothing_else_names_one(sentence, county):
    text = f"白露镇2021年法治政府建设情况报告\n2021年，白露镇{sentence}推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    header = header_of(text)
    assert header.county == county
    # Any other clue outweighs it: an addressee naming another county wins.
    assert header_of("云州县人民政府：\n" + text).county == "云州县"


@pytest.mark.parametrize("firm", ["柘阳县明理律师事务所", "柘阳县公证处", "柘阳县东关法律服务所"])
def test_a_county_named_only_in_the_legal_service_body_the_township_engages_is_its_county(firm):
    body = BODY.replace("成立领导小组", f"与{firm}签订常年法律顾问合同，成立领导小组")
    text = "白露镇2021年法治政府建设情况报告\n2021年，在县委、县政府的领导下，我镇推进依法行政。\n一、主要举措和成效\n" + body
    header = header_of(text)
    assert header.county == "柘阳县"
    # It says less than an organ of a county: the addressee's county outweighs it.
    assert header_of("兰亭县人民政府：\n" + text).county == "兰亭县"


def test_county_from_the_copied_to_line_of_the_signature():
    text = ("白露镇2021年法治政府建设情况报告\n2021年，我镇扎实推进法治政府建设。\n一、主要举措和成效\n" + BODY +
            "白露镇人民政府\n2022年1月10日\n抄送：柘阳县司法局。\n")
    assert header_of(text).county == "柘阳县"


def test_the_division_table_tells_a_county_level_city_from_a_prefecture_city():
    text = ("2021年，在清远市委、英德市委的领导下，白露镇紧扣《广州市法治政府建设实施纲要》推进依法行政。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert header.county == "英德市"
    assert not any(c.field == "county" and c.value in ("清远市", "广州市") for c in header.clues)


def test_an_unnamed_county_committee_or_a_passing_mention_is_no_county():
    text = ("2021年，在县委、县政府的领导下，白露镇宣传兰亭区新版产业政策，推进依法行政。现将有关情况报告如下：\n"
            "一、主要举措和成效\n" + BODY)
    assert header_of(text).county is None


def test_we_the_town_counts_for_the_named_antecedent():
    text = ("2021年，白露镇推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n"
            "（一）加强组织领导。我镇成立领导小组，全镇干部参加学习，联合栖霞乡司法所开展普法。\n"
            "（二）推进依法行政。我镇规范执法行为。\n")
    header = header_of(text)
    assert header.township == "白露镇"
    assert any(c.value == "白露镇" and c.cue == "我镇等指代" for c in header.clues)


def test_year_from_the_report_sentence_the_document_number_and_the_signature_date():
    stated = header_of("根据上级要求，现将白露镇2020年度法治政府建设情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert stated.year == 2020
    numbered = header_of("中共白露镇委员会\n关于法治政府建设情况的报告\n白委发〔2023〕4号\n一、主要举措和成效\n" + BODY)
    assert numbered.year == 2022
    signed = header_of("白露镇法治政府建设情况报告\n一、主要举措和成效\n" + BODY + "白露镇人民政府\n2024年1月8日\n")
    assert signed.year == 2023
    ranged = header_of("白露镇法治政府建设情况报告\n落实《法治政府建设实施纲要（2021—2025年）》。\n"
                       "一、主要举措和成效\n" + BODY + "白露镇人民政府\n2023年12月28日\n")
    assert ranged.year == 2023


@pytest.mark.parametrize("number", ["鹭委发〖2024〗6号", "鹭委发〔2024〕6号", "鹭委发（2024）6号", "鹭委发[2024]第6号"])
def test_a_document_number_in_any_bracket_its_offices_write(number):
    header = header_of(f"中共鹭坪镇委员会\n关于法治政府建设情况的报告\n{number}\n一、主要举措和成效\n" + BODY)
    assert (header.doc_number, header.year) == (number, 2023)


def test_a_signature_dated_in_chinese_numerals_gives_the_year_of_work():
    text = ("鹭坪镇法治政府建设工作总结\n一年来，鹭坪镇坚持依法行政。现将全年工作总结如下：\n一、主要举措和成效\n" + BODY
            + "\n鹭坪镇人民政府\n二〇二四年一月十二日\n")
    assert header_of(text).year == 2023
    assert header_of(text.replace("二〇二四年一月十二日", "二〇二三年十二月二十六日")).year == 2023


def test_a_document_number_with_its_year_in_chinese_numerals_is_copied_and_dates_the_report():
    header = header_of("鹭坪镇法治政府建设情况报告\n鹭政发〔二〇二四〕7号\n今年以来，鹭坪镇坚持依法行政。现将有关情况报告如下：\n"
                       "一、主要举措和成效\n" + BODY)
    assert (header.doc_number, header.year) == ("鹭政发〔二〇二四〕7号", 2023)


def test_a_title_split_after_its_issuer_and_guan_yu_is_one_title():
    text = ("柘阳县白露乡人民政府关于2022年度\n法治政府建设情况的报告\n扫一扫在手机打开当前页\n"
            "2022年，白露乡全面推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert header.title == "柘阳县白露乡人民政府关于2022年度\n法治政府建设情况的报告"
    assert header.title == text[header.evidence.start:header.evidence.end]
    assert (header.township, header.county, header.year) == ("白露乡", "柘阳县", 2022)
    assert {c.cue for c in header.clues if c.field == "county"} == {"标题"}


def test_a_date_under_the_title_is_the_documents_date_and_gives_the_year_of_work():
    text = "白露镇法治政府建设工作报告\n2024年1月5日\n一年来，白露镇依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    header = header_of(text)
    assert header.year == 2023
    assert [c.cue for c in header.clues if c.field == "year"] == ["标题下日期"]


def test_a_breadcrumb_or_a_date_is_never_the_title():
    crumbs = header_of("首页 > 政务公开 > 法治政府建设年度报告\n柘阳县白露乡人民政府关于2022年度\n法治政府建设情况的报告\n"
                       "2022年，白露乡全面推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert crumbs.title.startswith("柘阳县白露乡")
    assert {c.cue for c in crumbs.clues if c.field == "county"} == {"标题"}
    # Without a title, a date before the body is the document's date, not a title of its own year.
    dated = header_of("2024年1月5日\n一年来，白露镇依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert (dated.title, dated.year) == (None, 2023)


def test_a_page_block_wrapped_inside_its_date_still_gives_the_year():
    text = ("发文机关 | 桐溪县杉坪乡人民政府 | 成文日期 | 2024年\n1月8日\n杉坪乡法治政府建设年度报告\n"
            "一年来，杉坪乡依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).year == 2023


def test_a_district_whose_name_is_a_direction_word_counts_in_the_addressee_only():
    text = ("白露街道办事处关于2022年法治政府建设情况的报告\n中共北岸区委、北岸区人民政府：\n"
            "2022年，白露街道在东部区开展普法。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert header.county == "北岸区"
    assert {c.cue for c in header.clues if c.field == "county"} == {"主送"}


def test_page_metadata_gives_township_and_year_when_the_text_does_not():
    text = "一、主要举措和成效\n" + BODY
    header = header_of(text, "page.html", metadata=(("发布机构", "栖霞乡人民政府"), ("成文日期", "2025-01-06")))
    assert (header.township, header.year) == ("栖霞乡", 2024)
    assert any(c.cue == "信息公开字段" and c.evidence is None for c in header.clues)


def test_a_traditional_page_gives_simplified_names():
    text = ("2022年，白露鎮在縣委、縣政府的領導下，認真貫徹《柘陽縣2022年法治政府建設工作要點》。現將有關情況報告如下：\n"
            "一、主要舉措和成效\n（一）加強組織領導。成立領導小組。\n（二）推進依法行政。規範執法行為。\n")
    header = header_of(text)
    assert (header.township, header.county, header.year) == ("白露镇", "柘阳县", 2022)


@pytest.mark.parametrize(("text", "names"), [
    ("结合白露镇实际，", ["白露镇"]),
    ("2024年，银杏大街街道在区委领导下", ["银杏大街街道"]),
    ("推进乡村振兴，镇村两级联动，全镇上下", []),
    ("依法治镇工作，镇长乙同志", []),
    ("桃金县溪龙坝乡人民政府", ["溪龙坝乡"]),  # a fictional name ending in a real one (龙坝乡)
    ("兴红市和坪街道办事处，南高和乡", ["和坪街道", "南高和乡"]),
    ("在县委和白露镇党委领导下", ["白露镇"]),
    ("桃金县桃溪安镇人民政府", ["桃溪安镇"]),
    ("兴红县新江桥镇人民政府，兴集镇", ["新江桥镇", "兴集镇"]),
    ("开展送法下乡活动，工程款全部经乡财政所审核", []),
    ("阿拉坦旗巴音塔拉苏木人民政府", ["巴音塔拉苏木"]),  # a banner's name, like a county's, is not the township's
    # A name ending in the first character of a common word (城 of 城乡, 家 of 家乡): a name when two characters stand
    # alone before the suffix, a place word (凤城) or none the dictionary knows (岑城); prose when longer.
    ("凤城乡人民政府，中共岑城乡委员会", ["凤城乡", "岑城乡"]),
    ("统筹城乡发展，缩小城乡差距，社区和城乡结合部，建设美丽家乡", []),
    # A rank character opening a name of two (县前街道, 区前镇) where nothing of a name stands before it; after a county's
    # name it is that county's suffix.
    ("县前街道党工委，在区前镇开展，梧桐县岭镇人民政府", ["县前街道", "区前镇", "岭镇"]),
    ("县镇两级联动，全县各镇，县、镇两级", []),
])


def test_where_a_township_name_starts(text, names):
    assert [place.name for place in township_names(text)] == names


def test_a_sumu_is_a_township_read_from_its_title_its_page_fields_and_we_the_sumu():
    # 苏木 is the township of Inner Mongolia, under a 旗; the names here are fictional.
    text = ("巴音塔拉苏木2023年度法治政府建设工作报告\n来源：阿拉坦旗巴音塔拉苏木  发布时间：2024-01-20\n"
            "2023年，我苏木在旗委、旗政府的领导下推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert (header.township, header.county, header.year) == ("巴音塔拉苏木", "阿拉坦旗", 2023)
    assert any(c.value == "巴音塔拉苏木" and c.cue == "我镇等指代" for c in header.clues)


def test_a_sumu_the_national_table_knows_is_confirmed_in_its_banner():
    text = ("达尔汗苏木人民政府关于2024年度法治政府建设情况的报告\n"
            "中共达尔罕茂明安联合旗委员会、达尔罕茂明安联合旗人民政府：\n"
            "2024年，我苏木扎实推进法治政府建设。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert (header.township, header.county) == ("达尔汗苏木", "达尔罕茂明安联合旗")
    assert any(c.field == "township" and c.cue == "区划表:辖该乡镇" for c in header.clues)


def test_a_county_whose_name_reads_as_a_verb_is_still_confirmed():
    assert [(p.name, p.confirmed) for p in county_names("中共奉节县委")] == [("奉节县", True)]


def test_a_report_that_only_says_we_the_town_has_no_township_rather_than_a_phrase():
    text = ("2023年，在中共柘阳县委的领导下，我镇认真推进法治建设，充分发挥镇依法治镇领导小组作用，开展送法下乡活动。\n"
            "一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert (header.township, header.county) == (None, "柘阳县")


@pytest.mark.parametrize(("text", "county", "names"), [
    ("奋力推进法治束馆建设，", None, ["束馆镇"]),
    ('为"法治束馆"建设提供保障，', None, ["束馆镇"]),
    ("奋力谱写梁徐法治建设新篇章，", None, ["梁徐街道"]),
    ("推进法治政府建设、法治乡村建设和基层法治建设，", None, []),  # words, not names
    ("推进法治英德建设，", None, []),  # a county's own name
    ("推进法治高岭建设，", None, []),  # 高岭镇 and 高岭乡 are both townships somewhere
    ("推进法治高岭建设，", "宿松县", ["高岭乡"]),  # the county holds only one of them
])


def test_a_bare_name_in_the_rule_of_law_slogan_with_the_one_suffix_the_table_knows(text, county, names):
    # Real names as the national table holds them: the slogan's bare name is the only place they stand.
    assert [place.name for place in slogan_townships(text, len(text), county)] == names


def test_a_report_naming_itself_only_in_its_slogan_has_that_township_and_others_ignore_the_slogan():
    bare = header_of("2023年，我镇在县委、县政府的领导下，奋力推进法治束馆建设。现将有关情况报告如下：\n"
                     "一、主要举措和成效\n" + BODY)
    assert bare.township == "束馆镇"
    assert [c.cue for c in bare.clues if c.field == "township"] == ["法治口号中的地名"]
    named = header_of("2023年，白露镇奋力推进法治束馆建设。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert named.township == "白露镇"
    assert not any(c.cue == "法治口号中的地名" for c in named.clues)


@pytest.mark.parametrize(("opening", "township"), [
    ("2023年，人民街深入推进依法行政，", "人民街道"),  # the table's 人民街道, named by its street alone
    ("2023年，桐花街深入推进依法行政，", None),  # a street the table knows no office of is only a street
])
def test_a_street_office_named_by_its_street_alone_is_read_only_as_the_table_knows_it(opening, township):
    text = opening + "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    assert header_of(text).township == township


def test_a_city_run_into_its_district_is_above_it_even_when_the_table_knows_neither():
    # 北岸 is a direction word: after a rank it may be a district's name, but only on a line of its own kind.
    assert [p.name for p in county_names("云州市北岸区白露街道办事处")] == ["北岸区"]
    assert [p.name for p in county_names("云州市兰亭县")] == ["兰亭县"]
    text = ("云州市北岸区白露街道办事处关于2022年法治政府建设情况的报告\n"
            "2022年，白露街道在市东部区开展普法。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert (header.township, header.county) == ("白露街道", "北岸区")
    assert {c.value for c in header.clues if c.field == "county"} == {"北岸区"}


def test_one_character_county_names_stand_only_after_a_boundary():
    assert [p.name for p in county_names("中共渠县县委、渠县人民政府：")] == ["渠县", "渠县"]
    assert [p.name for p in county_names("省、市和县有关部门")] == []


def test_a_community_or_scenic_area_before_an_organ_word_is_no_district():
    # 深化社区依法治理 reads like X区 + 依法治 (an organ's cue); 社区, 辖区, 景区 are words, not districts.
    assert [p.name for p in county_names("三、深化社区依法治理。加强辖区人民调解，规范景区执法。")] == []
    assert [p.name for p in county_names("中共江北区城南街道工作委员会")] == ["江北区"]
    header = header_of("2024年，城南街道深化社区依法治理。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
                       + "江北区人民政府城南街道办事处\n2025年1月15日\n")
    assert (header.township, header.county, header.year) == ("城南街道", "江北区", 2024)


def test_choose_takes_the_heaviest_value_and_none_without_clues():
    header = header_of("青禾县白露乡2023年法治政府建设情况报告\n一、主要举措和成效\n" + BODY)
    assert choose(header.clues, "township") == "白露乡"
    assert choose((), "township") is None


@pytest.mark.shared
def test_real_openings_give_township_county_and_year(shared):
    from kg.evaluate.run import evaluate

    micro = evaluate(shared / "gold" / "web", shared / "corpus" / "web")["micro"]
    assert min(micro[field]["f1"] for field in ("township", "county", "year")) >= 0.95, micro


FULL = BODY + "二、存在的问题\n（一）普法不够深入。\n三、下一步工作打算\n（一）加强普法。\n"


@pytest.mark.parametrize(("text", "expected"), [
    ("关于2023年度法治政府建设情况的报告\n2023年，我镇坚持依法行政。\n一、主要举措和成效\n" + FULL
     + "青禾县栖霞镇人民政府\n2024年1月5日\n", ("栖霞镇", "青禾县", 2023)),
    ("青禾市白露镇人民政府2023年法治政府建设工作总结\n一、主要举措和成效\n" + FULL, ("白露镇", "青禾市", 2023)),
    ("2022年，石门瑶族乡在县委、县政府的领导下推进法治建设。现将有关情况报告如下：\n一、主要举措和成效\n" + FULL,
     ("石门瑶族乡", None, 2022)),
    ("**青禾县白露镇2023年法治政府建设情况报告**\n\n　　2023年，白露镇坚持依法行政。\n\n一、主要举措和成效\n" + FULL,
     ("白露镇", "青禾县", 2023)),
    ("2023年，白露镇认真贯彻落实县委部署，与栖霞镇、云岫镇开展联合执法，协助栖霞镇调解纠纷。现将有关情况报告如下：\n"
     "一、主要举措和成效\n" + FULL, ("白露镇", None, 2023)),
    ("首页 > 政务公开 > 法治政府建设年度报告\n发布机构：白露镇人民政府  成文日期：2024-01-10\n2023年，我镇坚持依法行政。\n"
     "一、主要举措和成效\n" + FULL, ("白露镇", None, 2023)),
    ("栖霞乡人民政府\n栖霞乡2021年度法治政府建设情况报告\n一、主要举措和成效\n" + FULL, ("栖霞乡", None, 2021)),
    # No title: the issuer and a date in brackets under it; a report dated in January covers the year before.
    ("青禾县栖霞乡人民政府\n（2024年1月9日）\n今年以来，栖霞乡坚持依法行政，现将有关情况报告如下：\n一、主要举措和成效\n"
     + FULL, ("栖霞乡", "青禾县", 2023)),
], ids=["issuer-at-end", "county-level-city", "ethnic-township", "markdown", "neighbours-named", "page-chrome",
        "issuer-above-title", "bracketed-date-under-issuer"])


def test_layouts_of_our_own(text, expected):
    header = header_of(text)
    assert (header.township, header.county, header.year) == expected


@pytest.mark.parametrize("block", [
    "索引号 | 000000/2024-00012 | 分类 | 法治政府建设\n发文机关 | 桐溪县杉坪乡人民政府 | 成文日期 | 2024年1月8日\n",
    "[ 索引号 ] 000000/2024-00012 [ 发文字号 ]\n[ 发布机构 ] 桐溪县杉坪乡人民政府 [ 有效性 ]\n"
    "[ 成文日期 ] 2024-01-08 [ 发布日期 ] 2024-02-10\n",
    "- 发布机构：桐溪县杉坪乡人民政府\n- 公文生成日期：2024-01-08\n",
], ids=["table-cells", "bracketed-labels", "list"])


def test_a_page_block_kept_in_the_text_gives_the_county_and_the_year(block):
    # The title names neither the county nor the year: only the page's 信息公开 fields do.
    text = block + "杉坪乡法治政府建设年度报告\n一年来，杉坪乡依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    header = header_of(text)
    assert (header.township, header.county, header.year) == ("杉坪乡", "桐溪县", 2023)
    written = next(c for c in header.clues if c.field == "year" and c.cue == "信息公开字段")
    assert text[written.evidence.start:written.evidence.end].startswith("2024")


def test_a_page_that_repeats_its_title_under_breadcrumbs_gives_the_county_of_the_title():
    # A county the national table does not hold (a new or a fictional one) is still read from the title,
    # however many lines of page furniture stand above it.
    text = ("首页 > 政务公开 > 法治政府建设年度报告\n\n索引号：000000000/2024-00007\n发文日期：2025-01-10\n"
            "标题：青禾区白露街道办事处关于2024年度法治政府建设情况的报告\n来源：本站\n\n"
            "青禾区白露街道办事处关于2024年度法治政府建设情况的报告\n"
            "2024年，白露街道在区委、区政府的领导下，深入推进依法行政。现将有关情况报告如下：\n"
            "一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert (header.township, header.county, header.year) == ("白露街道", "青禾区", 2024)
    assert {clue.cue for clue in header.clues if clue.field == "county" and clue.value == "青禾区"} >= {"标题"}


@pytest.mark.parametrize(("text", "names"), [
    ("岭镇2023年法治政府建设情况报告", ["岭镇"]),  # a one-character name at a line's start
    ("梧桐县岭镇人民政府", ["岭镇"]),  # or after its county
    ("加强集镇管理，推进城镇建设，全镇上下", []),  # common words, not one-character names
    ("东市镇、北区街道", ["东市镇", "北区街道"]),
    ("发展路街道、团结桥街道，推进街道建设", ["发展路街道", "团结桥街道"]),  # street offices named after a road
])


def test_one_character_township_names_and_names_holding_a_county_suffix(text, names):
    assert [place.name for place in township_names(text)] == names


def test_a_county_suffix_inside_a_township_name_or_a_common_word_is_no_county():
    assert [p.name for p in county_names("东市镇人民政府，北区街道办事处")] == []
    assert [p.name for p in county_names("特区党工委、特区管委会：")] == []  # the word 特区, as 县委 is no name
    assert [p.name for p in county_names("云台林区人民政府")] == ["云台林区"]


@pytest.mark.parametrize(("text", "expected"), [
    ("梧桐县人民政府\n首页 > 乡镇信息公开 > 岭镇\n岭镇2022年法治政府建设情况报告\n2022年，岭镇坚持依法行政。"
     "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY, ("岭镇", "梧桐县", 2022)),
    ("云台林区政府网\n东市镇2024年法治政府建设工作总结\n林区党委、林区管委会：\n2024年，东市镇在林区党委领导下推进依法行政。"
     "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY, ("东市镇", "云台林区", 2024)),
], ids=["one-character-town", "forest-district-and-a-town-holding-shi"])


def test_pages_of_a_one_character_town_and_of_a_forest_district(text, expected):
    header = header_of(text)
    assert (header.township, header.county, header.year) == expected


@pytest.mark.parametrize(("crumb", "county"), [
    ("首页 > 云州市人民政府 > 兰亭县人民政府 > 乡镇动态 > 白露乡", "兰亭县"),
    ("云州市政府网 >> 区县频道 >> 北岸区 >> 白露乡", "北岸区"),
    ("首页 > 兰亭市人民政府 > 乡镇（街道）> 白露乡", "兰亭市"),  # a county-level city's own portal
    ("云州市人民政府网站\n当前位置：首页 > 区县市 > 兰亭县 > 白露乡", "兰亭县"),  # the prefecture a line above
    ("兰亭市人民政府\n首页 > 乡镇 > 白露乡", "兰亭市"),  # no county-level unit below the city
    ("您的位置：首页 → 兰亭县 → 基层动态 → 白露乡", "兰亭县"),  # steps drawn as arrows
    ("云州市政务网\n首页 / 各区县 / 北岸区 / 白露乡", "北岸区"),  # steps set apart by spaced slashes
    ("云州市政务网\n首页 - 各区县 - 北岸区 - 白露乡", "北岸区"),  # or by spaced dashes
    ("云州市人民政府门户网站\n当前位置：首页 区县频道 北岸区 白露乡", "北岸区"),  # or only by spaces, after its label
])


def test_a_breadcrumb_through_two_portals_gives_the_county_nearest_the_township(crumb, county):
    text = (crumb + "\n白露乡2023年度法治政府建设情况报告\n2023年，白露乡在上级党委、政府的领导下推进依法行政。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).county == county


def test_a_document_number_may_write_di_before_its_serial():
    text = ("白露乡人民政府关于2023年度法治政府建设情况的报告\n白政发〔2024〕第7号\n兰亭县人民政府：\n"
            "2023年，白露乡推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).doc_number == "白政发〔2024〕第7号"


@pytest.mark.parametrize(("addressee", "county"), [
    ("中共阳泉市矿区委员会：", "矿区"),  # a district named by one character, right after its prefecture
    ("晋城市城区人民政府：", "城区"),
])
def test_a_one_character_district_right_after_its_prefecture_is_the_county(addressee, county):
    text = addressee + "\n2023年，白露街道推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    assert header_of(text).county == county
    # The same character after a word that is no prefecture is prose (市和县 names no 和县).
    assert [p.name for p in county_names("按照省、市和县的部署")] == []


def test_the_day_a_page_was_viewed_above_its_site_is_no_year_of_work():
    text = ("今天是2024年2月3日 星期六\n兰亭县人民政府网\n白露乡法治政府建设工作报告\n发布时间：2024-02-02\n"
            "一年来，白露乡推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).year == 2023


def test_a_county_run_into_the_townships_name_in_a_footer_address_is_its_county():
    text = ("白露乡2023年度法治政府建设情况报告\n2023年，白露乡在县委的领导下推进依法行政。现将有关情况报告如下：\n"
            "一、主要举措和成效\n" + BODY + "白露乡人民政府\n2024年1月6日\n地址：兰亭县白露乡政府街1号　电话：0000-0000000\n")
    assert header_of(text).county == "兰亭县"
    # A county run into another township (a visit to 柘阳县石门镇) says nothing of this one's.
    other = text.replace("地址：兰亭县白露乡政府街1号", "组织干部赴柘阳县石门镇学习")
    assert header_of(other).county is None


def test_a_county_alone_on_the_line_above_a_split_title_opens_the_title():
    text = ("兰亭县\n白露乡2023年度\n法治政府建设工作报告\n2023年，白露乡在县委的领导下推进依法行政。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert header.title == "兰亭县\n白露乡2023年度\n法治政府建设工作报告"
    assert (header.township, header.county) == ("白露乡", "兰亭县")


def test_the_district_in_the_offices_address_is_its_county():
    text = ("白露街道2023年度法治政府建设情况报告\n2023年，白露街道在区委的领导下推进依法行政。现将有关情况报告如下：\n"
            "一、主要举措和成效\n" + BODY + "白露街道办事处\n2024年1月6日\n通讯地址：柘湾区人民路6号\n")
    assert header_of(text).county == "柘湾区"


def test_one_bar_between_a_title_and_its_site_is_no_breadcrumb():
    text = ("白露乡2023年度法治政府建设情况报告 | 兰亭县人民政府\n2023年，白露乡在县委的领导下推进依法行政。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert header.title.startswith("白露乡2023年度") and (header.township, header.county) == ("白露乡", "兰亭县")


def test_a_page_block_with_labels_and_values_on_alternate_lines_gives_the_year():
    text = ("索引号\n000000/2024-00009\n发布机构\n杉坪乡人民政府\n成文日期\n2024-01-20\n"
            "杉坪乡法治政府建设年度报告\n一年来，杉坪乡依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert (header.township, header.year) == ("杉坪乡", 2023)
    written = next(c for c in header.clues if c.field == "year" and c.cue == "信息公开字段")
    assert text[written.evidence.start:written.evidence.end].startswith("2024-01")


@pytest.mark.parametrize(("rank", "county"), [("县委、县政府", None), ("区委、区政府", None), ("市委、市政府", "云州市")])
def test_a_city_portal_is_the_county_only_of_a_report_led_by_the_city(rank, county):
    # A prefecture's portal posts its townships' reports: a report led by 县委 or 区委 lies below a county or
    # district that it does not name; one led by 市委 is a county-level city's own.
    text = ("云州市人民政府\n首页 > 信息公开 > 乡镇\n白露乡2023年度法治政府建设情况报告\n"
            f"2023年，白露乡在{rank}的领导下推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).county == county


def test_a_city_on_a_page_of_a_report_led_by_the_county_is_not_its_county_even_from_the_site_name():
    text = "白露乡2023年度法治政府建设情况报告\n2023年，白露乡在县委的领导下推进依法行政。\n一、主要举措和成效\n" + BODY
    assert header_of(text, metadata=(("网站", "云州市人民政府"),)).county is None
    assert header_of(text, metadata=(("网站", "兰亭县人民政府"),)).county == "兰亭县"


@pytest.mark.parametrize(("line", "title_year", "year"), [
    ("发布时间：2024年02月03日　来源：杉坪乡", "", 2023),
    ("日期：2023-12-28 浏览次数：12", "", 2023),  # posted in December: the year just ending
    ("发布时间：2024-11-05", "2023年度", 2023),  # posted late: the title's year stands
])


def test_the_publication_line_gives_the_year_only_when_nothing_else_does(line, title_year, year):
    text = (f"首页 > 乡镇动态\n杉坪乡{title_year}法治政府建设年度报告\n{line}\n一年来，杉坪乡依法履职。现将有关情况报告如下：\n"
            "一、主要举措和成效\n" + BODY)
    assert header_of(text).year == year


@pytest.mark.parametrize(("head", "title"), [
    ("首页 > 乡镇动态 > 杉坪乡2023年法治政府建设工作总结\n来源：杉坪乡\n", "杉坪乡2023年法治政府建设工作总结"),
    ("杉坪乡2023年\n法治政府建设工作总结\n", "杉坪乡2023年\n法治政府建设工作总结"),
    ("杉坪乡人民政府关于\n2023年度依法行政\n工作情况的报告\n", "杉坪乡人民政府关于\n2023年度依法行政\n工作情况的报告"),
    ("主办：桐溪县人民政府\n杉坪乡依法行政纪实\n", "杉坪乡依法行政纪实"),  # a page's field line is no title
], ids=["title-in-breadcrumb", "split-after-year", "split-in-three", "field-line"])


def test_a_title_only_in_the_breadcrumb_or_split_over_lines_is_read_whole(head, title):
    header = header_of(head + "2023年，杉坪乡依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header.title == title
    assert header.township == "杉坪乡"


def test_a_document_number_in_a_long_line_of_page_fields_is_the_reports():
    text = ("【索引号】000000/2024-00031【发布机构】杉坪乡人民政府【成文日期】2024年1月9日【文号】杉政发〔2024〕2号【有效性】有效\n"
            "杉坪乡2023年法治政府建设情况报告\n2023年，杉坪乡依法履职，落实桐溪县委法办〔2023〕5号文件要求。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).doc_number == "杉政发〔2024〕2号"
    cited = text.split("\n", 1)[1]  # without its field line, the page has no number of its own
    assert header_of(cited).doc_number is None


def test_a_breadcrumb_step_and_a_page_field_are_clues_of_their_own_not_issuers():
    text = ("首页 > 乡镇信息公开 > 杉坪乡\n杉坪乡2023年法治政府建设情况报告\n发布机构：杉坪乡人民政府　发布日期：2024-01-20\n"
            "2023年，杉坪乡依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
            + "杉坪乡人民政府\n2024年1月9日\n地址：桐溪县城关镇政府路8号\n")
    header = header_of(text)
    assert header.issuer == "杉坪乡人民政府"
    cues = {clue.cue for clue in header.clues if clue.field == "township" and clue.value == "杉坪乡"}
    assert {"网页路径", "标题", "信息公开字段"} <= cues  # the field weighs as a page field, not as an issuer line
    # 政府路 in the footer's address is a road, not the organ of a township 城关镇.
    assert not any(clue.value == "城关镇" and clue.cue == "机关名称" for clue in header.clues)


def test_headlines_of_a_sidebar_saved_above_the_article_are_not_its_subject():
    text = ("热点新闻\n栖霞镇召开秋季防火工作会议\n栖霞镇开展农村实用技术培训\n栖霞镇举办文艺汇演\n首页 > 信息公开 > 白露镇\n"
            "2023年，白露镇在县委领导下推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).township == "白露镇"


def test_a_document_number_wrapped_inside_a_page_field_is_read_across_the_break():
    text = ("【发布机构】杉坪乡人民政府【成文日期】2024年1月9日【文号】杉政\n发〔20\n24〕2号【有效性】有效\n"
            "杉坪乡2023年法治政府建设情况报告\n2023年，杉坪乡依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).doc_number == "杉政发〔2024〕2号"


def test_a_site_name_above_a_page_whose_title_ran_into_its_chrome_is_no_title():
    # Chrome and title joined into one long line, as an unwrapped copy may leave them: the site's organ name
    # above is not the title, so it does not outweigh the report's own word that it lies below a county.
    text = ("云州市人民政府\n首页 | 新闻中心 | 信息公开 当前位置：首页 > 信息公开 > 乡镇 白露乡2023年法治政府建设情况报告 "
            "发布时间：2024-01-05 来源：白露乡 浏览量：95\n2023年，白露乡在县委、县政府的领导下推进依法行政。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert header.title != "云州市人民政府" and header.county is None


def test_a_signature_date_followed_by_page_furniture_still_gives_the_year():
    text = ("杉坪乡法治政府建设年度报告\n一年来，杉坪乡依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
            + "杉坪乡人民政府\n2024年1月6日\n\n第1页 共1页\n")
    assert header_of(text).year == 2023


def test_a_publisher_field_is_page_metadata_not_the_issuer_and_the_body_outweighs_it():
    # Without a title, the page's 发布机构 field names the township with another suffix than the report does.
    text = ("• 索 引 号:000000/2024-00009\n  • 发布机构:青檀乡\n  • 成文日期:\n发布日期:2025-03-06 信息来源: 浏览次数:\n\n"
            "2024年,在县委、县政府的正确领导下,青檀镇坚持依法行政,我镇全年学法12次。\n\n一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert header.township == "青檀镇"
    field = next(c for c in header.clues if c.field == "township" and c.value == "青檀乡")
    assert field.cue == "信息公开字段"


@pytest.mark.parametrize("between", [" ", "\u3000\u3000", ""])
def test_two_issuers_on_one_line_are_two_issuers(between):
    text = (f"中共望溪镇委员会{between}望溪镇人民政府\n关于2023年度法治政府建设情况的报告\n"
            "2023年，我镇坚持依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).issuer == "中共望溪镇委员会、望溪镇人民政府"


@pytest.mark.parametrize(("sentence", "county"), [
    ("认真落实岚溪县委、县政府决策部署", "岚溪县"),  # a set phrase of verbs before a name the table does not know
    ("贯彻瓯江县委、县政府的工作要求", "瓯江县"),
    ("白露乡隶属于蓉北区，辖9个村", "蓉北区"),  # the county the township belongs to
    ("白露乡地处岚溪县西南部", "岚溪县"),
])


def test_a_county_named_as_the_object_of_a_verb_or_as_where_the_township_belongs(sentence, county):
    text = (f"白露乡2023年法治政府建设情况报告\n2023年，白露乡{sentence}，推进依法行政。现将有关情况报告如下：\n"
            "一、主要举措和成效\n" + BODY)
    assert header_of(text).county == county


def test_a_verb_before_a_committee_with_no_name_gives_no_county():
    text = ("白露乡2023年法治政府建设情况报告\n2023年，白露乡认真落实县委、县政府决策部署，推进依法行政。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).county is None


@pytest.mark.parametrize("issuer_line", ["芦溪县石门镇人民政府（2023年12月20日）", "芦溪县石门镇人民政府  2023年12月20日"])
def test_an_issuer_line_with_its_date_after_it_names_the_county(issuer_line):
    header = header_of(f"石门镇2023年法治政府建设情况报告\n\n{issuer_line}\n\n一、主要工作\n（一）健全制度。学法6次。\n")
    assert (header.township, header.county) == ("石门镇", "芦溪县")


@pytest.mark.parametrize("sentence", [
    "深入学习省委五届九次全会和市委三届六次全会精神，",
    "认真落实区委全会和市委经济工作会议部署，",
])
def test_a_county_never_starts_inside_a_word_such_as_quanhui(sentence):
    # 全 is a stop character, but 全会 is one word: 会和市 is no name.
    assert [place.name for place in county_names(sentence)] == []
    text = "2024年，竹岭街道" + sentence + "依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    assert header_of(text).county is None


@pytest.mark.parametrize(("sentence", "county"), [
    ("及时传达省、苍梧州市和云溪市的有关会议精神", "云溪市"),
    ("认真学习省委、兰川市委和梅岭县委有关会议要求", "梅岭县"),
])
def test_the_last_superior_in_a_list_from_the_province_down_is_the_county(sentence, county):
    text = "2023年，桂岭镇" + sentence + "。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    assert header_of(text).county == county


def test_cities_listed_without_the_province_are_neighbours_not_superiors():
    text = "2023年，桂岭镇与苍梧州市、云溪市开展交流。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    assert header_of(text).county is None


def test_a_direction_word_district_counts_in_the_office_address():
    text = ("竹岭街道2022年法治政府建设情况报告\n2022年，竹岭街道依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
            + "竹岭街道办事处\n2023年1月6日\n联系地址：南湾区望江路6号\n")
    assert header_of(text).county == "南湾区"


@pytest.mark.parametrize(("text", "names"), [
    ("青萝县城关镇人民政府", ["青萝县"]),
    ("在青萝县城北片区开展", ["青萝县"]),
    ("加快推进县城建设，全县城乡统筹", []),
    ("老县城改造", []),
])
def test_a_county_before_cheng_is_its_seat_not_the_word_xiancheng(text, names):
    assert [place.name for place in county_names(text)] == names


@pytest.mark.parametrize("line", [
    "【桃金县乡镇法治政府建设专栏】",  # a column tag (and 县 before 乡镇, the county's townships)
    "（桃金县新闻中心记者　吴越　通讯员　郑和平）",  # a reporter's credit
    "所在区划：鹭州市　桃金县　　浏览量：36",  # a field whose label no lexicon holds, the city above first
    "编者按：近期桃金县各乡镇陆续公开本单位年度法治政府建设报告，现予转载，请社会各界监督。",  # a note above the title
])
def test_a_page_line_above_the_report_naming_one_county_gives_it(line):
    text = line + "\n白石乡2024年法治政府建设情况报告\n2024年，白石乡在县委、县政府领导下依法履职。现将有关情况报告如下：\n" \
           "一、主要举措和成效\n" + BODY
    header = header_of(text)
    assert header.county == "桃金县"
    assert "网页短行" in {c.cue for c in header.clues if c.field == "county" and c.value == "桃金县"}


@pytest.mark.parametrize("line", [
    "上一篇：桃金县白沙乡2024年法治政府建设情况报告",  # a link to another page
    "桃金县　梅川县　柳江区　政务公开联播",  # a neighbour list
])
def test_a_page_line_pointing_elsewhere_or_listing_neighbours_gives_no_county(line):
    text = line + "\n白石乡2024年法治政府建设情况报告\n2024年，白石乡在县委、县政府领导下依法履职。现将有关情况报告如下：\n" \
           "一、主要举措和成效\n" + BODY
    assert header_of(text).county is None


def test_a_city_the_page_puts_above_a_county_is_never_the_county_though_named_alone_first():
    text = ("鹭州市人民政府门户网站\n白石镇2024年法治政府建设情况报告\n所在区划：鹭州市　桃源口市\n"
            "2024年，白石镇在市委、市政府领导下依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).county == "桃源口市"


def test_a_county_whose_name_is_a_common_word_counts_when_run_into_the_township():
    # 海棠 is a word (a flower); run into the report's own township, it is the township's county.
    text = ("白石乡2023年法治政府建设情况报告\n2023年，白石乡依法履职。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
            + "白石乡人民政府\n2024年1月9日\n海棠县白石乡党政办公室　　2024年1月9日印发\n")
    assert header_of(text).county == "海棠县"


@pytest.mark.parametrize(("text", "township"), [
    # An office whose name is one ordinary word, named as the subject of the report's sentence about itself.
    ("今年以来，复兴街道党工委带领机关干部抓实法治建设。现将复兴街道2025年法治政府建设情况报告如下：\n", "复兴街道"),
    ("现将振兴街道推进依法行政工作情况报告如下：\n", "振兴街道"),
    # ... or as the subject opening the preamble of a report that calls itself 我街道.
    ("2025年，复兴街道坚持依法行政，各项工作有序推进。现将有关情况报告如下：\n", "复兴街道"),
    # The same word used as a word in that sentence, or outside it, names no office.
    ("现将我们全面振兴街道经济的做法报告如下：\n", None),
    ("街道持续深化法治建设，全力推动振兴街道商圈。现将有关情况报告如下：\n", None),
])
def test_a_name_that_is_an_ordinary_word_counts_where_the_report_names_itself(text, township):
    header = header_of(text + "一、主要举措和成效\n" + "（一）加强组织领导。我街道成立领导小组。\n" + BODY)
    assert header.township == township


def test_an_ordinary_word_opening_the_preamble_names_no_office_unless_the_report_calls_itself_by_its_rank():
    text = "2025年，振兴街道商圈建设全面起步，我镇持续推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    assert header_of(text).township is None


def test_a_page_in_traditional_characters_names_its_county_in_its_fields_in_the_same_characters():
    from kg.text.script import to_traditional
    text = to_traditional("石桥乡2024年法治政府建设情况报告\n2024年，我乡坚持依法行政。现将有关情况报告如下：\n"
                          "一、主要举措和成效\n" + BODY)
    site = (("网站", to_traditional("青岚县人民政府")), ("网页路径", to_traditional("首页 > 青岚县 > 乡镇动态")))
    assert "縣" in site[0][1]
    header = header_of(text, "page.html", metadata=site)
    assert (header.township, header.county) == ("石桥乡", "青岚县")


def test_a_page_field_in_traditional_characters_gives_its_document_number_as_written():
    from kg.structure.header import doc_number_in
    assert doc_number_in("溪政發〔2025〕3號") == "溪政發〔2025〕3號"
    assert doc_number_in("無") is None
