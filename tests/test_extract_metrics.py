"""Metrics: what was counted, how many, in which unit, on sentences we write and on the shared reports."""

from __future__ import annotations

from kg import structure
from kg.extract import metrics
from kg.model import Evidence, Section
from kg.read import make_source
from kg.text import compact

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


def test_count_before_the_noun_takes_the_noun_after():
    assert facts("截至目前，我镇共建成1个公共法律服务站和12个村级法治文化阵地。") == [
        ("公共法律服务站", 1, "个", False),
        ("村级法治文化阵地", 12, "个", False),
    ]


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
        for metric in metrics.extract(source, structure.parse(source).sections):
            assert compact(metric.indicator) in plain, (name, metric.indicator)
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
