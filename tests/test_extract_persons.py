"""Persons: named people with the role the text gives them, on sentences we write and on the shared reports."""

from __future__ import annotations

import pytest

from kg.structure import outline as structure
from kg.extract import persons
from kg.read import make_source

TITLE = "青禾镇2023年度法治政府建设情况报告\n"


def people(body: str) -> list[tuple[str, str]]:
    source = make_source("sample.txt", TITLE + body, "utf-8")
    return [(p.name, p.role) for p in persons.extract(source, ())]


def test_title_before_the_name_with_the_words_that_qualify_it():
    assert people("镇党委书记李建国亲自部署，镇司法所所长欧阳青带头讲法。") == [
        ("李建国", "镇党委书记"),
        ("欧阳青", "镇司法所所长"),
    ]


def test_a_byline_or_a_labelled_list_line_names_the_person():
    assert people("青禾镇党委书记  滕立群\n组长：汪思远（镇长）\n副组长：欧阳青\n") == [
        ("滕立群", "青禾镇党委书记"),
        ("汪思远", "组长"),
        ("欧阳青", "副组长"),
    ]
    # a labelled list: each title heads the names after its colon, up to the list's punctuation
    assert people("组长：汪思远；副组长：欧阳青、滕立群；成员：各站所负责人。\n") == [
        ("汪思远", "组长"), ("欧阳青", "副组长"), ("滕立群", "副组长")]
    assert people("组长：由镇长担任。\n") == []
    # titled names side by side on one signature line, the fields apart by spaces
    assert people("镇党委书记：滕立群　　镇长：欧阳青\n") == [("滕立群", "镇党委书记"), ("欧阳青", "镇长")]
    # a title followed by prose is no byline
    assert people("镇党委书记 全面负责，镇长 统筹推进。\n") == []


def test_a_table_of_the_leading_group_read_as_tab_separated_rows():
    rows = "职务\t姓名\t单位及职务\n组长\t汪思远\t镇长\n副组长\t欧阳青\t副镇长\n成员\t滕立群\t司法所所长\n"
    assert [name for name, _ in people(rows)] == ["汪思远", "欧阳青", "滕立群"]
    # 成员 labels a row or a list, never a name in prose
    assert people("对信访积案实行班子成员包案，班子成员轮流领学。\n") == []


def test_the_person_in_charge_of_a_team_or_office():
    assert people("由律师顾问团队负责人汪思远律师带队开展活动。司法所负责人欧阳青带队走访。") == [
        ("汪思远", "律师顾问团队负责人"), ("欧阳青", "司法所负责人")]
    assert people("党政主要负责人履行职责，各村负责人、网格员参加培训。") == []


def test_head_of_a_body_is_named_by_body_and_title():
    assert people("成立以王明为组长的青禾镇法治建设领导小组。") == [("王明", "领导小组组长")]


def test_office_title_wins_over_the_post_it_heads():
    assert people("由党委书记周慧任组长、镇长陈立新任副组长。") == [("周慧", "党委书记"), ("陈立新", "镇长")]


def test_lawyers_take_the_post_they_are_appointed_to():
    assert people("聘请律师事务所律师赵青、钱多多担任村（居）法律顾问。") == [
        ("赵青", "村（居）法律顾问"),
        ("钱多多", "村（居）法律顾问"),
    ]
    assert people("续聘孙悦律师为镇政府法律顾问。") == [("孙悦", "镇政府法律顾问")]
    assert people("聘请退休法官韩志远担任首席调解员。") == [("韩志远", "首席调解员")]


def test_a_role_before_a_name_in_mid_clause_is_the_role_not_the_words_before_it():
    found = people("民事合同37份全部先经法律顾问方启明律师审查，重大事项均由常务副镇长邹一帆牵头。")
    assert found == [("方启明", "法律顾问"), ("邹一帆", "常务副镇长")]

def test_comrade_appointed_to_a_post():
    assert people("2023年5月，刘洋同志任镇长。") == [("刘洋", "镇长")]


def test_each_person_once_with_the_first_role():
    found = people("镇长陈立新带头学法。镇长陈立新出庭应诉1次。")
    assert found == [("陈立新", "镇长")]


