"""Metrics: what was counted, how many, in which unit, on sentences we write and on the shared reports."""

from __future__ import annotations

from kg.structure import outline as structure
from kg.extract import metrics
from kg.model import Evidence, Section
from kg.read import make_source
from kg.text import compact
from kg.text.script import to_traditional

TITLE = "青禾镇2023年度法治政府建设情况报告\n"


def extract(body: str, sections: tuple[Section, ...] = ()):
    source = make_source("sample.txt", TITLE + body, "utf-8")
    return source, metrics.extract(source, sections)


def facts(body: str) -> list[tuple[str, float, str, bool]]:
    return [(m.indicator, m.value, m.unit, m.approx) for m in extract(body)[1]]


def test_count_after_the_phrase_takes_the_phrase_before():
    assert facts("全年共组织开展法律宣传8次，发放宣传资料25000余份。") == [
        ("组织开展法律宣传", 8, "次", False),
        ("发放宣传资料", 25000, "份", True),
    ]


def test_counts_after_respectively_go_to_the_joined_subjects_in_turn():
    assert facts("受理行政复议和行政诉讼案件分别为3件、1件，调解、信访、诉讼案件分别为12件、8件和3件。") == [
        ("受理行政复议", 3, "件", False), ("行政诉讼案件", 1, "件", False),
        ("调解", 12, "件", False), ("信访", 8, "件", False), ("诉讼案件", 3, "件", False),
    ]
    # without 分别 a list of counts keeps what each counts
    assert facts("发放资料3000份、宣传册500册。") == [("发放资料", 3000, "份", False), ("宣传册", 500, "册", False)]


def test_count_before_the_noun_takes_the_noun_after():
    assert facts("截至目前，我镇共建成1个公共法律服务站和12个村级法治文化阵地。") == [
        ("公共法律服务站", 1, "个", False),
        ("村级法治文化阵地", 12, "个", False),
    ]


def test_a_list_of_labelled_figures_takes_each_label():
    assert facts("全年工作数据如下：\n办理法律援助：12件\n发放宣传资料： 3000余份\n信访积案：0件\n") == [
        ("办理法律援助", 12, "件", False),
        ("发放宣传资料", 3000, "份", True),
        ("信访积案", 0, "件", False),
    ]
    # a colon that introduces a sentence leaves the clause after it to say what was counted
    assert facts("主要成效：全年调解纠纷30件。") == [("调解纠纷", 30, "件", False)]


def test_money_percentages_and_chinese_numerals_are_plain_numbers():
    assert facts("争取专项经费20万元，化解率达100%，悬挂横幅四十余条。") == [
        ("争取专项经费", 200000, "元", False),
        ("化解率", 100, "%", False),
        ("悬挂横幅", 40, "条", True),
    ]


def test_zero_facts_and_per_unit_quantities_count():
    found = facts("全年无一起干部违规插手案件处理，每村配备一名法律顾问。")
    assert ("干部违规插手案件处理", 0, "起", False) in found
    assert ("法律顾问", 1, "名", False) in found


def test_one_number_for_coordinated_rates_gives_one_metric_each():
    found = facts("全年受理信访事项56件，及时受理率、按期办结率均为100%。")
    assert [(i, v) for i, v, u, _ in found if u == "%"] == [("及时受理率", 100), ("按期办结率", 100)]


def test_two_quantities_of_one_thing_share_the_indicator():
    assert facts("依法拆除违法建筑3处约450m²。") == [
        ("依法拆除违法建筑", 3, "处", False),
        ("依法拆除违法建筑", 450, "m²", True),
    ]


def test_dates_names_levels_and_vague_quantities_are_left_out():
    body = (
        "2023年11月份，落实行政执法“三项制度”和“一岗双责”，推行“最多跑一次”，"
        "挑选一批典型案例多次组织学习，开展“4.15”宣传和“八五”普法，"
        "参加万名乡村法律骨干培训，健全镇村组三级网络，第三次会议按青委文〔2023〕9号执行。"
    )
    assert facts(body) == []


def test_numbers_inside_titles_and_slogans_are_left_out():
    assert facts("学习《深刻把握两个确立的决定性意义》，推行“马上办、一次办”。") == []


def test_plan_sections_state_no_facts():
    body = "一、工作成效\n全年调解纠纷30件。\n二、下一步计划\n力争全年开展宣传20场次。\n"
    source = make_source("sample.txt", TITLE + body, "utf-8")
    sections = structure.parse(source).sections
    assert [s.kind for s in sections] == ["measures", "plans"]
    assert [(m.indicator, m.value) for m in metrics.extract(source, sections)] == [("调解纠纷", 30)]


def test_evidence_points_at_the_number_in_its_sentence():
    source, found = extract("镇司法所全年办理法律援助案件９件。")
    (metric,) = found
    assert isinstance(metric.evidence, Evidence)
    assert source.text[metric.evidence.start : metric.evidence.end] == "９件"
    assert metric.evidence.sentence == "镇司法所全年办理法律援助案件９件。"


def test_indicators_are_spans_of_the_text(corpus_texts):
    for name, text in corpus_texts.items():
        source = make_source(name, text, "utf-8")
        plain = compact(text)
        found = metrics.extract(source, structure.parse(source).sections)
        spans = {compact(metric.indicator) for metric in found}
        for metric in found:
            # A change on last year (同比增长) is named after the count before it: two spans, the count's and its own.
            joined = any(metric.indicator.startswith(s) and compact(metric.indicator[len(s):]) in plain for s in spans if s)
            assert compact(metric.indicator) in plain or joined, (name, metric.indicator)
            assert metric.evidence.start < metric.evidence.end
            assert metric.evidence.sentence in text


