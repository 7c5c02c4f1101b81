"""Campaigns: days folded to one name whatever the date form, lexicon programmes, titled local activities, and
quotes kept only when the text presents them as an activity."""

from __future__ import annotations

import pytest

from kg.extract import campaigns
from kg.read import make_source


def found(text: str):
    return campaigns.extract(make_source("t.txt", text, "utf-8"), ())


def names(text: str) -> list[str]:
    return [c.name for c in found(text)]


@pytest.mark.parametrize("written", ["4月15日全民国家安全教育日", "“4.15”全民国家安全教育日", "4·15国家安全教育日",
                                     "全民国家安全教育日", "“4·15”"])


def test_every_form_of_a_day_is_one_canonical_node(written):
    [day] = found(f"利用{written}开展宣传。")
    assert day.name == "4·15全民国家安全教育日"
    assert day.category == "day"
    assert day.surface.strip("“”") == written.strip("“”")


def test_the_constitution_day_and_week_are_one_node_with_the_first_surface():
    [day] = found("围绕“12.4”国家宪法日和宪法宣传周开展活动。")
    assert (day.name, day.surface) == ("12·4国家宪法日", "“12.4”国家宪法日")


def test_a_decimal_or_a_date_without_a_label_is_not_a_day():
    assert names("调解成功率增长12.4%，于4月15日召开会议。") == []


def test_a_month_prefix_stays_with_a_publicity_month():
    [month] = found("通过三月法治宣传月开展普法。")
    assert (month.name, month.surface) == ("法治宣传月", "三月法治宣传月")


def test_national_programmes_from_the_lexicon():
    text = "深化“放管服”改革，落实“双随机、一公开”，推行一村（居）一法律顾问，开展扫黑除恶专项斗争。"
    assert names(text) == ["放管服", "双随机、一公开", "一村一法律顾问", "扫黑除恶"]


def test_a_campaign_ending_in_fa_before_the_word_zhidu():
    # 述法制度 is 述法 and its 制度 (no word starts 法制度); 阐述法制建设 and 上述法律 stay plain words
    assert names("健全领导干部述法制度，班子成员全覆盖。") == ["述法"]
    assert names("阐述法制建设的意义，落实上述法律规定。") == []


def test_a_quoted_local_title_presented_as_an_activity_is_a_campaign():
    text = "打造“青山法治驿站”普法品牌，推行“周三说法”。"
    assert names(text) == ["青山法治驿站", "周三说法"]


def test_quoted_idioms_roles_platforms_and_goals_are_not_campaigns():
    text = ("筑牢群众“钱袋子”的防护墙，通过“普法志愿者”宣讲，依托“青山发布”微信公众号推送，"
            "实现“小事不出村、大事不出镇、矛盾不上交”，打造“一站式”服务，解决“老大难”纠纷，以“一懂两爱”为标准，"
            "推行“线上+线下”法律咨询。")
    assert names(text) == []


def test_goal_formulas_and_rules_of_order_are_not_campaigns_even_when_upheld():
    body = ("围绕“生态立镇、法治兴镇”的发展思路，以“崇法尚德、和美乡村”为工作目标，坚持“先调解、后诉讼”，"
            "坚持“有事好商量”，推行“一窗受理、集成服务”。")
    assert names(body) == ["一窗受理、集成服务"]

def test_a_quote_listed_beside_a_campaign_shares_its_kind():
    assert names("组织观看“以案释纪”“以案促改”警示教育片。") == ["以案释纪", "以案促改"]


def test_parts_of_a_quoted_name_are_not_nodes_of_their_own():
    text = "探索建立“一村两员三网”工作模式，“一村”暨每个行政村，“两员”暨调解员和网格员。"
    assert names(text) == ["一村两员三网"]


def test_title_shaped_activities_without_quotes():
    text = "先后开展了矛盾纠纷集中化解月活动、安全生产百日攻坚行动，在中学开展青少年法治大讲堂活动。"
    assert names(text) == ["矛盾纠纷集中化解月活动", "安全生产百日攻坚行动", "青少年法治大讲堂活动"]


def test_the_into_family_but_not_the_parts_of_a_five_into_drive():
    assert names("开展送法进企业、法治进校园活动。") == ["送法进企业", "法治进校园"]
    # the villages and pastures of minority and herding areas are places such drives go into as well
    assert names("开展送法进村寨活动20场，普法进牧区3次。") == ["送法进村寨", "普法进牧区"]
    assert names("推动“法律七进”，即法律进机关、进乡村、进社区。") == ["法律七进"]


def test_a_campaign_named_in_a_document_title_is_the_document_not_a_campaign():
    assert names("印发《青山镇“八五”普法规划》。") == []


def test_evidence_points_at_the_first_mention():
    text = "一是践行“枫桥经验”。\n二是发展新时代枫桥经验。"
    [node] = found(text)
    assert text[node.evidence.start:node.evidence.end] == "“枫桥经验”"
    assert node.evidence.sentence == "一是践行“枫桥经验”。"


