"""Character-level helpers: a same-length normal form for matching, and sentence spans for evidence."""

from __future__ import annotations

import re

from kg.model import Evidence

# One character in, one character out, so offsets in the normal form are offsets in the original.
_FULL_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF[0x3000] = 0x20  # ideographic space
_EXTRA = {
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u200b": " ",
    "\ufeff": " ",
    "\u30fb": "·",  # katakana middle dot
    "\u2022": "·",
    "\u2027": "·",
    "\u00b7": "·",
    "\uff0e": ".",
    "\u2014": "-",
    "\u2013": "-",
    "\u201c": '"',
    "\u201d": '"',
    "\u300c": '"',
    "\u300d": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u3014": "[",  # 〔 as in document numbers
    "\u3015": "]",
    "\u3010": "[",
    "\u3011": "]",
}
_TABLE = {**_FULL_TO_HALF, **{ord(k): v for k, v in _EXTRA.items()}}


def normalize(text: str) -> str:
    """Full-width → half-width, unify quotes, dots and spaces; the result has the same length."""
    return text.translate(_TABLE)


SENTENCE_END = "。！？；!?;\n"
_SENTENCE_END_RE = re.compile(r"[。！？；!?;\n]")


# A sentence is cut this far either side of its match (the longest in the shared reports has 341 characters):
# evidence stays small, and finding it costs the same for every match, so a text of one endless sentence
# is read in linear time.
SENTENCE_REACH = 500


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The span of the sentence holding text[start:end], ends included, outer spaces trimmed."""
    end = start if end is None else end
    floor = max(0, start - SENTENCE_REACH)
    left = max(text.rfind(mark, floor, start) for mark in SENTENCE_END) + 1 or floor
    left = max(left, floor)
    right = max(end, start)
    ceiling = min(len(text), right + SENTENCE_REACH)
    stops = [found for mark in SENTENCE_END if (found := text.find(mark, right, ceiling)) != -1]
    right = min(stops) if stops else ceiling
    if right < len(text) and stops and text[right] != "\n":
        right += 1
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def evidence(source_path: str, text: str, start: int, end: int) -> Evidence:
    """Evidence for text[start:end]: the offsets and the sentence that holds them."""
    s, e = sentence_bounds(text, start, end)
    return Evidence(source=source_path, start=start, end=end, sentence=text[s:e])


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
