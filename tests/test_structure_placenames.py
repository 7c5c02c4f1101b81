"""Where a township's or county's name starts and whether it is one: words that read as names and are not, and
names that end in a name the national table knows.

Every place here is fictional unless it is about the table (铺镇, 会同县, 浦东新区 are general knowledge).
"""

from __future__ import annotations

import pytest

from kg.structure.barenames import own_rank
from kg.structure.placenames import county_names, township_names
from kg.structure import outline as structure
from kg.read import make_source

BODY = "（一）健全制度。修订议事规则。\n（二）规范执法。推行执法全过程记录。\n"


def header_of(text: str):
    return structure.parse(make_source("report.txt", text, "utf-8")).header


@pytest.mark.parametrize("text, names", [
    # The table knows a town named by one character and 镇 (铺镇); after more of a name it is that name's end.
    ("桂坪县石榴铺镇人民政府", ["石榴铺镇"]),
    ("2025年，青苔铺镇党委召开会议", ["青苔铺镇"]),
    # Still no name where the character before it is prose (在铺镇) or a stop (全镇).
    ("在铺镇上开展普法，全镇干部参加", []),
])
def test_a_township_ending_in_a_one_character_name_the_table_knows(text, names):
    assert [place.name for place in township_names(text)] == names


@pytest.mark.parametrize("text, names", [
    # 会同 is a county's name (会同县) and the verb "together with": before another name it is the verb.
    ("镇司法所会同梅岙县公安局开展联合整治", ["梅岙县"]),
    ("会同县司法局指导", ["会同县"]),
    # Before 县直 (the county's own departments, named by rank) it is the verb too; an unknown name there stays one.
    ("镇综治办会同县直有关单位开展排查", []),
    ("配合梅岙县直属机关工委、梅岙县直部门开展检查", ["梅岙县", "梅岙县"]),
    # A word of kind (主动) before a verb is prose too, and the name starts after the verb.
    ("主动对接岚桥县重点项目", ["岚桥县"]),
    # 城市 closes a common word (文明城市, 海绵城市), not the name of a city the table does not know.
    ("助力创建全国文明城市，推进海绵城市建设", []),
    # A state-level new area or a development zone the table does not hold is no county-level division.
    ("落实翠湾新区管委会部署，配合云岗经济开发区", []),
    ("上海市浦东新区", ["浦东新区"]),
])
def test_words_around_a_county_suffix_that_are_no_county(text, names):
    assert [place.name for place in county_names(text)] == names


@pytest.mark.parametrize("text, names", [
    # 在…下 frames a noun: the noun and 下 before 街道 are no name.
    ("在多方参与的格局下街道完成了整改", []),
    ("在上级统一部署的背景下镇里开展了排查", []),
    ("在新形势下镇党委研究部署", []),  # the dictionary holds 新形势下 as one word
    # Without the frame a name may end in such a character (岭下, 桥头中).
    ("2024年，青岭下镇依法履职", ["青岭下镇"]),
])
def test_a_noun_closed_by_a_locative_word_is_no_street_office(text, names):
    assert [place.name for place in township_names(text)] == names


