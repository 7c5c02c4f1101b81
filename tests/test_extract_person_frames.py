"""Frames that tie a scored span to a person: labels, professions after the name, appointments, awards, speakers,
rows written with spaces, and a title before a name the rules read no act after. Sentences of our own."""

from __future__ import annotations

from kg.extract import person_score, persons
from kg.read import make_source
from kg.text.normal import normalize

TITLE = "松台乡2024年法治政府建设情况报告\n"


def people(body: str) -> list[tuple[str, str]]:
    source = make_source("sample.txt", TITLE + body, "utf-8")
    return [(p.name, p.role) for p in persons.extract(source, ())]


def test_a_label_and_a_colon_name_the_person_and_the_body_before_the_bracket():
    assert people("乡矛盾调处中心（负责人：柏青松）每周开放五天。\n") == [("柏青松", "乡矛盾调处中心负责人")]
    assert people("承办科室：党政办\n联系人：喻晴　　电话：0731-5550123\n") == [("喻晴", "联系人")]
    # a label before something other than a name is no person
    assert people("联系人：各村治保主任，电话另行通知。\n") == []


def test_a_profession_after_the_name_ties_it_and_the_words_before_qualify_it():
    assert people("乡派出所戚少鹏警官每月进村宣讲两次。\n") == [("戚少鹏", "乡派出所警官")]
    assert people("请市师范学院滕玥老师给学生上法治课。\n") == [("滕玥", "市师范学院老师")]
    assert people("农业大学房思远教授讲解土地承包法。\n") == [("房思远", "农业大学教授")]
    # a profession that opens a longer word (律师事务所, 老师们) follows no name
    assert people("邀请城南律师事务所为村民讲法，老师们积极参加。\n") == []


def test_names_before_an_appointment_to_a_post_each_take_the_post():
    assert people("专班由柏青松任组长，喻晴、卜少华任副组长，成员由各站所长组成。\n") == [
        ("柏青松", "组长"), ("喻晴", "副组长"), ("卜少华", "副组长")]


def test_an_award_before_the_name_ties_it_even_with_a_kind_of_person_between():
    assert people("被评为“全市最美调解员”的居民宁桂芝，坚持上门调解。\n") == [("宁桂芝", "全市最美调解员")]


def test_a_line_that_opens_with_a_name_and_a_colon_quotes_a_speaker_and_other_openings_do_not():
    assert people("群众说法摘录：\n宁桂芝：过去有事不知道找谁，如今到调处中心就能说清楚。\n") == [("宁桂芝", "")]
    assert people("任务一：完成全乡干部学法考试，参考率达到百分之百。\n周一：集中学习法律法规和政策文件。\n") == []


def test_a_table_row_written_with_spaces_names_the_person_and_the_post_in_the_next_cell():
    assert people("副组长    司徒兰    副乡长\n成员    上官文    乡武装部长\n") == [("司徒兰", "副乡长"), ("上官文", "乡武装部长")]


def test_a_title_before_a_name_that_no_rule_closes_is_kept_when_the_name_scores_and_a_word_is_not():
    assert people("乡人大主席伍明远统筹推进普法工作。\n") == [("伍明远", "乡人大主席")]
    assert people("乡长高度重视，书记亲自部署，法律顾问由城南律师事务所派驻。\n") == []


def test_the_score_prefers_the_span_the_dictionary_cuts_cleanly():
    text = normalize("乡人大主席伍明远统筹推进普法工作。")
    start = text.index("伍")
    assert person_score.best_from(text, start, 2.0) == "伍明远"
    # a word after the title scores below any frame's help
    word = normalize("乡长高度重视依法行政。")
    assert person_score.best_from(word, word.index("高"), 3.0) is None


def test_sign_off_labels_titles_before_a_colon_and_padded_names():
    assert people("审稿人：柏青松　　校对人：喻晴\n") == [("柏青松", "审稿人"), ("喻晴", "校对人")]
    assert people("乡法律服务所（主任：卜少华）负责日常接待。\n") == [("卜少华", "乡法律服务所主任")]
    assert people("（执笔：宁  娟）\n") == [("宁娟", "执笔")]


