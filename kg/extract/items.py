"""Outline item headings → Item records: the heading or first clause, its evidence and the whole body's span."""

from __future__ import annotations

import re

from kg.model import Item, Source
from kg.model import evidence

# A number or mark the outline read the item by but left before its heading, when it numbered the item some
# other way (by its line, a run, a label): （Ⅰ） Ⅱ、 (a) A. 1.1 ⑴ ⒈ ㈠ ① 第一， 其一， —— ** ##.
# An item's text is what a reader would copy, without it.
_LEFTOVER_MARK_RE = re.compile(
    r"\s*(?:[(（]\s*(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3}|[A-Za-z]|\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]"
    r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3}\s*[、.．]|[A-Za-z]\s*[.．、)）](?=\s*[\u4e00-\u9fff])|\d{1,2}(?:[.．]\d{1,2})+\s*[、.．]?"
    r"|[\u2474-\u249b\u3220-\u3229\u2460-\u2473]|—{1,2}|\*{1,3}|#{1,6}"
    r"|第[一二三四五六七八九十]{1,3}\s*[,，、:：]|其[一二三四五六七八九十]{1,3}\s*[,，、:：])\s*")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def _leftover_mark(heading: str) -> int:
    """Length of a leftover mark before the heading's words, 0 when there is none (or nothing after it)."""
    match = _LEFTOVER_MARK_RE.match(heading)
    return match.end() if match and _CJK_RE.search(heading, match.end()) else 0


def _named(outline, kind: str):
    """Item nodes of one kind that name something: a bare marker with nothing after it names no item."""
    return [node for node in outline.items(kind) if node.text_end > node.text_start]


def collect(source: Source, outline, kind: str) -> tuple[Item, ...]:
    """Items of one kind (measure, shortcoming, plan) in text order, numbered across the report from 0."""
    answers = {}
    if kind == "plan" and outline.pairs:
        problem_ordinals = {node.start: n for n, node in enumerate(_named(outline, "shortcoming"))}
        answers = {remedy: problem_ordinals.get(problem) for problem, remedy in outline.pairs}
    items = []
    for node in _named(outline, kind):
        skip = _leftover_mark(node.heading)
        items.append(Item(
            kind=kind,
            text=node.heading[skip:],
            section=node.section,
            ordinal=len(items),
            evidence=evidence(source.path, source.text, node.text_start + skip, node.text_end),
            body_start=node.start,
            body_end=node.end,
            answers=answers.get(node.start),
        ))
    return tuple(items)