def test_a_report_under_a_new_area_only_has_no_county():
    text = ("白鸥街道2023年法治政府建设情况报告\n2023年，白鸥街道在翠湾新区党工委的领导下依法履职。现将有关情况报告如下：\n"
            "一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert (header.township, header.county) == ("白鸥街道", None)


def test_a_township_ending_in_a_known_name_is_the_reports_township():
    text = ("石榴铺镇2024年法治政府建设情况报告\n2024年，石榴铺镇在桂坪县委、县政府领导下依法履职。现将有关情况报告如下：\n"
            "一、主要举措和成效\n" + BODY)
    header = header_of(text)
    assert (header.township, header.county) == ("石榴铺镇", "桂坪县")


@pytest.mark.parametrize("text, rank", [
    ("街道按照区委部署推进工作。街道各科室修订制度，街道建立会商机制", "街道"),
    ("由街党工委书记任组长，全街干部参加", "街道"),
    ("镇党委召开会议，我镇推进普法；推进乡村振兴", "镇"),
    ("推进乡村振兴，镇村两级联动", None),  # common words a rank opens are no word for the report's own office
])
def test_the_rank_a_report_calls_its_own_office_by(text, rank):
    assert own_rank(text, len(text)) == rank


def test_a_street_office_named_only_in_its_slogan_takes_the_rank_it_calls_itself_by():
    text = ("为推进依法行政，2023年以来，街道对照区里的部署，凝心聚力，倾力打造琮溪法治建设新样板。现将有关情况报告如下：\n"
            "一、主要举措和成效\n（一）健全制度。街道修订议事规则。\n（二）规范执法。街道推行执法全过程记录。\n")
    header = header_of(text)
    assert header.township == "琮溪街道"
    assert [c.cue for c in header.clues if c.field == "township"] == ["法治口号中的地名"]


def test_a_verb_the_dictionary_does_not_know_opening_a_clause_before_the_slogan_is_no_name():
    # 夯牢 falls apart into single characters as an unknown name does, but it opens its clause: nothing governs it.
    text = ("2023年，镇党委统筹推进依法行政，全镇干部参加学法。现将有关情况报告如下：\n一、主要举措和成效\n"
            "（一）强化学习，夯牢法治建设根基。镇党委组织专题学习。\n（二）规范执法。镇政府推行执法全过程记录。\n")
    assert header_of(text).township is None


def test_an_office_writing_itself_with_jie_alone_is_a_street_office_when_it_calls_itself_so():
    text = ("蓼汀街2024年法治政府建设情况报告\n2024年，蓼汀街在区委的领导下依法履职，由街党工委书记牵头。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).township == "蓼汀街道"
    # Without a word for its own office, a short form the table does not know is only a street.
    plain = "2024年，蓼汀街深入推进依法行政，现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    assert header_of(plain).township is None


@pytest.mark.parametrize("text, name", [
    # The peoples of an autonomous county stand between its name and 自治县; they lengthen the name, not the prose.
    ("首页 > 桐溪仡佬族苗族自治县 > 乡镇之窗", "桐溪仡佬族苗族自治县"),
    ("在岚峪彝族回族苗族自治县委的坚强领导下", "岚峪彝族回族苗族自治县"),
    ("中共鹤沙蒙古族藏族自治县委员会", "鹤沙蒙古族藏族自治县"),
    # Prose before the name is still cut off; one people is read as before.
    ("深入贯彻落实桐溪仡佬族苗族自治县委部署", "桐溪仡佬族苗族自治县"),
    ("云阶瑶族自治县司法局", "云阶瑶族自治县"),
])
def test_an_autonomous_county_keeps_every_people_it_names(text, name):
    assert [place.name for place in county_names(text)] == [name]


def test_a_page_whose_breadcrumb_names_an_autonomous_county_of_two_peoples_has_it_whole():
    header = header_of("首页 > 桐溪仡佬族苗族自治县 > 乡镇动态 > 石笋乡\n石笋乡法治政府建设情况报告\n"
                       "2024年，石笋乡坚持依法行政。现将有关情况报告如下：\n一、主要工作\n" + BODY)
    assert (header.township, header.county) == ("石笋乡", "桐溪仡佬族苗族自治县")


@pytest.mark.parametrize("title, opening, township", [
    # A title opening with the township's bare name takes the rank the report calls itself by.
    ("鹭汀2023年度法治政府建设工作总结", "一年来，我乡坚持依法行政，乡党委定期研究法治工作。", "鹭汀乡"),
    ("桐坞法治政府建设报告（2024年）", "本年度，镇政府严格依法行政，我镇未发生行政败诉案件。", "桐坞镇"),
    ("蓼湾关于2024年法治建设情况的报告", "今年以来，街道按照区委部署推进依法行政。", "蓼湾街道"),
    # No word for its own office: the bare name stays unread, as a slogan's does.
    ("鹭汀2023年度法治政府建设工作总结", "一年来，全面推进依法行政。", None),
    # Words, not a name, before the year or subject.
    ("乡镇2023年度法治政府建设工作总结", "一年来，我乡坚持依法行政。", None),
    ("全面推进法治政府建设报告", "一年来，我乡坚持依法行政。", None),
])
def test_a_title_opening_with_a_bare_name_names_the_township_when_nothing_else_does(title, opening, township):
    assert header_of(f"{title}\n{opening}现将有关情况报告如下：\n一、主要举措和成效\n" + BODY).township == township


def test_a_bare_name_opening_the_title_does_not_outweigh_a_name_with_its_rank():
    text = "鹭汀2023年度法治政府建设工作总结\n2023年，桐坞镇坚持依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY
    assert header_of(text).township == "桐坞镇"


def test_a_bare_name_is_read_from_the_documents_own_title_below_a_pages_title_field():
    text = ("首页 > 政务公开 > 年度报告\n标题：桐坞法治政府建设报告（2024年）\n来源：本站\n桐坞法治政府建设报告（2024年）\n"
            "本年度，镇政府严格依法行政，我镇未发生行政败诉案件。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).township == "桐坞镇"


@pytest.mark.parametrize("text, names", [
    # A township whose name opens with its own rank character, at a line's or a clause's start.
    ("乡岭镇2024年法治政府建设情况报告", ["乡岭镇"]),
    ("一年来，镇桥乡党委坚持依法行政", ["镇桥乡"]),
    # 乡镇 and 城乡 stay words.
    ("全乡镇干部参加学法，统筹城乡镇区建设", []),
])
def test_a_township_named_with_a_rank_character_first(text, names):
    assert [place.name for place in township_names(text)] == names


@pytest.mark.parametrize("text, counties, townships", [
    # 旗 inside a township's name (红旗乡) is no banner; a banner the table knows, or 旗乡镇, still is.
    ("红旗乡党委召开会议", [], ["红旗乡"]),
    ("五星红旗镇人民政府", [], ["红旗镇"]),
    ("巴林左旗镇村两级", ["巴林左旗"], []),
    ("鹤沙旗乡镇综治中心", ["鹤沙旗"], []),
    # Abolishing a county or setting up a city is no name (撤县设市).
    ("桐溪市撤县设市以来", ["桐溪市"], []),
])
def test_banner_and_city_suffixes_inside_words(text, counties, townships):
    assert [place.name for place in county_names(text)] == counties
    assert [place.name for place in township_names(text)] == townships


def test_a_city_with_its_former_county_name_in_brackets_is_the_one_county_named():
    text = ("鹭汀街道2024年法治政府建设情况报告\n今年是桐溪市（原桐溪县）撤县设市后的第一年，鹭汀街道在市委、市政府的领导下"
            "推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).county == "桐溪市"


@pytest.mark.parametrize("text, names", [
    # 原 before a name says "former": it is no part of the name, known to the table or not.
    ("2022年底，原鹭溪乡、桐坞乡合并设立鹭坞镇", ["鹭溪乡", "桐坞乡", "鹭坞镇"]),
    ("鹭汀街道（原鹭汀镇）党工委", ["鹭汀街道", "鹭汀镇"]),
    # The former town itself, or a count of the townships merged, is no name.
    ("全面清理原镇政府签订的合同，原两乡干部统一调配", []),
])
def test_a_former_name_after_yuan_is_read_without_it(text, names):
    assert [place.name for place in township_names(text)] == names


def test_a_former_township_is_not_the_one_reporting():
    text = ("法治政府建设情况报告\n原鹭溪乡并入后，原鹭溪乡片区矛盾纠纷较多，原鹭溪乡干部全部转入鹭坞镇工作。"
            "现将有关情况报告如下：\n一、主要举措和成效\n" + BODY)
    assert header_of(text).township == "鹭坞镇"


def test_a_name_after_a_verb_inside_the_run_starts_where_the_verb_ends():
    # 社区|聘请|岚|溪: a subject and its verb, short enough to pass for a name, are prose; the name is the object.
    assert [p.name for p in county_names("社区聘请岚溪县明德律师事务所律师担任法律顾问。")] == ["岚溪县"]
    assert [p.name for p in county_names("今年街道邀请枫渡区司法局到社区开展讲座。")] == ["枫渡区"]