def test_a_form_of_address_or_comrade_after_names_ties_each_of_a_list():
    assert people("由柏青松、宁桂芝同志组成督导组。\n") == [("柏青松", ""), ("宁桂芝", "")]
    assert people("乡文化站卜少华女士常年义务讲法。\n") == [("卜少华", "乡文化站女士")]
    # doctrine after 同志 is no person of the text
    assert people("坚持以习近平同志为核心的党中央领导。\n") == []


def test_names_before_a_count_and_what_they_are():
    assert people("柏青松、喻晴两位副乡长分别联系片区。\n") == [("柏青松", "副乡长"), ("喻晴", "副乡长")]
    assert people("乡政府为戚少鹏等9名老干部颁发证书。\n") == [("戚少鹏", "老干部")]
    # a count after a word names no one
    assert people("全乡执法人员18名全部持证。\n") == []


def test_an_appointment_to_a_post_that_ends_in_a_title():
    assert people("聘请城南律师事务所滕玥为乡政府法律顾问，服务期两年。\n") == [("滕玥", "乡政府法律顾问")]
    assert people("积极推动乡村振兴为民办实事。\n") == []


def test_who_a_person_is_before_the_name_and_a_profile():
    assert people("村医宁桂芝主动参与调解。\n") == [("宁桂芝", "村医")]
    assert people("村民戚少鹏说：“有事找调解室。”\n") == [("戚少鹏", "村民")]
    # a party to a case, named 某某, is no actor; 群众 before a word names no one
    assert people("村民柏某某与邻居发生纠纷，群众信访事项按期办结。\n") == []
    assert people("调解员 宁桂芝，女，1958年生，退休教师。\n") == [("宁桂芝", "调解员")]
    assert people("典型人物：卜少华，男，1966年生，长期扎根基层。\n") == [("卜少华", "")]


def test_a_name_in_parts_after_a_title_ends_before_the_act_that_follows_it():
    assert people("乡长热依拉·阿布都主持召开专题会，副乡长买买提·吐尔洪坚持每周督办，宣讲员努尔·沙吾提带领宣讲队进村。\n") == [
        ("热依拉·阿布都", "乡长"), ("买买提·吐尔洪", "副乡长"), ("努尔·沙吾提", "宣讲员")]


def test_an_appointment_after_a_form_of_address_gives_the_role():
    assert people("喻晴同志为乡政府法律顾问，全年审核合同。\n") == [("喻晴", "乡政府法律顾问")]


def test_a_word_between_a_title_and_an_act_of_office_is_a_name_there():
    # two frames fix both ends: a given name that is a word (舒畅, 明亮, 安宁) is a name in that slot
    assert people("派出所教导员舒畅带队走访沿街商户，镇武装部长明亮统筹民兵巡逻。\n") == [
        ("舒畅", "派出所教导员"), ("明亮", "镇武装部长")]
    assert people("法律顾问：县正平律师事务所律师安宁，逢周二坐班。\n") == [("安宁", "律师")]
    assert people("养殖大户谷雨组织邻里学法。\n") == [("谷雨", "养殖大户")]
    # what a sentence goes on with after a title is no name, whatever closes it
    assert people("镇长亲自带队，所长全程带队，主任统一组织，书记高度重视，顾问单位负责，律师欢乐，网格员万名。\n") == []
    assert people("法律顾问由城南律师事务所派驻，实现法律顾问全覆盖。\n") == []


def test_a_family_name_that_is_mostly_a_word_opens_a_name_only_in_a_slot():
    assert people("执法案卷均由党政办主任占海波复核。\n") == [("占海波", "党政办主任")]
    # in free text 占 is the verb "to occupy"
    assert people("调解成功的纠纷占全年受理纠纷的九成。\n") == []


def test_a_name_people_give_in_quotes_before_the_person():
    assert people("被村民誉为“金牌调解员”的晏春生，二十年如一日守在调解室。\n") == [("晏春生", "金牌调解员")]


def test_a_dotted_name_ends_before_a_conjunction():
    assert people("派出所教导员古丽米拉·艾买提和司法所所长韩青共同接访。\n") == [
        ("古丽米拉·艾买提", "派出所教导员"), ("韩青", "司法所所长")]


