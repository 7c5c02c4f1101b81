"""Text that came out of a PDF: hard-wrapped lines joined again, page footers and running heads dropped.

Whatever the file format, a report pasted from a PDF breaks every line at the page width, in the
middle of sentences and of headings, and carries `— 3 —` or `第3页 共8页` and the title again on
every page. Such text is read as the joined text; `origin` maps each of its characters back to the
original, so that evidence still points into the file as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

PAGE_NUMBER_RE = re.compile(
    r"^[-—－–\s]*(?:\d{1,4}|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)"
    r"[-—－–\s]*$"
)
# A line that opens a numbered heading or item starts a new paragraph, however full the line before it.
OPENS_ITEM_RE = re.compile(
    r"^[*#\s]*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d)"
    r"|第[一二三四五六七八九十]{1,3}(?:部分|章|篇)|[\u2460-\u2473]|【|[●■◆▪•◇□○★☆▲►])"
)
_ENDS_SENTENCE = tuple("。！？；：:;!?")
# A title that happens to fill the line ends with what it is; a wrapped sentence rarely stops there.
_ENDS_TITLE_RE = re.compile(r"(?:报告|总结|汇报)$")
_INDENT = (" ", "\u3000", "\t")
# A whole row of a Markdown table (| a | b |) ends its line, and a line opening with a bar starts a row; a row
# cut at the wrap width (| a | b…) still joins its rest.
_MARKDOWN_ROW_RE = re.compile(r"\|.*\|")
# A wrapped text has most of its prose lines within a few characters of one width; reports typeset for
# A4 break at 25–45 characters, a pasted page at up to about 60.
_MIN_WIDTH, _MAX_WIDTH = 16, 70
_WIDTH_SLACK = 3
_WRAPPED_SHARE = 0.5
_MIN_WRAPPED_LINES = 5
_RUNNING_HEAD_REPEATS = 3


@dataclass(frozen=True)
class Unwrapped:
    """The joined text, and for each of its characters (and its end) the offset in the original text."""

    text: str
    origin: tuple[int, ...]

    def start(self, offset: int) -> int:
        return self.origin[offset]

    def end(self, offset: int) -> int:
        """An end offset: just after the original character of the last joined character before it."""
        return self.origin[offset - 1] + 1 if offset > 0 else self.origin[0]


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None when its lines do not share one."""
    lengths = [len(line.strip()) for line in lines if len(line.strip()) >= _MIN_WIDTH]
    if len(lengths) < _MIN_WRAPPED_LINES:
        return None
    width = max(Counter(lengths).items(), key=lambda kv: (kv[1], kv[0]))[0]
    near = sum(width - _WIDTH_SLACK <= n <= width for n in lengths)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH or near < _MIN_WRAPPED_LINES or near < _WRAPPED_SHARE * len(lengths):
        return None
    return width


def _furniture(lines: list[str]) -> set[int]:
    """Indices of page numbers, and of running heads: short lines repeated on most pages or next to a page number."""
    stripped = [line.strip() for line in lines]
    drop = {i for i, line in enumerate(stripped) if line and PAGE_NUMBER_RE.match(line)}
    if len(drop) < 2:
        return drop
    counts = Counter(line for line in stripped if 0 < len(line) <= 40 and not OPENS_ITEM_RE.match(line))
    repeated = {text for text, n in counts.items() if n >= _RUNNING_HEAD_REPEATS}
    for i in sorted(drop):
        for step in (-1, 1):  # the nearest line on either side of a page number, across blank lines
            j = i + step
            while 0 <= j < len(lines) and not stripped[j]:
                j += step
            if 0 <= j < len(lines) and counts.get(stripped[j], 0) >= 2:
                repeated.add(stripped[j])
    for text in repeated:
        copies = [i for i, line in enumerate(stripped) if line == text]
        drop.update(copies[1:])  # the first copy of a repeated title is the title itself
    return drop


def unwrap(text: str) -> Unwrapped | None:
    """The text with wrapped lines joined and page furniture dropped, or None when it does not look wrapped."""
    lines = text.split("\n")
    width = wrap_width(lines)
    page_numbers = sum(bool(line.strip() and PAGE_NUMBER_RE.match(line.strip())) for line in lines)
    if width is None and page_numbers < 2:
        return None
    drop = _furniture(lines)
    out: list[str] = []
    origin: list[int] = []
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    previous = None  # index of the last kept non-blank line
    pending_break = ""  # the blank lines between it and the next kept line
    crossed_page = False  # a page footer or running head was dropped since it
    for i, line in enumerate(lines):
        if i in drop:
            crossed_page = True
            continue
        if not line.strip():
            pending_break += "\n"
            continue
        # A blank line ends a paragraph, unless it only framed a page break.
        joined = (previous is not None and width is not None and (not pending_break or crossed_page)
                  and _continues(lines[previous], line, width))
        if previous is not None and not joined:
            breaks = "\n" + pending_break
            # the breaks stand for the newline that ended the previous kept line
            out.append(breaks)
            origin.extend([offsets[previous] + len(lines[previous])] * len(breaks))
        start = len(line) - len(line.lstrip()) if joined else 0
        out.append(line[start:])
        origin.extend(range(offsets[i] + start, offsets[i] + len(line)))
        previous, pending_break, crossed_page = i, "", False
    if text.endswith("\n"):
        out.append("\n")
        origin.append(len(text) - 1)
    joined_text = "".join(out)
    origin.append(len(text))
    return Unwrapped(joined_text, tuple(origin))


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether `line` carries on the paragraph (or heading) that `previous` was cut from at the wrap width."""
    full = len(previous.strip()) >= width - _WIDTH_SLACK
    return (full and not previous.rstrip().endswith(_ENDS_SENTENCE) and not _ENDS_TITLE_RE.search(previous.rstrip())
            and not line.startswith(_INDENT) and not OPENS_ITEM_RE.match(line)
            and not _MARKDOWN_ROW_RE.fullmatch(previous.strip()) and not line.lstrip().startswith("|"))