def test_real_report_counts(corpus_texts):
    text = corpus_texts["lixi_2022.txt"]
    source = make_source("lixi_2022.txt", text, "utf-8")
    found = {(m.indicator, m.value, m.unit, m.approx) for m in metrics.extract(source, structure.parse(source).sections)}
    assert ("发放宣传资料", 8600, "份", True) in found
    assert ("悬挂宣传横幅", 40, "条", True) in found
    assert ("化解率", 97.1, "%", False) in found
    assert ("帮助群众挽回经济损失", 140000, "元", True) in found
    assert ("督导考评", 2, "次", False) in found
    # 每季度 and 一批…纠纷 carry no count; the plans section's 一个窗口 is a slogan, not a fact.
    assert not any(m[0].startswith("窗口") or m[1] == 1 and m[2] == "批" for m in found)


def test_a_count_of_parts_after_a_count_of_groups_counts_the_whole_divided():
    assert facts("将年度工作细化为3个板块16项，逐项落实责任。") == [
        ("板块", 3, "个", False),
        ("年度工作", 16, "项", False),
    ]
    # A noun of its own after the second count wins; a comma between the counts makes two facts.
    assert facts("把全年任务分解为4个方面19项具体措施。")[1] == ("具体措施", 19, "项", False)
    assert facts("建成1个调解中心，8个调解室。") == [("调解中心", 1, "个", False), ("调解室", 8, "个", False)]


def test_an_adverb_after_the_unit_leaves_the_phrase_before():
    assert facts("全年规范性文件9件均经合法性审核，12份合同都已备案。")[0] == ("规范性文件", 9, "件", False)


def test_a_change_gives_two_facts_of_the_thing_counted():
    assert facts("专职调解员由2名增至6名，涉法信访由上年的19件降至8件。") == [
        ("专职调解员", 2, "名", False),
        ("专职调解员", 6, "名", False),
        ("涉法信访", 19, "件", False),
        ("涉法信访", 8, "件", False),
    ]


def test_counts_in_a_framing_clause_are_aims_not_facts():
    body = "聚焦营商环境和基层治理两件大事，紧扣执法规范化、普法精准化两项重点工作，围绕三个重点抓推进，全年开展执法检查12次。"
    assert facts(body) == [("开展执法检查", 12, "次", False)]
    assert facts("围绕重点领域开展专项检查5次。") == [("围绕重点领域开展专项检查", 5, "次", False)]


def test_people_counted_first_are_the_noun_not_what_they_did():
    found = facts("在5个社区建立“调解工作室”，帮助21名农民工讨回欠薪9.6万元，35名群众参加旁听。")
    assert ("社区", 5, "个", False) in found
    assert ("农民工", 21, "名", False) in found
    assert ("群众", 35, "名", False) in found
    assert facts("4个村各有一名驻村辅警巡逻。") == [("村", 4, "个", False), ("驻村辅警", 1, "名", False)]


def test_money_names_what_was_spent_before_it():
    assert facts("投入资金15.8万元建设村级调解室。") == [("投入资金", 158000, "元", False)]
    assert facts("拨付6万元专项经费。") == [("专项经费", 60000, "元", False)]


def test_linking_words_before_the_number_are_trimmed():
    found = facts("网格员每村不少于4名，群众安全感提升至97.2%，法治宣传覆盖率达到98.5%，调处化解率达95%以上，同比增长15%。")
    assert found == [
        ("网格员每村", 4, "名", False),
        ("群众安全感", 97.2, "%", False),
        ("法治宣传覆盖率", 98.5, "%", False),
        ("调处化解率", 95, "%", True),
        ("调处化解率同比增长", 15, "%", False),
    ]


def test_a_bare_count_shares_what_the_next_count_counts():
    assert facts("共计4批次150人次参加执法培训，聘请3名律师担任法律顾问。") == [
        ("参加执法培训", 4, "批次", False),
        ("参加执法培训", 150, "人次", False),
        ("律师", 3, "名", False),
    ]


def test_a_range_is_one_fact_at_its_lower_bound_marked_approximate():
    source, found = extract("每季度开展法治培训3至5次，投入普法经费2～3万元，审批3-5个工作日办结。")
    assert [(m.indicator, m.value, m.unit, m.approx) for m in found] == [
        ("每季度开展法治培训", 3, "次", True),
        ("投入普法经费", 20000, "元", True),
        ("审批", 3, "个工作日", True),
    ]
    assert [source.text[m.evidence.start : m.evidence.end] for m in found] == ["3至5次", "2～3万元", "3-5个工作日"]
    assert [m.upper for m in found] == [5, 30000, 5]  # the upper bound is kept, with the multiplier applied


def test_a_span_of_years_is_a_date_not_a_range():
    assert facts("2021-2022年度共办理行政复议案件6件。") == [("办理行政复议案件", 6, "件", False)]


def test_decimals_with_wan_and_yi_are_plain_numbers():
    assert facts("争取法治建设资金1.25亿元，为群众挽回经济损失36.8万余元。") == [
        ("争取法治建设资金", 125000000, "元", False),
        ("为群众挽回经济损失", 368000, "元", True),
    ]


def test_a_share_written_as_a_fraction_is_a_percentage_of_what_follows():
    # The issue lists fractions (三分之二) among the quantities a report states: a share reads as a percentage.
    assert facts("三分之二的村建成法治文化广场，四分之一的社区配备专职调解员，调解成功率百分之九十六。") == [
        ("村建成法治文化广场", 66.67, "%", True),
        ("社区配备专职调解员", 25, "%", False),
        ("调解成功率", 96, "%", False),
    ]


def test_a_change_on_last_year_belongs_to_the_count_before_it():
    assert facts("受理信访案件46件，同比下降12%；调解成功率达97.5%，同比提高2.5个百分点。") == [
        ("受理信访案件", 46, "件", False),
        ("受理信访案件同比下降", 12, "%", False),
        ("调解成功率", 97.5, "%", False),
        ("调解成功率同比提高", 2.5, "个百分点", False),
    ]


def test_chinese_numerals_with_an_approximation_mark():
    assert facts("培训网格员一百二十余人。") == [("培训网格员", 120, "人", True)]


