"""Numbering marker families (一、 （一） 1. （1） 一) ① 第一部分 上篇 第一， 一是 问题一：/问题1： 【】 ●): the one list of
them, and how a line opens with one.

Kept with the text helpers, not with the outline, because two stages read lines by them: the outline (through
kg.structure.markers, which also tells which family a document puts on top) and the unwrapper, which never joins a
numbered line onto the line above it.
"""

from __future__ import annotations

import re

from kg.text.normal import normalize

CN_DIGITS = "一二三四五六七八九十"
_CN = CN_DIGITS
_CAPITAL = "壹贰叁肆伍陆柒捌玖拾"  # the numerals of amounts in words, which some offices number with too
_STEMS = "甲乙丙丁戊己庚辛壬癸"  # the heavenly stems count too: （甲）（乙）（丙）
_VOLUMES = "上中下"
# Markdown or HTML leftovers of a page (`**一、**`, `## 一、`, `<b>一、`) wrap a marker without changing it.
DECOR = r"(?:\*{1,3}|#{1,6}\s*|>\s*|<[a-zA-Z]{1,6}>\s*)*"
_TRAILING_DECOR_RE = re.compile(r"(?:\s|\*{1,3}|</?[a-zA-Z]{1,6}>)+$")
# Ø and ➢ are the bullets a Word list in Wingdings leaves when converted to text.
# Besides these, any arrow, geometric shape, symbol or dingbat (▶ √ ◎ ✔ → ❶) opening a line is one: offices
# pick their bullets from the whole symbol font.
# • and ・ are · in the normal form that lines are matched in.
BULLETS = "●■◆▪•·◇□○★☆▲►Ø➢\u2190-\u21ff\u221a\u25a0-\u25ff\u2600-\u27bf"
MARKERS = (  # style, pattern at the start of a stripped, normalized line
    # 第一板块, 第一单元: the parts a report is laid out in, named as a magazine or a textbook names its own.
    ("part", re.compile(rf"{DECOR}第([{_CN}]{{1,3}})(?:部分|章|篇|板块|单元)\s*[、.:：]?\s*")),
    # 上篇 / 中篇 / 下篇: a report in two or three volumes numbers them by their place.
    ("volume", re.compile(rf"{DECOR}([{_VOLUMES}])篇\s*[、.:：]?\s*")),
    # 第一，第二， open items as paragraphs do; they number items, never sections. So do 第一条 and 第一项,
    # with or without a mark or a space after them.
    ("ordinal", re.compile(rf"{DECOR}第([{_CN}]{{1,3}})(?:\s*[，,、:：]\s*|[条项]\s*[，,、:：]?\s*)")),
    # A page's ruby or comma artefacts may sit between the numeral and its 、 (一,、).
    # A page that lost the 、 keeps a space (一 主要工作); only a short heading line is read that way, never prose.
    # A bar separates as 、 does (一｜工作成效, 一丨…): a design choice of some layouts, the same family all the same,
    # so a report that mixes the two still nests them as one level.
    ("cn", re.compile(rf"{DECOR}([{_CN}]{{1,3}})(?:\s*,?\s*[、.|丨]\s*|\s+(?=[\u4e00-\u9fff\d][^。，,；;：:！？!?]{{1,29}}$))")),
    ("capital", re.compile(rf"{DECOR}([{_CAPITAL}]{{1,2}})\s*[、.]\s*")),
    ("paren_cn", re.compile(rf"{DECOR}\(\s*([{_CN}]{{1,3}})\s*\)\s*[、.]?\s*")),
    ("paren_stem", re.compile(rf"{DECOR}\(\s*([{_STEMS}])\s*\)\s*[、.]?\s*")),
    ("paren_num", re.compile(rf"{DECOR}\(\s*(\d{{1,2}})\s*\)\s*[、.]?\s*")),
    # 1.5 is a number, but 1.2023年度… is a heading that starts with a year
    ("num", re.compile(rf"{DECOR}(\d{{1,2}})\s*[、.](?:(?!\d)|(?=\d{{4}}\s*年))\s*")),
    ("num_paren", re.compile(rf"{DECOR}(\d{{1,2}})\s*\)\s*")),
    # 一) with the closing bracket only, as 1) is: a family of its own, nested as the document nests it.
    ("cn_paren", re.compile(rf"{DECOR}([{_CN}]{{1,3}})\s*\)\s*")),
    ("circled", re.compile(rf"{DECOR}([\u2460-\u2473])\s*")),
    # [1] [2], and 01 02 before words with a space: numbers as a list or a slide writes them.
    ("square_num", re.compile(rf"{DECOR}\[\s*(\d{{1,2}})\s*\]\s*")),
    ("padded", re.compile(rf"{DECOR}0([1-9])\s+(?=[\u4e00-\u9fff])")),
    # 【强化学法】 in the normal form: a bracketed heading numbers itself by its order.
    ("bracket", re.compile(rf"{DECOR}\[(?=[^\]]{{2,80}}\])")),
    # 一是…二是… states items; plans are as often written 一要…二要….
    ("inline", re.compile(rf"{DECOR}([{_CN}]{{1,3}})[是要]")),
    # 问题一：…, 措施二：…, 问题1：…, 短板之一：…: a two-character label counts its items, in either kind of
    # numeral. A space may stand for the colon (问题1  重大决策……).
    ("labelled", re.compile(rf"{DECOR}[\u4e00-\u9fff]{{2}}之?([{_CN}]{{1,3}}|\d{{1,2}})(?:\s*:\s*|\s+)")),
    # ● 健全依法决策机制。: a bullet numbers its item by its order, as a bracket does.
    # A bullet before a number (● 1. …) is one marker: the number is no part of the heading.
    # A Markdown list item (- 完善…) or task (- [ ] 完善…) is a bullet too, when words follow it (a page's - 3 - is no item).
    ("bullet", re.compile(rf"{DECOR}(?:[{BULLETS}]\s*(?:(?:\d{{1,2}}|[{_CN}]{{1,3}})\s*[、.]\s*(?!\d))?"
                          r"|-[ \t]+(?:\[[ xX]?\][ \t]*)?(?=[\u4e00-\u9fff]))")),
)


