"""Word's automatic numbering: the label (一、 （一） 1.) Word draws before a paragraph but keeps out of its text.

A paragraph is numbered by its own w:numPr or by its style's (through w:basedOn). w:numId names a w:num,
which points at a w:abstractNum holding up to nine w:lvl definitions: start, numFmt, lvlText ("%1、",
"（%2）"), lvlRestart, isLgl, suff. A w:num may override a level's start or whole definition.

Counting follows Word: the nums sharing one abstractNum continue one sequence; a num with a startOverride
begins its levels anew the first time it is used; using a level restarts the levels below it (unless
their lvlRestart says otherwise); a level never used shows its start value in another level's label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.read.counters import WORD_FORMATS, decimal

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
LEVELS = 9  # w:ilvl 0-8; any other level is ignored
MAX_LEVEL_TEXT = 40  # characters of a w:lvlText; longer is not a label any document draws
MAX_START = 1_000_000  # a larger w:start is damage, read as if left out
MAX_STYLE_CHAIN = 20  # w:basedOn steps followed; a loop or a longer chain ends there
_PLACEHOLDER_RE = re.compile(r"%([1-9])")
_INT_RE = re.compile(r"-?\d{1,9}")
# A label ending in one of these needs no space before the text: a mark, or a number drawn enclosed (① ⑴ ⒈ ㈠).
_CLOSED = tuple("、.．)）]】:：,，") + tuple(map(chr, range(0x2460, 0x24A0))) + tuple(map(chr, range(0x3220, 0x322A)))


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart_after: int | None = None  # None: after any higher level; 0: never
    legal: bool = False  # isLgl: every number in the label drawn as decimal
    suffix: str = "tab"
    hidden: bool = False  # the level's run properties hide the number (w:vanish): counted, not drawn


def _val(element, name: str) -> str | None:
    child = element.find(_W + name) if element is not None else None
    return None if child is None else child.get(_W + "val")


def _int(value: str | None, default: int | None) -> int | None:
    if value is None or not _INT_RE.fullmatch(value.strip()):
        return default
    return int(value)


def _level(element) -> Level:
    start = _int(_val(element, "start"), 0)  # the standard's default when w:start is left out
    restart = _int(_val(element, "lvlRestart"), None)
    legal = element.find(_W + "isLgl")
    vanish = element.find(f"{_W}rPr/{_W}vanish")
    return Level(
        start=start if 0 <= start <= MAX_START else 0,
        fmt=_val(element, "numFmt") or _fallback_format(element) or "decimal",
        text=_val(element, "lvlText") or "",
        restart_after=restart if restart is None or 0 <= restart <= LEVELS else None,
        legal=legal is not None and legal.get(_W + "val") not in ("0", "false", "off"),
        suffix=_val(element, "suff") or "tab",
        hidden=vanish is not None and vanish.get(_W + "val") not in ("0", "false", "off"),
    )


def _fallback_format(element) -> str | None:
    """A Word 2010 custom format (w14) comes in mc:AlternateContent; its fallback is what Word 2007 draws."""
    fallback = element.find(f"{_MC}AlternateContent/{_MC}Fallback/{_W}numFmt")
    return None if fallback is None else fallback.get(_W + "val")


def _ilvl(value: str | None) -> int | None:
    level = _int(value, 0)
    return level if 0 <= level < LEVELS else None


class WordNumbering:
    """Labels of numbered paragraphs, asked in document order (the counters advance on each ask)."""

    def __init__(self, numbering, styles) -> None:
        # numbering: the w:numbering element (or None); styles: the w:styles element (or None).
        children = list(numbering) if numbering is not None else []
        self._styles = _style_numbering(styles)
        abstracts, self._style_levels, linked = _abstracts(children)
        nums = {element.get(_W + "numId"): _val(element, "abstractNumId")
                for element in children if element.tag == _W + "num"}
        aliases: dict[str, str] = {}  # abstractNum linked to a list style → the abstractNum it counts with
        for key, style in linked.items():
            # A list style names a num whose abstractNum holds the levels; lists using the style share them.
            target = nums.get(self._styles.get(style, (None,))[0])
            if target in abstracts and target not in linked and not abstracts[key]:
                abstracts[key], aliases[key] = abstracts[target], target
        # numId → (the abstractNum it counts with, its levels with overrides applied, the levels it restarts)
        self._nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        for element in children:
            key = _val(element, "abstractNumId") if element.tag == _W + "num" else None
            if key in abstracts and element.get(_W + "numId") not in self._nums:
                levels, starts = _overridden(element, abstracts[key])
                self._nums[element.get(_W + "numId")] = (aliases.get(key, key), levels, starts)
        self._counters: dict[str, list[int | None]] = {}
        self._begun: set[str] = set()

    def label(self, paragraph) -> str:
        """The label Word draws before this w:p, with what separates it from the text; "" when none."""
        found = self._num_and_level(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        abstract, levels, starts = self._nums[num_id]
        counters = self._counters.setdefault(abstract, [None] * LEVELS)
        if num_id not in self._begun:
            self._begun.add(num_id)
            for index in starts:
                counters[index] = None
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, LEVELS):
            after = levels[deeper].restart_after if deeper in levels else None
            if after is None or ilvl < after:
                counters[deeper] = None
        if level.fmt == "bullet" or level.hidden:
            return ""  # a bullet is a mark, not a number the outline could read
        return _draw(level, levels, counters)

    def _num_and_level(self, paragraph) -> tuple[str, int] | None:
        properties = paragraph.find(_W + "pPr")
        own = properties.find(_W + "numPr") if properties is not None else None
        style_id = _val(properties, "pStyle")
        style = self._styles.get(style_id) if style_id else None
        num_id = _val(own, "numId") if own is not None else None
        ilvl = _val(own, "ilvl") if own is not None else None
        if num_id is None and style is not None:
            num_id, ilvl = style[0], ilvl if ilvl is not None else style[1]
        if num_id is None or num_id not in self._nums:
            return None  # numId 0, the usual way to switch a style's numbering off, is never defined
        if ilvl is None:
            abstract = self._nums[num_id][0]
            ilvl = str(self._style_levels.get(abstract, {}).get(style_id, 0))
        level = _ilvl(ilvl)
        return None if level is None else (num_id, level)


def _abstracts(children) -> tuple[dict[str, dict[int, Level]], dict[str, dict[str, int]], dict[str, str]]:
    """abstractNum → its levels; abstractNum → styleId → the level that style numbers; abstractNum → the
    list style it takes its levels from (numStyleLink)."""
    abstracts: dict[str, dict[int, Level]] = {}
    style_levels: dict[str, dict[str, int]] = {}
    linked: dict[str, str] = {}
    for element in children:
        if element.tag != _W + "abstractNum":
            continue
        key = element.get(_W + "abstractNumId")
        levels = abstracts.setdefault(key, {})
        if _val(element, "numStyleLink"):
            linked[key] = _val(element, "numStyleLink")
        for lvl in element.iterchildren(_W + "lvl"):
            index = _ilvl(lvl.get(_W + "ilvl"))
            if index is not None and index not in levels:
                levels[index] = _level(lvl)
                if _val(lvl, "pStyle"):
                    style_levels.setdefault(key, {})[_val(lvl, "pStyle")] = index
    return abstracts, style_levels, linked


def _overridden(num, levels: dict[int, Level]) -> tuple[dict[int, Level], dict[int, int]]:
    """A w:num's levels after its w:lvlOverride, and the start of each level it begins anew."""
    levels, starts = dict(levels), {}
    for override in num.iterchildren(_W + "lvlOverride"):
        index = _ilvl(override.get(_W + "ilvl"))
        if index is None:
            continue
        replaced = override.find(_W + "lvl")
        if replaced is not None:  # Word ignores a lvlRestart given here and keeps the abstract level's
            levels[index] = replace(_level(replaced), restart_after=levels.get(index, Level()).restart_after)
        start = _int(_val(override, "startOverride"), None)
        if start is not None and 0 <= start <= MAX_START:
            levels[index] = replace(levels.get(index, Level()), start=start)
            starts[index] = start
    return levels, starts


