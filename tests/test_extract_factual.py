"""Which figures state a fact: the checks metrics runs before it looks for what a figure counts."""

from __future__ import annotations

from kg.extract import factual
from kg.read import make_source
from kg.text.numerals import find_quantities


def no_fact(sentence: str, figure: str) -> bool:
    """Whether the figure first written as `figure` in our sentence is left out (the noun phrase after it taken as empty)."""
    norm = make_source("sample.txt", sentence, "utf-8").norm  # the checks read the normal form, as metrics does
    quantity = next(q for q in find_quantities(norm) if sentence[q.start : q.end] == figure)  # its first writing
    return factual.no_fact(sentence, norm, quantity, lambda pos, unit: pos)


def test_counts_that_state_what_was_done_are_facts():
    assert not no_fact("全年办结行政复议案件7件。", "7件")
    assert not no_fact("存在的问题已整改5个。", "5个")


def test_ordinals_formulas_and_a_new_series_state_no_fact():
    assert no_fact("召开第3次联席会议。", "3次")
    assert no_fact("推行一户一档管理。", "一户")
    assert no_fact("全镇干部参加新一轮轮训。", "一轮")
    assert no_fact("克服一人多岗困难。", "一人")


def test_a_count_of_the_items_listed_after_it_states_no_fact():
    assert no_fact("短板表现为两个方面：一是台账不全；二是培训不足。", "两个")
    # the same count with no items after it is a fact of its own
    assert not no_fact("短板表现为两个方面，正在整改。", "两个")


def test_aims_and_page_counters_state_no_fact():
    assert no_fact("力争调解成功率达到98%。", "98%")
    assert no_fact("浏览次数：512次", "512次")


def test_sentences_opened_by_the_time_of_a_plan_are_found_whole():
    text = "全年调解12件。下一步，每季度开展培训2次。说明年度考核结果。\n今后将持续推进"
    assert [text[a:b] for a, b in factual.plan_sentences(text)] == ["下一步，每季度开展培训2次", "今后将持续推进"]


def test_a_count_in_words_in_a_heading_names_its_theme_and_one_in_digits_is_a_fact():
    text = "（二）三本台账管到底\n全镇划分网格48个。\n（三）全年受理案件32件\n"
    assert no_fact(text, "三本")
    assert not no_fact(text, "48个")
    assert not no_fact(text, "32件")
    # the same words in a sentence of the body are a count
    assert not no_fact("全镇汇编三张权责对照表，划分网格48个。", "三张")


def test_a_short_lead_sentence_after_a_mark_is_a_heading_and_its_count_in_words_a_theme():
    text = "（二）一本台账。全镇登记调解案件57件。\n"
    assert no_fact(text, "一本")
    assert not no_fact(text, "57件")


def test_one_before_shi_enumerates_and_a_slogan_of_one_family_counts_no_household():
    assert no_fact("不足有两点：一个是台账不全，另一个是培训偏少。", "一个")
    assert no_fact("各族群众团结一家亲。", "一家")
    assert not no_fact("新引进律师事务所一家。", "一家")
