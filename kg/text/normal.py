"""The same-length normal form for matching: full-width → half-width, one kind of quote, dot and space.

A module apart from kg.text, which builds the model's evidence, so that kg.ids can use it without
an import cycle (model → ids → text → model). kg.text exports it as before.
"""

from __future__ import annotations

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
# The same table as a sequence over the Basic Multilingual Plane, every other character mapped to itself:
# str.translate looks a character up in a dict by raising and clearing a KeyError for each one it does not
# map (nearly every character of a report), and indexes a sequence without. Beyond it (U+10000 and up) the
# lookup fails and the character stays, as with the dict. About 3× faster on a report.
_SEQUENCE = list(range(0x10000))
for _code, _mapped in _TABLE.items():
    _SEQUENCE[_code] = _mapped
_SEQUENCE = tuple(_SEQUENCE)


def normalize(text: str) -> str:
    """Full-width → half-width, unify quotes, dots and spaces; the result has the same length."""
    return text.translate(_SEQUENCE)