def test_an_indicator_never_holds_a_persons_name():
    found = facts("镇长柯远带领执法人员40名开展联合检查，党委书记温若川全年主持研究法治议题6次。")
    assert found == [("执法人员", 40, "名", False), ("主持研究法治议题", 6, "次", False)]


def test_indicators_end_at_clause_boundaries():
    body = "全年开展普法活动12场；其中，进村入户宣讲30次：覆盖群众5000余人，发放资料3000份。"
    for indicator, *_ in facts(body):
        assert not any(mark in indicator for mark in "，。；：,;:"), indicator


def test_a_figure_after_a_bare_link_counts_the_subject_of_the_clause_before():
    # 仅为 names nothing; the verdict 不高 is no part of what was counted
    assert facts("执法人员持证率不高，仅为75%。") == [("执法人员持证率", 75, "%", False)]
    assert facts("调解员偏少，只有3名。") == [("调解员", 3, "名", False)]
    # the same in traditional characters: the link is matched in the simplified form, the subject kept as written
    traditional = make_source("sample.txt", "青禾鎮2023年度法治政府建設情況報告\n執法人員持證率不高，僅爲75%。鎮裏開展法治講座12場，"
                              "組織幹部學法8次。", "utf-8")
    assert [(m.indicator, m.value) for m in metrics.extract(traditional, ())][0] == ("執法人員持證率", 75)


def test_one_read_as_an_article_counts_nothing():
    got = facts("我镇把执法改革作为全年的一项重点任务，配备执法人员一名，是一个难点。")
    assert [(value, unit) for _, value, unit, _ in got] == [(1.0, "名")]


def test_figures_before_the_reports_own_title_in_a_compilation_are_not_its_metrics():
    from kg.extract.report import extract_report

    text = ("芦沟县2023年度乡镇法治工作交流材料\n编者按：全县12个乡镇均报送了报告，现刊发青檀镇报告如下。\n\n"
            "青檀镇2023年法治政府建设情况报告\n一、主要工作\n（一）健全制度。全年学法6次。\n")
    report = extract_report(make_source("compiled.txt", text, "utf-8"))
    assert report.header.township == "青檀镇"
    assert [(m.value, m.unit) for m in report.metrics] == [(6.0, "次")]


def test_a_text_without_a_title_keeps_the_figures_of_its_opening_sentence():
    opening = "今年以来，青禾镇紧紧围绕县委部署，推进依法行政、普法、调解三项重点工作，现报告如下：\n一、依法行政\n（一）审查合同12份。\n"
    source = make_source("sample.txt", opening, "utf-8")
    assert [(m.indicator, m.value, m.unit) for m in metrics.extract(source, ())] == [
        ("重点工作", 3, "项"), ("审查合同", 12, "份")]
    # a title line's numbers stay out: its year, and a count in a title such as 三项重点工作
    titled = make_source("sample.txt", "青禾镇三项重点工作2023年度推进情况报告\n（一）审查合同12份。\n", "utf-8")
    assert [(m.indicator, m.value) for m in metrics.extract(titled, ())] == [("审查合同", 12)]


def test_a_traditional_text_gives_the_indicators_of_its_simplified_reading_in_its_own_characters():
    simplified = "年终考核时对9名站所负责人进行述法评议。依托乡综治中心和全乡52个网格，开展矛盾排查。"
    assert facts(simplified) == [("站所负责人", 9, "名", False), ("网格", 52, "个", False)]
    source, found = extract(to_traditional(simplified))
    assert ("script", "traditional") in source.metadata
    # the words that end a counted noun are read in the simplified form; the indicator keeps the text's characters
    assert [(m.indicator, m.value, m.unit) for m in found] == [("站所負責人", 9, "名"), ("網格", 52, "个")]  # units in one spelling


def test_a_saved_pages_own_counters_are_no_facts_of_the_township():
    body = "浏览：5072次  发布时间：2024-01-10\n点击数: 36\n全年推送普法文章48篇，累计阅读量3.2万次。\n"
    assert [(i, v, u) for i, v, u, _ in facts(body)] == [("推送普法文章", 48, "篇"), ("阅读量", 32000, "次")]


def test_an_editors_note_speaks_for_the_compilation_even_without_the_reports_own_title():
    text = ("芦沟县2023年度乡镇法治工作交流材料\n编者按：全县12个乡镇均报送了报告，现刊发青檀镇报告如下。\n\n"
            "2023年，青檀镇依法履职。\n一、主要工作\n（一）健全制度。全年学法6次。\n")
    source = make_source("compiled.txt", text, "utf-8")
    assert [(m.value, m.unit) for m in metrics.extract(source, ())] == [(6.0, "次")]


def test_changes_after_respectively_go_to_the_joined_subjects_with_their_verb():
    assert facts("盗窃案件、诈骗案件同比分别下降31%、9%。") == [
        ("盗窃案件同比下降", 31, "%", False), ("诈骗案件同比下降", 9, "%", False),
    ]
    assert facts("全年撤销或变更的复议决定分别为2件、1件。") == [
        ("撤销", 2, "件", False), ("变更的复议决定", 1, "件", False),
    ]


def test_a_change_written_in_chinese_numerals_keeps_the_thing_counted():
    assert facts("越级信访由上年同期的二十一件减少到七件。") == [("越级信访", 21, "件", False), ("越级信访", 7, "件", False)]


def test_what_a_township_has_is_the_noun_after_the_number():
    assert facts("本街道下辖14个居委会，设有6个片区。") == [("居委会", 14, "个", False), ("片区", 6, "个", False)]
    # an action before a short noun still names what was counted
    assert facts("开展专项审计19个村。") == [("开展专项审计", 19, "个", False)]
    # in traditional characters alike: the words are looked up in the simplified normal form
    assert facts("本街道下轄14個居委會，設有6個片區。") == [("居委會", 14, "个", False), ("片區", 6, "个", False)]


