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


def is_traditional(text: str, sample: int = 3000) -> bool:
    """Whether a text is written in traditional characters: enough of its characters change under t2s."""
    head = text[:sample]
    cjk = len(_CJK_RE.findall(head))
    if cjk < 20:
        return False
    changed = sum(map(_traditional_chars().__contains__, head))
    # Simplified text has almost none; traditional prose has one in five or more.
    return changed >= max(3, cjk * 0.03)


def to_simplified(text: str) -> str:
    """Simplified text of the same length, so that offsets into it are offsets into the original."""
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
