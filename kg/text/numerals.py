"""Numbers in report text: Arabic and Chinese numerals, 万/亿 multipliers, approximation marks and units.

Everything here works on a same-length normal form (`Source.norm`), so spans are spans of the original
text, and nothing raises on any input: a string that holds no number yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from kg.text import lexicon

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10**4, "亿": 10**8}
CHINESE_CHARS = "".join(_DIGITS) + "".join(_SMALL) + "".join(_LARGE)
# Zero as dates and codes write it digit by digit (二○二二 uses the white circle, not 〇).
_DIGIT_ZEROS = "〇零○"

MULTIPLIERS = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3}
_MULTIPLIER_WORDS = tuple(MULTIPLIERS)

_NUMBER_RE = re.compile(
    r"""
    (?=[\d零〇一二两三四五六七八九十百千万亿])                 # every number starts so: the engine skips other places fast
    (?:
        (?P<pct>百分之)                                         # 百分之十五: a percentage written in words
      | (?P<den>[一二两三四五六七八九十]{1,3}|\d{1,3})分之      # 三分之二: a share, read as a percentage
    )?
    (?:
        (?P<arabic>(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?)        # 25000, 25,000, 12.6 (not the tail of 1.2.3)
      | (?P<chinese>[零〇一二两三四五六七八九十百千万亿]+)      # 一百二十, 两千, 二〇二二
        (?:点(?P<fraction>[零〇一二三四五六七八九]+))?           # 九十四点五: decimals digit by digit
    )
    """,
    re.VERBOSE,
)


def approx_before() -> tuple[str, ...]:
    """Marks of an approximate figure written before the number (约, 近, 超过)."""
    return lexicon.words("numeral_marks", "before")


@dataclass(frozen=True)
class Number:
    """A number written in the text: its value, span, and whether the text marks it approximate."""

    value: float
    start: int
    end: int
    approx: bool
    chinese: bool
    percent: bool = False  # written 百分之…
    upper: float | None = None  # a range's upper bound (3至5次: value 3, upper 5)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit: `start`..`end` covers number, marks and unit; `value` is in `unit`."""

    number: Number
    unit: str
    start: int
    end: int

    @property
    def value(self) -> float:
        return self.number.value

    @property
    def approx(self) -> bool:
        return self.number.approx

    @property
    def upper(self) -> float | None:
        return self.number.upper


def parse_chinese(text: str) -> int | None:
    """The value of a Chinese numeral (一百二十, 两千, 三万五千, 二〇二二); None when it is not one."""
    if not text or any(ch not in CHINESE_CHARS for ch in text):
        return None
    if all(ch in _DIGITS for ch in text):
        if len(text) == 1:
            return _DIGITS[text]
        # 二〇二二 is read digit by digit; 三四 is a vague range ("three or four"), not 34.
        if any(ch in "零〇" for ch in text):
            return int("".join(str(_DIGITS[ch]) for ch in text))
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            if digit is not None and digit != 0 and _DIGITS[ch] != 0:
                return None  # two digits in a row without a unit between them
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        else:
            if section == 0 and digit in (None, 0) and total == 0:
                return None  # 万 or 亿 with nothing before it
            section += digit or 0
            digit = None
            if _LARGE[ch] == 10**8:
                total = (total + section) * 10**8
            else:
                total += section * 10**4
            section = 0
    return total + section + (digit or 0)


def parse_digits(text: str) -> int | None:
    """A numeral read digit by digit, as years and codes are written (二〇二二, 一九九九); None otherwise."""
    if not text or any(ch not in _DIGITS and ch not in _DIGIT_ZEROS for ch in text):
        return None
    return int("".join(str(_DIGITS.get(ch, 0)) for ch in text))


def parse_arabic(text: str) -> float | None:
    try:
        return float(Decimal(text.replace(",", "")))
    except (InvalidOperation, ValueError):
        return None


def scaled(value: float, factor: int) -> float:
    """12.36 × 10⁴ → 123600.0 exactly: the product is taken in decimal, as the text writes the figure, not in binary."""
    return float(Decimal(repr(value)) * factor)


def parse_number(text: str) -> float | None:
    """The value of one whole number string: '25000', '1.5万', '一百二十', '3亿'; None otherwise."""
    text = text.strip()
    found = list(find_numbers(text))
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(text):
        return None
    return found[0].value


def _starts(text: str, pos: int, words: tuple[str, ...]) -> str | None:
    if not text.startswith(words, pos):
        return None  # one call in C says so for nearly every place a mark could stand
    for word in words:
        if text.startswith(word, pos):
            return word
    return None


def _order_of(text: str, start: int) -> bool:
    """上百次, 上千人, 上万份: 上 before a bare order of magnitude says "some", as 近 does."""
    return start > 0 and text[start - 1] == "上" and text[start : start + 1] in "百千万"


def find_numbers(text: str):
    """Yield every number in `text` with its multiplier and approximation marks, left to right."""
    inside_marks, before_marks = lexicon.words("numeral_marks", "inside"), approx_before()
    for match in _NUMBER_RE.finditer(text):
        chinese = match.group("chinese")
        above = False
        if chinese:
            if chinese[0] in "百千万亿":
                # 万名, 百日, 千家万户: a bare order of magnitude is part of a word; 近百场, 千余人 are counts.
                marked = text.endswith(before_marks, 0, match.start()) or _starts(
                    text, match.end(), inside_marks) or _order_of(text, match.start())
                after_digit = match.start() > 0 and (text[match.start() - 1].isdigit() or text[match.start() - 1] in CHINESE_CHARS)
                if match.group("pct") and chinese == "百":
                    chinese = "一百"  # 百分之百
                elif not marked or chinese[0] == "亿" or after_digit:  # 12万余: the multiplier of the number before
                    continue
                else:
                    chinese = "一" + chinese
            value = parse_chinese(chinese)
            above = _order_of(text, match.start("chinese"))  # 上百: 上 belongs to the number, as 近 would
            fraction = match.group("fraction")
            if value is not None and fraction:
                value += float("0." + "".join(str(_DIGITS[ch]) for ch in fraction))
            start_digits = match.start("chinese") - above
        else:
            value = parse_arabic(match.group("arabic"))
            start_digits = match.start("arabic")
        if value is None:
            continue
        pos = match.end()
        approx = False
        inside = _starts(text, pos, inside_marks)
        if inside:
            approx, pos = True, pos + len(inside)
        multiplier = _starts(text, pos, _MULTIPLIER_WORDS)
        if multiplier:
            value = scaled(value, MULTIPLIERS[multiplier])
            pos += len(multiplier)
            inside = _starts(text, pos, inside_marks)
            if inside:
                approx, pos = True, pos + len(inside)
        start = match.start() - above
        if above or text.endswith(before_marks, 0, start):
            approx = True
        percent = bool(match.group("pct"))
        if match.group("den"):
            share = _share(value, match.group("den"))
            if share is None:
                continue
            value, approx, percent = share[0], approx or share[1], True
        yield Number(float(value), start if percent else start_digits, pos, approx, bool(chinese), percent)


SHARE_DECIMALS = 2  # a share like 三分之二 is kept as a percentage to two decimals (66.67), marked approximate


def _share(numerator: float, denominator: str) -> tuple[float, bool] | None:
    """三分之二 → (66.67, True): the share as a percentage, and whether rounding made it approximate."""
    whole = int(denominator) if denominator.isdigit() else parse_chinese(denominator)
    if not whole or numerator > whole:
        return None
    exact = Decimal(repr(float(numerator))) * 100 / whole
    rounded = round(exact, SHARE_DECIMALS)
    return float(rounded), rounded != exact


@cache
def units() -> tuple[str, ...]:
    """Units from the lexicon, longest first so that 人次 wins over 人 and 个百分点 over 个."""
    return lexicon.longest_first(row["unit"] for row in lexicon.table("units"))


@cache
def unit_kinds() -> dict[str, str]:
    return {row["unit"]: row.get("kind", "") for row in lexicon.table("units")}


@cache
def glued_after(unit: str) -> str:
    """Characters that, right after `unit`, make it part of another word (条例, 场所): no count there."""
    return "".join(row.get("glued", "") for row in lexicon.table("units") if row["unit"] == unit)


@cache
def _unit_lengths() -> tuple[tuple[int, frozenset[str]], ...]:
    """The units by length, longest first: the longest unit at a place wins, as in `units()`."""
    return tuple((n, frozenset(u for u in units() if len(u) == n)) for n in sorted({len(u) for u in units()}, reverse=True))


def _unit_at(text: str, pos: int) -> str | None:
    for length, known in _unit_lengths():
        unit = text[pos : pos + length]
        if unit in known:
            return unit
    return None


def find_quantities(text: str):
    """Yield every number followed by a unit (百分之N gives %), with 以上/左右 after the unit as approximate.

    A range (3至5次, 3~5万元) is one quantity: its lower bound, approximate, spanning both numbers.
    """
    numbers = list(find_numbers(text))
    after_marks = lexicon.words("numeral_marks", "after")
    skip = -1
    for index, number in enumerate(numbers):
        if index == skip:
            continue
        pos = number.end
        if number.percent:
            unit = "%"
        else:
            unit = _unit_at(text, pos)
            if unit is None:
                upper = numbers[index + 1] if index + 1 < len(numbers) else None
                ranged = _range(text, number, upper)
                if ranged is None:
                    continue
                number, unit, pos, skip = ranged[0], ranged[1], ranged[2], index + 1
            else:
                pos += len(unit)
        after = _starts(text, pos, after_marks)
        if after:
            number = Number(number.value, number.start, number.end, True, number.chinese, number.percent, number.upper)
            pos += len(after)
        yield Quantity(number, unit, number.start, pos)


def _range(text: str, lower: Number, upper: Number | None) -> tuple[Number, str, int] | None:
    """3至5次: the lower bound with the upper's unit (and multiplier: 3至5万元 is 30000), approximate; the upper kept."""
    if upper is None or upper.percent or lower.chinese != upper.chinese:
        return None
    separator = _starts(text, lower.end, lexicon.words("numeral_marks", "range"))
    if separator is None or lower.end + len(separator) != upper.start:
        return None
    unit = _unit_at(text, upper.end)
    if unit is None:
        return None
    value = lower.value
    multiplier = next((m for m in MULTIPLIERS if text.endswith(m, upper.start, upper.end)), None)
    if multiplier and not any(m in text[lower.start : lower.end] for m in MULTIPLIERS):
        value = scaled(value, MULTIPLIERS[multiplier])
    if value > upper.value:
        return None  # 2022-2023: not a range of one quantity
    return Number(value, lower.start, upper.end, True, lower.chinese, False, upper.value), unit, upper.end + len(unit)