def test_boards_major_classes_and_thresholds_crossed():
    assert facts("新设法治公示栏15面，问题清单梳理为4大类20项，短视频播放量突破3万次。") == [
        ("新设法治公示栏", 15, "面", False),
        ("问题清单梳理为", 4, "大类", False),
        ("问题清单梳理为", 20, "项", False),
        ("短视频播放量", 30000, "次", True),
    ]
    assert facts("村部占地面积约300平方米。") == [("村部占地面积", 300, "平方米", True)]


def test_a_linking_word_before_the_number_leaves_the_noun_before_it_counted():
    assert facts("全镇网格员共计86人参加业务培训。") == [("全镇网格员", 86, "人", False)]


def test_a_closing_clause_of_only_a_total_counts_what_the_clause_before_names():
    assert facts("各村均落实了专职网格员，共计41人。") == [("各村均落实了专职网格员", 41, "人", False)]
    # a line break after the count may be a wrap in mid-sentence: the clause before is another matter
    assert "修订议事规则" not in [indicator for indicator, *_ in facts("修订议事规则，全年6项\n重大事项全部经集体讨论。")]


def test_rates_of_one_figure_are_named_by_their_subjects_however_long():
    assert facts("行政执法案卷评查优良率、整改率均为100%。") == [
        ("行政执法案卷评查优良率", 100, "%", False), ("整改率", 100, "%", False)]


def test_people_before_their_count_leave_the_noun_after_as_what_was_counted():
    source = make_source("sample.txt", TITLE + "司法所所长欧阳青带领宋嘉文、白露等4名调解员，深入各村化解纠纷。", "utf-8")
    assert [(m.indicator, m.value, m.unit) for m in metrics.extract(source, ())] == [("调解员", 4, "名")]


def test_a_percentage_in_words_with_a_decimal():
    assert facts("案件办结率达到百分之九十六点二。") == [("案件办结率", 96.2, "%", False)]


def test_more_verbs_of_change_shares_and_multiples():
    assert facts("审批时限由15个工作日缩短至7个工作日。") == [
        ("审批时限", 15, "个工作日", False), ("审批时限", 7, "个工作日", False)]
    assert facts("婚姻纠纷、债务纠纷分别占比41%、22%。") == [
        ("婚姻纠纷占比", 41, "%", False), ("债务纠纷占比", 22, "%", False)]
    assert facts("法律咨询量是上年的2.5倍。") == [("法律咨询量是上年的", 2.5, "倍", False)]


def test_a_covered_count_is_of_the_noun_after_it():
    assert facts("巡回宣讲覆盖9个村。") == [("村", 9, "个", False)]


def test_shang_before_an_order_of_magnitude_is_an_approximate_count():
    assert facts("开展入户走访上千次，线上答疑120人次。") == [
        ("开展入户走访", 1000, "次", True), ("线上答疑", 120, "人次", False)]


def test_two_counts_of_one_act_joined_by_a_comma_of_enumeration():
    assert facts("组织网格员培训3轮、五批次。") == [("组织网格员培训", 3, "轮", False), ("组织网格员培训", 5, "批次", False)]


def test_a_change_from_what_it_was_before_and_a_threshold_that_qualifies_a_count():
    assert facts("审批时限由原来的10个工作日压缩为4个工作日。") == [
        ("审批时限", 10, "个工作日", False), ("审批时限", 4, "个工作日", False)]
    assert facts("受理标的额在50万元以上的案件6件，5万元以下的小额纠纷均当场调处。") == [
        ("受理标的额在50万元以上的案件", 6, "件", False)]
    # a bound closing its clause is still a fact
    assert facts("参与人数300人以上。") == [("参与人数", 300, "人", True)]


def test_rates_sharing_a_figure_in_traditional_script_keep_their_own_characters():
    assert facts("執法人員持證率、案卷合格率均為100%。") == [("執法人員持證率", 100, "%", False), ("案卷合格率", 100, "%", False)]


def test_a_level_reached_after_a_change_is_of_the_thing_compared():
    assert facts("群众满意率较上年提高1.5个百分点，达到96.2%。") == [
        ("群众满意率较上年提高", 1.5, "个百分点", False), ("群众满意率", 96.2, "%", False)]


def test_visits_of_vessels_and_heads_of_livestock_are_units_of_their_own():
    # the longer unit wins over 艘 and 次; Chinese numerals before a two-character unit too
    assert facts("全年组织海上巡航八十航次，登临检查船只960艘次，出动执法车辆35车次。") == [
        ("组织海上巡航", 80, "航次", False), ("登临检查船只", 960, "艘次", False), ("出动执法车辆", 35, "车次", False),
    ]
    assert facts("全村牛羊存栏约1.5万头只。") == [("全村牛羊存栏", 15000, "头只", True)]


def test_people_counted_under_their_title_are_counted_as_that_title():
    # the names are never the indicator; with only 人 after the number, the title before the names is what was counted
    assert facts("调解员罗小军、马兰等12人常驻调解室，镇司法所聘请律师6名。") == [
        ("调解员", 12, "人", False), ("镇司法所聘请律师", 6, "名", False),
    ]
    assert facts("驻村干部孙立、韩梅等十五名同志轮流值守。") == [("驻村干部", 15, "名", False)]


def test_figures_that_define_a_quoted_method_are_no_facts():
    assert facts("镇里推行“三色”管理法，即80%的事项当场办结、15%的事项限时办结，全年办结事项420件。") == [
        ("办结事项", 420, "件", False),
    ]
    # after a target reached, the figures after 即 are what was reached (即 may stay on the first subject, as in
    # 即办件占比 it is part of the word)
    reached = facts("“两个100%”目标如期实现，即合同审查率、文件备案率均达100%。")
    assert [(value, unit) for _, value, unit, _ in reached] == [(100, "%"), (100, "%")]
    assert reached[0][0].endswith("合同审查率") and reached[1][0] == "文件备案率"


