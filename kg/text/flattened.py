"""Text whose line breaks became spaces: the lines set apart again, and the spaces a wrap left inside words dropped.

A report converted out of a Word file or a PDF and pasted into a page sometimes loses every line break: each
wrap and each paragraph end is one space, so the whole report is one line with its headings inside it (报告 如下:
一、2020 年推进… (一)加强组织领导 成立…), and a word cut by the wrap keeps a space in its middle (法 治政府). Such a
line is told by those spaces between Chinese characters, which typed prose never has in numbers; it is read with a
line break before each number that opens a heading or an item, and without the spaces inside words. As the
unwrapper does, `origin` maps each character back to the file's own text.
"""

from __future__ import annotations

import re

from kg.text.unwrap import ENDS_TITLE_RE, Unwrapped

# A paragraph pasted whole is long; a flattened report holds a wrap space every few dozen characters.
_MIN_LINE = 200
_MIN_SPACES = 8
_CHARS_PER_SPACE = 40
# Spaces between two characters set tight in Chinese text: ideographs, full-width marks and digits. Quotation
# marks are left out: a page often sets them apart with spaces of its own (落实 “一岗双责”).
_TIGHT = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\d%]"
_WRAP_SPACE_RE = re.compile(rf"(?<={_TIGHT}) (?={_TIGHT})")
_SPACES_RE = re.compile(r" +")
# Numbers that open a heading or an item, right after a space: 一、 （一） (一) 1. 1、 第一部分.
_OPENS_RE = re.compile(r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．](?!\d)"
                       r"|第[一二三四五六七八九十]{1,3}部分")
# 一是 opens a line only after a heading; after a mark it goes on a paragraph that tells a series inside it.
_ORDINAL_RE = re.compile(r"[一二三四五六七八九十]{1,2}是")
_MARKS = frozenset("。，、；：！？,.;:!?）)”’")
# The converted file's name before the title (….docx 某某报告), and a title before the first sentence.
_FILE_NAME_RE = re.compile(r"\.(?:docx?|wps|pdf|txt)$", re.IGNORECASE)
_TITLE_REACH = 60
_PROSE_RE = re.compile(r"[，。；：,;:]")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")


def is_flattened(line: str) -> bool:
    """Whether a line is a flattened report: long, and cut by wrap spaces between Chinese characters throughout."""
    if len(line) < _MIN_LINE:
        return False
    spaces = len(_WRAP_SPACE_RE.findall(line))
    return spaces >= max(_MIN_SPACES, len(line) / _CHARS_PER_SPACE)


def unflatten(text: str) -> Unwrapped | None:
    """The text with its flattened lines set apart and their wrap spaces dropped, or None when none is flattened."""
    lines = text.split("\n")
    if not any(is_flattened(line) for line in lines):
        return None
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for n, line in enumerate(lines):
        if is_flattened(line):
            _set_apart(line, pos, out, origin)
        else:
            out.append(line)
            origin.extend(range(pos, pos + len(line)))
        if n < len(lines) - 1:
            out.append("\n")
            origin.append(pos + len(line))
        pos += len(line) + 1
    origin.append(len(text))
    return Unwrapped("".join(out), tuple(origin))


def _set_apart(line: str, offset: int, out: list[str], origin: list[int]) -> None:
    """Append the line with a break at each space before a heading's number and without its wrap spaces."""
    kept = 0  # the line's characters up to here are written
    opened = 0  # where the line being set apart begins
    breaks = 0
    for match in _SPACES_RE.finditer(line):
        start, end = match.span()
        if start == 0 or end == len(line):
            continue  # an indent or a trailing space says nothing of a wrap
        out.append(line[kept:start])
        origin.extend(range(offset + kept, offset + start))
        kept = end
        # Only a head short enough to be a title is sliced: a copy of every longer run would make a long line's
        # cost its length squared.
        head = line[opened:start] if breaks < 2 and start - opened <= _TITLE_REACH else None
        action = _space(line, start, end, head)
        if action == "\n":
            out.append("\n")
            origin.append(offset + start)
            opened, breaks = end, breaks + 1
        elif action == " ":
            out.append(line[start:end])
            origin.extend(range(offset + start, offset + end))
    out.append(line[kept:])
    origin.extend(range(offset + kept, offset + len(line)))


def _space(line: str, start: int, end: int, head: str | None) -> str:
    """What a run of spaces stands for: a line break ("\\n"), a wrap inside a word (""), or a space (" ").

    `head` is the text since the last break while the report's first lines (a file name, a title) may still end there."""
    before, after = line[start - 1], line[end]
    if _OPENS_RE.match(line, end):
        return "\n"
    if _ORDINAL_RE.match(line, end) and before not in _MARKS:
        return "\n"
    if head is not None and len(head) <= _TITLE_REACH and (
            _FILE_NAME_RE.search(head) or (ENDS_TITLE_RE.search(head) and not _PROSE_RE.search(head))):
        return "\n"
    if _ASCII_ALNUM.match(before) and _ASCII_ALNUM.match(after):
        return " "  # words or figures of a Latin script keep their space
    return ""