@pytest.mark.parametrize(
    "body",
    [
        "深入学习习近平法治思想，贯彻习近平总书记重要讲话精神。",
        "镇党委书记带头述法，镇长办公会研究重大事项。",
        "法律顾问全程参与重大决策，8个社区实现法律顾问全覆盖。",
        "领导小组组长单位负责统筹。",
    ],
)


def test_doctrine_unnamed_office_holders_and_ordinary_words_are_not_persons(body):
    assert people(body) == []


def test_evidence_is_the_name_in_the_original_text():
    source = make_source("sample.txt", TITLE + "镇长陈立新带头学法。", "utf-8")
    (person,) = persons.extract(source, ())
    assert source.text[person.evidence.start : person.evidence.end] == "陈立新"
    assert person.evidence.sentence == "镇长陈立新带头学法。"


def test_real_reports_name_their_leaders(corpus_texts):
    text = corpus_texts["lixi_2022.txt"]
    source = make_source("lixi_2022.txt", text, "utf-8")
    found = {(p.name, p.role) for p in persons.extract(source, structure.parse(source).sections)}
    assert ("滕雪芹", "乡党委书记") in found
    assert ("樊一鸣", "乡司法所所长") in found
    assert all(name != "习近平" for name, _ in found)


def test_no_report_lists_doctrine_or_words_as_persons(corpus_texts):
    for name, text in corpus_texts.items():
        source = make_source(name, text, "utf-8")
        for person in persons.extract(source, ()):
            assert person.name != "习近平"
            assert 2 <= len(person.name) <= 4, (name, person.name)
            assert person.role, (name, person.name)


def test_a_list_of_roles_and_names_gives_each_person_their_own_role():
    assert people("党委书记王明、镇长李华分别带队开展普法宣传。") == [("王明", "党委书记"), ("李华", "镇长")]
    assert people("由镇党委书记温若川、镇长方博担任双组长。") == [("温若川", "镇党委书记"), ("方博", "镇长")]


def test_posts_held_together_are_one_role_but_a_post_given_to_someone_else_is_not():
    assert people("镇党委副书记、镇长钟宁带头述法。") == [("钟宁", "镇党委副书记、镇长")]
    assert people("由党委书记林深任组长、镇长许朗任副组长。") == [("林深", "党委书记"), ("许朗", "镇长")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("会议由周慧（镇党委书记）主持。", [("周慧", "镇党委书记")]),
        ("宋离同志（镇党委书记）作动员讲话。", [("宋离", "镇党委书记")]),
        ("邀请县法院法官岑悦开展以案说法。", [("岑悦", "法官")]),
        ("陆远（镇长）、苏青（副镇长）参加旁听。", [("陆远", "镇长"), ("苏青", "副镇长")]),
        ("镇长陈立新同志带队督查。", [("陈立新", "镇长")]),
        ("由司法所所长韩志远牵头，组建调解队伍。", [("韩志远", "司法所所长")]),
    ],
)


def test_names_followed_or_led_by_their_role(body, expected):
    assert people(body) == expected


def test_a_bracketed_aside_that_is_no_post_names_no_one():
    assert people("印发实施方案（试行）并组织学习。") == []


@pytest.mark.parametrize(
    "body",
    [
        "全面落实以习近平同志为核心的党中央决策部署。",
        "学习习近平法治思想，习近平同志指出要坚持依法治国。",
        "党政综合办主任任副主任，负责日常工作。",
    ],
)


def test_doctrine_is_never_a_person_and_a_verb_is_never_a_surname(body):
    assert people(body) == []


def test_a_title_before_a_name_that_goes_on_to_fulfil_a_duty():
    assert people("镇长周立群履行第一责任人职责，主持会议4次。") == [("周立群", "镇长")]


def test_a_table_whose_header_names_the_person_in_charge_of_each_row():
    table = "附件：整改清单\n序号\t问题\t整改时限\t责任人\n1\t培训不足\t2024年6月\t周立群\n2\t宣传单一\t2024年3月\t镇司法所\n"
    # a cell holding an office, not a name, names no one
    assert people(table) == [("周立群", "责任人")]


