"""Traditional characters, as a site's 繁体 switch serves them: detected, and mapped to simplified for matching."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import opencc
from opencc import OpenCC

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=2)
def _converter(config: str = "t2s"):
    return OpenCC(config)


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters that t2s changes; counting them is ten times cheaper than converting every file."""
    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    chars = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and parts[1] != parts[0]:
            chars.add(parts[0])
    return frozenset(chars)


_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _traditional_classes() -> tuple[re.Pattern, re.Pattern | None]:
    """The characters of _traditional_chars as two classes: those of the Basic Multilingual Plane, which the engine
    tests with one table lookup, and the rare ones beyond it, which in the same class make every test a long list."""
    common = sorted(ch for ch in _traditional_chars() if ord(ch) <= 0xFFFF)
    rare = sorted(ch for ch in _traditional_chars() if ord(ch) > 0xFFFF)
    return (re.compile("[" + "".join(map(re.escape, common)) + "]"),
            re.compile("[" + "".join(map(re.escape, rare)) + "]") if rare else None)


def is_traditional(text: str, sample: int = 3000) -> bool:
    """Whether a text is written in traditional characters: enough of its characters change under t2s."""
    head = text[:sample]
    common, rare = _traditional_classes()
    changed = len(common.findall(head))
    if rare is not None and _ASTRAL_RE.search(head):
        changed += len(rare.findall(head))
    if changed < 3:
        return False  # too few whatever the count of CJK characters, which is left uncounted in most texts
    cjk = len(_CJK_RE.findall(head))
    if cjk < 20:
        return False
    # Simplified text has almost none; traditional prose has one in five or more.
    return changed >= max(3, cjk * 0.03)


# A whole report is converted when it is read and again by each extractor that reads its words (metrics,
# campaigns): the last few long texts are kept, so that a report is converted once. Names and terms are
# converted by the thousand and would push a report out, so only long texts are kept.
_KEPT_LENGTH = 1000


def to_simplified(text: str) -> str:
    """Simplified text of the same length, so that offsets into it are offsets into the original."""
    return _simplified_kept(text) if len(text) >= _KEPT_LENGTH else _simplified(text)


@lru_cache(maxsize=4)
def _simplified_kept(text: str) -> str:
    return _simplified(text)


def _simplified(text: str) -> str:
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase mapping changed the length somewhere: convert line by line, and character by character where needed.
    out = []
    for line in text.split("\n"):
        simple = _converter().convert(line)
        out.append(simple if len(simple) == len(line) else "".join(_char(ch) for ch in line))
    return "\n".join(out)


def _char(ch: str) -> str:
    simple = _converter().convert(ch)
    return simple if len(simple) == 1 else ch


def to_traditional(text: str) -> str:
    """The text as a site's 繁体 switch serves it (simplified → traditional)."""
    return _converter("s2t").convert(text)