def _draw(level: Level, levels: dict[int, Level], counters: list[int | None]) -> str:
    if len(level.text) > MAX_LEVEL_TEXT:
        return ""

    def number(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        shown = levels.get(index, Level())
        value = counters[index] if counters[index] is not None else shown.start
        if level.legal:
            return decimal(value)
        return WORD_FORMATS.get(shown.fmt, decimal)(value)

    label = _PLACEHOLDER_RE.sub(number, level.text).lstrip()
    if not label.strip() or level.suffix == "nothing" or label.rstrip().endswith(_CLOSED):
        return label if label.strip() else ""
    return label + " "  # a tab or a space after a bare number (第一章 总则)


def _style_numbering(styles) -> dict[str, tuple[str, str | None]]:
    """styleId → (numId, ilvl or None) of the numbering the style gives, following w:basedOn."""
    own: dict[str, tuple[str | None, str | None]] = {}
    parent: dict[str, str] = {}
    for style in (styles.iterchildren(_W + "style") if styles is not None else ()):
        key = style.get(_W + "styleId")
        if not key:
            continue
        properties = style.find(_W + "pPr")
        numbering = properties.find(_W + "numPr") if properties is not None else None
        if numbering is not None:
            own[key] = (_val(numbering, "numId"), _val(numbering, "ilvl"))
        based = _val(style, "basedOn")
        if based:
            parent[key] = based
    resolved: dict[str, tuple[str, str | None]] = {}
    for key in set(own) | set(parent):
        current, steps = key, 0
        while current is not None and current not in own and steps < MAX_STYLE_CHAIN:
            current, steps = parent.get(current), steps + 1
        if current in own and own[current][0]:
            resolved[key] = own[current]  # type: ignore[assignment]
    return resolved
