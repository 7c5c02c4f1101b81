"""The numbering families: which family opens a line, with which number, and where the heading starts."""

from __future__ import annotations

import pytest

from kg.text import normalize
from kg.text.numbering import line_marker, number


@pytest.mark.parametrize("line, expected", [
    ("一、加强组织领导", ("cn", 1, 2)),
    ("二｜存在不足", ("cn", 2, 2)),  # full width, as typed
    ("三 | 下步打算", ("cn", 3, 4)),
    ("十一丨其他事项", ("cn", 11, 3)),
])
def test_a_bar_separates_a_chinese_numeral_as_its_comma_does(line, expected):
    assert line_marker(normalize(line)) == expected


@pytest.mark.parametrize("line", [
    "一般程序案件12件",  # a numeral that is a word's first character
    "| 一 | 二 |",  # a table row opens with its bar, not a numeral
])
def test_a_line_without_a_separator_after_its_numeral_is_not_numbered(line):
    assert line_marker(normalize(line), styles=("cn",)) is None


def test_chinese_numerals_up_to_ninety_nine_read_as_numbers():
    assert [number(t) for t in ("一", "九", "十", "十一", "二十", "二十三", "九十九")] == [1, 9, 10, 11, 20, 23, 99]


def test_a_run_of_numerals_that_writes_no_number_numbers_nothing_and_raises_nothing():
    # Text from reports is untrusted: a typo such as 十二十、 must not end the whole file as an internal error.
    assert number("十二十") == 0 and number("二十十") == 0
    style, value, length = line_marker("十二十、普法宣传。")
    assert (style, value, length) == ("cn", 0, 4)


def test_one_pattern_and_the_loop_over_families_agree():
    lines = ["一、主要工作", "（三）强化普法", "1.建立台账", "(2)落实", "一）调解", "①走访", "第二部分 问题", "一是加强", "问题一：台账不全",
             "● 宣传", "上篇：成绩单", "甲、乙", "普通的一句话。", "十二十、错号"]
    families = {style for line in lines if (found := line_marker(line)) for style in [found[0]]}
    for line in lines:
        assert line_marker(line) == line_marker(line, families | {"none"}) or line_marker(line) is None
