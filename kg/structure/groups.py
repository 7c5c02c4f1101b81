"""Titles that group the items of a problems or plans section (（一）决策环节 / （二）执法环节, （一）镇机关 /
（二）村（社区）), each over its own numbered lines: the lines are the items, the titles are none.

Aspect words (方面, 原因, 近期目标) name such titles in outline.py; this reads them off their shape instead, so a
grouping no word list holds is seen too: every title is alone on its line, short, states no problem (or opens no
plan), and has numbered lines of another style below it, or, after a colon on its own line, two or more clauses
that each state the kind (（一）乡本级：A；B。 / （二）村级：C；D。).
"""

from __future__ import annotations

import re

from kg.structure.header import lines_of
from kg.structure.kinds import kinds_named
from kg.structure.labels import states, states_by_words_or_shape
from kg.structure.markers import line_marker
from kg.structure.nodes import Node

_ITEM_KINDS = ("measures", "duty", "shortcomings", "plans")
_MAX_TITLE = 12  # characters of a group title; a longer one is a statement
_SENTENCE_MARK_RE = re.compile(r"[。；;，,！？!?:]")


def group_titles(norm: str, items: list[Node], end: int, styles, kind: str) -> bool:
    """Whether every item of a section is a group title over numbered lines of its own (two or more items)."""
    if len(items) < 2:
        return False
    for pos, item in enumerate(items):
        title = norm[item.text_start : item.text_end]
        line_end = norm.find("\n", item.text_end)
        rest = norm[item.text_end : line_end if line_end >= 0 else end]
        # A title naming a kind (（三）对策措施) splits a combined section instead, as outline.py reads it.
        if ((rest.strip() and not _stating_clauses(rest, kind)) or len(title) > _MAX_TITLE
                or _SENTENCE_MARK_RE.search(title)
                or any(k in _ITEM_KINDS for k in kinds_named(title))
                or (kind in ("shortcomings", "plans") and states(title, 0, len(title), kind))):
            return False
        if rest.strip():
            continue  # its clauses follow its colon on the line
        stop = items[pos + 1].start if pos + 1 < len(items) else end
        below = (line_marker(line.text, styles) for line in lines_of(norm, item.text_end, stop))
        if not any(found and found[0] != item.style for found in below):
            return False
    return True


def _stating_clauses(rest: str, kind: str) -> bool:
    """Whether the rest of a title's line is a colon and two or more clauses that each state the kind."""
    match = _COLON_RUN_RE.match(rest)
    if not match or kind not in ("shortcomings", "plans"):
        return False
    clauses = [c for c in _CLAUSE_SPLIT_RE.split(match.group(1)) if c.strip()]
    # by listed words or by grammar (未按时公布): asked only of titles that state nothing themselves
    return len(clauses) >= 2 and all(states_by_words_or_shape(c, 0, len(c), kind) for c in clauses)


_COLON_RUN_RE = re.compile(r"\s*:\s*(\S.*)")
_CLAUSE_SPLIT_RE = re.compile(r"[；;。]")


def stating_titles(lines, styles, kind: str) -> list:
    """Unmarked lines that each state an item of the kind, over marked lines of their steps (规范文件制定程序 /
    · 制发前…征求意见 / · 建立…反馈制度): the titles are the items, two or more, the body opening with one.

    The converse of group_titles: a title that states nothing groups the items below it; one that states a
    problem or a plan is the item, and what is marked below it says how.
    """
    titles, under = [], False
    for line in lines:
        marked = line_marker(line.text, styles)
        if marked:
            if not titles:
                return []
            under = True
            continue
        if (len(line.text) > _MAX_STEP_TITLE or _SENTENCE_MARK_RE.search(line.text)
                or not states(line.text, 0, len(line.text), kind)):
            return []
        titles.append(line)
    return titles if len(titles) >= 2 and under else []


_MAX_STEP_TITLE = 20  # characters of a title line over its steps; a longer line is a statement
