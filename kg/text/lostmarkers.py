"""An item's number that a page lost with its opening bracket (）落实政务公开 below （一）…), given back before reading.

A converter or an editor sometimes drops a line's first characters: （二）落实… becomes ）落实…. The outline reads a
line by the marker it opens with, so such an item is lost and its heading read as prose of the item above. The
number is told by the items around it: the one after the last bracketed number a line opened with in the same
section, or the first when a section heading (二、) came between. A line opening with ） when the text since the
last numbered line left a bracket open is a wrap inside brackets (村（社区 / ）干部, a page break between them or
not), and a section whose items are numbered in two bracketed families ((一) and (1)) does not say which one was
lost: both are left as they are. `origin` maps each character back to the file, a restored one to the bracket it
stands before.
"""

from __future__ import annotations

import re

from kg.text.numbering import CN_DIGITS
from kg.text.unwrap import Unwrapped

_SPACE = "[ \\t\\u3000]*"
# The lost marker: a closing bracket opening a line, a heading's first character right after it.
_LONE_RE = re.compile(rf"(?m)^{_SPACE}([)）])(?=[\u4e00-\u9fff])")
# A line opening with a bracketed number, or one closed only (一）, 1)): the item before a lost one.
_ITEM_RE = re.compile(rf"(?m)^{_SPACE}([（(]?)([{CN_DIGITS}]{{1,3}}|\d{{1,2}})[)）]")
# A section heading (二、, 第二部分): items after it are counted from one again.
_SECTION_RE = re.compile(rf"(?m)^{_SPACE}(?:[{CN_DIGITS}]{{1,3}}\s*[、.．]|第[{CN_DIGITS}]{{1,3}}部分)")
_OPENING, _CLOSING = "（(", "）)"


def restore_markers(text: str) -> Unwrapped | None:
    """The text with lost item numbers given back, or None when no line opens with a lone ） (most texts)."""
    if _LONE_RE.search(text) is None:
        return None
    events = sorted(
        [(m.start(), "item", m) for m in _ITEM_RE.finditer(text)]
        + [(m.start(), "section", m) for m in _SECTION_RE.finditer(text)]
        + [(m.start(1), "lone", m) for m in _LONE_RE.finditer(text)],
        key=lambda event: event[0])
    inserts: list[tuple[int, str]] = []
    items: list[tuple[str, int, str]] = []  # (opening, value, family) of the current section's numbered lines
    headed = False  # a section heading came before: an item lost first under it is its first
    since = 0  # where the last numbered line opened: a bracket left open after it is closed by the lone one
    for position, kind, match in events:
        if kind == "section":
            items, headed = [], True
        elif kind == "item":
            numeral = match.group(2)
            items.append((match.group(1), _value(numeral), "digit" if numeral.isdigit() else "cn"))
        elif not _left_open(text[since:position]):
            marker = _lost(items, match.group(1)) if items or headed else None
            if marker is not None:
                inserts.append((position, marker[0]))
                items.append(marker[1])
        since = position
    if not inserts:
        return None
    return Unwrapped.spliced(text, [(position, position, marker) for position, marker in inserts])


def _lost(items: list[tuple[str, int, str]], closing: str) -> tuple[str, tuple[str, int, str]] | None:
    """The characters lost before a lone closing bracket, and the item they make; None when the section's items
    do not tell them."""
    families = {family for _, _, family in items}
    if len(families) > 1:
        return None  # (一) and (1) both stand in the section: the lost one could be of either
    opening, value, family = items[-1] if items else ("（" if closing == "）" else "(", 0, "cn")
    if opening:
        opening = "（" if closing == "）" else "("
    numeral = str(value + 1) if family == "digit" else _chinese(value + 1)
    return opening + numeral, (opening, value + 1, family)


def _left_open(span: str) -> bool:
    """Whether the text since the last numbered line leaves a bracket open, which the lone closing one ends: a
    wrap inside brackets, with a page's footer and running head between the two halves as often as not."""
    return sum(span.count(c) for c in _OPENING) > sum(span.count(c) for c in _CLOSING)


def _value(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    if len(numeral) == 1:
        return CN_DIGITS.index(numeral) + 1
    tens, _, ones = numeral.partition("十")
    return (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CN_DIGITS.index(ones) + 1 if ones else 0)


def _chinese(value: int) -> str:
    if value <= 10:
        return CN_DIGITS[value - 1]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else CN_DIGITS[tens - 1]) + "十" + (CN_DIGITS[ones - 1] if ones else "")