def test_counts_after_respectively_in_traditional_script_go_to_each_subject():
    body = "受理行政复议、行政诉讼和信访案件分别为3件、1件和12件。"
    simplified = facts(body)
    source = make_source("sample.txt", to_traditional(TITLE + body), "utf-8")
    traditional = [(m.indicator, m.value, m.unit) for m in metrics.extract(source, ())]
    assert [(to_traditional(i), v, u) for i, v, u, _ in simplified] == traditional
    assert len({i for i, _, _ in traditional}) == 3


def test_people_named_after_a_glossed_title_are_counted_as_that_title():
    found = facts("聘请寨老（民间调解人）杨石岩、吴国九等8人参与调解。")
    assert [(value, unit) for _, value, unit, _ in found] == [(8, "人")]
    assert found[0][0].endswith("调解人")


def test_session_numbers_of_a_sitting_body_are_ordinals_not_counts():
    # 届 before, 全会 or 会议 after: the fourth, fifth session; siblings joined by 、 or 和 share the shape
    assert facts("镇党委传达学习市委九届六次全会和区委五届三次、四次全会精神，召开党委会议8次。") == [
        ("召开党委会议", 8, "次", False),
    ]
    assert facts("列席县十七届人大二次会议，全年召开2次全体会议。") == [("全体会议", 2, "次", False)]


def test_a_duration_before_a_service_name_gives_its_hours_not_time_spent():
    assert facts("开通24小时法律咨询热线，建成7×24小时自助服务站，志愿者累计服务360小时。") == [
        ("志愿者累计服务", 360, "小时", False),
    ]


def test_an_event_count_run_into_the_next_clause_counts_the_event():
    assert facts("全年召开常务会议6次专题研究行政执法工作。") == [("召开常务会议", 6, "次", False)]
    # a count before the event it counts still takes the noun after it
    assert facts("全年开展6次专题讲座。") == [("专题讲座", 6, "次", False)]
    # the words after a count that lead straight into the next figure are that figure's own
    assert facts("印制普法挂历800余本法治书签1200张。") == [
        ("印制普法挂历", 800, "本", True), ("法治书签", 1200, "张", False),
    ]


def test_a_bound_count_before_de_counts_the_noun_after_it():
    assert facts("每个网格落实不少于1名的兼职网格员，社区配足至少3人的普法志愿者。") == [
        ("兼职网格员", 1, "名", False), ("普法志愿者", 3, "人", False),
    ]
    # a bound that qualifies what a later figure counts is still no fact of its own
    assert [(value, unit) for _, value, unit, _ in facts("调处标的不少于5万元的纠纷9件。")] == [(9, "件")]


def test_a_count_after_a_list_mark_with_its_own_noun_is_its_own_thing():
    assert facts("为执法中队配置对讲机6部、3只执法记录仪和2辆巡逻车。") == [
        ("为执法中队配置对讲机", 6, "部", False), ("执法记录仪", 3, "只", False), ("巡逻车", 2, "辆", False),
    ]


def test_an_office_rule_of_telling_once_is_no_count():
    assert facts("服务窗口坚持一次告知、限时办结，窗口办理事项1500余件。") == [("窗口办理事项", 1500, "件", True)]


def test_the_scale_of_a_score_and_the_field_of_a_ranking_are_no_facts_of_the_township():
    assert facts("群众安全感测评得分92.4分（满分100分），在全市38个乡镇中名列第5位。") == [
        ("群众安全感测评得分", 92.4, "分", False),
    ]


def test_round_the_clock_hours_before_a_duty_are_no_time_spent():
    assert facts("司法所实行24小时轮值，全年志愿服务时长达860小时。") == [("志愿服务时长", 860, "小时", False)]


def test_an_age_before_the_counted_people_belongs_to_their_noun():
    assert facts("走访辖区800余名70岁以上独居老人。") == [("70岁以上独居老人", 800, "名", True)]


def test_a_summing_word_after_a_list_mark_joins_two_counts_of_one_thing():
    assert facts("举办网格员轮训4期、累计210人次。") == [("举办网格员轮训", 4, "期", False), ("举办网格员轮训", 210, "人次", False)]


def test_members_introduced_by_you_and_a_per_person_range_count_the_noun_after():
    assert facts("成立由9名退休法官、检察官组成的顾问团。") == [("退休法官", 9, "名", False)]
    assert facts("驻村干部每人包联3至4个组。") == [("组", 3, "个", True)]


def test_figures_in_a_text_table_take_their_unit_from_the_column_header():
    body = ("各村调解情况如下：\n村名\t排查（次）\t化解（件）\t化解率（%）\n东岭村\t12\t40\t97.5\n"
            "西岭村\t10\t35\t100\n合计\t\t75\t98.7\n\n下一段文字没有表格。\n")
    assert facts(body) == [
        ("东岭村排查", 12, "次", False), ("东岭村化解", 40, "件", False), ("东岭村化解率", 97.5, "%", False),
        ("西岭村排查", 10, "次", False), ("西岭村化解", 35, "件", False), ("西岭村化解率", 100, "%", False),
        ("合计化解", 75, "件", False), ("合计化解率", 98.7, "%", False),
    ]


def test_lu_counts_channels_but_not_in_a_road_or_all_the_way():
    assert facts("新装高清探头36路，一路护航企业发展，沿路口设置提示牌5块。") == [
        ("新装高清探头", 36, "路", False), ("沿路口设置提示牌", 5, "块", False),
    ]


def test_a_meeting_held_on_a_topic_owns_its_count_before_the_next_clause():
    assert facts("全年举办村务联席会议专门讨论征地补偿3场形成会议纪要。") == [("举办村务联席会议专门讨论征地补偿", 3, "场", False)]


