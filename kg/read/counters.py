"""List numbers as a word processor or a browser draws them: 3 in a style → 三, 丙, ③, iii, C or 3.

Word (numFmt) and CSS (list-style-type) name the same few families differently; both names map to one
drawing function here. A value outside a family's range falls back to decimal, as both programs do.
"""

from __future__ import annotations

from collections.abc import Callable

_DIGITS = "〇一二三四五六七八九"
_FORMAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "十", "百", "千")
_FORMAL_UNITS = ("", "拾", "佰", "仟")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
MAX_COUNTING = 9999  # Chinese counting without 万; CSS gives the same range for cjk-ideographic


def decimal(value: int) -> str:
    return str(value)


def chinese(value: int, digits: str = _DIGITS, units: tuple[str, ...] = _UNITS, formal: bool = False) -> str:
    """Chinese counting: 十一, 二十, 一百零五; 10-19 open with 十 alone unless formal (壹拾)."""
    if not 0 <= value <= MAX_COUNTING:
        return decimal(value)
    if value == 0:
        return digits[0]
    places = [int(d) for d in str(value)]
    out, zero = [], False
    for position, digit in enumerate(places):
        unit = units[len(places) - 1 - position]
        if digit == 0:
            zero = True
            continue
        if zero and out:
            out.append(digits[0])
        zero = False
        if not (digit == 1 and unit == units[1] and not out and not formal):
            out.append(digits[digit])
        out.append(unit)
    return "".join(out)


def formal_chinese(value: int) -> str:
    return chinese(value, _FORMAL_DIGITS, _FORMAL_UNITS, formal=True)


def chinese_digits(value: int) -> str:
    """一〇五: each digit on its own, as CSS cjk-decimal draws."""
    return "".join(_DIGITS[int(d)] for d in str(value)) if value >= 0 else decimal(value)


def _cycle(signs: str) -> Callable[[int], str]:
    return lambda value: signs[(value - 1) % len(signs)] if value >= 1 else decimal(value)


def _enclosed(first: int, last: int) -> Callable[[int], str]:
    """①…⑳ and their kin: one character each for 1-20, decimal beyond."""
    return lambda value: chr(first + value - 1) if 1 <= value <= last else decimal(value)


def roman(value: int) -> str:
    if not 1 <= value <= 3999:
        return decimal(value)
    out = []
    for size, sign in _ROMAN:
        count, value = divmod(value, size)
        out.append(sign * count)
    return "".join(out)


def word_letters(value: int) -> str:
    """Word's letters: a…z, then aa…zz, aaa… (the letter repeats)."""
    if value < 1:
        return decimal(value)
    repeat, index = divmod(value - 1, 26)
    return chr(ord("a") + index) * min(repeat + 1, 10)


def css_letters(value: int) -> str:
    """CSS alphabetic: a…z, aa, ab, … (a bijective base 26)."""
    if value < 1:
        return decimal(value)
    out = []
    while value:
        value, rest = divmod(value - 1, 26)
        out.append(chr(ord("a") + rest))
    return "".join(reversed(out))[:10]


def _upper(draw: Callable[[int], str]) -> Callable[[int], str]:
    return lambda value: draw(value).upper()


def _full_width(value: int) -> str:
    return "".join(chr(ord(d) + 0xFEE0) if d.isdigit() else d for d in str(value))


# Word's w:numFmt values. bullet and none draw no number; those not listed are drawn as decimal.
WORD_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": decimal,
    "decimalHalfWidth": decimal,
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalZero": lambda value: f"{value:02d}" if 0 <= value < 10 else decimal(value),
    "chineseCounting": chinese,
    "chineseCountingThousand": chinese,
    "taiwaneseCounting": chinese,
    "taiwaneseCountingThousand": chinese,
    "japaneseCounting": chinese,
    "ideographDigital": chinese_digits,
    "chineseLegalSimplified": formal_chinese,
    "ideographLegalTraditional": formal_chinese,
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "ideographEnclosedCircle": _enclosed(0x3220, 10),  # ㈠…㈩
    "decimalEnclosedParen": _enclosed(0x2474, 20),  # ⑴…⒇
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),  # ⒈…⒛
    "lowerRoman": roman,
    "upperRoman": _upper(roman),
    "lowerLetter": word_letters,
    "upperLetter": _upper(word_letters),
    "none": lambda value: "",
}

# CSS list-style-type values → (how the number is drawn, what follows it). A browser adds a space after
# ". "; a report typed by hand has none, so the marker is given without it.
CSS_STYLES: dict[str, tuple[Callable[[int], str], str]] = {
    "decimal": (decimal, "."),
    "decimal-leading-zero": (lambda value: f"{value:02d}" if 0 <= value < 10 else decimal(value), "."),
    "cjk-ideographic": (chinese, "、"),
    "trad-chinese-informal": (chinese, "、"),
    "simp-chinese-informal": (chinese, "、"),
    "simp-chinese-formal": (formal_chinese, "、"),
    "trad-chinese-formal": (formal_chinese, "、"),
    "cjk-decimal": (chinese_digits, "、"),
    "cjk-heavenly-stem": (_cycle(_STEMS), "、"),
    "cjk-earthly-branch": (_cycle(_BRANCHES), "、"),
    "lower-roman": (roman, "."),
    "upper-roman": (_upper(roman), "."),
    "lower-alpha": (css_letters, "."),
    "lower-latin": (css_letters, "."),
    "upper-alpha": (_upper(css_letters), "."),
    "upper-latin": (_upper(css_letters), "."),
}
# The HTML type="…" attribute of <ol>.
HTML_TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}