def test_a_table_with_blank_lines_between_its_rows_still_names_each_rows_person():
    table = ("附件：整改清单\n\n序号\t问题\t整改时限\t责任人\n\n1\t培训不足\t2024年6月\t周立群\n\n"
             "2\t宣传单一\t2024年3月\t吴秀兰\n\n镇司法所负责整改的督促检查。\n\n3\t台账不全\t2024年5月\t孙志远\n")
    # prose after the table ends it: a later tab-separated line is no row of it
    assert people(table) == [("周立群", "责任人"), ("吴秀兰", "责任人")]


def test_names_before_their_number_and_profession_are_each_a_person():
    assert people("镇政府聘请石桥律师事务所宋嘉文、白露两名律师担任村居法律顾问。") == [
        ("宋嘉文", "村居法律顾问"), ("白露", "村居法律顾问")]


def test_a_labelled_list_whose_names_carry_their_posts_in_brackets():
    assert people("副组长：汪思远（镇长）、欧阳青（副镇长）\n") == [("汪思远", "副组长"), ("欧阳青", "副组长")]


def test_both_after_a_name_ends_it():
    assert people("镇党委书记滕立群、镇长汪思远均在全县述法会上作述法报告。") == [
        ("滕立群", "镇党委书记"), ("汪思远", "镇长")]
    # named once in full elsewhere, the same person followed by 都 is not a third character longer
    assert [name for name, _ in people("镇长汪思远主持会议。镇党委书记滕立群和镇长汪思远都参加了旁听。")] == ["汪思远", "滕立群"]


def test_a_name_followed_straight_by_what_the_person_does():
    assert people("合同均经镇法律顾问、律师白嘉禾审核把关。") == [("白嘉禾", "律师")]
    # a title after the name is a post given, not an act: 任 before it is the verb
    assert people("由街道党工委书记、办事处主任任双组长。") == []


def test_a_title_joined_to_another_title_opens_no_name():
    assert [name for name, _ in people("镇法律顾问宋律师和公职律师白嘉禾同志参与接访。")] == ["白嘉禾"]


def test_people_counted_after_their_names_as_comrades_or_with_deng():
    assert people("工作专班由滕立群、欧阳青两位同志具体负责日常调度。") == [
        ("滕立群", "具体负责日常调度"), ("欧阳青", "具体负责日常调度")]
    assert [name for name, _ in people("聘请宋嘉文、白露等4名律师为村居法律顾问。")] == ["宋嘉文", "白露"]


def test_a_given_name_that_is_a_word_or_opens_with_an_old_state():
    # 光明 and 海燕 are words, 吴国 an old state: before a bracket, 、 or a passive 被 they are names
    assert people("镇长吴国华（苗族）主持会议，司法所所长陈光明被评为先进个人。") == [
        ("吴国华", "镇长"), ("陈光明", "司法所所长")]


def test_a_professor_and_names_followed_by_suo():
    assert people("邀请法学院教授白嘉禾作专题辅导。") == [("白嘉禾", "教授")]
    assert [name for name, _ in people("网格长宋嘉文、欧阳青所在网格获评先进。")] == ["宋嘉文", "欧阳青"]


def test_names_in_parts_joined_by_a_middle_dot_and_an_aside_between_title_and_name():
    assert people("乡党委书记（兼乡长）买买提·艾山同志主持会议，乡党委副书记古丽娜·托合提具体负责普法。") == [
        ("买买提·艾山", "乡党委书记（兼乡长）"), ("古丽娜·托合提", "乡党委副书记")]
    assert people("镇长助理（挂职）许诺牵头组建服务小组。") == [("许诺", "镇长助理（挂职）")]


def test_a_lawyer_acting_for_someone_keeps_the_profession_as_role():
    assert people("法律援助律师白嘉禾为困难群众代理案件5件。") == [("白嘉禾", "律师")]


def test_committee_members_ranks_village_cadres_and_volunteers_before_a_name():
    assert people("党委委员、组织委员白露负责干部学法，四级调研员宋嘉文带队检查。") == [
        ("白露", "党委委员、组织委员"), ("宋嘉文", "四级调研员")]
    assert people("驻村干部欧阳青、普法志愿者滕立群深入村组宣讲。") == [("欧阳青", "驻村干部"), ("滕立群", "志愿者")]
    # a committee named as a body heads no one
    assert people("成立依法治镇委员会，委员会办公室设在司法所。") == []