def test_a_slot_closes_on_an_act_of_one_character_and_reads_rare_family_names():
    assert people("镇党委书记严正在会上提出要求，副镇长过立新包片联系北片，乡长代小川任第一责任人。\n") == [
        ("严正", "镇党委书记"), ("过立新", "副镇长"), ("代小川", "乡长")]
    assert people("渔民龙海生一家主动让出滩涂。\n") == [("龙海生", "渔民")]
    # 才 after a title is the adverb there ("only then") when no name can be read
    assert people("主任才能出众，书记才开始部署。\n") == []


def test_a_kind_of_person_heads_each_name_of_its_list_and_a_title_ending_may_stand_inside_a_given_name():
    assert people("老党员温长河、祝永康及退休教师柯秀珍常年参与调解。\n") == [
        ("温长河", "老党员"), ("祝永康", "老党员"), ("柯秀珍", "退休教师")]


def test_a_roll_of_numbered_lines_names_each_person_before_the_post():
    body = "年内表彰调解能手3名：\n1. 陶小满　东坡村调解员\n2. 习文华　西坡村居民代表\n3. 庄静　律师\n（二）下一项工作。\n"
    assert people(body) == [("陶小满", "东坡村调解员"), ("习文华", "西坡村居民代表"), ("庄静", "律师")]
    # a numbered line of a phrase and its words is no roll
    assert people("主要成绩\n1. 法治宣传　进一步深入\n") == []


def test_a_dotted_name_read_from_both_ends_is_one_person():
    # the kind reads the name from its start, 同志 reads it back from its end: the longer reading is the name
    assert people("渔民阿卜杜拉江·艾则孜同志主动巡护河道。\n") == [("阿卜杜拉江·艾则孜", "渔民")]


def test_a_verb_before_a_title_that_qualifies_a_thing_is_no_name():
    # 张贴 is a verb and 法律顾问照片 its object; before 所长讲话 the name stands
    assert people("各村宣传栏张贴法律顾问照片及联系电话。") == []
    assert people("镇司法所彭涛所长讲话，部署全年普法任务。") == [("彭涛", "镇司法所所长")]


def test_a_span_holding_an_act_or_a_verb_and_a_locative_is_no_name():
    assert people("推行镇村干部包片联户，每户都有联系人。") == []  # 包片 is what cadres do
    assert people("复议应诉中负责人出庭率达到100%。") == []  # 应诉中: "while answering a suit"


def test_an_adverb_is_no_given_character_even_in_a_slot():
    assert people("持证网格员占比仅为四成。") == []


def test_a_name_read_after_a_title_ends_before_the_next_title_it_would_cut():
    assert [name for name, _ in people("分管领导蒋正副镇长带队检查。")] == ["蒋正"]


def test_going_to_a_place_closes_a_name_after_a_title_even_with_a_rare_family_name():
    assert people("县公安局民警单于飞到村排查隐患。") == [("单于飞", "县公安局民警")]
    assert people("司法所所长单于飞到村开展普法。") == [("单于飞", "司法所所长")]


def test_a_name_the_township_gives_in_quotes_before_the_person_is_their_role():
    assert people("“普法大姐”柴玉梅走村串户讲解民法典。") == [("柴玉梅", "普法大姐")]
    assert people("村里的“和事佬大叔”滕德旺走家串户劝和。") == [("滕德旺", "和事佬大叔")]
    # a form of address heads no name where a word follows it
    assert people("帮助独居大爷解决生活困难。") == []


def test_a_neighbourly_name_in_quotes_then_the_persons_own_in_brackets():
    assert people("其中，柳树社区的“赵大妈”（赵桂香，退休教师）每周到调解室值班。") == [("赵桂香", "赵大妈")]
    assert people("社区“热心大哥”（见附件）名单。") == []


def test_a_cadre_heads_a_name_and_should_is_no_family_name_after_it():
    assert people("镇司法所干部郝晓东、派出所民警于洋共同调处纠纷。") == [("郝晓东", "干部"), ("于洋", "民警")]
    # 应 is a family name far less often than "should": after 干部 it opens what cadres should do
    assert people("全体干部应知应会测试合格率100%。") == []