def test_a_bound_after_a_share_with_no_later_figure_is_a_fact_of_its_own():
    assert facts("半数以上的社区建起调解室。")[:0] == []  # 半数 has no numeral: nothing to read
    assert facts("五分之四以上的网格配齐了兼职律师。") == [("网格配齐了兼职律师", 80, "%", True)]
    # with a later figure in the clause the bound still qualifies what that figure counts
    assert [(v, u) for _, v, u, _ in facts("标的额在20万元以上的合同46份。")] == [(46, "份")]


def test_a_range_after_a_preposition_tied_by_de_counts_the_noun_after():
    assert facts("为4至6人的巡查小组配发对讲机。") == [("巡查小组", 4, "人", True)]


def test_a_table_whose_unit_is_a_column_of_its_own_and_a_first_column_named_danwei():
    assert facts("主要指标：\n项目　数量　单位\n培训执法人员　64　人次\n审查合同　31　份\n") == [
        ("培训执法人员", 64, "人次", False), ("审查合同", 31, "份", False),
    ]
    # 单位 heading the first column names the offices in it, and the units stand in brackets
    assert facts("单位 | 受理（件） | 办结（件）\n东坪村 | 9 | 8\n") == [("东坪村受理", 9, "件", False), ("东坪村办结", 8, "件", False)]


def test_a_table_whose_rows_carry_their_unit_in_their_label():
    body = "年度数据一览：\n项目　　　　　　完成\n调处信访积案（件）　　7\n培训网格员（人次）　　215\n化解资金（万元）　3.45\n\n文字另起。\n"
    assert facts(body) == [
        ("调处信访积案", 7, "件", False), ("培训网格员", 215, "人次", False), ("化解资金", 34500, "元", False),
    ]
    # one such line alone is a caption or a sentence, not a table
    assert facts("说明：受理总数（件）　12\n\n下文另述。\n") == []


def test_a_column_in_ten_thousands_is_scaled_in_decimal():
    body = "村名\t补偿（万元）\t户数（户）\n南坡村\t12.36\t40\n"
    assert ("南坡村补偿", 123600, "元", False) in facts(body)


def test_yi_jia_after_a_person_is_a_household_not_a_count():
    assert [(v, u) for _, v, u, _ in facts("村民刘某一家因土地流转起争议，调解员2次上门。")] == [(2, "次")]
    assert facts("党委书记杜远帆一家率先签订承诺书，带动农户300余户。") == [("带动农户", 300, "户", True)]
    # 一家 counting an enterprise still counts
    assert facts("新引进律师事务所一家。") == [("新引进律师事务所", 1, "家", False)]


def test_households_act_so_a_verb_after_them_leaves_the_clause_before():
    assert facts("带动全村860余户入股。") == [("带动全村", 860, "户", True)]
    assert facts("共发动群众1200余户参与。") == [("发动群众", 1200, "户", True)]
    # a noun after the households is still what they are
    assert facts("全村860户农户参保。")[0][:3] == ("农户", 860, "户")


def test_a_bound_after_a_count_in_its_clause_is_a_threshold_not_a_fact():
    assert [(v, u) for _, v, u, _ in facts("仍有3个网格全年巡查不足12次。")] == [(3, "个")]
    assert facts("其中7名调解员年调解量低于5件。")[0][1:3] == (7, "名")
    assert len(facts("其中7名调解员年调解量低于5件。")) == 1
    # with no count before it in the clause, a bound figure is a fact of its own
    assert facts("部分村法律顾问到村服务不足6次。") == [("部分村法律顾问到村服务不足", 6, "次", False)]


def test_a_share_after_its_place_counts_the_noun_after_de():
    assert facts("片区里四分之三的网格配备了调解员。") == [("网格配备了调解员", 75, "%", False)]
    # a verb before the share says what it measures
    assert facts("老年人口占全镇人口的比例为25%。")[0][1:3] == (25, "%")


def test_the_number_of_what_an_office_holds_is_named_by_what_it_holds():
    assert facts("乡综合执法中队协管员人数达到15人。") == [("协管员人数", 15, "人", False)]
    # a list an office keeps (进驻事项) keeps the office in its name
    assert facts("乡政务服务中心进驻事项112项。") == [("乡政务服务中心进驻事项", 112, "项", False)]


def test_a_count_between_a_verb_and_its_event_counts_the_event():
    assert facts("村党支部召开4次例会。") == [("例会", 4, "次", False)]
    assert facts("全年组织开展2场讲座。") == [("讲座", 2, "场", False)]
    # an event before the count still owns it, whatever follows
    assert facts("召开联席会议3次研究化解方案。")[0][1:3] == (3, "次")


def test_households_named_by_their_heads_are_never_counted_or_the_indicator():
    # 一家 after a villager's name is the household; the households closed by 等 are counted by the verb after
    assert facts("南坳村柯长根一家等8户受表彰。") == [("受表彰", 8, "户", False)]


def test_a_list_closed_by_deng_before_a_count_gives_examples_of_the_noun_after():
    assert facts("辖区有彝族、苗族、汉族等5个民族。") == [("民族", 5, "个", False)]
    # people named before 等 and 同志 after the count: the title before the names counts them
    assert facts("驻村干部甲、乙等12名同志分片包村。", )[0][1:3] == (12, "名")


def test_any_bound_before_a_figure_tied_by_de_to_a_later_count_is_a_threshold():
    assert facts("受理标的额超过5万元的合同纠纷9件。") == [("受理标的额超过5万元的合同纠纷", 9, "件", False)]
    assert facts("审结争议金额低于1万元的小额案件14件。")[0][1:3] == (14, "件")
    assert len(facts("审结争议金额低于1万元的小额案件14件。")) == 1


def test_a_total_after_a_per_unit_count_is_kept_with_its_link_words():
    assert facts("每个网格不少于1场，年内累计58场。")[-1] == ("年内累计", 58, "场", False)


def test_a_count_in_brackets_after_its_phrase_counts_that_phrase():
    assert facts("办理信访事项（年内合计64件），均按期办结。") == [("办理信访事项", 64, "件", False)]