def test_a_post_in_brackets_after_a_name_that_is_also_a_word():
    # 建华 and 卫国 are words too; a post in brackets after them, as an act would, shows a person
    assert people("以镇长张建华（镇党委副书记）为组长，统筹推进。") == [("张建华", "镇长")]
    assert people("实现全覆盖（全镇）。") == []


def test_names_without_a_surname_are_read_where_a_name_is_expected():
    # Tibetan and Mongolian names are parts of a name with no family name; 白 opens other names as a surname
    assert people("格桑旺姆（副镇长）分管司法工作，驻村第一书记拉巴次仁同志任联络员，宣讲员白玛德吉等9人进村宣讲，"
                  "调解员巴特尔主持调解。") == [
        ("格桑旺姆", "副镇长"), ("拉巴次仁", "驻村第一书记"), ("白玛德吉", "宣讲员"), ("巴特尔", "调解员"),
    ]
    # read back from 同志, the second part alone (次仁) is not taken for the name
    assert people("乡人大主席团主席索朗次仁同志任副组长。") == [("索朗次仁", "乡人大主席团主席")]
    # the parts alone do not make a name where none is expected
    assert people("全镇推广扎西德勒民俗节和格桑花广场舞。") == []


def test_a_column_headed_with_names_gives_each_row_its_post():
    table = "姓名\t职务\t联系片区\n马腾飞\t镇党委副书记\t北片\n钱大江\t副镇长\t南片\n"
    assert people("包片领导名单：\n" + table) == [("马腾飞", "镇党委副书记"), ("钱大江", "副镇长")]


def test_a_name_whose_opening_is_a_word_before_an_act_or_an_adverb_and_a_verb():
    assert people("由村委会主任石头生具体负责，镇综治中心主任高山青经常深入村组排查。") == [
        ("石头生", "村委会主任"), ("高山青", "镇综治中心主任"),
    ]


def test_a_two_character_name_padded_with_spaces_is_one_name():
    assert people("副镇长李  明分管司法工作。\n组长：王  芳（镇长）\n") == [("李明", "副镇长"), ("王芳", "组长")]


def test_a_note_before_the_post_in_brackets_and_an_aside_after_a_title():
    assert people("黄小燕（女，镇司法所所长）主持调解，镇人大主席（兼）何立新任副组长。") == [
        ("黄小燕", "镇司法所所长"), ("何立新", "镇人大主席（兼）"),
    ]


def test_a_name_no_list_knows_is_read_from_its_frame_after_a_title():
    assert people("嘎查达额日登其木格同志带头调解，苏木党委书记仁钦扎布、苏木达孟根其其格分别主持，"
                  "派出所所长白天带队巡查，副乡长扎西积极协调。") == [
        ("额日登其木格", "嘎查达"), ("仁钦扎布", "苏木党委书记"), ("孟根其其格", "苏木达"),
        ("白天", "派出所所长"), ("扎西", "副乡长"),
    ]
    # common words framed the same way are no names
    assert people("全面落实法律顾问制度、公职律师制度，组建民警或辅警、网格员队伍。") == []
    # a title inside a longer word (法律顾问团) frames no name, nor does a profession after the run
    assert people("街道法律顾问团由江城某律师事务所主任律师许青牵头。") == [("许青", "律师")]


def test_a_name_before_a_profession_and_what_the_person_does():
    assert people("镇政府法律顾问、明远律师事务所合伙人周海明律师审核合同30份。") == [("周海明", "律师")]
    # a name read back from 律师 must start a word: 法律顾问钱律师 names no 顾问钱
    assert people("街道聘请的法律顾问钱律师全程参与重大决策论证。") == []


def test_a_later_name_of_a_list_and_names_after_a_glossed_title():
    assert people("宣讲员赵小妹、钱妈福生被评为先进个人。") == [("赵小妹", "宣讲员"), ("钱妈福生", "宣讲员")]
    assert people("聘请寨老（民间调解人）杨石岩、吴国九等8人参与调解。") == [("杨石岩", "调解人"), ("吴国九", "调解人")]