def _one_pattern(markers) -> tuple[re.Pattern, dict[int, tuple[str, bool]]]:
    """Every family's pattern as one alternation in MARKERS' order, and for the group that wraps each family, the
    family and whether its number is the group after it. At the start of a line the first family that matches
    is the one the loop over MARKERS finds, with the same match: one call instead of one per family."""
    alternatives, families, group = [], {}, 1
    for style, pattern in markers:
        alternatives.append(f"({pattern.pattern})")
        families[group] = (style, pattern.groups > 0)
        group += 1 + pattern.groups
    return re.compile("|".join(alternatives)), families


_ANY_MARKER_RE, _FAMILY_OF_GROUP = _one_pattern(MARKERS)


# The families that number a heading or an item with a mark of their own (一、 （一） 1. 1) 一) ① 第一部分 壹、): a line
# opening with one starts a paragraph, however the line above it ends. 一是 and 第一， number sentences inside a
# paragraph, a label (问题一：) or a bullet may open a wrapped line's tail, so each reader adds those it trusts.
NUMBERED = ("part", "cn", "capital", "paren_cn", "paren_stem", "paren_num", "num", "num_paren", "cn_paren", "circled")


def opens_numbered(text: str, styles=NUMBERED) -> bool:
    """Whether text, as typed (full or half width), opens with a number of one of `styles`."""
    return line_marker(normalize(text), styles) is not None


def line_marker(text: str, styles=None):
    """(style, number, marker length) of the numbering that opens a stripped line, or None."""
    if styles is None:
        match = _ANY_MARKER_RE.match(text)
        if match is None:
            return None
        group = match.lastindex  # the family's own group closes last: it wraps the number's
        style, numbered = _FAMILY_OF_GROUP[group]
        return style, _number(match.group(group + 1)) if numbered else 0, match.end()
    for style, pattern in MARKERS:
        if styles is not None and style not in styles:
            continue
        match = pattern.match(text)
        if match:
            number = _number(match.group(1)) if match.groups() else 0
            return style, number, match.end()
    return None


def _number(token: str) -> int:
    # Circled numbers count as digits to str.isdigit but not to int(), so they go first.
    if "\u2460" <= token <= "\u2473":
        return ord(token) - 0x2460 + 1
    if token.isdecimal():
        return int(token)
    if token in _VOLUMES:
        return _VOLUMES.index(token) + 1
    if token[0] in _STEMS:
        return _STEMS.index(token[0]) + 1
    if token[0] in _CAPITAL:
        return _number("".join(_CN[_CAPITAL.index(ch)] for ch in token))
    if token == "十":
        return 10
    if "十" in token:
        tens, _, ones = token.partition("十")
        if any(len(part) > 1 or (part and part not in _CN[:9]) for part in (tens, ones)):
            return 0  # 十二十, 二十十: a run of numerals that writes no number numbers nothing
        return (_CN.index(tens) + 1 if tens else 1) * 10 + (_CN.index(ones) + 1 if ones else 0)
    return _CN.index(token[0]) + 1


number = _number


_LEADING_DECOR_RE = re.compile(DECOR + r"\s*")


def decor_end(text: str, start: int) -> int:
    """Where a line starting at `start` begins once its Markdown or HTML leftovers (`**`, `<p><b>`) are skipped."""
    return _LEADING_DECOR_RE.match(text, start).end()


def trim_decor(text: str, start: int, end: int) -> int:
    """End of text[start:end] without the closing `**` or `</b>` of a Markdown or HTML heading."""
    match = _TRAILING_DECOR_RE.search(text, start, end)
    return match.start() if match and match.end() == end else end