@pytest.mark.shared
def test_days_of_a_real_report_share_names_with_other_reports(corpus_texts):
    first = set(names(corpus_texts["000_9297ac14c1609d27.txt"]))
    second = set(names(corpus_texts["003_81054de046c7a460.txt"]))
    days = {"3·15国际消费者权益日", "4·15全民国家安全教育日", "6·26国际禁毒日", "12·4国家宪法日"}
    assert days <= first and days <= second  # “4.15”全面…, “6· 26”禁毒日 and 12.4宪法宣传日 included


@pytest.mark.shared
def test_real_quotes_sorted_into_campaigns_and_not(corpus_texts):
    text = corpus_texts["004_aacd17f2585f8bc5.txt"]
    got = names(text)
    assert "一会三员一网格" in got and "办、审、定三分离" in got and "大调解" in got
    assert not {"一会", "三员", "一网格", "一站式", "点对点"} & set(got)
    assert "“一站式”" in text and "“点对点”" in text


@pytest.mark.parametrize("name", ["yunxiu_2023.txt", "mingping_2024.txt", "lanqiao_2023.txt"])
def test_a_report_in_traditional_characters_names_the_campaigns_of_its_simplified_twin(name):
    from conftest import EXAMPLES

    from kg.read import read_source
    from kg.text.script import to_simplified, to_traditional

    simplified = read_source(EXAMPLES / name)
    traditional = make_source(name, to_traditional(simplified.text), "utf-8")
    assert ("script", "traditional") in traditional.metadata
    found = campaigns.extract(traditional)
    assert {to_simplified(c.name) for c in found} == {c.name for c in campaigns.extract(simplified)}
    assert all(c.surface in traditional.text for c in found)  # as the report writes it, for the evidence


def test_service_reforms_and_a_village_method_from_the_lexicon():
    text = "全面推行村级事务“四议两公开”，政务服务实行“好差评”，“一次办好”事项扩大到88项。"
    assert names(text) == ["四议两公开", "好差评", "一次办好"]


def test_a_quoted_place_name_set_as_a_building_goal_is_no_campaign():
    assert names("围绕“法治青禾”建设目标，推进依法行政。") == []
    assert names("围绕“法治青禾”开展宣传活动。") == ["法治青禾"]


def test_publicity_into_village_groups():
    assert names("组织普法小分队开展送法进村组活动。") == ["送法进村组"]


def test_a_quoted_team_the_township_sets_up_is_a_campaign():
    assert names("镇司法所组建“石桥法律服务队”，走进企业开展服务。") == ["石桥法律服务队"]


def test_an_honour_title_won_a_counter_reform_and_office_rules_that_are_no_campaigns():
    assert names("石桥村获评市级“法治示范村居”，政务大厅推行“一窗通办”。") == ["法治示范村居", "一窗通办"]
    assert names("大厅实行“首问负责制”和“限时办结制”。") == []


def test_a_quoted_team_or_studio_is_a_named_practice_wherever_it_stands():
    assert names("“红枫调解工作室”负责人欧阳青带领“银发宣讲团”进村。") == ["红枫调解工作室", "银发宣讲团"]
    # a quoted role is still no campaign
    assert names("选聘“法治宣传员”12名。") == []


def test_a_quoted_name_the_township_builds_is_a_campaign():
    assert names("全镇建成“20分钟公共法律服务圈”。") == ["20分钟公共法律服务圈"]


def test_straight_quotes_pair_along_a_line_as_curly_ones_do():
    assert names('深化"月学一法"机制，推行"周二说法"制度。') == ["月学一法", "周二说法"]
    # an idiom in straight quotes is still no campaign
    assert names('破解"老大难"问题。') == []


def test_a_quote_naming_the_team_or_studio_after_it_and_a_style_of_model_to_be_created():
    got = names("社区在居委会设立“老街坊”调解室，退休教师在“解心结”工作室坐班；镇里推进“枫桥式”派出所创建，"
                "打造“一站式”服务大厅。")
    assert "解心结" in got and "枫桥式派出所创建" in got
    # a style that describes a service (一站式) is still an adjective, and a room that is no team (调解室) names nothing
    assert "一站式" not in got and "老街坊" not in got


def test_a_quoted_room_of_reasoning_or_council_is_a_named_practice():
    assert names("在村部开辟“板凳说理室”，每月在“院坝议事厅”商量村务。") == ["板凳说理室", "院坝议事厅"]


def test_a_quoted_formula_names_a_model_only_with_its_kind_after_it():
    assert names("推广“2+N”联调机制，组建“1+1+X”帮教小组。") == ["2+N"]
    # a formula of working days and weekends describes a duty roster, no model
    assert names("窗口实行“6+1”轮岗。") == []