def test_yi_family_names_of_two_characters():
    assert people("乡长吉木阿依主持会议，海来拉博同志任副组长。") == [("吉木阿依", "乡长"), ("海来拉博", "副组长")]
    # 长孙 is a family name of two characters too, but not where 长 ends a title
    assert people("副镇长孙立平同志任副组长。") == [("孙立平", "副镇长")]


def test_a_name_written_before_the_office_it_holds():
    # the leaders named before their posts inside 以…为 and 由…任, and a head between the body and the title
    assert people("成立以萧定邦书记为组长、闻若溪乡长为副组长的依法治乡领导小组。") == [
        ("萧定邦", "书记"), ("闻若溪", "乡长")]
    assert people("例会由褚云鹤副乡长召集，乡农技站卜兰芝站长列席。") == [
        ("褚云鹤", "副乡长"), ("卜兰芝", "乡农技站站长")]
    # what stands before a title is often what the title is of: a place, a word, a count, a longer word's head
    assert people("苏木党委书记全面负责，配齐法治副校长，甲村调解委员会主任到场，两位副乡长参加。") == []
    assert people("深入学习习近平总书记重要讲话精神。") == []


def test_titles_of_the_courts_procuratorate_and_the_people_s_congress_and_kinds_of_person():
    # posts every township report may name, and 月 in a given name (秋月), which no date holds after a surname
    assert people("人大代表岑秋月对执法工作开展视察，公证员郏文彬为老人办理公证，书记员戚永泉记录庭审。") == [
        ("岑秋月", "人大代表"), ("郏文彬", "公证员"), ("戚永泉", "书记员")]
    assert people("老支书裴德厚、党员中心户隗青山主动调解纠纷。") == [
        ("裴德厚", "老支书"), ("隗青山", "党员中心户")]
    # a month is still no name: 每月, 本月 after a title
    assert people("镇长本月带队检查，书记每月听取汇报。") == []


def test_names_in_brackets_after_a_title_in_quotes_or_between_由_and_组成():
    # the names a counted title heads, in brackets after it
    assert people("东岭村三名调解员（葛春来、房玉珍、邹海）轮流值班。") == [
        ("葛春来", "调解员"), ("房玉珍", "调解员"), ("邹海", "调解员")]
    assert people("全镇调解员（含兼职）共计40名。") == []  # an aside in brackets holds no name
    # a title or a kind of person a report puts in quotes
    assert people("“法律明白人”范秀芹每周入户，“致富带头人”邵国富带头守法经营。") == [
        ("范秀芹", "法律明白人"), ("邵国富", "致富带头人")]
    # the members a body is made of, between 由 and 组成
    assert people("成立由严文海、殷小兰组成的纠纷调处专班。") == [("严文海", "纠纷调处专班成员"), ("殷小兰", "纠纷调处专班成员")]
    assert people("由支部书记和村主任组成议事组，由司法所、派出所组成联合调处组。") == []


def test_a_markdown_table_names_the_people_in_its_names_column():
    body = "| 姓名 | 职务 | 分工 |\n|---|---|---|\n| 甘子墨 | 镇长 | 主持全面工作 |\n| 蓝启航 | 副镇长 | 分管执法 |\n"
    assert people(body) == [("甘子墨", "镇长"), ("蓝启航", "副镇长")]


def test_a_column_headed_by_the_leader_of_each_task_holds_names():
    body = "序号\t任务\t责任领导\t责任单位\n1\t规范执法\t韩青松\t执法队\n2\t化解纠纷\t淳于清\t司法所\n"
    assert [name for name, _ in people(body)] == ["韩青松", "淳于清"]


def test_a_conjunction_after_a_title_opens_no_name_read_back_from_the_next_title():
    # 和 is a surname, but after 律师 it joins a second title: 和公职 is no one
    assert people("芦溪镇聘请律师和公职律师共同审核行政合同。") == []
    assert [name for name, _ in people("镇长和高远同志一同走访困难群众。")] == ["高远"]


