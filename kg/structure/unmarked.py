"""Items that no number marks: lines whose shape says they are items (a heading line over each paragraph, short
phrases on lines of their own, lines that each open with a time label, lines that each close with an aside)."""

from __future__ import annotations

import re

from kg.structure.labels import TIME_WORDS
from kg.structure.tops import is_plain_heading

# A time before a colon labels an item by when it is due (2025年：…, 2026年度：…, 一季度：…, 下半年：…, 6月底前：…);
# it names no content. A span of months labels it too (1—3月  …), with a colon or with a gap of spaces after it.
TIME_LABEL_RE = re.compile(
    rf"(?:(?:19|20)\d{{2}}\s*年度?|{TIME_WORDS}"
    r"|\d{1,2}\s*月?\s*[—–~至到-]+\s*\d{1,2}\s*月(?:份|底)?)"
    r"(?:\s*[:：]\s*|[ \t]{2,})")
_SENTENCE_MARK_RE = re.compile(r"[。；;!?！？]")
_BARE_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{4}")  # a phrase that can name an item, not a stray label


def headed_paragraphs(lines, lone=False) -> list:
    """Unnumbered heading lines, each over the paragraph it heads (基层法治队伍力量薄弱 / 镇司法所仅有……。).

    Only when the body opens with such a heading and has two or more: a lone short line is a lead-in, unless
    `lone` (the document heads its paragraphs this way elsewhere) and the body is that line and one paragraph.
    """
    heads = [line for pos, line in enumerate(lines[:-1])
             if is_plain_heading(line.text) and not _SENTENCE_MARK_RE.search(line.text)
             and _SENTENCE_MARK_RE.search(lines[pos + 1].text) and not is_plain_heading(lines[pos + 1].text)]
    if lone and len(heads) == 1 and len(lines) == 2 and heads[0] is lines[0]:
        return heads
    if len(heads) < 2 or heads[0] is not lines[0]:
        return []
    return heads


def bare_lines(lines, paragraphs) -> list:
    """Short phrases on lines of their own, each an item (健全学法制度 / 充实执法力量), after any lead sentence.

    Two or more such lines that no sentence follows are a list: lines alike in shape are siblings, so none of
    them is the heading of the others. A sentence after them makes them headings of what follows, or prose.
    """
    bare = [line for line in lines if is_plain_heading(line.text) and _BARE_ITEM_RE.search(line.text)]
    if len(bare) < 2 or any(line.start > bare[0].start for line in paragraphs):
        return []
    return bare


def timed_lines(norm: str, lines) -> list:
    """Lines that each open with a time label (1—3月  制定…, 2025年：建成…), two or more: an item each."""
    timed = [line for line in lines if TIME_LABEL_RE.match(norm, line.start, line.end)]
    return timed if len(timed) >= 2 else []


# The closing brackets as the normal form writes them (）→), 】→]): quotes (” and 」 become ") close no aside.
_CLOSING_MARKS = ")』]"


def closed_alike(lines) -> list:
    """Lines with no sentence mark that each close with an aside in brackets (……（牵头：司法所）), two or more, and
    nothing else in the body: siblings by their shape, an item each."""
    if len(lines) < 2 or any(_SENTENCE_MARK_RE.search(line.text) or not _BARE_ITEM_RE.search(line.text)
                             for line in lines):
        return []
    ends = {line.text.rstrip()[-1:] for line in lines}
    return lines if len(ends) == 1 and ends <= set(_CLOSING_MARKS) else []