def test_a_rhythm_of_work_and_a_generic_office_rule_are_no_campaigns():
    assert names("领导小组实行“周研判、月调度”，窗口推行“容缺受理”，镇里开展“院落说事”活动。") == ["院落说事"]


def test_a_quote_of_roles_joined_by_plus_names_who_takes_part_not_a_practice():
    assert names("推行“律师+调解员+网格员”联合巡逻，开展“法润万家”活动。") == ["法润万家"]


def test_a_part_of_a_quoted_theme_presented_as_an_activity_of_its_own_is_one_too():
    assert names("以“法进农家、情暖石岭”为主题，全年开展“法进农家”活动12场。") == ["法进农家、情暖石岭", "法进农家"]
    # parts of a name, quoted after it with nothing that presents them, stay parts
    assert names("推行“一会三员一网格”，“一会”“三员”各司其职。") == ["一会三员一网格"]


def test_a_pairing_slogan_is_no_role():
    assert names("组织“大手牵小手”亲子普法活动。") == ["大手牵小手"]
    assert names("聘请“专职调解员”驻所。") == []


def test_shufa_before_renyuan_is_the_campaign():
    assert names("各村述法人员名单已按时报县委。") == ["述法"]


def test_a_quote_the_township_provides_is_presented_but_a_manner_of_service_is_not():
    assert names("为山区群众提供“半小时调解圈”。") == ["半小时调解圈"]
    assert names("为困难群众提供“面对面”帮扶。") == []
    # a quote provided before the noun it describes is a manner of that thing
    assert names("为群众提供“全天候”法律服务。") == []


def test_a_slogan_of_many_parts_taken_as_the_theme_is_a_campaign_but_a_goal_formula_is_not():
    assert names("以“懂法、护法、守法、用法”为主题开展宣传月活动。")[:1] == ["懂法、护法、守法、用法"]
    assert names("力求“小事不出组、大事不出村、难事不出镇、矛盾不上交”。") == []


def test_a_drive_into_villages_and_homes_is_one_only_when_presented_as_an_activity():
    # 进村入户 tells any visit: the law carried there names a drive when its kind follows, not as a plain errand
    assert names("今年启动宪法进村入户活动，覆盖各组。") == ["宪法进村入户"]
    assert names("干部带着法治读本进村入户宣传。") == []
    assert names("司法所开展宪法进村入户宣讲。") == []


def test_a_drive_listed_into_several_places_is_one_name():
    assert names("举办“法律进农家、进校园、进工地”活动。") == ["法律进农家、进校园、进工地"]
    assert names("推动法治进社区、进网络。") == ["法治进社区、进网络"]


def test_a_national_programme_against_unpaid_wages_is_read_without_quotes():
    assert names("开展根治欠薪夏季专项行动，追回欠款。") == ["根治欠薪"]


def test_rules_of_who_answers_and_an_institution_of_proofs_are_no_campaigns():
    assert names("落实“谁审批谁负责”“谁主管谁负责”，推行证明事项告知承诺制。") == []
    assert names("坚持“谁执法谁普法”。") == ["谁执法谁普法"]


def test_two_manners_set_against_each_other_are_no_campaigns():
    assert names("推动调解由“坐堂等案”向“上门解纷”转变。") == []


def test_a_quoted_broadcast_column_is_media_but_a_hosted_campaign_is_presented():
    assert names("在广播开设“山溪讲法”栏目。") == []
    assert names("承办全市“法润企业”千场宣讲活动1场。") == ["法润企业"]


def test_the_lawyers_check_up_of_firms_is_a_programme_quoted_or_not():
    assert names("律师团队为园区企业开展法治体检15家。") == ["法治体检"]
    assert names("为民营企业开展“法治体检”。") == ["法治体检"]


def test_law_carried_into_a_village_or_a_market_is_a_drive_only_as_an_activity():
    assert names("全年开展送法进村活动9场。") == ["送法进村"]
    assert names("组织普法进集市活动，摆摊咨询。") == ["普法进集市"]
    # told as a plain errand, the same words name no drive
    assert names("干部带头送法进村，解答群众疑问。") == []


def test_an_honour_won_by_one_person_is_no_campaign_but_a_branded_selection_is():
    assert names("调解员石秋月获评“优秀人民调解员”，网格员被评为全县“先进个人”。") == []
    assert names("司法所所长被评为全省“最美基层法律服务工作者”。") == ["最美基层法律服务工作者"]
    # a title won by a village is a creation, as before
    assert names("桐溪村获评“民主法治示范村”。") == ["民主法治示范村"]


def test_a_name_inside_a_longer_word_is_no_mention():
    # 宣传月 closes 法治宣传月 but opens 月历 here: the plan is a calendar, not the month's drive
    assert "法治宣传月" not in names("镇司法所编印全年法治宣传月历，逐月排定宣传主题。")
    assert "法治宣传月" in names("十一月开展法治宣传月活动，发放资料。")