def test_a_given_name_opening_with_a_conjunction_is_read_between_a_title_and_an_act():
    # 和顺 is a noun of the dictionary: between a title and an act of office it is a given name
    assert people("乡里请退休检察官鲁和顺主持调解。") == [("鲁和顺", "退休检察官")]
    # 及时 is an adverb: after a title and a family name it goes on the sentence
    assert people("所长宁及时处理了来信。") == []


def test_a_verb_of_one_character_after_a_title_opens_no_name():
    # 进 is what the lawyers do (they go into the schools), not a family name
    assert people("组织律师进校园开展讲座5场。") == []


def test_a_family_name_of_two_characters_takes_a_given_name_of_two():
    assert people("调解员吉克伍沙入户调解。") == [("吉克伍沙", "调解员")]
    # a later name of a list after a title is read as the first, from the title that heads them both
    assert people("调解员达瓦、吉克伍沙入户调解。") == [("达瓦", "调解员"), ("吉克伍沙", "调解员")]


def test_an_aside_in_brackets_after_each_name_of_a_list_is_passed_over():
    assert people("照片中网格员邵雨晴（左一）、祁梦瑶（左三）正在入户走访。") == [
        ("邵雨晴", "网格员"), ("祁梦瑶", "网格员")]


def test_a_table_may_have_several_columns_of_people():
    body = "村名\t包村领导\t村联系人\n上坝村\t买买提·托乎提\t巴桑\n下坝村\t上官云飞\t邬秀琴\n合计\t2\t2\n"
    assert people(body) == [("买买提·托乎提", "包村领导"), ("巴桑", "村联系人"), ("上官云飞", "包村领导"),
                            ("邬秀琴", "村联系人")]


def test_a_name_in_two_parts_holds_no_title():
    # 任组长 and 为副组长 are the posts given; 乡长 before the second name is its title, not part of it
    assert people("乡党委书记买买提·托乎提任组长，乡长古再丽努尔·艾力为副组长。") == [
        ("买买提·托乎提", "乡党委书记"), ("古再丽努尔·艾力", "乡长")]
    assert people("村支书热合曼·阿力木、乡长古再丽努尔·艾力分别包村。") == [
        ("热合曼·阿力木", "村支书"), ("古再丽努尔·艾力", "乡长")]


def test_a_later_span_of_a_list_that_qualifies_a_noun_is_no_name():
    # 桂坪 opens 桂坪社区 (a place): the list's second name is the one its own title frames
    assert [name for name, _ in people("东坪社区书记闻涛、桂坪社区书记卓航牵头组建调委会。")] == ["闻涛", "卓航"]


def test_he_after_a_title_is_a_family_name_when_the_person_alone_acts_next():
    assert people("村党支部书记和润生把村规民约修订好。") == [("和润生", "村党支部书记")]
    # 和 joins a second person who acts with the first, a common word, or a word the name's end would cut
    assert people("所长和民警一同入户。") == []
    assert people("重点关注留守老人和儿童的权益。") == []
    assert people("逐项明确责任领导和责任科室。") == []


def test_a_rare_family_name_and_an_old_person_are_read_inside_their_frames():
    assert people("副乡长木丽君（女）主持会议。") == [("木丽君", "副乡长")]
    assert people("七旬老人邵永福主动让出宅基地。") == [("邵永福", "老人")]


def test_names_before_an_honour_take_it_as_their_role():
    assert people("邬海燕被评为“全县优秀网格员”，冯青、阎松荣获县级“法治带头人”称号。") == [
        ("邬海燕", "全县优秀网格员"), ("冯青", "县级法治带头人称号"), ("阎松", "县级法治带头人称号")]
    # a village honoured is no person
    assert people("西岭村被评为省级民主法治示范村。") == []


def test_the_count_before_tongzhi_is_no_part_of_the_last_name():
    assert people("岳川、郑岚、那日苏三位同志组成宣讲小组。") == [("岳川", "同志"), ("郑岚", "同志"), ("那日苏", "同志")]


def test_a_label_joined_to_a_second_field_before_the_colon_still_labels_the_name():
    assert people("（联系人及电话：蔺佳，0351-1234567）") == [("蔺佳", "联系人")]


