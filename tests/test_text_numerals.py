"""Numbers, multipliers, approximation marks and units, on sentences we write and on arbitrary text."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.text.numerals import find_numbers, find_quantities, parse_chinese, parse_digits, parse_number, units
from kg.text import normalize


def quantities(text: str) -> list[tuple[float, str, bool, str]]:
    norm = normalize(text)
    return [(q.value, q.unit, q.approx, text[q.start : q.end]) for q in find_quantities(norm)]


@pytest.mark.parametrize(
    ("text", "value"),
    [("一百二十", 120), ("两", 2), ("十五", 15), ("两千", 2000), ("三万五千", 35000), ("一千零五", 1005),
     ("二〇二二", 2022), ("十万零五", 100005), ("1.5万", 15000), ("3亿", 300000000), ("25000", 25000)],
)
def test_parse_number_reads_arabic_and_chinese_numerals(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["三四", "万", "百", "", "法治", "12a"])
def test_parse_number_refuses_ranges_bare_magnitudes_and_words(text):
    assert parse_number(text) is None


def test_money_in_wan_becomes_yuan():
    assert quantities("争取补助资金20万元") == [(200000, "元", False, "20万元")]
    assert quantities("挽回经济损失14万余元") == [(140000, "元", True, "14万余元")]
    assert quantities("总投资3860万元") == [(38600000, "元", False, "3860万元")]


def test_approximation_marks_before_inside_and_after():
    assert quantities("发放宣传资料25000余份")[0][2:] == (True, "25000余份")
    assert quantities("悬挂宣传横幅四十余条") == [(40, "条", True, "四十余条")]
    assert quantities("复耕面积约120余亩") == [(120, "亩", True, "120余亩")]
    assert quantities("群众满意率保持在98%以上") == [(98, "%", True, "98%以上")]
    assert quantities("受教育群众5000多人次")[0][:3] == (5000, "人次", True)
    assert quantities("现有执法人员4名")[0][2] is False


def test_longest_unit_wins_and_full_width_digits_are_read():
    assert quantities("接受群众咨询２００人次") == [(200, "人次", False, "２００人次")]
    assert quantities("下降3个百分点")[0][:2] == (3, "个百分点")
    assert quantities("化解率９７．１％")[0][:2] == (97.1, "%")
    assert quantities("百分之九十的村")[0][:2] == (90, "%")


def test_dates_years_and_bare_magnitudes_are_not_quantities():
    assert quantities("2022年11月份，我镇于12月28日召开会议") == []
    assert quantities("开展万名乡村法律骨干培训和百日攻坚") == []
    assert quantities("三四个村") == []


def test_a_bare_magnitude_with_an_approximation_mark_is_a_round_count():
    assert [q[:3] for q in quantities("开展宣传近百场，培训千余人，覆盖超万人次")] == [
        (100, "场", True), (1000, "人", True), (10000, "人次", True)]
    # the magnitude of a number before it stays its multiplier, and one without a mark stays a word
    assert [q[:3] for q in quantities("播放量12万余次，开展万名骨干培训")] == [(120000, "次", True)]
    assert [q[:3] for q in quantities("审查率达到百分之百")] == [(100, "%", False)]


def test_unit_lexicon_is_sorted_longest_first():
    lengths = [len(u) for u in units()]
    assert lengths == sorted(lengths, reverse=True)
    assert {"人次", "件次", "场次", "个", "名", "%", "元", "亩", "m²"} <= set(units())


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_spans_lie_inside_the_text(text):
    norm = normalize(text)
    for number in find_numbers(norm):
        assert 0 <= number.start < number.end <= len(norm)
    for quantity in find_quantities(norm):
        assert 0 <= quantity.start < quantity.end <= len(norm)
        assert norm[quantity.start : quantity.end].find(quantity.unit) >= 0 or quantity.number.percent


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789万亿千百十零一二两三四五六七八九余多约%个名人次件份元．，,. 年月"))
def test_never_raises_on_number_like_text(text):
    list(find_quantities(normalize(text)))
    parse_number(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_integers_round_trip(n):
    assert parse_number(str(n)) == n
    assert quantities(f"共{n}件")[0][:2] == (n, "件")


@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_numerals_round_trip(n):
    written = cn2an.an2cn(n)
    assert parse_chinese(written) == n
    assert parse_number(written) == n


@pytest.mark.parametrize(("written", "value"), [("二〇二三", 2023), ("二○二三", 2023), ("二零二二", 2022), ("一九九九", 1999)])
def test_years_are_read_digit_by_digit(written, value):
    assert parse_digits(written) == value


@pytest.mark.parametrize("written", ["", "二十", "2023", "一九九九年"])
def test_a_digit_reading_is_refused_for_anything_but_digits(written):
    assert parse_digits(written) is None


def test_a_range_is_one_quantity_at_its_lower_bound():
    [quantity] = find_quantities("开展培训3至5次")
    assert (quantity.value, quantity.unit, quantity.approx) == (3, "次", True)
    assert (quantity.start, quantity.end) == (4, 8)
    assert quantity.upper == 5
    assert [(q.value, q.upper) for q in find_quantities("投入3~5万元")] == [(30000, 50000)]
    assert [q.upper for q in find_quantities("培训5次，投入约3万元以上")] == [None, None]  # no range, no upper bound
    assert list(find_quantities("2022-2023年")) == []  # years have no unit: no range of one quantity


def test_a_share_is_a_percentage():
    [share] = find_quantities("三分之二的村")
    assert (share.value, share.unit, share.approx) == (66.67, "%", True)
    [half] = find_quantities("二分之一的社区")
    assert (half.value, half.approx) == (50, False)
    assert [q.value for q in find_quantities("百分之九十五")] == [95]


def test_chinese_numerals_with_a_decimal_point_in_words():
    from kg.text.numerals import find_quantities
    assert [(q.value, q.unit) for q in find_quantities("增长百分之十二点五，挽回损失三点二万元")] == [(12.5, "%"), (32000.0, "元")]
    # 点 not followed by a digit is a word (两点工作, 一点一滴 has no unit)
    assert [(q.value, q.unit) for q in find_quantities("抓好两点工作")] == []


def test_shang_makes_a_bare_order_of_magnitude_a_number():
    from kg.text.numerals import find_quantities
    [hundred] = find_quantities("走访群众上百户")
    assert (hundred.value, hundred.unit, hundred.approx, hundred.start) == (100, "户", True, 4)
    assert [q.value for q in find_quantities("百日攻坚，千家万户")] == []
