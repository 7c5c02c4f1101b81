"""How a line opens with a numbering marker, and what number it writes."""

from kg.text.numbering import line_marker, number


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
