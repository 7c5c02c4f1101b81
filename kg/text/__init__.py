"""Character-level helpers: a same-length normal form for matching, and sentence spans for evidence."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.text.normal import normalize  # noqa: F401 - every stage imports it from here

SENTENCE_END = "。！？；!?;\n"
_SENTENCE_END_RE = re.compile(r"[。！？；!?;\n]")
# Everything up to and including the last sentence end of a span (greedy, so the last one).
_THROUGH_LAST_END_RE = re.compile(r".*[。！？；!?;\n]", re.S)


# Stands, in a matched form, for a character the reading joined away (a wrapped line's break, a page
# footer): offsets stay those of the text, and whoever compares words takes these out first.
JOINED = "\u2060"


def unjoined(text: str) -> str:
    """`text` with the characters a reading joined away taken out, for comparing words."""
    return text.replace(JOINED, "") if JOINED in text else text


@lru_cache(maxsize=4096)
def normal_line(line: str) -> str:
    """`normalize` of one line, cached: linking reads a line's terms and then its themes from it."""
    return normalize(line)


# A sentence is cut this far either side of its match (the longest in the shared reports has 341 characters):
# evidence stays small, and finding it costs the same for every match, so a text of one endless sentence
# is read in linear time.
SENTENCE_REACH = 500


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The span of the sentence holding text[start:end], ends included, outer spaces trimmed."""
    end = start if end is None else end
    floor = max(0, start - SENTENCE_REACH)
    last = _THROUGH_LAST_END_RE.match(text, floor, start)  # one pass in C where a find per mark took nine
    left = last.end() if last else floor
    right = max(end, start)
    ceiling = min(len(text), right + SENTENCE_REACH)
    stop = _SENTENCE_END_RE.search(text, right, ceiling)
    right = stop.start() if stop else ceiling
    if stop and text[right] != "\n":
        right += 1
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def sentences(text: str, start: int = 0, end: int | None = None):
    """Yield (start, end) spans of the sentences in text[start:end]."""
    end = len(text) if end is None else end
    pos = start
    for match in _SENTENCE_END_RE.finditer(text, start, end):
        stop = match.end()
        if text[pos:stop].strip():
            yield pos, stop
        pos = stop
    if pos < end and text[pos:end].strip():
        yield pos, end


_PUNCT_RE = re.compile(r"[\s\W_]+", re.UNICODE)


def compact(text: str) -> str:
    """Text with punctuation and white space removed, for comparing item texts."""
    return _PUNCT_RE.sub("", normalize(text))
