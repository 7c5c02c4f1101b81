"""Text that came out of a PDF: hard-wrapped lines joined again, page footers and running heads dropped.

Whatever the file format, a report pasted from a PDF breaks every line at the page width, in the
middle of sentences and of headings, and carries `— 3 —` or `第3页 共8页` and the title again on
every page. Such text is read as the joined text; `origin` maps each of its characters back to the
original, so that evidence still points into the file as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from kg.text.numbering import MARKERS, line_marker
from kg.text.normal import normalize

PAGE_NUMBER_RE = re.compile(
    r"^[-—－–\s]*(?:\d{1,4}|第\s*\d+\s*[页頁](?:\s*[,，/]?\s*共\s*\d+\s*[页頁])?|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)"
    r"[-—－–\s]*$"
)
# A page number printed on one line with a running head or foot, the two kept apart by a wide gap.
_NUMBER_TOKEN = r"(?:第\s*\d+\s*[页頁](?:\s*[,，/]?\s*共\s*\d+\s*[页頁])?|[-—－–]\s*\d+\s*[-—－–]|\d+\s*/\s*\d+)"
# The same at a page's edge once the gap is gone (a PDF line whose spaces between CJK characters were dropped).
NUMBERED_EDGE_RE = re.compile(rf"^(?:(?P<before>.*?\S)\s*{_NUMBER_TOKEN}|{_NUMBER_TOKEN}\s*(?P<after>\S.*))$")
_WIDE_GAP = r"(?: {2,}|\u3000{2,})"
_PAGED_LINE_RE = re.compile(rf"^(?:(?P<before>\S.*?){_WIDE_GAP}{_NUMBER_TOKEN}|{_NUMBER_TOKEN}{_WIDE_GAP}(?P<after>.*\S))$")
# Table cells copied apart by a tab or by a run of spaces (a page's layout kept), not the indent before a line;
# a table typed in a word processor parts its cells with two or more full-width spaces.
_CELL_GAP_RE = re.compile(r"(?<=\S)(?:\t+| {3,}|\u3000{2,})(?=\S)")
# A line that opens a numbered heading or item starts a new paragraph, however full the line before it: a number of
# any family the outline numbers headings and items with (一、 （一） 1) 一) ① 第一部分 问题一： ● ➢), the outline's own
# list of families, so that a family it learns is never joined onto a heading above it. Two are apart: 一是, as a
# series told in prose may wrap right before 二是 (see _continues); and the bracket, as the normal form makes a
# document number's 〔2025〕 wrapped onto a line look like 【】: 【 is read as typed instead.
_OPENING_FAMILIES = tuple(style for style, _ in MARKERS if style not in ("inline", "bracket"))
_TYPED_BRACKET_RE = re.compile(r"^[*#\s]*【")
# A wrap inside a date's 3·15 or 12·4 leaves its middle dot first on the line, where the outline would see a bullet.
_MIDDLE_DOTS = ("·", "・", "‧")
_ENDS_SENTENCE = tuple("。！？；：:;!?")
# A line closing a tag, a Markdown table row or emphasis was not cut by a wrap.
_ENDS_MARKUP = tuple(">|*#]}")
# Nor, in a short text, is a line closing an aside in brackets (……（制度方面）, ……（牵头：司法所）): lines of a
# list may end so at one length by chance, and a wrap seldom falls right after the bracket.
_ENDS_ASIDE = tuple("）)")
# A line never opens with a closing mark or a unit sign: it is the tail of the line before it.
_NEVER_OPENS = tuple("，。、；：！？）》」』”’%‰,.;:!?)")
# A title that happens to fill the line ends with what it is; a wrapped sentence rarely stops there.
ENDS_TITLE_RE = re.compile(r"(?:报告|总结|汇报|報告|總結|匯報)$")  # in either script
_NARROW_RE = re.compile(r"[\x21-\x7e\uff61-\uff9f ]")
PROSE_RE = re.compile(r"[，。；：、,;]")
# Members of a series told in prose: 一是 二要 其一， 第二， 首先 其次; and one that follows another in a line.
_ORDINAL_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}[是要]|其[一二三四五六七八九十]{1,2}|第[一二三四五六七八九十]{1,2}[，,、]"
                         r"|首先|其次|再次|最后)")
_INLINE_ORDINAL_RE = re.compile(r"[。；;]\s*(?:[一二三四五六七八九十]{1,2}[是要]|其[一二三四五六七八九十]{1,2}[，,、]"
                                r"|第[一二三四五六七八九十]{1,2}[，,、]|其次|再次|最后)")
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
# A short report may wrap only two lines; two lines cut at the same longest width are rarely chance.
_FEW_WRAPPED_LINES = 2
_BEYOND_SHARE = 0.25  # lines a page adds unwrapped (its chrome, a Markdown line); typed paragraphs run past far more
_SPACED_SHARE = 0.9
_RUNNING_HEAD_REPEATS = 3
# A running head is a title or an issuing body: a few characters to a long title.
_MIN_HEAD, _HEAD_LENGTH = 4, 60
DATE_LINE_RE = re.compile(r"^[\d〇零一二三四五六七八九○Ｏ０-９]{4}\s*年\s*[\d一二三四五六七八九十０-９]{1,3}\s*月"
                           r"\s*[\d一二三四五六七八九十０-９]{1,3}\s*日$")


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

    @classmethod
    def spliced(cls, text: str, edits: list[tuple[int, int, str]]) -> Unwrapped:
        """The text with each (start, end, put) in order of start: text[start:end] taken out and `put` set in its
        place; the characters put in take the offset of `start`, the rest keep their own."""
        out: list[str] = []
        origin: list[int] = []
        kept = 0
        for start, end, put in edits:
            out.append(text[kept:start])
            origin.extend(range(kept, start))
            out.append(put)
            origin.extend([start] * len(put))
            kept = end
        out.append(text[kept:])
        origin.extend(range(kept, len(text) + 1))
        return cls("".join(out), tuple(origin))

    def then(self, second: Unwrapped | None) -> Unwrapped:
        """This text changed once more by `second` (made from this one's text), its offsets going back through both."""
        if second is None:
            return self
        return Unwrapped(second.text, tuple(self.origin[i] for i in second.origin))


def cells(line: str) -> int:
    """The width of a line on the page in full-width cells: a half-width letter or digit takes half a cell."""
    wide = len(_NARROW_RE.sub("", line))  # one new string, not a list of the narrow characters
    return (len(line) + wide + 1) // 2


@dataclass(frozen=True)
class Column:
    """The width a text was wrapped at, and how its lines are measured against it."""

    width: int
    measure: Callable[[str], int] = len


def column(lines: list[str]) -> Column | None:
    """The column the text was hard-wrapped to, or None when its lines do not share one.

    A program that cuts text counts characters; a typeset page fills a width in which a half-width digit
    takes half a cell. Both are tried, and the one under which more lines reach the width wins."""
    rows = [line.rstrip() for line in lines if not _has_cell_gap(line)]  # a table row is as wide as its cells
    found = [c for c in (_column(rows, len), _column(rows, cells)) if c is not None]
    if not found:
        return None
    return max(found, key=lambda c: c[1])[0]


def _has_cell_gap(line: str) -> bool:
    # most lines hold neither a tab nor three spaces, and a find says so faster than the pattern, tried at every place
    return ("\t" in line or "   " in line or "\u3000\u3000" in line) and _CELL_GAP_RE.search(line) is not None


def _paged_line(line: str) -> re.Match | None:
    """_PAGED_LINE_RE.match, tried only on a line that holds the wide gap it needs."""
    return _PAGED_LINE_RE.match(line) if "  " in line or "\u3000\u3000" in line else None


def _column(rows: list[str], measure: Callable[[str], int]) -> tuple[Column, int] | None:
    """The column under one measure, and how many lines reach it."""
    measured = [(row, n) for row, n in zip(rows, map(measure, rows)) if n >= _MIN_WIDTH]  # each row measured once
    lengths = [n for _, n in measured]
    if not lengths:
        return None
    width = max(Counter(lengths).items(), key=lambda kv: (kv[1], kv[0]))[0]
    near = sum(width - _WIDTH_SLACK <= n <= width for n in lengths)
    # no wrapped line runs past the width but by a hanging mark, or by a character measured wider than it was set
    beyond = sum(n > width + 1 for n in lengths)
    if (_MIN_WIDTH <= width <= _MAX_WIDTH and near >= _MIN_WRAPPED_LINES and near >= _WRAPPED_SHARE * len(lengths)
            and beyond <= _BEYOND_SHARE * len(lengths)):
        # the right measure puts the cut lines on the width itself, not merely near it
        return Column(width, measure), sum(width - 1 <= n <= width + 1 for n in lengths)
    return _few_lines_column(measured, measure)


def _few_lines_column(measured: list[tuple[str, int]], measure: Callable[[str], int]) -> tuple[Column, int] | None:
    """The column of a short text that wraps only a few lines: those lines are cut mid-sentence at exactly the
    longest width, and no line runs past it by more than the closing mark a typesetter lets hang.

    `measured`: the rows of at least the least width, each with its measure."""
    cut = Counter(n for line, n in measured
                  if not line.endswith(_ENDS_SENTENCE + _ENDS_MARKUP + _ENDS_ASIDE) and not ENDS_TITLE_RE.search(line))
    shared = [n for n, count in cut.items() if count >= _FEW_WRAPPED_LINES]
    if not shared:
        return None
    width = max(shared)
    lengths = [n for _, n in measured]
    beyond = sum(n > width + 1 for n in lengths)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH or beyond > _BEYOND_SHARE * len(lengths):
        return None
    return Column(width, measure), cut[width - 1] + cut[width] + cut[width + 1]


def _furniture(lines: list[str]) -> set[int]:
    """Indices of page numbers, and of running heads and feet: short lines next to a page number that the text
    repeats or that repeat its opening (the title, wrapped or not), and short lines repeated on most pages."""
    stripped = [line.strip() for line in lines]
    numbers = [i for i, line in enumerate(stripped) if line and PAGE_NUMBER_RE.match(line)]
    # a head or foot printed beside the number: the same words on several pages, or the title, or a line the
    # text holds elsewhere (the issuer)
    beside = {i: match.group("before") or match.group("after")
              for i, match in ((i, _paged_line(line)) for i, line in enumerate(stripped)) if match}
    if not beside and len(numbers) < 2:
        return set(numbers)  # no pages to speak of (most texts): nothing else to look for
    # a wrapped line's short tail (。, 2次。) repeats by chance; a head or foot is words of its own
    counts = Counter(line for line in stripped if _MIN_HEAD <= len(line) <= _HEAD_LENGTH
                     and not opens_marked(line) and not line.startswith(_NEVER_OPENS))
    opening = "".join(line for line in stripped if line)[:2 * _HEAD_LENGTH]
    repeated = Counter(beside.values())
    numbers += [i for i, words in beside.items()
                if repeated[words] >= 2 or counts.get(words) or (len(words) >= _MIN_HEAD and opening.startswith(words))]
    numbers.sort()
    drop = set(numbers)
    if len(drop) < 2:
        return drop
    for i in numbers:
        for step in (-1, 1):  # the nearest line on either side of a page number, across blank lines
            j = _nearest(stripped, i, step)
            if j is None or j in drop or _signs_off(stripped, j):
                continue
            text = stripped[j]
            if counts.get(text, 0) >= 2 or (len(text) >= _MIN_HEAD and opening.startswith(text) and j > 0
                                             and counts.get(text) is not None):
                drop.add(j)
    for text, n in counts.items():
        if n >= _RUNNING_HEAD_REPEATS:
            copies = [i for i, line in enumerate(stripped) if line == text]
            # the first copy of a repeated title is the title itself; the one over the date, the signature
            drop.update(i for i in copies[1:] if not _signs_off(stripped, i))
    return drop


def _nearest(stripped: list[str], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(stripped) and not stripped[j]:
        j += step
    return j if 0 <= j < len(stripped) else None


def _signs_off(stripped: list[str], i: int) -> bool:
    """Whether line i is a signature: the line after it (page numbers aside) is a date, and it is no title."""
    if ENDS_TITLE_RE.search(stripped[i]):
        return False
    j = _nearest(stripped, i, 1)
    while j is not None and (PAGE_NUMBER_RE.match(stripped[j]) or _paged_line(stripped[j])):
        j = _nearest(stripped, j, 1)
    return j is not None and DATE_LINE_RE.match(stripped[j]) is not None


def unwrap(text: str) -> Unwrapped | None:
    """The text with wrapped lines joined and page furniture dropped, or None when it does not look wrapped.

    Text wrapped twice (a narrow PDF column pasted again into a narrower one) still shows the first column
    once the second is joined; it is joined again, and its offsets go back through both."""
    once = _unwrap_once(text)
    if once is None:
        return None
    twice = _unwrap_once(once.text) if column(once.text.split("\n")) is not None else None
    return once.then(twice)


def _unwrap_once(text: str) -> Unwrapped | None:
    lines = text.split("\n")
    margin = _margin(lines)
    width = column([line[margin:] for line in lines])
    drop = _furniture(lines)
    if width is None and len(drop) < 2:
        return None
    spacing = "\n" if _double_spaced(lines) else ""  # a blank line after every line says nothing of paragraphs
    out: list[str] = []
    origin: list[int] = []
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    previous = None  # index of the last kept non-blank line
    opening = None  # index of the first line of the paragraph it belongs to
    inline = False  # whether that paragraph tells a series inside its lines (…。二是…)
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
        joined = (previous is not None and width is not None and (pending_break == spacing or crossed_page)
                  and _continues(lines[previous][margin:], line[margin:], width, lines[opening][margin:], inline))
        if previous is not None and not joined:
            breaks = "\n" + pending_break[len(spacing):]
            # the breaks stand for the newline that ended the previous kept line
            out.append(breaks)
            origin.extend([offsets[previous] + len(lines[previous])] * len(breaks))
        start = len(line) - len(line.lstrip()) if joined else 0
        out.append(line[start:])
        origin.extend(range(offsets[i] + start, offsets[i] + len(line)))
        opening = opening if joined else i
        inline = (inline and joined) or _INLINE_ORDINAL_RE.search(line) is not None
        previous, pending_break, crossed_page = i, "", False
    if text.endswith("\n"):
        out.append("\n")
        origin.append(len(text) - 1)
    joined_text = "".join(out)
    origin.append(len(text))
    return Unwrapped(joined_text, tuple(origin))


def _double_spaced(lines: list[str]) -> bool:
    """Whether (nearly) every line is followed by a blank line, as some PDF tools space the lines they extract."""
    filled = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    spaced = sum(not lines[i + 1].strip() for i in filled)
    return len(filled) >= _MIN_WRAPPED_LINES and spaced >= _SPACED_SHARE * len(filled)


def _margin(lines: list[str]) -> int:
    """The indentation every line shares: a left margin that says nothing of where paragraphs begin."""
    filled = [line for line in lines if line.strip()]
    if not filled:
        return 0
    shared = min(len(line) - len(line.lstrip()) for line in filled)
    first = filled[0][:shared]
    return shared if all(line.startswith(first) for line in filled) else 0


def _continues(previous: str, line: str, col: Column, opening: str | None = None, inline: bool = False) -> bool:
    """Whether `line` carries on the paragraph (or heading) that `previous` was cut from at the wrap width;
    `opening` is the first line of that paragraph, `inline` whether it goes on from one member of a series to
    the next inside its lines."""
    if line.count("\t") >= max(previous.count("\t"), 1):  # a table row starts its own line; a cut row's tail
        return False                                         # holds fewer cells than the row
    if _MARKDOWN_ROW_RE.fullmatch(previous.strip()) or line.lstrip().startswith("|"):
        return False
    if line.lstrip().startswith(_NEVER_OPENS):
        return True
    end, width, measure = previous.strip(), col.width, col.measure
    filled = measure(previous.rstrip())  # an indented first line is full with fewer characters
    if filled < width - _WIDTH_SLACK or (ENDS_TITLE_RE.search(end) and not PROSE_RE.search(end)):
        return False
    if line.startswith(_INDENT) or opens_marked(line):
        return False
    if opens_marked(end) and not PROSE_RE.search(end) and measure(line.rstrip()) >= width - _WIDTH_SLACK:
        # a numbered heading that fills the line, then a full line of prose: a wrapped heading's tail is short
        return False
    if not end.endswith(_ENDS_SENTENCE + _ENDS_ASIDE):
        return True
    # A wrap may fall right after a full stop (or an aside's closing bracket): a line filled to the width, then a line that goes on in prose.
    # A heading, a signature or a date after a paragraph that happens to fill its last line has no punctuation,
    # and a series whose members open lines (一是… / 二是…) goes on opening lines.
    if _ORDINAL_RE.match(line) and opening is not None and _ORDINAL_RE.match(opening.strip()) and not inline:
        return False
    return filled >= width and PROSE_RE.search(line) is not None


def opens_marked(line: str) -> bool:
    """Whether a line opens with a number of a family the outline reads headings or items by, or with a typed 【."""
    stripped = line.strip()
    if _TYPED_BRACKET_RE.match(stripped):
        return True
    return not stripped.startswith(_MIDDLE_DOTS) and line_marker(normalize(stripped), _OPENING_FAMILIES) is not None
