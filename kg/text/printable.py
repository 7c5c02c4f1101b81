"""Text from reports made safe to show: no control or direction-changing character reaches a terminal."""

from __future__ import annotations

import re

from kg.errors import text_name  # noqa: F401  re-exported: names a file in every output

# C0 controls but tab and newline, DEL, C1 controls (U+009B is a CSI on many terminals), and the
# bidirectional overrides and isolates that make a line read differently from what it holds; lone
# surrogates are the bytes of a file name that is not UTF-8 (os.fsdecode), shown as those bytes.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str, one_line: bool = False) -> str:
    """`text` with every unsafe character shown as a visible escape (\\x1b, \\u202e); `one_line`: newlines and tabs too."""
    text = _UNSAFE.sub(_escape, text)
    return text.replace("\n", "\\n").replace("\t", "\\t") if one_line else text


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_RAW_IN_DATA = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def unicode_escaped(text: str) -> str:
    """Serialized RDF or JSON with each unsafe character written as a \\uXXXX escape, which all of them read back.

    Only literals can hold such characters (IRIs are made safe where they are minted), and inside a
    literal of N-Triples, Turtle, TriG or JSON a \\u escape means the character itself: same data,
    nothing for a terminal to obey when the file is shown.
    """
    return _RAW_IN_DATA.sub(lambda m: f"\\u{ord(m.group()):04X}", text)


def json_safe(text: str) -> str:
    """JSON text with every unsafe character written as a \\u escape (C1 and direction marks JSON leaves raw)."""
    return unicode_escaped(text)


