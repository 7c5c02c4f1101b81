"""Spans of a problems or plans body: its pieces between marks, and how many Chinese characters a span holds.

Shared by cuts.py, which scores ways of cutting a body, and labels.py, which reads what opens an item.
"""

from __future__ import annotations

import re
from functools import lru_cache

Span = tuple[int, int]

SENTENCE_ENDS = "。！？!?"
CLAUSE_ENDS = "。；;！？!?"
COMMA_ENDS = "。；;！？!?,，"
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
_CJK_CHAR_RE = re.compile(r"[\u4e00-\u9fff]")


def pieces(norm: str, start: int, end: int, ends: str) -> list[Span]:
    """(start, end) of each piece of norm[start:end] cut after the characters in `ends` and at line ends, blanks
    left out."""
    return [(found.start(), found.end()) for found in _piece_re(ends).finditer(norm, start, end)]


@lru_cache(maxsize=8)
def _piece_re(ends: str) -> re.Pattern:
    """A piece: from its first non-blank character up to (not including) the next of `ends` or a line end."""
    stop = re.escape(ends + "\n")
    return re.compile(r"[^\s%s][^%s]*" % (stop, stop))


def letters(norm: str, start: int, end: int) -> int:
    """How many Chinese characters norm[start:end] holds."""
    return len(_CJK_CHAR_RE.findall(norm, start, end))


def is_cjk(norm: str, start: int, end: int) -> bool:
    """Whether norm[start:end] is all Chinese characters (and lies inside norm)."""
    return end <= len(norm) and _CJK_RUN_RE.fullmatch(norm, start, end) is not None
