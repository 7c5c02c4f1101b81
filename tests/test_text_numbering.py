"""The numbering families: which family opens a line, with which number, and where the heading starts."""

from __future__ import annotations

import pytest

from kg.text import normalize
from kg.text.numbering import line_marker


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