def test_a_name_no_lexicon_knows_is_read_between_a_title_and_a_sex_or_a_kind_and_a_household():
    # neither 岁 nor 苏 opens these names as a family name the table knows; the brackets and 一家 say a person stands there
    assert people("乡妇联主席岁月（女）负责维权工作。") == [("岁月", "乡妇联主席")]
    assert people("牧民查干朝鲁一家带头签订草畜平衡责任书。") == [("查干朝鲁", "牧民")]
    # a household of a common word is none (一家一户: house by house)
    assert people("村民小组一家一户走访。") == []


def test_the_members_between_you_and_zucheng_tile_the_run_when_a_rare_family_name_closes_it():
    # 占 opens a name only inside a frame: the list between 由 and 组成 frames each member at both ends
    assert [name for name, _ in people("成立由郁青、占海涛组成的巡回调解组。")] == ["郁青", "占海涛"]
    # words are no members, however the run is cut
    assert people("由占比、过半组成。") == []


def test_the_pairs_of_a_slogan_are_a_title_and_a_verb_not_a_name():
    # a parallel list of a title and a word of the same last character: the words are what each one does
    assert people("落实“站长领读、干事跟读、党员普读”的学法制度，全年学法12次。") == []
    assert people("坚持所长带学、组长研学、队员普学，推动学法入心。") == []
    # names side by side open with a family name each, so a list of them stays a list of people
    assert people("所长邵明、组长柏明参加培训。") == [("邵明", "所长"), ("柏明", "组长")]


def test_a_time_word_after_a_title_says_when_unless_an_act_of_office_follows():
    assert people("开通驻村律师周末预约热线。") == []
    assert people("落实法律顾问夜间接访制度。") == []
    assert people("镇党委书记夏天带头讲法。") == [("夏天", "镇党委书记")]


def test_a_name_ends_where_a_visit_begins():
    # a name of parts first, then a family name and a given name, cut before going into homes (入户), not after it
    assert people("宣讲员卓玛、甘文涛入户讲解民法典。") == [("卓玛", "宣讲员"), ("甘文涛", "宣讲员")]
    assert people("调解员卢文川上门调处宅基地纠纷。") == [("卢文川", "调解员")]


def test_he_after_a_name_and_a_list_mark_is_a_family_name():
    # after a name and 、, 和 joins nothing: 和 opens the next name, cut at the preposition or act after it
    assert people("人民调解员李春梅、和玉珍以拉家常的方式化解纠纷。") == [("李春梅", "调解员"), ("和玉珍", "调解员")]
    assert people("法律明白人和建英、和润兰用本地话讲解法律。") == [("和建英", "法律明白人"), ("和润兰", "法律明白人")]
    assert people("说事点由退休教师和丽芬领办。") == [("和丽芬", "退休教师")]
    # 和 between a name and a plain word joins them
    assert people("调解员李春梅、和村干部一起走访。") == [("李春梅", "调解员")]


def test_the_role_is_the_title_nearest_the_name():
    # a second post right before the name's: the nearer one is the role
    assert people("联村干部副乡长祁海波带队走访。") == [("祁海波", "副乡长")]
    # a clause with a pronoun before the title is no body the title belongs to
    assert people("村民都这样称赞调解员蒲文静：有事找她准没错。") == [("蒲文静", "调解员")]
    # but a body named after the pronoun still qualifies it, and a one-character pronoun points at the body
    assert people("其中柳塘社区书记闵嘉禾牵头调处。") == [("闵嘉禾", "柳塘社区书记")]
    assert people("我镇司法所所长欧阳青带头讲法。") == [("欧阳青", "我镇司法所所长")]


def test_a_names_table_without_a_post_column_takes_the_title_of_its_caption():
    assert people("南片区法律明白人名单\n姓名\t村别\t电话\n蒲文静\t柳塘村\t13900000001\n祁海波\t石门村\t13900000002\n") == [
        ("蒲文静", "法律明白人"), ("祁海波", "法律明白人")]
    # a post column, where there is one, gives each row's post
    assert people("南片区法律明白人名单\n姓名\t职务\n蒲文静\t村委会主任\n") == [("蒲文静", "村委会主任")]