def test_a_part_in_brackets_after_a_figure_is_a_fact_but_a_scale_is_not():
    assert [(v, u) for _, v, u, _ in facts("行政诉讼案件：3件（败诉1件）\n")] == [(3, "件"), (1, "件")]
    assert [(v, u) for _, v, u, _ in facts("考评得分92分（满分100分）。")] == [(92, "分")]


def test_a_range_of_people_tied_to_groups_gives_their_size_and_the_groups_are_counted():
    assert facts("成立4至6人的帮教小组12个。") == [("帮教小组", 4, "人", True), ("帮教小组", 12, "个", False)]


def test_an_age_is_a_fact_only_where_the_text_states_it():
    [(indicator, value, unit, _)] = facts("网格员队伍平均年龄为49岁。")
    assert indicator.startswith("网格员队伍平均年龄") and (value, unit) == (49, "岁")
    assert [(v, u) for _, v, u, _ in facts("走访70岁以上独居老人38户。")] == [(38, "户")]


def test_a_figure_in_a_clause_of_what_is_aimed_at_is_a_target():
    assert facts("确保全年无一起群体性械斗发生。") == []
    assert facts("力争持证率达到100%。") == []
    # the zero that happened, and an aim that only gives the purpose of what was done, are facts
    assert facts("全年无一起群体性械斗。")[0][1:3] == (0, "起")
    assert [(v, u) for _, v, u, _ in facts("为保证调解质量回访当事人45人次。")] == [(45, "人次")]


def test_a_count_of_the_items_that_follow_is_no_fact():
    assert facts("工作中的短板主要有两个：一是培训不够；二是台账不全。全年办结案件14件。") == [
        ("办结案件", 14, "件", False),
    ]
    heading = "二、两点体会\n（一）制度管用。全年修订制度6项。\n（二）群众认可。\n"
    assert facts(heading) == [("修订制度", 6, "项", False)]
    # a count before a colon whose items are not numbered after it states a fact
    assert facts("全年调处纠纷两起：邻里纠纷与土地纠纷。") == [("调处纠纷", 2, "起", False)]


def test_one_of_a_new_series_and_one_in_a_formula_count_nothing():
    assert facts("全体干部参加新一轮法律知识轮训，推行一户多宅清理，落实一岗双责。培训干部40人。") == [
        ("培训干部", 40, "人", False),
    ]


def test_a_negation_after_a_count_leaves_the_clause_before_as_what_was_counted():
    [(indicator, value, unit, _)] = facts("某起债务纠纷经反复协商三次仍未达成一致。")
    assert (value, unit) == (3, "次") and indicator.endswith("反复协商") and "达成" not in indicator


def test_a_reach_in_minutes_before_a_service_area_or_project_is_its_name():
    assert facts("围绕“15分钟公共法律服务圈”建设，推进10分钟便民服务圈项目，全年新建服务点5个。") == [
        ("新建服务点", 5, "个", False),
    ]


def test_a_preposition_after_the_unit_describes_the_noun_after_de():
    assert facts("聘请3名在乡村振兴领域经验丰富的法律顾问。") == [("法律顾问", 3, "名", False)]


def test_people_before_a_verb_taking_a_title_are_counted_by_the_clause_before():
    [(indicator, value, unit, approx)] = facts("组织村两委干部60余人学习《行政复议法》。")
    assert (value, unit, approx) == (60, "人", True) and indicator.endswith("村两委干部")


def test_a_classifier_of_things_counts_the_noun_after_even_one_read_as_a_verb():
    assert [f[0] for f in facts("组织镇直机关8个站所负责人集中述法。")] == ["站所负责人"]


def test_names_with_an_honorific_before_deng_leave_the_title_before_them():
    assert [f[:3] for f in facts("成立由副镇长柯晓峰同志等6人组成的督查组。")] == [("副镇长", 6, "人")]
    assert [f[:3] for f in facts("综治办干部符小满等3名同志组成调解专班。")] == [("综治办干部", 3, "名")]


def test_a_certificate_per_person_is_counted_and_words_built_on_zheng_are_not():
    [(indicator, value, unit, _)] = [f for f in facts("网格员落实每人一证，推行三证合一，颁发证书20本。") if f[2] == "证"]
    assert (value, unit) == (1, "证") and "每人" in indicator
    assert ("颁发证书", 20, "本", False) in facts("推行三证合一，颁发证书20本。")
    assert [f for f in facts("推行三证合一，颁发证书20本。") if f[2] == "证"] == []


def test_a_sentence_opened_by_the_time_of_a_plan_states_no_fact_outside_a_plans_section():
    body = ("二、主要做法\n全年化解纠纷31件。今后，镇司法所每周到社区一天坐班。"
            "下一步将重点抓好两件事：一是建强队伍；二是完善台账。明年新建调解室3个。\n")
    assert facts(body) == [("化解纠纷", 31, "件", False)]


def test_a_table_whose_group_cell_is_merged_over_its_rows_reads_every_row():
    # the group's name stands on its first row only; the rows under it start with their own labelled cell
    body = ("一、工作成效\n板块　　项目　　　　　　结果\n"
            "信访调处　　来访登记（批次）　　48\n　　　　　　办结（件）　　　　45\n"
            "法治培训　　培训班（期）　　　　6\n　　　　　　参训（人次）　　　　730\n\n二、存在问题\n")
    assert facts(body) == [("来访登记", 48, "批次", False), ("办结", 45, "件", False),
                           ("培训班", 6, "期", False), ("参训", 730, "人次", False)]


def test_a_note_in_brackets_between_a_phrase_and_its_count_leaves_the_phrase_counting():
    assert facts("全年拆除违章搭建（含临时棚屋、围墙）四十余处，审核合同（范本）12份。") == [
        ("拆除违章搭建", 40, "处", True), ("审核合同（范本）", 12, "份", False)]


