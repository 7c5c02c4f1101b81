"""The end of a text cut short: a page opening saved at a fixed size may stop inside a heading (二、2024年 /
（三）深) or right after its number (二、), and such a line heads nothing.

Read from the shape alone, never from a list of headings: the text's last line opens with a number; no body
follows it; its title is empty, or it ends with no mark, is less than half as long as the first phrase of
every other heading of its family, goes on numbering them, and names no section kind (二、存在的问题 cut right
after the heading is whole). A whole report ends with its signature, its date or a sentence, so this asks
only about a line that nothing follows.
"""

from __future__ import annotations

import re

from kg.structure.kinds import kinds_named
from kg.structure.markers import line_marker, trim_decor

# Where the first phrase of a heading ends: at a sentence running on after it on the same line (（一）抓实学法。镇党委……),
# or at the comma of a heading in two phrases (强化组织保障，推进法治建设): a cut title is weighed against the shortest
# whole phrase a heading of the family has, so that a short whole heading among two-phrase ones is kept.
_TITLE_END_RE = re.compile(r"[。；;：:！？!?，,]")
# A title that stops at such a mark, or at a closing bracket or quote, ended where its writer ended it.
_ENDED_RE = re.compile(r"[。；;：:！？!?)\]\"'》]$")


def cut_heading(lines) -> bool:
    """Whether the last of `lines` (header.Line, in text order) is a heading the end of the text cut off."""
    if len(lines) < 2:
        return False
    last = lines[-1]
    found = line_marker(last.text)
    if found is None:
        return False
    style, number, length = found
    title = last.text[length : trim_decor(last.text, length, len(last.text))].strip()
    if not title:
        return True
    if _ENDED_RE.search(title) or any(kinds_named(title)):
        return False
    siblings = []
    for line in lines[:-1]:
        marker = line_marker(line.text)
        if marker is not None and marker[0] == style:
            siblings.append((marker[1], _title(line.text, marker[2])))
    if not siblings or (number and siblings[-1][0] + 1 != number):
        return False  # a line that numbers on no heading before it is no unfinished one of theirs
    return 2 * len(title) < min(len(words) for _, words in siblings)


def _title(text: str, start: int) -> str:
    stop = _TITLE_END_RE.search(text, start)
    return text[start : stop.start() if stop else trim_decor(text, start, len(text))].strip()