def test_a_share_per_head_after_an_aim_word_is_the_share_given_but_a_target_is_not():
    assert facts("调解员全部持证上岗，确保每人一证。") == [("每人", 1, "证", False)]
    assert facts("网格员均已配齐装备，确保每人一台巡查终端。") == [("巡查终端", 1, "台", False)]
    assert facts("确保全年调解成功率达到98%，力争每村一名律师。") == []
    # a rhythm after the aim word stays an aim
    assert facts("确保每月走访2次。") == []


def test_the_figure_of_a_former_plan_is_no_fact_but_what_was_done_is():
    assert facts("原计划组织模拟法庭4场，实际组织6场。") == [("实际组织", 6, "场", False)]


def test_a_count_of_people_then_their_own_clause_leaves_the_clause_its_count():
    # 三人 opens the clause; the time word after it opens another, whose count is its own (not parts of 三人)
    assert ("带头讲法治课", 4, "次", False) in facts("镇党委三位主要领导中，三人全年带头讲法治课4次。")
    # a noun between two counts is still what the second divides (5个方面22项)
    assert facts("把年度任务分解为4个方面17项。")[-1] == ("年度任务", 17, "项", False)


def test_directions_listed_before_a_count_qualify_the_noun_after_it():
    assert facts("全乡划分南、北2个网格片区。") == [("网格片区", 2, "个", False)]
    assert facts("在上、中、下3个村民组设立调解点。")[0] == ("村民组", 3, "个", False)


def test_people_counted_before_a_verb_the_dictionary_tags_as_a_noun_are_named_before():
    # 讲授 and 办理 are verbs; read as nouns, the people would be named by the lecture after them
    [(indicator, value, unit, approx)] = facts("司法所为新任村干部45人讲授村务管理知识。")
    assert indicator.endswith("新任村干部") and (value, unit) == (45, "人")


def test_a_count_among_those_counted_before_is_named_by_what_is_said_of_them():
    assert facts("全乡6名专职调解员中有4名已取得心理咨询证书。") == [
        ("专职调解员", 6, "名", False), ("已取得心理咨询证书", 4, "名", False)]
    # a noun that itself ends in 中 is not “among”
    assert facts("建成3所初中法治教育基地。") == [("初中法治教育基地", 3, "所", False)]


def test_rates_closing_a_long_list_share_its_figure():
    body = "新录用人员岗前考试和全体执法人员年度轮训考试参考率、通过率均为100%。"
    assert [(i, v, u) for i, v, u, _ in facts(body)] == [
        ("全体执法人员年度轮训考试参考率", 100, "%"), ("通过率", 100, "%")]


def test_each_after_a_list_gives_one_figure_to_every_thing_listed():
    assert facts("全年举办宪法、监察法、土地管理法专题培训各4期。") == [("宪法、监察法、土地管理法专题培训", 4, "期", False)] * 3
    # 各 before a single thing leaves one figure
    assert len(facts("村两委班子成员各配备工作手册2本。")) == 1


def test_a_count_that_announces_the_items_after_it_is_no_metric():
    assert facts("这一年主要办了三件事：一是建台账，二是明责任，三是抓整改。") == []
    assert facts("工作可用两个关键词概括：一是规范，二是高效。") == []
    assert facts("短板在于两个“不足”：一是培训不足，二是经费不足。") == []
    # a count that a colon follows but whose items are not numbered stays a fact
    assert facts("化解纠纷三件事：邻里、土地、婚姻。") != []


def test_a_heading_that_is_only_a_mark_and_a_figure_is_no_metric():
    found = facts("一、96.5%\n群众对窗口服务的满意率为96.5%。\n（二）7件\n全年受理复议申请7件。")
    # each figure once, from the sentence that states it, none named by a heading's mark
    assert [(value, unit) for _, value, unit, _ in found] == [(96.5, "%"), (7, "件")]
    assert found[1][0] == "受理复议申请"


def test_an_average_age_over_a_bound_is_stated():
    assert facts("网格员平均年龄超过45岁，队伍老化。") == [("网格员平均年龄", 45, "岁", True)]
    assert facts("人民调解员平均年龄超过五十五岁。") == [("人民调解员平均年龄", 55, "岁", True)]


def test_a_count_after_its_noun_with_a_verb_after_it_names_the_noun():
    assert facts("成立调解小组3个深入田间化解纠纷。")[0][:3] == ("成立调解小组", 3, "个")


def test_a_count_after_a_whole_place_is_named_by_what_the_people_do():
    assert facts("全镇共31人取得律师资格证书。")[0][1:3] == (31, "人")
    assert facts("全镇共31人取得律师资格证书。")[0][0].startswith("取得")


def test_the_next_item_mark_closes_a_figure_without_a_stop():
    assert facts("一是修订会议规则2项二是健全考核办法。") == [("修订会议规则", 2, "项", False)]


def test_persons_named_before_and_counted_again_are_no_metric():
    found = facts("镇长孙立平、副镇长周海燕坚持带头讲法。两人全年上法治课4次。")
    assert all(unit != "人" for _, _, unit, _ in found)
    assert ("上法治课", 4, "次", False) in found


def test_a_count_whose_parts_are_numbered_by_its_noun_or_share_its_quoted_word_is_no_metric():
    # the parts named by the noun and an ordinal (关键词一 … 关键词二) on lines of their own
    assert facts("下面用两个关键词回顾全年工作。\n关键词一：规范\n执法案卷全部归档。\n关键词二：公开\n公开信息20条。") == [
        ("公开信息", 20, "条", False)]
    # the quoted word recurs in each clause after the colon, as many as counted
    assert facts("班子学法还有两个“不足”：学法不足常态，有时取消；用法不足自觉，凭经验办事。全年开展培训3次。") == [
        ("开展培训", 3, "次", False)]
    # a quoted word that only one clause holds leaves the count a figure
    assert len(facts("群众反映两个“难”：办证难。")) == 1
